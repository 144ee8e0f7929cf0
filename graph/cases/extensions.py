"""Extensions of a case's time limit (延期): the handler asks, someone above decides.

"Above" means the decider's place lies strictly above the place that holds the case (a
community coordinator for a grid's case, a street's for a community's); the decider is
never the one who asked. Approval moves the running clock's yellow and red marks later by
the hours asked; both the request and the decision are events in the history.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from neo4j import AsyncManagedTransaction

from graph.cases.steps import Actor, CaseRejected, Locked, Step, StepDone, take_step
from graph.database import Database, Row, run_rows

MAX_HOURS = 24 * 90


async def request(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    hours: float,
    reason: str,
    attachments: Sequence[str] = (),
) -> StepDone:
    if not 0 < hours <= MAX_HOURS:
        raise CaseRejected(
            "INVALID", f"hours: must be in (0, {MAX_HOURS}], got {hours}", field="hours"
        )
    if not reason.strip():
        raise CaseRejected("INVALID", "reason: say why more time is needed", field="reason")
    request_id = f"{case_id}/extension-{uuid.uuid4().hex[:8]}"

    def check(locked: Locked) -> None:
        if locked.pending_extensions:
            raise locked.reject(
                "INVALID",
                f"case {locked.id} already has an extension request waiting "
                f"({locked.pending_extensions[0]['id']})",
            )
        if locked.case.get("dueAt") is None:
            raise locked.reject("INVALID", f"case {locked.id} has no time limit running to extend")

    async def write(tx: AsyncManagedTransaction, locked: Locked) -> Row:
        rows = await run_rows(
            tx,
            "cases/create_extension_request",
            {
                "id": locked.id,
                "requestId": request_id,
                "hours": hours,
                "reason": reason,
                "actorId": actor.actor_id,
            },
        )
        return rows[0]

    step = Step(
        "request_extension",
        case_id,
        version,
        reason,
        tuple(attachments),
        event={"subjectIds": [request_id], "hours": hours},
    )
    return await take_step(db, actor, step, check=check, write=write)


async def decide(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    request_id: str,
    approved: bool,
    note: str | None = None,
) -> StepDone:
    def check(locked: Locked) -> None:
        pending = next((x for x in locked.pending_extensions if x["id"] == request_id), None)
        if pending is None:
            raise locked.reject(
                "INVALID",
                f"requestId: case {locked.id} has no pending extension request {request_id}",
                field="requestId",
            )
        if actor.actor_id is not None and pending.get("requesterId") == actor.actor_id:
            raise locked.reject(
                "FORBIDDEN", "an extension is decided by someone other than who asked"
            )
        if not locked.is_above:
            raise locked.reject(
                "OUT_OF_SCOPE",
                f"an extension is decided from above {locked.held_by_id}, which holds the case",
            )

    async def write(tx: AsyncManagedTransaction, locked: Locked) -> Row:
        pending = next(x for x in locked.pending_extensions if x["id"] == request_id)
        rows = await run_rows(
            tx,
            "cases/decide_extension_request",
            {
                "id": locked.id,
                "requestId": request_id,
                "approved": approved,
                "note": note,
                "actorId": actor.actor_id,
            },
        )
        return {**rows[0], "eventProps": {"hours": float(pending["hours"])}}

    step = Step(
        "decide_extension",
        case_id,
        version,
        note,
        event={"subjectIds": [request_id], "outcome": "approved" if approved else "refused"},
    )
    return await take_step(db, actor, step, check=check, write=write)
