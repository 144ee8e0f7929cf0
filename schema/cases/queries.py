"""Reading cases: one case, its history in order, and the cases running late under a place."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from graph.cases import limits
from loaders.model import SUPER_LABELS
from schema.cases import loaders
from schema.cases.enums import TimeStanding
from schema.cases.types import Case, CaseEvent, Whistle
from schema.core.context import Info
from schema.core.errors import PublicError
from schema.core.ids import BadId, expect

PLACE_TYPES = SUPER_LABELS["Place"]
MAX_OVERDUE = 500


def _case_id(global_id: str) -> str | None:
    try:
        return expect(global_id, "Case")
    except BadId:
        return None  # not one of ours: the same answer as a case that is not there


@strawberry.type(
    description="A case past the yellow mark of its time limit, or with a late department. 超时事件"
)
class OverdueCase:
    case: Case = strawberry.field(description="The case. 事件")
    standing: TimeStanding = strawberry.field(
        description="YELLOW past yellowAt, RED past dueAt; ON_TIME or NONE when only a "
        "department is late. 时限状态"
    )
    late_departments: list[Whistle] = strawberry.field(
        description="Summoned departments still pending past their deadline. 超时未报到部门"
    )


@strawberry.type
class CasesQueries:
    """Root query fields of this domain (composed into Query in schema/api.py)."""

    @strawberry.field(
        description="One case by its global id; null if absent or out of your scope. 事件"
    )
    async def case(self, info: Info, id: strawberry.ID) -> Case | None:
        case_id = _case_id(id)
        if case_id is None:
            return None
        row = await loaders.case_links(info, case_id)
        return Case.from_node(row["case"]) if row else None

    @strawberry.field(
        description="A case's history: every step in the order taken, never rewritten. 处置记录"
    )
    async def case_history(self, info: Info, id: strawberry.ID) -> list[CaseEvent]:
        case_id = _case_id(id)
        if case_id is None:
            return []
        return [CaseEvent.from_node(e) for e in await loaders.case_events(info, case_id)]

    @strawberry.field(
        description="Open cases under a place that are past the yellow mark of their time "
        "limit at `at` (default now), or have a summoned department past its deadline; red "
        "before yellow, the most overdue first. 超时预警"
    )
    async def overdue_cases(
        self,
        info: Info,
        scope_id: strawberry.ID,
        at: datetime | None = None,
        first: int = 100,
    ) -> list[OverdueCase]:
        try:
            place_id = expect(scope_id, *PLACE_TYPES)
        except BadId as exc:
            raise PublicError(f"scopeId: {exc}") from None
        if not 1 <= first <= MAX_OVERDUE:
            raise PublicError(f"first: 1..{MAX_OVERDUE}, got {first}")
        when = at or datetime.now(UTC)
        rows = await limits.overdue_cases(
            info.context.db, place_id, info.context.viewer.place_scopes(), when, first
        )
        return [
            OverdueCase(
                case=Case.from_node(r.case),
                standing=TimeStanding(r.standing),
                late_departments=[
                    Whistle.from_row({**x, "answer": "pending"}, when) for x in r.late_departments
                ],
            )
            for r in rows
        ]
