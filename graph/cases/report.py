"""Reporting a case (事件上报): routed to the level that should hold it, history begun.

The level comes from `routing.route_level` (severity, kind, the category's time limits);
the holding place is the nearest place of that level at or above where the case happened
(a community without grids holds its own small matters). Validation reads first; the case,
its links and its first event are then written in one transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from neo4j import AsyncManagedTransaction

from graph.cases import feed
from graph.cases.machine import RULES_BY_ACTION, Kind
from graph.cases.routing import holding_labels, route_level
from graph.cases.steps import Actor, CaseRejected, StepDone
from graph.database import Database, run_rows

REPORT_ROLES = RULES_BY_ACTION["accept"].roles  # those who take cases in also file them
KINDS: tuple[Kind, ...] = ("report", "dispute", "petition", "booking")


@dataclass(frozen=True)
class Report:
    title: str
    kind: Kind
    severity: int
    place_id: str
    category_id: str | None = None
    reporter_id: str | None = None  # the resident or unit who reported, when not the actor
    note: str | None = None
    attachments: tuple[str, ...] = ()


def _validate(report: Report) -> None:
    if not report.title.strip():
        raise CaseRejected("INVALID", "title: give the case a title", field="title")
    if len(report.title) > 200:
        raise CaseRejected("INVALID", "title: at most 200 characters", field="title")
    if report.kind not in KINDS:
        raise CaseRejected("INVALID", f"kind: one of {', '.join(KINDS)}", field="kind")
    if not 1 <= report.severity <= 4:
        raise CaseRejected(
            "INVALID", f"severity: 1 (minor) .. 4 (major), got {report.severity}", field="severity"
        )


async def report_case(db: Database, actor: Actor, report: Report) -> StepDone:
    if not any(r in REPORT_ROLES for r in actor.roles):
        raise CaseRejected(
            "FORBIDDEN", f"reporting needs one of the roles {', '.join(REPORT_ROLES)}"
        )
    _validate(report)
    facts = (
        await db.read(
            "cases/get_report_facts",
            {
                "placeId": report.place_id,
                "categoryId": report.category_id,
                "reporterId": report.reporter_id,
                "scopes": actor.write_scopes,
            },
        )
    )[0]
    if not facts["inScope"]:
        # Out of scope reads as absent: an id outside one's places does not leak.
        raise CaseRejected(
            "OUT_OF_SCOPE",
            f"placeId: {report.place_id} is outside the places your role may change, "
            "or does not exist",
            field="placeId",
        )
    if report.category_id is not None and not facts["categoryFound"]:
        raise CaseRejected(
            "INVALID", f"categoryId: no category {report.category_id}", field="categoryId"
        )
    reporter_labels = set(facts["reporterLabels"] or ())
    if report.reporter_id is not None and not reporter_labels & {"Person", "Organisation"}:
        raise CaseRejected(
            "INVALID",
            f"reporterId: no person or organisation {report.reporter_id}",
            field="reporterId",
        )
    level = route_level(report.severity, report.kind, facts["categoryLevels"])
    case_id = f"case-{uuid.uuid4().hex[:16]}"

    async def work(tx: AsyncManagedTransaction) -> StepDone:
        created = await run_rows(
            tx,
            "cases/create_case",
            {
                "id": case_id,
                "props": {
                    "title": report.title.strip(),
                    "kind": report.kind,
                    "severity": report.severity,
                },
                "placeId": report.place_id,
                "heldLabels": holding_labels(level),
                "categoryId": report.category_id,
                "reporterId": report.reporter_id or actor.actor_id,
            },
        )
        if not created:
            raise CaseRejected(
                "INVALID",
                f"placeId: no {level} or higher place at or above {report.place_id} to hold the case",
                field="placeId",
            )
        event: dict[str, object] = {"note": report.note}
        if report.attachments:
            event["attachments"] = list(report.attachments)
        out = await run_rows(
            tx,
            "cases/append_case_event",
            {
                "id": case_id,
                "action": "report",
                "toState": "reported",
                "phase": "accept",
                "restart": True,
                "caseProps": {},
                "event": {k: v for k, v in event.items() if v is not None},
                "actorId": actor.actor_id,
            },
        )
        return StepDone(case=out[0]["case"], event=out[0]["event"], extra=created[0])

    done = await db.write_tx(work, "cases/report")
    feed.nudge(db)
    return done
