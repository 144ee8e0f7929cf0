"""Mediation of disputes (矛盾纠纷调解): mediators, sessions, outcome, notarisation.

One mediation is open at a time per case; it is opened with its mediators (people, or a
mediation centre), counts its sessions, and ends settled, not settled, or sent to court,
recording whether the agreement was notarised (公证, which makes it enforceable).
"""

from __future__ import annotations

import uuid
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

Outcome = Literal["settled", "not_settled", "sent_to_court"]


def _open_mediation(locked: Locked) -> str:
    if not locked.pending_mediations:
        raise locked.reject(
            "INVALID", f"case {locked.id} has no mediation under way; start one first"
        )
    return locked.pending_mediations[0]


def _needs_open_mediation(locked: Locked) -> None:
    _open_mediation(locked)


async def start(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    mediator_ids: Sequence[str],
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> StepDone:
    ids = list(dict.fromkeys(mediator_ids))
    if not ids:
        raise CaseRejected(
            "INVALID", "mediatorIds: name at least one mediator", field="mediatorIds"
        )
    mediation_id = f"{case_id}/mediation-{uuid.uuid4().hex[:8]}"

    def check(locked: Locked) -> None:
        if locked.pending_mediations:
            raise locked.reject(
                "INVALID",
                f"case {locked.id} already has a mediation under way "
                f"({locked.pending_mediations[0]}); end it first",
            )

    async def write(tx: AsyncManagedTransaction, locked: Locked) -> Row:
        checked_subjects(
            await run_rows(tx, "cases/find_step_subjects", {"ids": ids}),
            ["Person", "Organisation"],
            "mediatorIds",
        )
        rows = await run_rows(
            tx,
            "cases/create_mediation",
            {"id": locked.id, "mediationId": mediation_id, "mediatorIds": ids},
        )
        return rows[0]

    step = Step(
        "start_mediation", case_id, version, note, tuple(attachments), event={"subjectIds": ids}
    )
    return await take_step(db, actor, step, check=check, write=write)


async def record_session(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> StepDone:
    async def write(tx: AsyncManagedTransaction, locked: Locked) -> Row:
        mediation_id = _open_mediation(locked)
        rows = await run_rows(tx, "cases/record_mediation_session", {"mediationId": mediation_id})
        return {"mediationId": mediation_id, **rows[0]}

    step = Step("record_mediation", case_id, version, note, tuple(attachments))
    return await take_step(db, actor, step, check=_needs_open_mediation, write=write)


async def end(
    db: Database,
    actor: Actor,
    case_id: str,
    version: int,
    outcome: Outcome,
    notarised: bool,
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> StepDone:
    if notarised and outcome != "settled":
        raise CaseRejected(
            "INVALID",
            "notarised: only a settled mediation has an agreement to notarise",
            field="notarised",
        )

    async def write(tx: AsyncManagedTransaction, locked: Locked) -> Row:
        mediation_id = _open_mediation(locked)
        rows = await run_rows(
            tx,
            "cases/end_mediation",
            {"mediationId": mediation_id, "outcome": outcome, "notarised": notarised},
        )
        return {"mediationId": mediation_id, **rows[0]}

    step = Step(
        "end_mediation", case_id, version, note, tuple(attachments), event={"outcome": outcome}
    )
    return await take_step(db, actor, step, check=_needs_open_mediation, write=write)
