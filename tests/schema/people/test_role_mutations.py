"""roleAssign, roleEnd and volunteerSignUp over 双滦区."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from graph.database import Database
from tests.schema.counting import count_nodes, count_rels, snapshot
from tests.schema.scene import Scene
from tests.support.graphql import data

ASSIGN = """mutation($input: RoleAssignInput!) { roleAssign(input: $input) {
  role { role since until fullTime person { name } ... on PlaceRole { place { name } } }
  errors { field code message } } }"""
END = """mutation($input: RoleEndInput!) { roleEnd(input: $input) {
  role { role until } errors { field code } } }"""
SIGN_UP = """mutation($input: VolunteerSignUpInput!) { volunteerSignUp(input: $input) {
  person { externalId name phone skills availableDays memberships { nodes { organisation { name } } } }
  role { role since ... on PlaceRole { place { name } } }
  pointAccount { kind balance owner { ... on Person { name } } }
  errors { field code } } }"""


def codes(got: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["field"], e["code"]) for e in got["errors"]]


async def test_a_person_takes_a_role_once(db: Database, scene: Scene) -> None:
    role = {
        "person": scene.gid("p3"),
        "at": scene.gid("g3"),
        "role": "GRID_MEDIATOR",
        "since": "2024-01-15",
        "fullTime": False,
    }
    got = (await data(db, ASSIGN, {"input": role}))["roleAssign"]
    assert got == {
        "role": {
            "role": "GRID_MEDIATOR",
            "since": "2024-01-15",
            "until": None,
            "fullTime": False,
            "person": {"name": "张敏"},
            "place": {"name": "双安网格"},
        },
        "errors": [],
    }
    before = await snapshot(db)
    again = (await data(db, ASSIGN, {"input": role}))["roleAssign"]
    assert codes(again) == [("input.role", "ALREADY_HOLDS")]
    assert await snapshot(db) == before


async def test_ending_a_role_keeps_it_with_an_end_date(db: Database, scene: Scene) -> None:
    role = {"person": scene.gid("p1"), "at": scene.gid("g1"), "role": "GRID_WORKER"}
    got = (await data(db, END, {"input": {**role, "until": "2024-12-31"}}))["roleEnd"]
    assert got == {"role": {"role": "GRID_WORKER", "until": "2024-12-31"}, "errors": []}
    assert await count_rels(db, "HOLDS_ROLE") == 4  # still there, ended
    again = (await data(db, END, {"input": role}))["roleEnd"]
    assert codes(again) == [("input.role", "NOT_FOUND")]
    early = {"person": scene.gid("p1"), "at": scene.gid("g1"), "role": "GRID_WORKER"}
    # p1 may take the role again once it has ended; ending it before its start is refused.
    assert (await data(db, ASSIGN, {"input": {**early, "since": "2025-03-01"}}))["roleAssign"][
        "errors"
    ] == []
    before = await snapshot(db)
    got = (await data(db, END, {"input": {**early, "until": "2025-01-01"}}))["roleEnd"]
    assert codes(got) == [("input.until", "INVALID")]
    assert await snapshot(db) == before


async def test_roles_only_at_places_and_organisations(db: Database, scene: Scene) -> None:
    before = await snapshot(db)
    bad = {"person": scene.gid("g1"), "at": scene.gid("n1"), "role": "VOLUNTEER"}
    got = (await data(db, ASSIGN, {"input": bad}))["roleAssign"]
    assert codes(got) == [("input.person", "WRONG_ID_TYPE"), ("input.at", "WRONG_ID_TYPE")]
    assert await snapshot(db) == before


async def test_a_new_volunteer_signs_up(db: Database, scene: Scene) -> None:
    team = Scene()
    team.node("VolunteerTeam", "t1", name="御祥园志愿服务队")
    await team.write(db)
    scene.nodes.update(team.nodes)
    got = (
        await data(
            db,
            SIGN_UP,
            {
                "input": {
                    "community": scene.gid("c1"),
                    "name": "赵丽",
                    "phone": "13900001111",
                    "team": scene.gid("t1"),
                    "skills": ["理发", "助餐"],
                    "availableDays": [6, 7, 6],
                }
            },
        )
    )["volunteerSignUp"]
    assert got["errors"] == []
    person = got["person"]
    assert person["externalId"].startswith("person-")
    assert (person["name"], person["phone"], person["skills"], person["availableDays"]) == (
        "赵丽",
        "13900001111",
        ["理发", "助餐"],
        [6, 7],
    )
    assert person["memberships"]["nodes"] == [{"organisation": {"name": "御祥园志愿服务队"}}]
    assert got["role"] == {
        "role": "VOLUNTEER",
        "since": datetime.now(UTC).date().isoformat(),
        "place": {"name": "御祥园社区"},
    }
    assert got["pointAccount"] == {"kind": "PERSON", "balance": 0, "owner": {"name": "赵丽"}}


async def test_signing_up_twice_is_refused_whole(db: Database, scene: Scene) -> None:
    first = {"community": scene.gid("c2"), "person": scene.gid("p4"), "skills": ["维修"]}
    assert (await data(db, SIGN_UP, {"input": first}))["volunteerSignUp"]["errors"] == []
    assert await count_nodes(db, "PointAccount") == 1
    before = await snapshot(db)
    again = {"community": scene.gid("c2"), "person": scene.gid("p4"), "skills": ["唱歌"]}
    got = (await data(db, SIGN_UP, {"input": again}))["volunteerSignUp"]
    assert codes(got) == [("input.role", "ALREADY_HOLDS")]
    assert await snapshot(db) == before  # skills unchanged, no second account
    nameless = (await data(db, SIGN_UP, {"input": {"community": scene.gid("c2")}}))[
        "volunteerSignUp"
    ]
    assert codes(nameless) == [("input.name", "REQUIRED")]


async def test_an_ended_role_leaves_the_current_lists(db: Database, scene: Scene) -> None:
    role = {"person": scene.gid("p1"), "at": scene.gid("g1"), "role": "GRID_WORKER"}
    assert (await data(db, END, {"input": {**role, "until": "2024-12-31"}}))["roleEnd"][
        "errors"
    ] == []
    got = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Grid {
             workers { nodes { person { name } } }
             all: roles(current: false) { nodes { role until person { name } } } } } }""",
        {"id": scene.gid("g1")},
    )
    assert got["node"]["workers"]["nodes"] == [{"person": {"name": "李强"}}]
    assert got["node"]["all"]["nodes"] == [
        {"role": "GRID_LEADER", "until": None, "person": {"name": "李强"}},
        {"role": "GRID_WORKER", "until": "2024-12-31", "person": {"name": "王芳"}},
    ]
