"""Unions for fields that can point to different kinds of entity.

The members live in modules that import this one, so at run time they are LazyType
references resolved when the schema is built; the type checker sees the plain classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypeAlias, Union

import strawberry
from strawberry.types.lazy_type import LazyType

_ORGS = (
    "PartyOrganisation",
    "MemberUnit",
    "Department",
    "PropertyCompany",
    "OwnersCommittee",
    "ResidentsCommittee",
    "VolunteerTeam",
    "MediationCentre",
    "LegalOffice",
)
_PLACES = (
    "District",
    "Street",
    "Community",
    "Grid",
    "MicroGrid",
    "FunctionalGrid",
    "Compound",
    "Building",
    "EntranceUnit",
    "Alley",
    "Household",
    "ServiceStation",
)


def _lazy(names: tuple[str, ...], module: str) -> tuple[LazyType[str, str], ...]:
    return tuple(LazyType(name, module) for name in names)


_ORG_TYPES = _lazy(_ORGS, "schema.organisations.types")
_PERSON = _lazy(("Person",), "schema.people.types")
_PLACE_TYPES = _lazy(_PLACES, "schema.places.types")

if TYPE_CHECKING:
    from schema.lists.types import Need, Project
    from schema.organisations.types import (
        Department,
        LegalOffice,
        MediationCentre,
        MemberUnit,
        OwnersCommittee,
        PartyOrganisation,
        PropertyCompany,
        ResidentsCommittee,
        VolunteerTeam,
    )
    from schema.people.types import Person
    from schema.places.types import (
        Alley,
        Building,
        Community,
        Compound,
        District,
        EntranceUnit,
        FunctionalGrid,
        Grid,
        Household,
        MicroGrid,
        ServiceStation,
        Street,
    )

    Actor: TypeAlias = (
        PartyOrganisation
        | MemberUnit
        | Department
        | PropertyCompany
        | OwnersCommittee
        | ResidentsCommittee
        | VolunteerTeam
        | MediationCentre
        | LegalOffice
        | Person
    )
    Raiser: TypeAlias = (
        Actor
        | District
        | Street
        | Community
        | Grid
        | MicroGrid
        | FunctionalGrid
        | Compound
        | Building
        | EntranceUnit
        | Alley
        | Household
        | ServiceStation
    )
    ClaimTarget: TypeAlias = Need | Project
    Reporter: TypeAlias = PartyOrganisation | Person
    SeatHolder: TypeAlias = MemberUnit | Person
else:
    Actor = Annotated[
        Union[(*_ORG_TYPES, *_PERSON)],
        strawberry.union(
            "Actor", description="An organisation or a person: who offers, claims, does. 组织或个人"
        ),
    ]
    Raiser = Annotated[
        Union[(*_ORG_TYPES, *_PERSON, *_PLACE_TYPES)],
        strawberry.union(
            "Raiser",
            description="Who raised a need: an organisation, a person, or a place (a "
            "community or grid). 需求提出方",
        ),
    ]
    ClaimTarget = Annotated[
        Union[(*_lazy(("Need", "Project"), "schema.lists.types"),)],
        strawberry.union(
            "ClaimTarget", description="What a claim is on: a need or a project. 认领对象"
        ),
    ]
    Reporter = Annotated[
        Union[(*_lazy(("PartyOrganisation",), "schema.organisations.types"), *_PERSON)],
        strawberry.union(
            "Reporter",
            description="Who reports to a community: a unit's party organisation or an "
            "in-service party member. 双报到主体",
        ),
    ]
    SeatHolder = Annotated[
        Union[(*_lazy(("MemberUnit",), "schema.organisations.types"), *_PERSON)],
        strawberry.union(
            "SeatHolder",
            description="Who holds a part-time seat on an enlarged committee: a member unit "
            "or a person. 兼职委员",
        ),
    ]
