"""Organisations (组织): party organisations, member units, departments, property companies,
committees, teams and legal bodies, each a type named as its label, all implementing the
`Organisation` interface."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.nodes import Hop, Order
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import Node, entity, many, one, personal, related
from schema.lists.filters import (
    ListOrder,
    NeedFilter,
    ResourceFilter,
    list_order,
    need_filter,
    resource_filter,
)
from schema.organisations.enums import (
    DepartmentKind,
    LegalOfficeKind,
    MemberUnitKind,
    PartyOrganisationKind,
    ResidentsCommitteeKind,
)
from schema.people.enums import RoleKind

if TYPE_CHECKING:
    from schema.lists.types import Agreement, Category, Claim, Need, Resource, Task
    from schema.people.roles import DualReport, Membership, OrganisationRole, Seat
    from schema.places.types import Compound, Place
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
_L = "schema.lists.types"
_R = "schema.people.roles"


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
    ) -> Connection[Annotated[Membership, Lazy(_R)]]:
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
    ) -> Connection[Annotated[Membership, Lazy(_R)]]:
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
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[OrganisationRole, Lazy(_R)]]:
        from schema.people.roles import OrganisationRole, role_filter

        return await related(
            info,
            self.external_id,
            ROLES_HERE,
            first,
            after,
            last,
            before,
            role_filter(roles),
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
    ) -> Connection[Annotated[Agreement, Lazy(_L)]]:
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

    @strawberry.field(description="Claims it made on needs and projects. 认领")
    async def claims(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Claim, Lazy(_L)]]:
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
    ) -> Connection[Annotated[Task, Lazy(_L)]]:
        return await related(
            info, self.external_id, ASSIGNED, first, after, last, before, order=list_order(None)
        )

    @strawberry.field(description="Its points account. 积分账户")
    async def point_account(
        self, info: Info
    ) -> Annotated[PointAccount, Lazy("schema.points.types")] | None:
        from schema.points.types import PointAccount

        return await one(info, self.external_id, HAS_ACCOUNT, PointAccount)


@entity
@strawberry.type(description="Party organisation at any level. 党组织")
class PartyOrganisation(Organisation):
    kind: PartyOrganisationKind = strawberry.field(description="Level and form. 党组织类型")

    @strawberry.field(description="The party organisation leading it. 上级党组织")
    async def parent_organisation(self, info: Info) -> PartyOrganisation | None:
        return await one(info, self.external_id, UNDER, PartyOrganisation)

    @strawberry.field(description="Party organisations it leads. 下级党组织")
    async def sub_organisations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PartyOrganisation]:
        return await related(info, self.external_id, LEADS, first, after, last, before)

    @strawberry.field(
        description="The unit, company, department or team it is the party organisation of. 所属单位"
    )
    async def belongs_to(self, info: Info) -> Organisation | None:
        return await one(info, self.external_id, BELONGS_TO, Organisation)

    @strawberry.field(
        description="Part-time seats on this (enlarged) committee held by member units and "
        "people. 兼职委员"
    )
    async def seats(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Seat, Lazy(_R)]]:
        from schema.people.roles import Seat

        return await related(
            info,
            self.external_id,
            SEATS_HELD_HERE,
            first,
            after,
            last,
            before,
            make=lambda row: Seat.on_committee(row, self),
        )

    @strawberry.field(description="Communities it reports to. 双报到")
    async def dual_reports(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[DualReport, Lazy(_R)]]:
        from schema.people.roles import DualReport

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


async def _party_organisations(
    info: Info,
    org: Organisation,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[PartyOrganisation]:
    return await related(info, org.external_id, PARTY_ORGANISATIONS, first, after, last, before)


@entity
@strawberry.type(
    description="Member unit (agency, enterprise, school, hospital ...) of the area. 驻区单位/共建单位"
)
class MemberUnit(Organisation):
    kind: MemberUnitKind = strawberry.field(description="What kind of unit. 单位类型")

    @strawberry.field(description="Its own party organisations. 单位党组织")
    async def party_organisations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PartyOrganisation]:
        return await _party_organisations(info, self, first, after, last, before)

    @strawberry.field(description="Part-time seats it holds on enlarged committees. 兼职委员席位")
    async def seats(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Seat, Lazy(_R)]]:
        from schema.people.roles import Seat

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


@entity
@strawberry.type(description="Government department summoned by a whistle. 职能部门")
class Department(Organisation):
    kind: DepartmentKind = strawberry.field(description="Which department. 部门类型")

    @strawberry.field(description="Categories it is responsible for. 职责分类")
    async def handles(self, info: Info) -> list[Annotated[Category, Lazy(_L)]]:
        return await many(info, self.external_id, HANDLES)


@entity
@strawberry.type(description="Property company. 物业服务企业")
class PropertyCompany(Organisation):
    has_party_organisation: bool | None = strawberry.field(
        description="Has its own party organisation. 红色物业"
    )

    @strawberry.field(description="Compounds it serves. 服务的小区")
    async def manages(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Compound, Lazy("schema.places.types")]]:
        return await related(info, self.external_id, MANAGES, first, after, last, before)

    @strawberry.field(description="Its own party organisations. 企业党组织")
    async def party_organisations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PartyOrganisation]:
        return await _party_organisations(info, self, first, after, last, before)


@entity
@strawberry.type(description="Owners' committee of a compound. 业委会")
class OwnersCommittee(Organisation):
    pass


@entity
@strawberry.type(description="Residents' or villagers' committee. 居委会/村委会")
class ResidentsCommittee(Organisation):
    kind: ResidentsCommitteeKind = strawberry.field(description="Residents or villagers. 类型")


@entity
@strawberry.type(description="Volunteer team or social organisation. 志愿服务组织")
class VolunteerTeam(Organisation):
    @strawberry.field(description="Its own party organisations. 党组织")
    async def party_organisations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PartyOrganisation]:
        return await _party_organisations(info, self, first, after, last, before)


@entity
@strawberry.type(description="Dispute mediation centre or committee. 矛调中心/调解委员会")
class MediationCentre(Organisation):
    @strawberry.field(description="Categories of dispute it takes. 受理分类")
    async def handles(self, info: Info) -> list[Annotated[Category, Lazy(_L)]]:
        return await many(info, self.external_id, HANDLES)


@entity
@strawberry.type(
    description="Court, judge's office, shared court, procuratorate, justice office, "
    "lawyer's office or notary. 法院/法官工作室/律师工作室/公证员联络站"
)
class LegalOffice(Organisation):
    kind: LegalOfficeKind = strawberry.field(description="Which legal body. 类型")

    @strawberry.field(description="Categories it is responsible for. 职责分类")
    async def handles(self, info: Info) -> list[Annotated[Category, Lazy(_L)]]:
        return await many(info, self.external_id, HANDLES)


ORGANISATION_TYPES = (
    PartyOrganisation,
    MemberUnit,
    Department,
    PropertyCompany,
    OwnersCommittee,
    ResidentsCommittee,
    VolunteerTeam,
    MediationCentre,
    LegalOffice,
)
