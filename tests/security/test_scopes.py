"""Who sees and changes what, over real HTTP against the running service and Neo4j.

The scene is tests/security/scenes.py: one street with two communities, a grid in each.
Each table row is an operation and, per role, the answer it must get, worked out by hand
from the roles table of docs/SECURITY.md. `None` means absent (not found, or left out of a
list); "401"/"403" mean the whole request is refused.
"""

from __future__ import annotations

from typing import Any

import pytest

from schema.core.ids import to_global
from schema.core.viewer import RoleName
from tests.conftest import wipe
from tests.security.conftest import Service, graph_census
from tests.security.scenes import ID_NUMBER_1, PHONE_1, PHONE_2, build_two_grids

Who = tuple[RoleName, str | None, str] | None  # (role, scope, sub) or None for anonymous
ROLES: dict[str, Who] = {
    "admin": ("admin", None, "u-admin"),
    "coordinator of the street": ("coordinator", "s-1", "u-coord"),
    "coordinator of the other community": ("coordinator", "c-2", "u-coord2"),
    "grid worker of g-1": ("grid_worker", "g-1", "p-w"),
    "secretary of po-1": ("secretary", "po-1", "p-sec"),
    "planner": ("planner", None, "u-plan"),
    "volunteer in c-1": ("volunteer", "c-1", "p-vol"),
    "anonymous": None,
}


def cell(*args: Any) -> Any:
    """One table cell as a test case (name, ..., who, expected), named "name / who"."""
    return pytest.param(*args, id=f"{args[0]} / {args[-2]}")


def gid(type_name: str, external: str) -> str:
    return to_global(type_name, external)


def post(service: Service, who: str, query: str, variables: dict[str, Any] | None = None) -> Any:
    grant = ROLES[who]
    if grant is None:
        return service.post(query, variables, role=None)
    role, scope, sub = grant
    return service.post(query, variables, role=role, scope=scope, sub=sub)


@pytest.fixture(scope="module")
def scene(service: Service, migrated: str) -> Service:
    wipe(migrated)
    build_two_grids(migrated)
    return service


# ---- reads -----------------------------------------------------------------------------------

PERSON = "query($id: ID!) { node(id: $id) { ... on Person { name phone idNumber } } }"
WANG_FULL = {"name": "王芳", "phone": PHONE_1, "idNumber": ID_NUMBER_1}
WANG_MASKED = {"name": "王芳", "phone": "138****5678", "idNumber": "130***********1234"}
LI_FULL = {"name": "李强", "phone": PHONE_2, "idNumber": None}
LI_MASKED = {"name": "李强", "phone": "139****5432", "idNumber": None}
NEEDS = "{ needs(first: 20) { nodes { externalId } } }"
PEOPLE = "{ people(first: 20) { nodes { externalId } } }"
CASE = "query($id: ID!) { case(id: $id) { title } }"
SEARCH = 'query { search(text: "王芳") { node { id } } }'


def node_of(data: Any) -> Any:
    return data["node"] or None


def ids_of(field: str) -> Any:
    return lambda data: sorted(n["externalId"] for n in data[field]["nodes"])


