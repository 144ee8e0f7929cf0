"""The `Organisation` interface (组织): what every organisation has, and its relationships."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.nodes import Hop, Order
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import Node, one, personal, related
from schema.lists.filters import (
    ListOrder,
    NeedFilter,
    ResourceFilter,
    list_order,
    need_filter,
    resource_filter,
)
from schema.people.enums import RoleKind
from schema.people.roles import CURRENT

if TYPE_CHECKING:
    from schema.lists.types import Agreement, Claim, Need, Resource, Task
    from schema.people.roles import Membership, OrganisationRole
    from schema.places.types import Place
    from schema.points.types import PointAccount

LOCATED_IN = Hop(("LOCATED_IN",), "out")
GOVERNS = Hop(("GOVERNS",), "out")
MEMBERS = Hop(("MEMBER_OF",), "in")
MEMBER_OF = Hop(("MEMBER_OF",), "out")
ROLES_HERE = Hop(("HOLDS_ROLE",), "in")
SIGNED = Hop(("SIGNED",), "out")
OFFERS = Hop(("OFFERS",), "out")
RAISED = Hop(("RAISED",), "out")
MADE_CLAIM = Hop(("MADE_CLAIM",), "out")
ASSIGNED = Hop(("ASSIGNED_TO",), "in")
HAS_ACCOUNT = Hop(("HAS_ACCOUNT",), "out")
UNDER = Hop(("UNDER",), "out")
LEADS = Hop(("UNDER",), "in")
BELONGS_TO = Hop(("BELONGS_TO",), "out")
PARTY_ORGANISATIONS = Hop(("BELONGS_TO",), "in")
SEATS_HELD_HERE = Hop(("HOLDS_SEAT",), "in")
SEATS_HELD = Hop(("HOLDS_SEAT",), "out")
REPORTS_TO = Hop(("REPORTS_TO",), "out")
HANDLES = Hop(("HANDLES",), "out")
MANAGES = Hop(("MANAGES",), "out")

Lazy = strawberry.lazy
_BY_DATE = Order("claimedOn", desc=True)
LISTS = "schema.lists.types"
ROLES = "schema.people.roles"


@strawberry.interface(
    description="An organisation: party organisation, member unit, department, property "
    "company, committee, team or legal body. 组织"
)
class Organisation(Node):
    name: str = strawberry.field(description="Name. 名称")
    invented: bool | None = strawberry.field(description="Invented for the demo. 虚构")
    phone_raw: strawberry.Private[str | None]

    @strawberry.field(
        description="Contact phone; masked unless the viewer may see personal data. 联系电话"
    )
    def phone(self, info: Info) -> str | None:
        return personal(info, self.phone_raw)

    @strawberry.field(description="Where it sits. 所在地点")
    async def located_in(self, info: Info) -> Annotated[Place, Lazy("schema.places.types")] | None:
        from schema.places.types import Place

        return await one(info, self.external_id, LOCATED_IN, Place)

    @strawberry.field(description="Places it is responsible for. 负责的地点")
    async def governs(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Place, Lazy("schema.places.types")]]:
        return await related(info, self.external_id, GOVERNS, first, after, last, before)

    @strawberry.field(description="Its members: units, branches or people. 成员")
    async def members(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Membership, Lazy(ROLES)]]:
        from schema.people.roles import Membership

        return await related(
            info,
            self.external_id,
            MEMBERS,
            first,
            after,
            last,
            before,
            make=lambda row: Membership.of_organisation(row, self),
        )

    @strawberry.field(description="Alliances and organisations it is a member of. 所属组织")
    async def member_of(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Membership, Lazy(ROLES)]]:
        from schema.people.roles import Membership

        return await related(
            info,
            self.external_id,
            MEMBER_OF,
            first,
            after,
            last,
            before,
            make=lambda row: Membership.of_member(row, self),
        )

    @strawberry.field(description="People holding roles in it. 在此任职的人员")
    async def roles(
        self,
        info: Info,
        roles: Annotated[
            list[RoleKind] | None, strawberry.argument(description="Only these roles. 角色")
        ] = None,
        current: Annotated[bool, strawberry.argument(description=CURRENT)] = True,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[OrganisationRole, Lazy(ROLES)]]:
        from schema.people.roles import OrganisationRole, role_filter

        return await related(
            info,
            self.external_id,
            ROLES_HERE,
            first,
            after,
            last,
            before,
            role_filter(roles, current),
            make=lambda row: OrganisationRole.of(row, self),
        )

    @strawberry.field(description="Joint-building agreements it signed. 签订的共建协议")
    async def agreements(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Agreement, Lazy(LISTS)]]:
        return await related(
            info, self.external_id, SIGNED, first, after, last, before, order=list_order(None)
        )

    @strawberry.field(description="Resources it offers. 提供的资源")
    async def resources(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: ResourceFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Resource, Lazy(LISTS)]]:
        return await related(
            info,
            self.external_id,
            OFFERS,
            first,
            after,
            last,
            before,
            resource_filter(filter),
            list_order(order_by),
        )

    @strawberry.field(description="Needs it raised. 提出的需求")
    async def raised_needs(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: NeedFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Need, Lazy(LISTS)]]:
        return await related(
            info,
            self.external_id,
            RAISED,
            first,
            after,
            last,
            before,
            need_filter(filter),
            list_order(order_by),
        )

    @strawberry.field(description="Claims it made on needs and projects. 认领")
    async def claims(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Claim, Lazy(LISTS)]]:
        return await related(
            info, self.external_id, MADE_CLAIM, first, after, last, before, order=_BY_DATE
        )

    @strawberry.field(description="Tasks given to it. 承办的任务")
    async def tasks(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Task, Lazy(LISTS)]]:
        return await related(
            info, self.external_id, ASSIGNED, first, after, last, before, order=list_order(None)
        )

    @strawberry.field(description="Its points account. 积分账户")
    async def point_account(
        self, info: Info
    ) -> Annotated[PointAccount, Lazy("schema.points.types")] | None:
        from schema.points.types import PointAccount

        return await one(info, self.external_id, HAS_ACCOUNT, PointAccount)
