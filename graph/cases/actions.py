"""The plain steps of a case's life: accept, assign, start, escalate, resolve, verify
(close or return), reopen, withdraw. Each is `take_step` with its own checks and writes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from neo4j import AsyncManagedTransaction

from graph.cases.machine import next_level
from graph.cases.routing import holding_labels
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

SimpleAction = Literal["accept", "start", "resolve", "withdraw", "reopen"]
Verifier = Literal["grid_worker", "resident"]


async def simple_step(
    db: Database,
    actor: Actor,
    action: SimpleAction,
    case_id: str,
    version: int,
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> StepDone:
    """A step that only moves the state: accept, start, resolve, withdraw, reopen.

    Reopening (the resident rejects the closing) clears the closing's satisfaction and
    settled flag on the case; the close event keeps them.
    """
    props = {"satisfaction": None, "settled": None} if action == "reopen" else {}
    step = Step(action, case_id, version, note, tuple(attachments), case_props=props)
    return await take_step(db, actor, step)


async def assign(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    handler_ids: Sequence[str],
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> StepDone:
    """Name the people who act on the case (派遣), replacing those named before."""
    ids = list(dict.fromkeys(handler_ids))
    if not ids:
        raise CaseRejected("INVALID", "handlerIds: name at least one person", field="handlerIds")

    async def write(tx: AsyncManagedTransaction, locked: Locked) -> Row:
        checked_subjects(
            await run_rows(tx, "cases/find_step_subjects", {"ids": ids}), ["Person"], "handlerIds"
        )
        rows = await run_rows(tx, "cases/set_case_handlers", {"id": locked.id, "personIds": ids})
        return rows[0]

    step = Step("assign", case_id, version, note, tuple(attachments), event={"subjectIds": ids})
    return await take_step(db, actor, step, write=write)


async def escalate(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> StepDone:
    """Send the case up one level (grid → community → street → district); its clock restarts
    with the new level's time limit for accepting."""

    async def write(tx: AsyncManagedTransaction, locked: Locked) -> Row:
        up = next_level(locked.level)
        if up is None:  # the transition table already refuses this; kept as a guard
            raise locked.reject("ILLEGAL_TRANSITION", "nothing above the district")
        rows = await run_rows(
            tx, "cases/move_case_up", {"id": locked.id, "labels": holding_labels(up)}
        )
        if not rows:
            raise locked.reject(
                "ILLEGAL_TRANSITION",
                f"case {locked.id} cannot be escalated: no {up} or higher place above "
                f"{locked.held_by_id} in the place tree",
            )
        return rows[0]

    step = Step("escalate", case_id, version, note, tuple(attachments), restart=True)
    return await take_step(db, actor, step, write=write)


async def verify(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    verified_by: Verifier,
    passed: bool,
    satisfaction: int | None = None,
    settled: bool | None = None,
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> StepDone:
    """Verify a resolved case (核查): passed, it closes with the resident's satisfaction
    (1-5) and whether the matter was settled; failed, it is returned for more work."""
    if passed:
        if satisfaction is None or not 1 <= satisfaction <= 5:
            raise CaseRejected(
                "INVALID",
                f"satisfaction: give the resident's satisfaction 1-5, got {satisfaction}",
                field="satisfaction",
            )
        if settled is None:
            raise CaseRejected("INVALID", "settled: say whether it was settled", field="settled")
        step = Step(
            "close",
            case_id,
            version,
            note,
            tuple(attachments),
            event={"verifiedBy": verified_by, "satisfaction": satisfaction, "settled": settled},
            case_props={"satisfaction": satisfaction, "settled": settled},
        )
    else:
        step = Step(
            "return", case_id, version, note, tuple(attachments), event={"verifiedBy": verified_by}
        )
    return await take_step(db, actor, step)
