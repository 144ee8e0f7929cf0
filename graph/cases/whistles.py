"""社区吹哨、部门报到: a case summons departments, each answers by its deadline.

A department's answer moves along pending → arrived → accepted, or to refused (with a
reason) from pending or arrived; accepted and refused are final until it is summoned again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from neo4j import AsyncManagedTransaction

from graph.cases.steps import (
    Actor,
    CaseRejected,
    Locked,
    Step,
    StepDone,
    checked_subjects,
    take_step,
)
from graph.database import Database, Row, run_rows

Answer = Literal["arrived", "accepted", "refused"]
ANSWERS_FROM: dict[str, tuple[str, ...]] = {
    "arrived": ("pending",),
    "accepted": ("pending", "arrived"),
    "refused": ("pending", "arrived"),
}
MAX_HOURS = 24 * 30


async def whistle(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    department_ids: Sequence[str],
    hours: float,
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> StepDone:
    """Summon departments to the case; each must answer within `hours`."""
    ids = list(dict.fromkeys(department_ids))
    if not ids:
        raise CaseRejected(
            "INVALID", "departmentIds: name at least one department", field="departmentIds"
        )
    if not 0 < hours <= MAX_HOURS:
        raise CaseRejected(
            "INVALID",
            f"answerWithinHours: must be in (0, {MAX_HOURS}], got {hours}",
            field="answerWithinHours",
        )

    def check(locked: Locked) -> None:
        waiting = sorted(
            w["departmentId"]
            for w in locked.whistles
            if w["departmentId"] in ids and w["answer"] in ("pending", "arrived")
        )
        if waiting:
            raise locked.reject(
                "INVALID",
                f"departmentIds: already summoned and not yet answered: {', '.join(waiting)}",
                field="departmentIds",
            )

    async def write(tx: AsyncManagedTransaction, locked: Locked) -> Row:
        checked_subjects(
            await run_rows(tx, "cases/find_step_subjects", {"ids": ids}),
            ["Department"],
            "departmentIds",
        )
        rows = await run_rows(
            tx,
            "cases/create_case_whistles",
            {"id": locked.id, "departmentIds": ids, "hours": hours},
        )
        return rows[0]

    step = Step(
        "whistle",
        case_id,
        version,
        note,
        tuple(attachments),
        event={"subjectIds": ids, "hours": hours},
    )
    return await take_step(db, actor, step, check=check, write=write)


async def answer(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    department_id: str,
    reply: Answer,
    reason: str | None = None,
    attachments: Sequence[str] = (),
) -> StepDone:
    """Record a summoned department's answer; refusing needs a reason."""
    if reply == "refused" and not (reason and reason.strip()):
        raise CaseRejected("INVALID", "reason: a refusal needs a reason", field="reason")

    def check(locked: Locked) -> None:
        current = next(
            (w["answer"] for w in locked.whistles if w["departmentId"] == department_id), None
        )
        if current is None:
            summoned = sorted(w["departmentId"] for w in locked.whistles)
            raise locked.reject(
                "INVALID",
                f"departmentId: {department_id} was not summoned to case {locked.id} "
                f"(summoned: {', '.join(summoned) or 'none'})",
                field="departmentId",
            )
        if current not in ANSWERS_FROM[reply]:
            raise locked.reject(
                "INVALID",
                f"answer: {department_id} has already answered {current}; "
                f"{reply} may follow only {' or '.join(ANSWERS_FROM[reply])}",
                field="answer",
            )

    async def write(tx: AsyncManagedTransaction, locked: Locked) -> Row:
        rows = await run_rows(
            tx,
            "cases/answer_case_whistle",
            {"id": locked.id, "departmentId": department_id, "answer": reply, "reason": reason},
        )
        return rows[0]

    step = Step(
        "answer_whistle",
        case_id,
        version,
        reason,
        tuple(attachments),
        event={"subjectIds": [department_id], "outcome": reply},
    )
    return await take_step(db, actor, step, check=check, write=write)
