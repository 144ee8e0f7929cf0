"""Relationships that carry facts of their own: roles (担任), memberships (成员), dual
reporting (双报到) and part-time committee seats (兼职委员).

None of these is a node, so none has an id; each holds both of its ends, one of them the
object whose field listed it, the other read in the same page.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph.nodes import NodeFilter, NodeRow
from schema.core.relay import day, entity_of
from schema.organisations.unions import Actor, Reporter, SeatHolder
from schema.people.enums import RoleKind

if TYPE_CHECKING:
    from schema.organisations.types import Organisation, PartyOrganisation
    from schema.people.types import Person
    from schema.places.types import Community, Place

Lazy = strawberry.lazy


CURRENT = "Only roles not ended (no until date, or one not yet passed); true by default. 仅现任"


def role_filter(roles: list[RoleKind] | None, current: bool = True) -> NodeFilter:
    kinds = (("role", tuple(r.value for r in roles)),) if roles else ()
    return NodeFilter(rel_equals=kinds, current_only=current)


def _same(value: Any) -> Any:
    return value


# A role's facts as its relationship holds them: field -> (property, its value in Python).
# Read here and by schema/core/projection.py, which reads only the properties a query shows.
ROLE_FACTS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "role": ("role", RoleKind),
    "since": ("since", day),
    "until": ("until", day),
    "full_time": ("fullTime", _same),
    "claimed": ("claimed", _same),
}


def _role_facts(rel: Mapping[str, Any] | None) -> dict[str, Any]:
    rel = rel or {}
    facts = {a: convert(rel.get(p)) for a, (p, convert) in ROLE_FACTS.items() if a != "role"}
    return {"role": RoleKind(rel["role"]), **facts}  # a role without one is a fault


@strawberry.interface(
    description="A role a person holds at a place or in an organisation. 担任的角色"
)
class Role:
    role: RoleKind = strawberry.field(description="Which role. 角色")
    since: datetime.date | None = strawberry.field(description="Held since. 任职起始")
    until: datetime.date | None = strawberry.field(description="Held until, if ended. 任职截止")
    full_time: bool | None = strawberry.field(description="Full-time (else part-time). 专职/兼职")
    claimed: bool | None = strawberry.field(
        description="Claimed by an in-service party member. 在职党员认领"
    )
    person: Annotated[Person, Lazy("schema.people.types")] = strawberry.field(
        description="Who holds it. 任职人员"
    )


@strawberry.type(description="A role held at a place (grid worker, building leader ...). 地点角色")
class PlaceRole(Role):
    place: Annotated[Place, Lazy("schema.places.types")] = strawberry.field(
        description="Where it is held. 任职地点"
    )

    @classmethod
    def of(cls, row: NodeRow, place: Place) -> PlaceRole:
        """Listed from the place: the row is the person."""
        return cls(person=entity_of(row), place=place, **_role_facts(row.rel))


@strawberry.type(description="A role held in an organisation (secretary, member ...). 组织角色")
class OrganisationRole(Role):
    organisation: Annotated[Organisation, Lazy("schema.organisations.types")] = strawberry.field(
        description="Where it is held. 任职组织"
    )

    @classmethod
    def of(cls, row: NodeRow, organisation: Organisation) -> OrganisationRole:
        return cls(person=entity_of(row), organisation=organisation, **_role_facts(row.rel))


def role_of_person(row: NodeRow, person: Person) -> Role:
    """Listed from the person: the row is the place or organisation."""
    where = entity_of(row)
    from schema.places.types import Place

    if isinstance(where, Place):
        return PlaceRole(person=person, place=where, **_role_facts(row.rel))
    return OrganisationRole(person=person, organisation=where, **_role_facts(row.rel))


@strawberry.type(description="Membership of an organisation. 成员关系")
class Membership:
    member: Actor = strawberry.field(description="The member: a unit, branch or person. 成员")
    organisation: Annotated[Organisation, Lazy("schema.organisations.types")] = strawberry.field(
        description="What it is a member of. 所属组织"
    )
    since: datetime.date | None = strawberry.field(description="Member since. 加入日期")
    in_service: bool | None = strawberry.field(description="In-service party member. 在职党员")

    @classmethod
    def of_organisation(cls, row: NodeRow, organisation: Organisation) -> Membership:
        rel = row.rel or {}
        return cls(
            member=entity_of(row),
            organisation=organisation,
            since=day(rel.get("since")),
            in_service=rel.get("inService"),
        )

    @classmethod
    def of_member(cls, row: NodeRow, member: Any) -> Membership:
        rel = row.rel or {}
        return cls(
            member=member,
            organisation=entity_of(row),
            since=day(rel.get("since")),
            in_service=rel.get("inService"),
        )


@strawberry.type(
    description="Dual reporting: a unit's party organisation or an in-service party member "
    "registered with the community where it is or lives. 双报到"
)
class DualReport:
    reporter: Reporter = strawberry.field(description="Who reports. 报到主体")
    community: Annotated[Community, Lazy("schema.places.types")] = strawberry.field(
        description="The community reported to. 报到社区"
    )
    on: datetime.date | None = strawberry.field(description="Reported on. 报到日期")

    @classmethod
    def to_community(cls, row: NodeRow, community: Community) -> DualReport:
        return cls(reporter=entity_of(row), community=community, on=day((row.rel or {}).get("on")))

    @classmethod
    def from_reporter(cls, row: NodeRow, reporter: Any) -> DualReport:
        return cls(reporter=reporter, community=entity_of(row), on=day((row.rel or {}).get("on")))


@strawberry.type(description="A part-time seat on an enlarged party committee. 兼职委员席位")
class Seat:
    holder: SeatHolder = strawberry.field(description="Who holds it. 兼职委员")
    committee: Annotated[PartyOrganisation, Lazy("schema.organisations.types")] = strawberry.field(
        description="The committee. 大党委/大工委"
    )
    since: datetime.date | None = strawberry.field(description="Held since. 起始日期")

    @classmethod
    def on_committee(cls, row: NodeRow, committee: PartyOrganisation) -> Seat:
        return cls(
            holder=entity_of(row), committee=committee, since=day((row.rel or {}).get("since"))
        )

    @classmethod
    def held_by(cls, row: NodeRow, holder: Any) -> Seat:
        return cls(holder=holder, committee=entity_of(row), since=day((row.rel or {}).get("since")))
