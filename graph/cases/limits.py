"""Time limits (办理时限) and who is late.

Each TimeLimit gives, for a category and a level, the hours to accept, to handle and to
verify a case, and a yellow ratio. When a case enters a phase (accept: reported or
escalated; handle: accepted .. whistled; verify: resolved) its clock starts: `dueAt` is the
start plus the phase's hours (red after it), `yellowAt` the start plus yellowRatio of them
(yellow after it, 0.8 when the limit gives none). The limit of the case's own category at
its level applies, else the nearest category above it that has one; none: no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from graph.cases.machine import OPEN
from graph.cases.steps import as_datetime
from graph.database import Database, Row

Standing = Literal["none", "on_time", "yellow", "red"]
DEFAULT_YELLOW_RATIO = 0.8
OVERDUE_LIMIT = 500


def standing(due_at: datetime | None, yellow_at: datetime | None, at: datetime) -> Standing:
    """Where a running clock stands at `at`: red from dueAt on, yellow from yellowAt on."""
    if due_at is None:
        return "none"
    if at >= due_at:
        return "red"
    if yellow_at is not None and at >= yellow_at:
        return "yellow"
    return "on_time"


@dataclass(frozen=True)
class Overdue:
    case: Row
    standing: Standing
    late_departments: list[Row]


async def overdue_cases(
    db: Database,
    scope_id: str,
    scopes: list[str] | None,
    at: datetime | None = None,
    limit: int = OVERDUE_LIMIT,
) -> list[Overdue]:
    """Open cases under `scope_id` past their yellow mark at `at` (default now), or with a
    summoned department past its deadline; most urgent first."""
    when = at or datetime.now(UTC)
    rows = await db.read(
        "cases/list_overdue_cases",
        {"scopeId": scope_id, "at": when, "open": list(OPEN), "scopes": scopes, "limit": limit},
    )
    return [
        Overdue(
            case=r["case"],
            standing=standing(
                as_datetime(r["case"].get("dueAt")), as_datetime(r["case"].get("yellowAt")), when
            ),
            late_departments=list(r["lateDepartments"]),
        )
        for r in rows
    ]
