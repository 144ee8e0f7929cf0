"""People (人员). One person can hold many roles at once; every role is a relationship
(schema/people/roles.py), never a separate person."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.nodes import Hop, Order
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import Node, entity, one, personal, related
from schema.lists.filters import (
    ListOrder,
    NeedFilter,
    ResourceFilter,
    list_order,
    need_filter,
    resource_filter,
)
from schema.people.enums import Gender, RoleKind
from schema.people.roles import (
    CURRENT,
    DualReport,
    Membership,
    Role,
    Seat,
    role_filter,
    role_of_person,
)

if TYPE_CHECKING:
    from schema.lists.types import Claim, Need, Resource, Task
    from schema.places.types import Household
    from schema.points.types import PointAccount

ROLES_HELD = Hop(("HOLDS_ROLE",), "out")
MEMBER_OF = Hop(("MEMBER_OF",), "out")
LIVES_IN = Hop(("LIVES_IN",), "out")
REPORTS_TO = Hop(("REPORTS_TO",), "out")
SEATS_HELD = Hop(("HOLDS_SEAT",), "out")
OFFERS = Hop(("OFFERS",), "out")
RAISED = Hop(("RAISED",), "out")
MADE_CLAIM = Hop(("MADE_CLAIM",), "out")
ASSIGNED = Hop(("ASSIGNED_TO",), "in")
HAS_ACCOUNT = Hop(("HAS_ACCOUNT",), "out")

Lazy = strawberry.lazy
_L = "schema.lists.types"
SENSITIVE = "masked unless the viewer may see personal data"


@entity
@strawberry.type(description="A person; every role they hold is a relationship. 人员")
class Person(Node):
    name: str = strawberry.field(description="Name. 姓名")
    gender: Gender | None = strawberry.field(description="Gender. 性别")
    birth_year: int | None = strawberry.field(description="Year of birth. 出生年份")
    party_member: bool | None = strawberry.field(description="Party member. 党员")
    retired: bool | None = strawberry.field(description="Retired. 退休")
    skills: list[str] | None = strawberry.field(description="Volunteer skills. 技能")
    available_days: list[int] | None = strawberry.field(
        description="Days of the week (1-7) when available. 可服务日"
    )
    invented: bool | None = strawberry.field(description="Invented for the demo. 虚构")
    recorded_at: datetime.datetime | None = strawberry.field(
        description="When the API last recorded a change to them. 记录时间"
    )
    actor_id: str | None = strawberry.field(
        description="Who last recorded a change to them through the API. 记录人"
    )
    phone_raw: strawberry.Private[str | None]
    id_number_raw: strawberry.Private[str | None]
    address_raw: strawberry.Private[str | None]

    @strawberry.field(description=f"Mobile phone; {SENSITIVE}. 手机号")
    def phone(self, info: Info) -> str | None:
        return personal(info, self.phone_raw)

    @strawberry.field(description=f"Resident ID number; {SENSITIVE}. 身份证号")
    def id_number(self, info: Info) -> str | None:
        return personal(info, self.id_number_raw)

    @strawberry.field(description=f"Home address; {SENSITIVE}. 住址")
    def address(self, info: Info) -> str | None:
        return personal(info, self.address_raw)

    @strawberry.field(description="Roles held at places and in organisations. 担任的角色")
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
    ) -> Connection[Role]:
        return await related(
            info,
            self.external_id,
            ROLES_HELD,
            first,
            after,
            last,
            before,
            role_filter(roles, current),
            make=lambda row: role_of_person(row, self),
        )

    @strawberry.field(description="Branches, teams and organisations they belong to. 所属组织")
    async def memberships(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Membership]:
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

    @strawberry.field(description="The household they live in. 所在户")
    async def household(
        self, info: Info
    ) -> Annotated[Household, Lazy("schema.places.types")] | None:
        from schema.places.types import Household

        return await one(info, self.external_id, LIVES_IN, Household)

    @strawberry.field(description="Communities they report to as in-service party members. 双报到")
    async def dual_reports(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[DualReport]:
        return await related(
            info,
            self.external_id,
            REPORTS_TO,
            first,
            after,
            last,
            before,
            make=lambda row: DualReport.from_reporter(row, self),
        )

    @strawberry.field(description="Part-time seats on enlarged committees. 兼职委员席位")
    async def seats(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Seat]:
        return await related(
            info,
            self.external_id,
            SEATS_HELD,
            first,
            after,
            last,
            before,
            make=lambda row: Seat.held_by(row, self),
        )

    @strawberry.field(description="Resources they offer. 提供的资源")
    async def resources(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: ResourceFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Resource, Lazy(_L)]]:
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

    @strawberry.field(description="Needs they raised. 提出的需求")
    async def raised_needs(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: NeedFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Need, Lazy(_L)]]:
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

    @strawberry.field(description="Claims they made. 认领")
    async def claims(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Claim, Lazy(_L)]]:
        return await related(
            info,
            self.external_id,
            MADE_CLAIM,
            first,
            after,
            last,
            before,
            order=Order("claimedOn", desc=True),
        )

    @strawberry.field(description="Tasks given to them. 承办的任务")
    async def tasks(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Task, Lazy(_L)]]:
        return await related(
            info, self.external_id, ASSIGNED, first, after, last, before, order=list_order(None)
        )

    @strawberry.field(description="Their points account. 积分账户")
    async def point_account(
        self, info: Info
    ) -> Annotated[PointAccount, Lazy("schema.points.types")] | None:
        from schema.points.types import PointAccount

        return await one(info, self.external_id, HAS_ACCOUNT, PointAccount)
