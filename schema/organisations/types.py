"""Organisations (组织): party organisations, member units, departments, property companies,
committees, teams and legal bodies, each a type named as its label, all implementing the
`Organisation` interface (schema/organisations/organisation.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import entity, many, one, related
from schema.organisations.enums import (
    DepartmentKind,
    LegalOfficeKind,
    MemberUnitKind,
    PartyOrganisationKind,
    ResidentsCommitteeKind,
)
from schema.organisations.organisation import (
    BELONGS_TO,
    HANDLES,
    LEADS,
    LISTS,
    MANAGES,
    PARTY_ORGANISATIONS,
    REPORTS_TO,
    ROLES,
    SEATS_HELD,
    SEATS_HELD_HERE,
    UNDER,
    Lazy,
    Organisation,
)

if TYPE_CHECKING:
    from schema.lists.types import Category
    from schema.people.roles import DualReport, Seat
    from schema.places.types import Compound

__all__ = ["Organisation"]


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
    ) -> Connection[Annotated[Seat, Lazy(ROLES)]]:
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
    ) -> Connection[Annotated[DualReport, Lazy(ROLES)]]:
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
    ) -> Connection[Annotated[Seat, Lazy(ROLES)]]:
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
    async def handles(self, info: Info) -> list[Annotated[Category, Lazy(LISTS)]]:
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
    async def handles(self, info: Info) -> list[Annotated[Category, Lazy(LISTS)]]:
        return await many(info, self.external_id, HANDLES)


@entity
@strawberry.type(
    description="Court, judge's office, shared court, procuratorate, justice office, "
    "lawyer's office or notary. 法院/法官工作室/律师工作室/公证员联络站"
)
class LegalOffice(Organisation):
    kind: LegalOfficeKind = strawberry.field(description="Which legal body. 类型")

    @strawberry.field(description="Categories it is responsible for. 职责分类")
    async def handles(self, info: Info) -> list[Annotated[Category, Lazy(LISTS)]]:
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
