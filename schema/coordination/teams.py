"""Answers to the coordination questions (协调问题) 3 and 4: servingTeam and caseRouting."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.coordination import routing, serving
from schema.cases.enums import CaseLevel
from schema.coordination.types import Nearness, Reason, entities, entity, maybe, reasons
from schema.core.relay import Node
from schema.people.enums import RoleKind

if TYPE_CHECKING:
    from schema.cases.types import Case
    from schema.lists.types import Category
    from schema.organisations.types import (
        Department,
        OwnersCommittee,
        PartyOrganisation,
        PropertyCompany,
        ResidentsCommittee,
    )
    from schema.people.types import Person
    from schema.places.types import (
        Community,
        Compound,
        District,
        Grid,
        Place,
        ServiceStation,
        Street,
    )

Lazy = strawberry.lazy
_P, _O, _L = "schema.places.types", "schema.organisations.types", "schema.lists.types"
_PE, _C = "schema.people.types", "schema.cases.types"


# ---- 3. servingTeam ------------------------------------------------------------------------


@strawberry.type(description="A person in a role at a place or organisation. 任职")
class RoleHolder:
    person: Annotated[Person, Lazy(_PE)] = strawberry.field(description="Who. 人员")
    role: RoleKind = strawberry.field(description="The role. 角色")
    place: Annotated[Place, Lazy(_P)] | None = strawberry.field(
        description="Where the role is held (the building, entrance, alley or grid). 任职地点"
    )
    full_time: bool | None = strawberry.field(description="Full-time (专职), else part-time.")
    claimed: bool | None = strawberry.field(
        description="Claimed by an in-service party member (在职党员认领)."
    )
    since: datetime.date | None = strawberry.field(description="Since when. 起始日期")

    @classmethod
    def of(cls, h: serving.RoleHolder) -> RoleHolder:
        return cls(
            person=entity(h.person),
            role=RoleKind(h.role),
            place=maybe(h.place),
            full_time=h.full_time,
            claimed=h.claimed,
            since=h.since,
        )


@strawberry.type(
    description="A property company serving a compound, and whether it is red. 物业服务"
)
class PropertyService:
    company: Annotated[PropertyCompany, Lazy(_O)] = strawberry.field(description="物业服务企业")
    red: bool = strawberry.field(
        description="红色物业: it has its own party organisation or an assigned party-building "
        "instructor."
    )
    instructors: list[Annotated[Person, Lazy(_PE)]] = strawberry.field(
        description="Party-building instructors assigned to it. 党建指导员"
    )
    reasons: list[Reason] = strawberry.field(description="Why it is (not) red. 理由")


@strawberry.type(description="A compound with its property companies and owners' committee. 小区")
class CompoundService:
    compound: Annotated[Compound, Lazy(_P)] = strawberry.field(description="小区/楼院")
    property_companies: list[PropertyService] = strawberry.field(description="物业服务企业")
    owners_committees: list[Annotated[OwnersCommittee, Lazy(_O)]] = strawberry.field(
        description="业委会"
    )


@strawberry.type(description="The nearest service station and how it was chosen. 最近服务站点")
class NearestStation:
    station: Annotated[ServiceStation, Lazy(_P)] = strawberry.field(description="党群服务站点")
    via: Annotated[Place, Lazy(_P)] = strawberry.field(
        description="The place at or above the asked one that the station belongs to. 所属地点"
    )
    distance_km: float | None = strawberry.field(description="Kilometres away, when known. 距离")
    reason: Reason = strawberry.field(description="Why this one. 理由")


@strawberry.type(
    description="Who serves a place: its grid and grid team, building leaders, claimed roles, "
    "property company, owners' committee, community, street, district and station. 服务团队"
)
class ServingTeam:
    place: Annotated[Place, Lazy(_P)] = strawberry.field(description="The place asked about. 地点")
    grid: Annotated[Grid, Lazy(_P)] | None = strawberry.field(
        description="Its grid (the nearest above or at it); null when it lies in none. 网格"
    )
    grid_leader: RoleHolder | None = strawberry.field(description="网格长")
    grid_workers: list[RoleHolder] = strawberry.field(description="Grid workers. 网格员")
    grid_team: list[RoleHolder] = strawberry.field(
        description="Everyone with a grid role: leader, workers, instructor, mediator. 网格服务团队"
    )
    grid_party_organisations: list[Annotated[PartyOrganisation, Lazy(_O)]] = strawberry.field(
        description="Party organisations governing the grid. 网格党组织"
    )
    leaders: list[RoleHolder] = strawberry.field(
        description="Building, entrance and alley leaders around it (above it below the "
        "community, or under it). 楼栋长/单元长/胡同长"
    )
    claimed_by: list[RoleHolder] = strawberry.field(
        description="Roles around it claimed by in-service party members. 在职党员认领"
    )
    compounds: list[CompoundService] = strawberry.field(
        description="Its compound, or the compounds under it. 小区"
    )
    community: Annotated[Community, Lazy(_P)] | None = strawberry.field(description="社区/村")
    community_party_organisations: list[Annotated[PartyOrganisation, Lazy(_O)]] = strawberry.field(
        description="社区党组织"
    )
    residents_committees: list[Annotated[ResidentsCommittee, Lazy(_O)]] = strawberry.field(
        description="居委会/村委会"
    )
    street: Annotated[Street, Lazy(_P)] | None = strawberry.field(description="街道/乡镇")
    district: Annotated[District, Lazy(_P)] | None = strawberry.field(description="区/县")
    nearest_station: NearestStation | None = strawberry.field(description="最近党群服务站点")
    notes: list[Reason] = strawberry.field(
        description="What is missing (NO_GRID, NO_GRID_LEADER ...), so an empty field reads "
        "as known to be empty. 缺项说明"
    )

    @classmethod
    def of(cls, t: serving.ServingTeam) -> ServingTeam:
        orgs = t.community_organisations
        station = t.station
        return cls(
            place=entity(t.place),
            grid=maybe(t.grid),
            grid_leader=RoleHolder.of(t.grid_leader) if t.grid_leader else None,
            grid_workers=[RoleHolder.of(m) for m in t.grid_team if m.role == "grid_worker"],
            grid_team=[RoleHolder.of(m) for m in t.grid_team],
            grid_party_organisations=entities(t.grid_organisations),
            leaders=[RoleHolder.of(m) for m in t.leaders],
            claimed_by=[RoleHolder.of(m) for m in t.claimed_by],
            compounds=[
                CompoundService(
                    compound=entity(c.compound),
                    property_companies=[
                        PropertyService(
                            company=entity(p.company),
                            red=p.red,
                            instructors=entities(p.instructors),
                            reasons=reasons(p.reasons),
                        )
                        for p in c.companies
                    ],
                    owners_committees=entities(c.owners_committees),
                )
                for c in t.compounds
            ],
            community=maybe(t.community),
            community_party_organisations=entities(
                [o for o in orgs if o.label == "PartyOrganisation"]
            ),
            residents_committees=entities([o for o in orgs if o.label == "ResidentsCommittee"]),
            street=maybe(t.street),
            district=maybe(t.district),
            nearest_station=None
            if station is None
            else NearestStation(
                station=entity(station.station),
                via=entity(station.via),
                distance_km=station.distance_km,
                reason=Reason.of(station.reason),
            ),
            notes=reasons(t.notes),
        )


# ---- 4. caseRouting ------------------------------------------------------------------------


@strawberry.type(description="Someone who should act on a case, in their role. 处置人员")
class CaseActor:
    person: Annotated[Person, Lazy(_PE)] = strawberry.field(description="人员")
    role: RoleKind = strawberry.field(description="角色")
    at: Node = strawberry.field(
        description="Where the role is held: the grid, the community or a mediation centre. 任职于"
    )

    @classmethod
    def of(cls, a: routing.Actor) -> CaseActor:
        return cls(person=entity(a.person), role=RoleKind(a.role), at=entity(a.at))


@strawberry.type(description="A department a whistle should summon, and why. 吹哨部门")
class Summons:
    department: Annotated[Department, Lazy(_O)] = strawberry.field(description="职能部门")
    based_at: Annotated[Place, Lazy(_P)] | None = strawberry.field(
        description="The place above the case where it is based; null when not tied to one. 驻地"
    )
    reasons: list[Reason] = strawberry.field(description="理由")


@strawberry.type(
    description="A closed case of the same category nearby, and who closed it. 类似案例"
)
class SimilarCase:
    case: Annotated[Case, Lazy(_C)] = strawberry.field(description="事件")
    place: Annotated[Place, Lazy(_P)] = strawberry.field(description="Where it happened. 发生地")
    nearness: Nearness = strawberry.field(description="Same grid, community or street. 就近程度")
    closed_by: list[Annotated[Person, Lazy(_PE)]] = strawberry.field(
        description="Who took its last closing step. 结案人"
    )
    handled_by: list[Annotated[Person, Lazy(_PE)]] = strawberry.field(description="承办人")
    reason: Reason = strawberry.field(description="理由")


@strawberry.type(
    description="Who should hold a case and act on it: the level from its severity, kind and "
    "category (分级处置: 小事不出网格、大事不出社区), the people, the departments to summon "
    "(吹哨), and closed similar cases nearby. 事件分派建议"
)
class CaseRouting:
    case: Annotated[Case, Lazy(_C)] = strawberry.field(description="事件")
    place: Annotated[Place, Lazy(_P)] = strawberry.field(description="发生地")
    category: Annotated[Category, Lazy(_L)] | None = strawberry.field(description="分类")
    level: CaseLevel = strawberry.field(
        description="The level that should hold it: severity 1 grid, 2 community, 3 street, "
        "4 district; petitions at least community; never below the lowest level at which its "
        "category has time limits. 建议承办层级"
    )
    holder: Annotated[Place, Lazy(_P)] | None = strawberry.field(
        description="The nearest place of that level (or above) over the case. 建议承办地点"
    )
    held_by: Annotated[Place, Lazy(_P)] | None = strawberry.field(
        description="Who holds it now. 当前承办"
    )
    grid_workers: list[CaseActor] = strawberry.field(description="网格长、网格员")
    grid_mediators: list[CaseActor] = strawberry.field(description="网格调解员")
    community_mediators: list[CaseActor] = strawberry.field(
        description="Mediators of its community and of mediation centres there. 社区调解员"
    )
    departments: list[Summons] = strawberry.field(
        description="Departments handling its category (own first, then broader), based above "
        "the case or nowhere in particular. 吹哨部门"
    )
    similar_cases: list[SimilarCase] = strawberry.field(
        description="Closed cases of its category in the same grid, community or street, "
        "nearest then latest. 类似已结案件"
    )
    reasons: list[Reason] = strawberry.field(description="Why this level. 理由")

    @classmethod
    def of(cls, r: routing.CaseRouting) -> CaseRouting:
        return cls(
            case=entity(r.case),
            place=entity(r.place),
            category=maybe(r.category),
            level=CaseLevel(r.level),
            holder=maybe(r.holder),
            held_by=maybe(r.held_by),
            grid_workers=[CaseActor.of(a) for a in r.grid_workers],
            grid_mediators=[CaseActor.of(a) for a in r.grid_mediators],
            community_mediators=[CaseActor.of(a) for a in r.community_mediators],
            departments=[
                Summons(
                    department=entity(d.department),
                    based_at=maybe(d.based_at),
                    reasons=reasons(d.reasons),
                )
                for d in r.departments
            ],
            similar_cases=[
                SimilarCase(
                    case=entity(s.case),
                    place=entity(s.place),
                    nearness=Nearness(s.nearness),
                    closed_by=entities(s.closed_by),
                    handled_by=entities(s.handled_by),
                    reason=Reason.of(s.reason),
                )
                for s in r.similar
            ],
            reasons=reasons(r.reasons),
        )