READS: list[tuple[str, str, dict[str, Any] | None, Any, dict[str, Any]]] = [
    (
        "a resident of g-1, with phone and ID number",
        PERSON,
        {"id": gid("Person", "p-1")},
        node_of,
        {
            "admin": WANG_FULL,
            "coordinator of the street": WANG_FULL,
            "coordinator of the other community": None,
            "grid worker of g-1": WANG_FULL,
            "secretary of po-1": WANG_FULL,  # his organisation's member: unmasked
            "planner": WANG_MASKED,
            "volunteer in c-1": None,
            "anonymous": "401",
        },
    ),
    (
        "a resident of g-2",
        PERSON,
        {"id": gid("Person", "p-2")},
        node_of,
        {
            "admin": LI_FULL,
            "coordinator of the street": LI_FULL,
            "coordinator of the other community": LI_FULL,
            "grid worker of g-1": None,
            "secretary of po-1": None,
            "planner": LI_MASKED,
            "volunteer in c-1": None,
            "anonymous": "401",
        },
    ),
    (
        "the volunteer's own profile",
        "query($id: ID!) { node(id: $id) { ... on Person { name } } }",
        {"id": gid("Person", "p-vol")},
        node_of,
        {
            "admin": {"name": "赵丽"},
            "coordinator of the street": {"name": "赵丽"},
            "coordinator of the other community": None,
            "grid worker of g-1": {"name": "赵丽"},  # she lives in g-1
            "secretary of po-1": None,
            "planner": {"name": "赵丽"},
            "volunteer in c-1": {"name": "赵丽"},  # her own profile
            "anonymous": "401",
        },
    ),
    (
        "the needs list",
        NEEDS,
        None,
        ids_of("needs"),
        {
            "admin": ["n-1", "n-2", "n-3"],
            "coordinator of the street": ["n-1", "n-2", "n-3"],
            "coordinator of the other community": ["n-2"],
            "grid worker of g-1": ["n-1", "n-3"],
            "secretary of po-1": [],
            "planner": ["n-1", "n-2", "n-3"],
            "volunteer in c-1": ["n-1"],  # open needs near her, not the met n-3
            "anonymous": "401",
        },
    ),
    (
        "the people list",
        PEOPLE,
        None,
        ids_of("people"),
        {
            "admin": ["p-1", "p-2", "p-sec", "p-vol", "p-w"],
            "coordinator of the street": ["p-1", "p-2", "p-sec", "p-vol", "p-w"],
            "coordinator of the other community": ["p-2"],
            # p-1 and p-vol live in g-1, p-w holds her role there; p-sec sits in c-1 only
            "grid worker of g-1": ["p-1", "p-vol", "p-w"],
            "secretary of po-1": ["p-1", "p-sec"],  # his organisation's members
            "planner": ["p-1", "p-2", "p-sec", "p-vol", "p-w"],
            "volunteer in c-1": [],
            "anonymous": "401",
        },
    ),
    (
        "a case in g-2",
        CASE,
        {"id": gid("Case", "k-2")},
        lambda data: data["case"],
        {
            "admin": {"title": "占道经营"},
            "coordinator of the street": {"title": "占道经营"},
            "coordinator of the other community": {"title": "占道经营"},
            "grid worker of g-1": None,
            "secretary of po-1": None,
            "planner": {"title": "占道经营"},
            "volunteer in c-1": None,
            "anonymous": "401",
        },
    ),
    (
        "full-text search for a resident of g-1",
        SEARCH,
        None,
        lambda data: [hit["node"]["id"] for hit in data["search"]],
        {
            "admin": [gid("Person", "p-1")],
            "coordinator of the street": [gid("Person", "p-1")],
            "coordinator of the other community": [],
            "grid worker of g-1": [gid("Person", "p-1")],
            "secretary of po-1": [gid("Person", "p-1")],  # a member of his organisation
            "planner": [gid("Person", "p-1")],
            "volunteer in c-1": [],
            "anonymous": "401",
        },
    ),
]

READ_CASES = [
    cell(name, query, variables, pick, who, expected)
    for name, query, variables, pick, table in READS
    for who, expected in table.items()
]


@pytest.mark.parametrize(("name", "query", "variables", "pick", "who", "expected"), READ_CASES)
def test_reads_show_each_role_exactly_its_scope(
    scene: Service, name: str, query: str, variables: Any, pick: Any, who: str, expected: Any
) -> None:
    response = post(scene, who, query, variables)
    if expected in ("401", "403"):
        assert response.status_code == int(expected), response.text
        assert "data" not in response.json() or response.json()["data"] is None
        return
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    assert pick(body["data"]) == expected


def test_the_whole_table_covers_every_role() -> None:
    for name, _, _, _, table in READS:
        assert set(table) == set(ROLES), name


# ---- writes ----------------------------------------------------------------------------------

NEED_CREATE = """
mutation($input: NeedCreateInput!) {
  needCreate(input: $input) { need { externalId actorId recordedAt } errors { field code message } }
}"""
CASE_REPORT = """
mutation($input: CaseReportInput!) {
  caseReport(input: $input) { case { externalId } errors { field code message } }
}"""
CLAIM_CREATE = """
mutation($input: ClaimCreateInput!) {
  claimCreate(input: $input) { claim { externalId actorId } errors { field code message } }
}"""


def need_at(grid: str, key: str) -> dict[str, Any]:
    return {
        "input": {
            "title": f"清理楼道 {key}",
            "quantity": 1,
            "place": gid("Grid", grid),
            "externalId": key,
        }
    }


def case_at(grid: str) -> dict[str, Any]:
    return {
        "input": {
            "title": "井盖缺失",
            "kind": "REPORT",
            "severity": 2,
            "placeId": gid("Grid", grid),
        }
    }


def claim_of(claimant_type: str, claimant: str) -> dict[str, Any]:
    return {
        "input": {
            "target": gid("Need", "n-1"),
            "claimant": gid(claimant_type, claimant),
            "quantity": 1,
        }
    }


