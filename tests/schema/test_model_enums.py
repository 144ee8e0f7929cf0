"""Every GraphQL enum over a model value list holds exactly the model's values, and every
entity type is named as a label of the model with the model's plain properties as fields."""

from __future__ import annotations

from enum import Enum

import pytest

from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE
from schema.core.relay import ENTITY_TYPES
from schema.lists import enums as lists
from schema.organisations import enums as orgs
from schema.people import enums as people
from schema.places import enums as places
from schema.points import enums as points
from tests.support.graphql import schema

ENUMS: list[tuple[type[Enum], tuple[str, ...]]] = [
    (places.DistrictKind, NODES_BY_LABEL["District"].props["kind"].enum),
    (places.StreetKind, NODES_BY_LABEL["Street"].props["kind"].enum),
    (places.CommunityKind, NODES_BY_LABEL["Community"].props["kind"].enum),
    (places.GridColour, NODES_BY_LABEL["Grid"].props["colour"].enum),
    (places.FunctionalGridKind, NODES_BY_LABEL["FunctionalGrid"].props["kind"].enum),
    (places.ServiceStationKind, NODES_BY_LABEL["ServiceStation"].props["kind"].enum),
    (orgs.PartyOrganisationKind, NODES_BY_LABEL["PartyOrganisation"].props["kind"].enum),
    (orgs.MemberUnitKind, NODES_BY_LABEL["MemberUnit"].props["kind"].enum),
    (orgs.DepartmentKind, NODES_BY_LABEL["Department"].props["kind"].enum),
    (orgs.ResidentsCommitteeKind, NODES_BY_LABEL["ResidentsCommittee"].props["kind"].enum),
    (orgs.LegalOfficeKind, NODES_BY_LABEL["LegalOffice"].props["kind"].enum),
    (people.Gender, NODES_BY_LABEL["Person"].props["gender"].enum),
    (people.RoleKind, RELS_BY_TYPE["HOLDS_ROLE"].props["role"].enum),
    (lists.NeedStatus, NODES_BY_LABEL["Need"].props["status"].enum),
    (lists.ResourceKind, NODES_BY_LABEL["Resource"].props["kind"].enum),
    (lists.ResourceStatus, NODES_BY_LABEL["Resource"].props["status"].enum),
    (lists.ProjectStatus, NODES_BY_LABEL["Project"].props["status"].enum),
    (lists.TaskStatus, NODES_BY_LABEL["Task"].props["status"].enum),
    (lists.ClaimKind, NODES_BY_LABEL["Claim"].props["kind"].enum),
    (lists.ClaimStatus, NODES_BY_LABEL["Claim"].props["status"].enum),
    (points.PointAccountKind, NODES_BY_LABEL["PointAccount"].props["kind"].enum),
]


@pytest.mark.parametrize(("enum", "values"), ENUMS, ids=[e.__name__ for e, _ in ENUMS])
def test_enum_equals_the_model(enum: type[Enum], values: tuple[str, ...]) -> None:
    assert [m.value for m in enum] == list(values)


OWN_LABELS = set(NODES_BY_LABEL) - {
    "Case",
    "CaseEvent",
    "Mediation",
    "TimeLimit",
    "ExtensionRequest",
}


def test_every_label_has_its_type() -> None:
    schema()  # builds the schema, importing every domain
    assert set(ENTITY_TYPES) >= OWN_LABELS


@pytest.mark.parametrize("label", sorted(OWN_LABELS))
def test_a_type_exposes_its_labels_properties(label: str) -> None:
    fields = schema()._schema.type_map[label].fields  # type: ignore[union-attr]
    missing = [prop for prop in NODES_BY_LABEL[label].props if prop not in fields]
    assert not missing, f"{label} lacks fields for {missing}"
