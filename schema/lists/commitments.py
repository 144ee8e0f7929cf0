"""Commitments on the lists: claims (认领) on needs and projects, and joint-building
agreements (共建协议) between units and a community."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.nodes import Hop
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import Node, entity, many, one, one_of, related
from schema.lists.enums import ClaimKind, ClaimStatus
from schema.lists.filters import list_order
from schema.organisations.unions import Actor, ClaimTarget

if TYPE_CHECKING:
    from schema.lists.types import Project, Resource
    from schema.organisations.types import Organisation
    from schema.places.types import Community

MADE_BY = Hop(("MADE_CLAIM",), "in")
CLAIMS = Hop(("CLAIMS",), "out")
USES = Hop(("USES",), "out")
SIGNED_BY = Hop(("SIGNED",), "in")
WITH = Hop(("WITH",), "out")
AGREES = Hop(("AGREES",), "out")

Lazy = strawberry.lazy
_L = "schema.lists.types"
RECORDED_AT = "When the API last recorded a change to it. 记录时间"
ACTOR_ID = "Who last recorded a change to it through the API. 记录人"


@entity
@strawberry.type(description="A claim on a need or project, with the quantity committed. 认领")
class Claim(Node):
    kind: ClaimKind = strawberry.field(description="On a need or a project. 认领对象类型")
    quantity: float | None = strawberry.field(description="Quantity committed. 承诺数量")
    delivered: float | None = strawberry.field(description="Quantity delivered. 已兑现数量")
    status: ClaimStatus = strawberry.field(description="Where it stands. 状态")
    claimed_on: datetime.date = strawberry.field(description="Claimed on. 认领日期")
    recorded_at: datetime.datetime | None = strawberry.field(description=RECORDED_AT)
    actor_id: str | None = strawberry.field(description=ACTOR_ID)

    @strawberry.field(description="Who claimed. 认领人")
    async def claimant(self, info: Info) -> Actor | None:
        found: Actor | None = await one_of(info, self.external_id, MADE_BY)
        return found

    @strawberry.field(description="The need or project claimed. 认领对象")
    async def target(self, info: Info) -> ClaimTarget | None:
        found: ClaimTarget | None = await one_of(info, self.external_id, CLAIMS)
        return found

    @strawberry.field(description="The resource it draws on. 使用资源")
    async def resource(self, info: Info) -> Annotated[Resource, Lazy(_L)] | None:
        from schema.lists.types import Resource

        return await one(info, self.external_id, USES, Resource)


@entity
@strawberry.type(description="Joint-building agreement between units and a community. 共建协议")
class Agreement(Node):
    title: str = strawberry.field(description="Title. 标题")
    signed_on: datetime.date = strawberry.field(description="Signed on. 签订日期")
    term_years: int | None = strawberry.field(description="Term in years. 期限（年）")
    ends_on: datetime.date | None = strawberry.field(description="Ends on. 到期日期")
    invented: bool | None = strawberry.field(description="Invented for the demo. 虚构")
    recorded_at: datetime.datetime | None = strawberry.field(description=RECORDED_AT)
    actor_id: str | None = strawberry.field(description=ACTOR_ID)

    @strawberry.field(description="Organisations that signed it. 签订单位")
    async def signatories(
        self, info: Info
    ) -> list[Annotated[Organisation, Lazy("schema.organisations.types")]]:
        return await many(info, self.external_id, SIGNED_BY)

    @strawberry.field(description="The community it is with. 共建社区")
    async def community(
        self, info: Info
    ) -> Annotated[Community, Lazy("schema.places.types")] | None:
        from schema.places.types import Community

        return await one(info, self.external_id, WITH, Community)

    @strawberry.field(description="Projects agreed in it. 约定项目")
    async def projects(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Project, Lazy(_L)]]:
        return await related(
            info, self.external_id, AGREES, first, after, last, before, order=list_order(None)
        )