OK, REFUSED = "ok", "refused"
WRITES: list[tuple[str, str, Any, str, dict[str, str]]] = [
    (
        "create a need in g-1",
        NEED_CREATE,
        lambda who: need_at("g-1", f"need-{abs(hash(who)) % 10**8}"),
        "needCreate",
        {
            "admin": OK,
            "coordinator of the street": OK,
            "coordinator of the other community": REFUSED,
            "grid worker of g-1": OK,
            "secretary of po-1": REFUSED,
            "planner": "403",
            "volunteer in c-1": REFUSED,
            "anonymous": "401",
        },
    ),
    (
        "create a need in g-2",
        NEED_CREATE,
        lambda who: need_at("g-2", f"need2-{abs(hash(who)) % 10**8}"),
        "needCreate",
        {
            "admin": OK,
            "coordinator of the street": OK,
            "coordinator of the other community": OK,
            "grid worker of g-1": REFUSED,
            "secretary of po-1": REFUSED,
            "planner": "403",
            "volunteer in c-1": REFUSED,
            "anonymous": "401",
        },
    ),
    (
        "report a case in g-2",
        CASE_REPORT,
        lambda who: case_at("g-2"),
        "caseReport",
        {
            "admin": OK,
            "coordinator of the street": OK,
            "coordinator of the other community": OK,
            "grid worker of g-1": REFUSED,
            "secretary of po-1": REFUSED,
            "planner": "403",
            "volunteer in c-1": REFUSED,
            "anonymous": "401",
        },
    ),
    (
        "claim need n-1 for the party organisation po-1",
        CLAIM_CREATE,
        lambda who: claim_of("PartyOrganisation", "po-1"),
        "claimCreate",
        {
            "admin": OK,
            "coordinator of the street": OK,
            "coordinator of the other community": REFUSED,
            "grid worker of g-1": REFUSED,  # po-1 governs c-1, above her grid
            "secretary of po-1": OK,  # his organisation's claim
            "planner": "403",
            "volunteer in c-1": REFUSED,
            "anonymous": "401",
        },
    ),
    (
        "claim need n-1 as the volunteer herself",
        CLAIM_CREATE,
        lambda who: claim_of("Person", "p-vol"),
        "claimCreate",
        {
            "admin": OK,
            "coordinator of the street": OK,
            "coordinator of the other community": REFUSED,
            "grid worker of g-1": OK,
            "secretary of po-1": REFUSED,
            "planner": "403",
            "volunteer in c-1": OK,  # her own claim
            "anonymous": "401",
        },
    ),
]

WRITE_CASES = [
    cell(name, mutation, make, field, who, expected)
    for name, mutation, make, field, table in WRITES
    for who, expected in table.items()
]


@pytest.fixture(scope="module")
def write_scene(service: Service, migrated: str) -> Service:
    # One scene for every write: each write is judged by what it changed (before/after), and
    # none of them depends on another having happened or not.
    wipe(migrated)
    build_two_grids(migrated)
    return service


@pytest.mark.parametrize(("name", "mutation", "make", "field", "who", "expected"), WRITE_CASES)
def test_writes_land_only_within_scope_and_record_the_token_actor(
    write_scene: Service,
    migrated: str,
    name: str,
    mutation: str,
    make: Any,
    field: str,
    who: str,
    expected: str,
) -> None:
    before = graph_census(migrated)
    response = post(write_scene, who, mutation, make(who))
    after = graph_census(migrated)
    if expected in ("401", "403"):
        assert response.status_code == int(expected), response.text
        assert after == before
        return
    body = response.json()
    if expected == REFUSED and "errors" in body:
        # The role may never make this change: a field permission refused it (FORBIDDEN).
        assert body["data"] is None or body["data"][field] is None, body
        assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}, body
        assert after == before
        return
    assert response.status_code == 200 and "errors" not in body, body
    payload = body["data"][field]
    if expected == REFUSED:
        # A typed payload error that names no place, and not one node or relationship more.
        assert payload["errors"], payload
        assert {e["code"] for e in payload["errors"]} <= {"NOT_FOUND", "OUT_OF_SCOPE", "FORBIDDEN"}
        assert after == before
        return
    assert payload["errors"] == [], payload
    created = set(after["nodes"]) - set(before["nodes"])
    assert created, "an accepted write added nothing"
    assert set(before["nodes"]) <= set(after["nodes"])  # nothing removed
    grant = ROLES[who]
    assert grant is not None
    # The actor is whoever the token names, on every node the write created that records one.
    actors = {after["nodes"][n][1].get("actorId") for n in created} - {None}
    assert actors == {grant[2]}, (created, actors)
