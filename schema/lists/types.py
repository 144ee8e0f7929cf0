"""The four lists (四张清单: needs, resources, projects, tasks), claims on them, joint-building
agreements, and the category taxonomy they share."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.nodes import Hop, NodeFilter, Order
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import Node, entity, many, one, one_of, related
from schema.lists.commitments import Agreement, Claim
from schema.lists.enums import (
    NeedStatus,
    ProjectStatus,
    ResourceKind,
    ResourceStatus,
    TaskStatus,
)
from schema.lists.filters import ListOrder, list_order
from schema.organisations.unions import Actor, Raiser

if TYPE_CHECKING:
    from schema.places.types import Place

IN_CATEGORY = Hop(("IN_CATEGORY",), "out")
CATEGORISED = Hop(("IN_CATEGORY",), "in")
PARENT_CATEGORY = Hop(("SUBCATEGORY_OF",), "out")
SUBCATEGORIES = Hop(("SUBCATEGORY_OF",), "in")
CONCERNS = Hop(("CONCERNS",), "out")
LOCATED_IN = Hop(("LOCATED_IN",), "out")
RAISED_BY = Hop(("RAISED",), "in")
CLAIMED_BY = Hop(("CLAIMS",), "in")
ADDRESSED_BY = Hop(("ADDRESSES",), "in")
ADDRESSES = Hop(("ADDRESSES",), "out")
OFFERED_BY = Hop(("OFFERS",), "in")
USED_BY = Hop(("USES",), "in")
TASKS = Hop(("PART_OF_PROJECT",), "in")
PROJECT = Hop(("PART_OF_PROJECT",), "out")
AGREED_IN = Hop(("AGREES",), "in")
AGREES = Hop(("AGREES",), "out")
ASSIGNED_TO = Hop(("ASSIGNED_TO",), "out")
MADE_BY = Hop(("MADE_CLAIM",), "in")
CLAIMS = Hop(("CLAIMS",), "out")
USES = Hop(("USES",), "out")
SIGNED_BY = Hop(("SIGNED",), "in")
WITH = Hop(("WITH",), "out")

Lazy = strawberry.lazy
_P = "schema.places.types"
BY_CLAIM_DATE = Order("claimedOn", desc=True)
RECORDED_AT = "When the API last recorded a change to it. 记录时间"
ACTOR_ID = "Who last recorded a change to it through the API. 记录人"


@entity
@strawberry.type(
    description="A category of the taxonomy shared by needs, resources, projects and cases. 分类"
)
class Category(Node):
    name: str = strawberry.field(description="Name. 名称")
    name_en: str | None = strawberry.field(description="English name. 英文名称")

    @strawberry.field(description="The category it is under. 上级分类")
    async def parent(self, info: Info) -> Category | None:
        return await one(info, self.external_id, PARENT_CATEGORY, Category)

    @strawberry.field(description="Its sub-categories. 子分类")
    async def children(self, info: Info) -> list[Category]:
        return await many(info, self.external_id, SUBCATEGORIES)

    @strawberry.field(description="Needs directly in this category. 本类需求")
    async def needs(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Need]:
        flt = NodeFilter(labels=("Need",))
        return await related(
            info, self.external_id, CATEGORISED, first, after, last, before, flt, list_order(None)
        )

    @strawberry.field(description="Resources directly in this category. 本类资源")
    async def resources(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Resource]:
        flt = NodeFilter(labels=("Resource",))
        return await related(
            info, self.external_id, CATEGORISED, first, after, last, before, flt, list_order(None)
        )

    @strawberry.field(description="Projects directly in this category. 本类项目")
    async def projects(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Project]:
        flt = NodeFilter(labels=("Project",))
        return await related(
            info, self.external_id, CATEGORISED, first, after, last, before, flt, list_order(None)
        )


@entity
@strawberry.type(description="A listed need (需求清单). 需求")
class Need(Node):
    title: str = strawberry.field(description="Title. 标题")
    detail: str | None = strawberry.field(description="Details. 详情")
    quantity: float = strawberry.field(description="Quantity asked. 需求数量")
    unit: str | None = strawberry.field(
        description="Unit of the quantity (hours, people, yuan ...). 单位"
    )
    urgency: int | None = strawberry.field(description="1 low .. 3 urgent. 紧急程度")
    status: NeedStatus = strawberry.field(description="Where it stands. 状态")
    raised_on: datetime.date = strawberry.field(description="Raised on. 提出日期")
    due_on: datetime.date | None = strawberry.field(description="Due by. 截止日期")
    invented: bool | None = strawberry.field(description="Invented for the demo. 虚构")
    recorded_at: datetime.datetime | None = strawberry.field(description=RECORDED_AT)
    actor_id: str | None = strawberry.field(description=ACTOR_ID)

    @strawberry.field(
        description="Quantity committed by claims that still count (active or fulfilled). 已认领数量"
    )
    async def committed_quantity(self, info: Info) -> float:
        return await info.context.loaders.commitment_by_need.load(self.external_id)

    @strawberry.field(description="Quantity still to be claimed. 待认领数量")
    async def remaining_quantity(self, info: Info) -> float:
        committed = await info.context.loaders.commitment_by_need.load(self.external_id)
        return max(self.quantity - committed, 0.0)

    @strawberry.field(description="Its category. 分类")
    async def category(self, info: Info) -> Category | None:
        return await one(info, self.external_id, IN_CATEGORY, Category)

    @strawberry.field(description="The place it concerns. 涉及地点")
    async def place(self, info: Info) -> Annotated[Place, Lazy(_P)] | None:
        from schema.places.types import Place

        return await one(info, self.external_id, CONCERNS, Place)

    @strawberry.field(description="Who raised it. 提出方")
    async def raised_by(self, info: Info) -> Raiser | None:
        found: Raiser | None = await one_of(info, self.external_id, RAISED_BY)
        return found

    @strawberry.field(description="Claims on it, newest first. 认领")
    async def claims(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Claim]:
        return await related(
            info, self.external_id, CLAIMED_BY, first, after, last, before, order=BY_CLAIM_DATE
        )

    @strawberry.field(description="Projects taking it on. 回应项目")
    async def projects(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Project]:
        return await related(
            info, self.external_id, ADDRESSED_BY, first, after, last, before, order=list_order(None)
        )


@entity
@strawberry.type(description="An offered resource (资源清单). 资源")
class Resource(Node):
    title: str = strawberry.field(description="Title. 标题")
    kind: ResourceKind = strawberry.field(description="What it is. 资源类型")
    capacity: float = strawberry.field(description="Quantity on offer. 可提供数量")
    unit: str | None = strawberry.field(description="Unit of the capacity. 单位")
    available_from: datetime.date | None = strawberry.field(description="Available from. 起始日期")
    available_to: datetime.date | None = strawberry.field(description="Available until. 截止日期")
    days: list[int] | None = strawberry.field(
        description="Days of the week (1-7) available. 可用日"
    )
    status: ResourceStatus = strawberry.field(description="On offer or withdrawn. 状态")
    invented: bool | None = strawberry.field(description="Invented for the demo. 虚构")
    recorded_at: datetime.datetime | None = strawberry.field(description=RECORDED_AT)
    actor_id: str | None = strawberry.field(description=ACTOR_ID)

    @strawberry.field(description="Quantity claims already draw on. 已承诺数量")
    async def committed(self, info: Info) -> float:
        return await info.context.loaders.commitment_by_resource.load(self.external_id)

    @strawberry.field(description="Capacity still free. 剩余可用数量")
    async def remaining_capacity(self, info: Info) -> float:
        committed = await info.context.loaders.commitment_by_resource.load(self.external_id)
        return max(self.capacity - committed, 0.0)

    @strawberry.field(description="Who offers it. 提供方")
    async def providers(self, info: Info) -> list[Actor]:
        return await many(info, self.external_id, OFFERED_BY)

    @strawberry.field(description="Where it is. 所在地点")
    async def place(self, info: Info) -> Annotated[Place, Lazy(_P)] | None:
        from schema.places.types import Place

        return await one(info, self.external_id, LOCATED_IN, Place)

    @strawberry.field(description="Its category. 分类")
    async def category(self, info: Info) -> Category | None:
        return await one(info, self.external_id, IN_CATEGORY, Category)

    @strawberry.field(description="Claims drawing on it, newest first. 使用本资源的认领")
    async def claims(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Claim]:
        return await related(
            info, self.external_id, USED_BY, first, after, last, before, order=BY_CLAIM_DATE
        )


@entity
@strawberry.type(description="A project (项目清单); done ones are 实事. 项目")
class Project(Node):
    title: str = strawberry.field(description="Title. 标题")
    status: ProjectStatus = strawberry.field(description="Where it stands. 状态")
    claim_deadline: datetime.date | None = strawberry.field(
        description="Unclaimed by then it goes to the open pool. 认领截止"
    )
    started_on: datetime.date | None = strawberry.field(description="Started on. 开始日期")
    done_on: datetime.date | None = strawberry.field(description="Done on. 完成日期")
    invented: bool | None = strawberry.field(description="Invented for the demo. 虚构")
    recorded_at: datetime.datetime | None = strawberry.field(description=RECORDED_AT)
    actor_id: str | None = strawberry.field(description=ACTOR_ID)

    @strawberry.field(description="Needs it takes on. 回应的需求")
    async def needs(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Need]:
        return await related(
            info,
            self.external_id,
            ADDRESSES,
            first,
            after,
            last,
            before,
            order=list_order(order_by),
        )

    @strawberry.field(description="Its tasks. 任务")
    async def tasks(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Task]:
        return await related(
            info, self.external_id, TASKS, first, after, last, before, order=list_order(order_by)
        )

    @strawberry.field(description="Agreements it was agreed in. 约定本项目的协议")
    async def agreements(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Agreement]:
        return await related(
            info, self.external_id, AGREED_IN, first, after, last, before, order=list_order(None)
        )

    @strawberry.field(description="Claims on it, newest first. 认领")
    async def claims(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Claim]:
        return await related(
            info, self.external_id, CLAIMED_BY, first, after, last, before, order=BY_CLAIM_DATE
        )

    @strawberry.field(description="The place it concerns. 涉及地点")
    async def place(self, info: Info) -> Annotated[Place, Lazy(_P)] | None:
        from schema.places.types import Place

        return await one(info, self.external_id, CONCERNS, Place)

    @strawberry.field(description="Its category. 分类")
    async def category(self, info: Info) -> Category | None:
        return await one(info, self.external_id, IN_CATEGORY, Category)


@entity
@strawberry.type(description="A task (任务清单) given to people or organisations. 任务")
class Task(Node):
    title: str = strawberry.field(description="Title. 标题")
    status: TaskStatus = strawberry.field(description="Where it stands. 状态")
    due_on: datetime.date | None = strawberry.field(description="Due by. 截止日期")
    invented: bool | None = strawberry.field(description="Invented for the demo. 虚构")
    recorded_at: datetime.datetime | None = strawberry.field(description=RECORDED_AT)
    actor_id: str | None = strawberry.field(description=ACTOR_ID)

    @strawberry.field(description="The project it belongs to. 所属项目")
    async def project(self, info: Info) -> Project | None:
        return await one(info, self.external_id, PROJECT, Project)

    @strawberry.field(description="Who does it. 承办人")
    async def assignees(self, info: Info) -> list[Actor]:
        return await many(info, self.external_id, ASSIGNED_TO)

    @strawberry.field(description="The place it concerns. 涉及地点")
    async def place(self, info: Info) -> Annotated[Place, Lazy(_P)] | None:
        from schema.places.types import Place

        return await one(info, self.external_id, CONCERNS, Place)

    @strawberry.field(description="Its category. 分类")
    async def category(self, info: Info) -> Category | None:
        return await one(info, self.external_id, IN_CATEGORY, Category)


__all__ = ["Agreement", "Claim"]
