"""Root fields for the coordination questions (协调问题): thin resolvers over graph/coordination.

Ids are global ids; one of another type, or unknown, or outside the viewer's scopes answers
nothing (empty or null), never an error. Arguments a user can fix (first out of range, a
window back to front) are errors naming the argument.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import strawberry

from graph.coordination.case_stats import case_stats
from graph.coordination.common import CoordinationInputError
from graph.coordination.dual_reporting import dual_reporting
from graph.coordination.gaps import coverage_gaps
from graph.coordination.matches import need_matches
from graph.coordination.need_stats import need_stats
from graph.coordination.needs import open_needs
from graph.coordination.routing import case_routing
from graph.coordination.serving import serving_team
from loaders.model import SUPER_LABELS
from schema.coordination.reports import CaseStats, CoverageGaps, DualReporting, NeedStats
from schema.coordination.teams import CaseRouting, ServingTeam
from schema.coordination.types import NeedMatch, OpenNeedList
from schema.core.context import Info
from schema.core.errors import PublicError
from schema.core.ids import BadId, expect

PLACES = SUPER_LABELS["Place"]

ScopeId = Annotated[
    strawberry.ID,
    strawberry.argument(description="A place (any level); everything under it counts. 范围"),
]
From = Annotated[
    datetime.date | None,
    strawberry.argument(
        name="from", description="Window start (inclusive); none: no start. 起始日期"
    ),
]
To = Annotated[
    datetime.date | None,
    strawberry.argument(description="Window end (inclusive); none: no end. 截止日期"),
]


def _id(global_id: str, *types: str) -> str | None:
    try:
        return expect(global_id, *types)
    except BadId:
        return None


@contextmanager
def _user_errors() -> Iterator[None]:
    try:
        yield
    except CoordinationInputError as exc:
        raise PublicError(str(exc)) from exc


@strawberry.type
class CoordinationQueries:
    """Root query fields of this domain (composed into Query in schema/api.py)."""

    @strawberry.field(
        description="Who can resolve this listed need, best first: member units, volunteer "
        "teams and volunteers with a fitting resource (or a record of such work), scored on "
        "category, nearness, partnership, capacity and record; each with its reasons. 需求匹配"
    )
    async def need_matches(
        self,
        info: Info,
        need_id: Annotated[strawberry.ID, strawberry.argument(description="The need. 需求")],
        first: Annotated[
            int | None, strawberry.argument(description="How many, 1-100 (default 10). 数量")
        ] = 10,
    ) -> list[NeedMatch]:
        need = _id(need_id, "Need")
        with _user_errors():
            if need is None:
                return []
            found = await need_matches(
                info.context.db,
                need,
                info.context.viewer.place_scopes(),
                10 if first is None else first,
            )
        return [NeedMatch.of(m) for m in found]

    @strawberry.field(
        description="The open needs (open or partly met) of a place and everything under it, "
        "most urgent and oldest first. 需求清单"
    )
    async def open_needs(
        self,
        info: Info,
        scope_id: ScopeId,
        category: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only this category and those under it. 分类"),
        ] = None,
        unmatched_only: Annotated[
            bool | None,
            strawberry.argument(description="Only the needs no provider can take. 仅无人可接"),
        ] = False,
        first: Annotated[int, strawberry.argument(description="How many, 1-1000. 数量")] = 100,
    ) -> OpenNeedList:
        scope = _id(scope_id, *PLACES)
        category_id = None if category is None else _id(category, "Category")
        with _user_errors():
            if scope is None or (category is not None and category_id is None):
                return OpenNeedList(total=0, unmatched=0, needs=[])
            # Volunteers may list the open needs of their community (docs/SECURITY.md).
            found = await open_needs(
                info.context.db,
                scope,
                info.context.viewer.need_scopes(),
                category_id=category_id,
                unmatched_only=bool(unmatched_only),
                first=first,
            )
        return OpenNeedList.of(found)

    @strawberry.field(
        description="Who serves a household, building, compound or grid: grid and grid team, "
        "leaders, claimed roles, property company (red or not), owners' committee, community, "
        "street, district, nearest station. 服务团队"
    )
    async def serving_team(
        self,
        info: Info,
        place_id: Annotated[strawberry.ID, strawberry.argument(description="The place. 地点")],
    ) -> ServingTeam | None:
        place = _id(place_id, *PLACES)
        if place is None:
            return None
        found = await serving_team(info.context.db, place, info.context.viewer.place_scopes())
        return None if found is None else ServingTeam.of(found)

    @strawberry.field(
        description="Who should hold this case: the level, the people who should act, the "
        "departments to summon, closed similar cases nearby. 事件分派建议"
    )
    async def case_routing(
        self,
        info: Info,
        case_id: Annotated[strawberry.ID, strawberry.argument(description="The case. 事件")],
        similar: Annotated[
            int, strawberry.argument(description="How many similar cases, 1-20. 类似案例数")
        ] = 5,
    ) -> CaseRouting | None:
        case = _id(case_id, "Case")
        with _user_errors():
            if case is None:
                return None
            found = await case_routing(
                info.context.db, case, info.context.viewer.place_scopes(), similar
            )
        return None if found is None else CaseRouting.of(found)

    @strawberry.field(
        description="What is missing under a place: grids without a party organisation, "
        "buildings without a leader, incomplete compounds, property companies that are not "
        "red, communities missing any of the six in one or without a partner, needs open long "
        "with no provider. 覆盖缺口"
    )
    async def coverage_gaps(
        self,
        info: Info,
        scope_id: ScopeId,
        open_days: Annotated[
            int,
            strawberry.argument(description="Unmatched needs open at least this many days. 天数"),
        ] = 30,
        first: Annotated[
            int, strawberry.argument(description="Items per list, 1-1000. 每类条数")
        ] = 100,
    ) -> CoverageGaps | None:
        scope = _id(scope_id, *PLACES)
        with _user_errors():
            if scope is None:
                return None
            found = await coverage_gaps(
                info.context.db, scope, info.context.viewer.place_scopes(), open_days, first
            )
        return None if found is None else CoverageGaps.of(found)

    @strawberry.field(
        description="Dual reporting (双报到) per community under a place: who reported, roles "
        "claimed, service records in the window, members who recorded nothing. 双报到统计"
    )
    async def dual_reporting(
        self,
        info: Info,
        scope_id: ScopeId,
        from_: From = None,
        to: To = None,
        first: Annotated[
            int, strawberry.argument(description="Silent members listed per community. 条数")
        ] = 20,
    ) -> DualReporting | None:
        scope = _id(scope_id, *PLACES)
        with _user_errors():
            if scope is None:
                return None
            found = await dual_reporting(
                info.context.db, scope, info.context.viewer.place_scopes(), from_, to, first
            )
        return None if found is None else DualReporting.of(found)

    @strawberry.field(
        description="Case figures for cases reported in the window under a place, and for "
        "each place directly under it (definitions on CaseFigures). 事件统计"
    )
    async def case_stats(
        self, info: Info, scope_id: ScopeId, from_: From = None, to: To = None
    ) -> CaseStats | None:
        scope = _id(scope_id, *PLACES)
        with _user_errors():
            if scope is None:
                return None
            found = await case_stats(
                info.context.db, scope, info.context.viewer.place_scopes(), from_, to
            )
        return None if found is None else CaseStats.of(found)

    @strawberry.field(
        description="The lists' health under a place and each place directly under it "
        "(definitions on NeedFigures). 清单统计"
    )
    async def need_stats(
        self, info: Info, scope_id: ScopeId, from_: From = None, to: To = None
    ) -> NeedStats | None:
        scope = _id(scope_id, *PLACES)
        with _user_errors():
            if scope is None:
                return None
            found = await need_stats(
                info.context.db, scope, info.context.viewer.place_scopes(), from_, to
            )
        return None if found is None else NeedStats.of(found)
