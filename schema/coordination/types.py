"""Answers to the coordination questions (协调问题) 1 and 2 (needMatches, openNeeds) and the
shapes every answer shares (Reason, Count). Built from graph/coordination dataclasses in one
pass; entities are the domain's own types (Need, Grid, Person ...) made by their
`from_node`. Figures are defined in each field's description and in docs/COORDINATION.md."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph.coordination import common, matches
from graph.coordination import needs as need_lists
from schema.core.relay import ENTITY_TYPES
from schema.organisations.unions import Actor

if TYPE_CHECKING:
    from schema.lists.types import Category, Need, Resource
    from schema.places.types import Place

Lazy = strawberry.lazy
_P, _L = "schema.places.types", "schema.lists.types"


def entity(n: common.Node) -> Any:
    """The domain's GraphQL object for a node (Grid for a grid ...), as its label names."""
    return ENTITY_TYPES[n.label].from_node(n.props)


def maybe(n: common.Node | None) -> Any:
    return None if n is None else entity(n)


def entities(ns: list[common.Node]) -> list[Any]:
    return [entity(n) for n in ns]


@strawberry.type(
    description="Why an answer says what it says: a stable code and a detail in Chinese and "
    "English, with the points it scored where it scored. 理由"
)
class Reason:
    code: str = strawberry.field(
        description="Stable code, e.g. CATEGORY_SAME, NEAR_GRID, NO_GRID (docs/COORDINATION.md "
        "lists them all). 理由代码"
    )
    detail_zh: str = strawberry.field(description="The detail in Chinese. 说明（中文）")
    detail_en: str = strawberry.field(description="The detail in English. 说明（英文）")
    points: float | None = strawberry.field(
        description="Points this factor added to a match's score; null where nothing is scored. 得分"
    )

    @classmethod
    def of(cls, r: common.Reason) -> Reason:
        return cls(code=r.code, detail_zh=r.detail_zh, detail_en=r.detail_en, points=r.points)


def reasons(rs: tuple[common.Reason, ...]) -> list[Reason]:
    return [Reason.of(r) for r in rs]


@strawberry.type(description="A count for one key (a kind, a status, a role ...). 计数")
class Count:
    key: str = strawberry.field(description="What is counted, e.g. dispute, closed. 类别")
    count: int = strawberry.field(description="How many. 数量")


# ---- 1. needMatches ------------------------------------------------------------------------


@strawberry.enum(description="How the provider's resource fits the need's category. 类别匹配")
class CategoryFit(Enum):
    SAME = "same"
    PARENT = "parent"
    CHILD = "child"
    RECORD = "record"


@strawberry.enum(description="How near the provider is to the need's place. 就近程度")
class Nearness(Enum):
    GRID = "grid"
    COMMUNITY = "community"
    STREET = "street"
    DISTRICT = "district"
    ELSEWHERE = "elsewhere"


@strawberry.type(
    description="A provider (member unit, volunteer team or volunteer) who could resolve a "
    "listed need, with the resource it would use and why. score = the sum of the reasons' "
    "points, out of 100: category 30 (same) or 15 (parent/child), nearness up to 25 (grid 21, "
    "community 16, street 11, district 6, plus up to 4 for distance under 5 km), partnership "
    "15 (agreement 10, committee seat 5), capacity 20 × share of what is still needed, "
    "record 5 per completed project in the category (at most 10). 需求匹配"
)
class NeedMatch:
    score: float = strawberry.field(description="Total points, 0-100; higher is better. 匹配得分")
    provider: Actor = strawberry.field(description="Who could take the need. 提供方")
    resource: Annotated[Resource, Lazy(_L)] | None = strawberry.field(
        description="The resource it would use; null when proposed on its record alone. 资源"
    )
    category_fit: CategoryFit = strawberry.field(description="Category fit. 类别匹配")
    nearness: Nearness = strawberry.field(description="Nearness band. 就近程度")
    distance_km: float | None = strawberry.field(
        description="Kilometres between the need's and the provider's places, when both "
        "have coordinates. 距离（公里）"
    )
    remaining_capacity: float | None = strawberry.field(
        description="The resource's capacity minus the quantity of active claims using it. 剩余容量"
    )
    done_projects: int = strawberry.field(
        description="Completed projects of the provider in the need's category. 已完成项目数"
    )
    reasons: list[Reason] = strawberry.field(description="One per factor, in order. 匹配理由")

    @classmethod
    def of(cls, m: matches.NeedMatch) -> NeedMatch:
        return cls(
            score=m.score,
            provider=entity(m.provider),
            resource=maybe(m.resource),
            category_fit=CategoryFit(m.category_fit),
            nearness=Nearness(m.nearness),
            distance_km=m.distance_km,
            remaining_capacity=m.remaining_capacity,
            done_projects=m.done_projects,
            reasons=reasons(m.reasons),
        )


# ---- 2. openNeeds --------------------------------------------------------------------------


@strawberry.type(
    description="An open need with what is committed and whether anyone can take it. 待办需求"
)
class OpenNeed:
    need: Annotated[Need, Lazy(_L)] = strawberry.field(description="The need. 需求")
    place: Annotated[Place, Lazy(_P)] = strawberry.field(
        description="The place it concerns. 涉及地点"
    )
    category: Annotated[Category, Lazy(_L)] | None = strawberry.field(
        description="Its category. 分类"
    )
    asked: float = strawberry.field(description="Quantity asked. 需求数量")
    committed: float = strawberry.field(
        description="Quantity of its active and fulfilled claims. 已认领数量"
    )
    delivered: float = strawberry.field(description="Quantity those claims delivered. 已兑现数量")
    still_needed: float = strawberry.field(description="asked − committed, never below 0. 尚需数量")
    days_open: int = strawberry.field(description="Days since it was raised. 已挂单天数")
    matchable: bool = strawberry.field(
        description="True when some provider could take it (needMatches is not empty). 可匹配"
    )

    @classmethod
    def of(cls, n: need_lists.OpenNeed) -> OpenNeed:
        return cls(
            need=entity(n.need),
            place=entity(n.place),
            category=maybe(n.category),
            asked=n.asked,
            committed=n.committed,
            delivered=n.delivered,
            still_needed=n.still_needed,
            days_open=n.days_open,
            matchable=n.matchable,
        )


@strawberry.type(
    description="Open needs (status open or partly met), most urgent and oldest first. 需求清单"
)
class OpenNeedList:
    total: int = strawberry.field(description="Needs passing the filters. 总数")
    unmatched: int = strawberry.field(
        description="Of those, needs no provider can take. 无人可接数"
    )
    needs: list[OpenNeed] = strawberry.field(description="The first `first` of them. 需求")

    @classmethod
    def of(cls, x: need_lists.OpenNeedList) -> OpenNeedList:
        return cls(total=x.total, unmatched=x.unmatched, needs=[OpenNeed.of(n) for n in x.needs])
