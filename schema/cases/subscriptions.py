"""Live case updates over WebSocket (graphql-transport-ws), from any service process.

Each step of every case under the place arrives as it commits: on this process at once,
from other processes within the feed's poll interval (graph/cases/feed.py, docs/CASES.md).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from graph.cases import history
from graph.cases.feed import FeedOverflow, LogEntry, feed_for
from loaders.model import SUPER_LABELS
from schema.cases.types import Case, CaseEvent
from schema.core.context import Info
from schema.core.dataloaders import build_loaders
from schema.core.errors import PublicError
from schema.core.ids import BadId, expect

PLACE_TYPES = SUPER_LABELS["Place"]


@strawberry.type(description="One step of a case under the watched place, as it happens. 事件动态")
class CaseUpdate:
    log_seq: int = strawberry.field(
        description="Place in the global case-event log; pass it as `after` to resume. 日志序号"
    )
    event: CaseEvent = strawberry.field(description="The step. 处置记录")
    case: Case = strawberry.field(description="The case as it stands when delivered. 事件")

    @classmethod
    def of(cls, entry: LogEntry) -> CaseUpdate:
        return cls(
            log_seq=entry.log_seq,
            event=CaseEvent.from_node(entry.event),
            case=Case.from_node(entry.case),
        )


@strawberry.type
class CasesSubscriptions:
    """Root subscription fields for cases (composed into Subscription in schema/api.py)."""

    @strawberry.subscription(
        description="Every step of every case under a place, as it happens (coordinators' "
        "dashboards). With `after`, first the steps since that log number (up to 1000). "
        "事件实时动态"
    )
    async def case_updates(
        self, info: Info, scope_id: strawberry.ID, after: int | None = None
    ) -> AsyncGenerator[CaseUpdate, None]:
        try:
            place_id = expect(scope_id, *PLACE_TYPES)
        except BadId as exc:
            raise PublicError(f"scopeId: {exc}") from None
        db, viewer = info.context.db, info.context.viewer
        if await history.visible_place(db, place_id, viewer.place_scopes()) is None:
            raise PublicError(f"scopeId: no place {scope_id} in your scope")
        try:
            async for entry in feed_for(db).stream(place_id, after):
                # One context serves the whole connection (STACK_NOTES): fresh loaders for
                # each update, so a case's links (its holder after an escalation) are read
                # anew rather than from the first update's cache.
                info.context.loaders = build_loaders(db, viewer.place_scopes())
                yield CaseUpdate.of(entry)
        except FeedOverflow as exc:
            raise PublicError(str(exc)) from None
