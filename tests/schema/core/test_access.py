"""What a secretary and a volunteer reach (docs/SECURITY.md roles table), over 双滦区:
a secretary his organisation, its members and its claims, and he claims for it; a volunteer
her own profile and the open needs near her, and she claims for herself."""

from __future__ import annotations

import pytest

from graph.database import Database
from schema.core.viewer import Grant, Viewer
from tests.schema.counting import snapshot
from tests.schema.scene import Scene
from tests.support.graphql import data

# 李强 p2 is the secretary of 御祥园社区党委 po1 (which governs 御祥园社区 c1); 王芳 p1 is a
# member. 张敏 p3 volunteers in 御祥园社区.
SECRETARY = Viewer(actor_id="p2", grants=(Grant("secretary", "po1"),))
VOLUNTEER = Viewer(actor_id="p3", grants=(Grant("volunteer", "c1"),))

NODE = "query($id: ID!) { node(id: $id) { __typename } }"
NEEDS = "{ needs { nodes { externalId } } }"
PEOPLE = "{ people { nodes { externalId } } }"
CLAIM = """mutation($input: ClaimCreateInput!) { claimCreate(input: $input) {
  claim { actorId claimant { __typename } } errors { field code } } }"""


@pytest.fixture
async def members(db: Database, scene: Scene) -> Scene:
    await db.driver.execute_query(
        "MATCH (p:Person {id: 'p1'}), (o:PartyOrganisation {id: 'po1'}) CREATE (p)-[:MEMBER_OF]->(o)"
    )
    return scene


async def test_a_secretary_reads_his_organisation_and_its_members(
    db: Database, members: Scene
) -> None:
    people = await data(db, PEOPLE, viewer=SECRETARY)
    assert [n["externalId"] for n in people["people"]["nodes"]] == ["p1"]
    for node_id, seen in (("po1", True), ("p1", True), ("p4", False), ("c1", False), ("n1", False)):
        got = await data(db, NODE, {"id": members.gid(node_id)}, viewer=SECRETARY)
        assert (got["node"] is not None) is seen, node_id
    assert (await data(db, NEEDS, viewer=SECRETARY))["needs"]["nodes"] == []


async def test_a_secretary_claims_for_his_organisation_only(db: Database, members: Scene) -> None:
    # n1 concerns 御祥园社区, which po1 governs: po1 may claim it through its secretary.
    ours = {"target": members.gid("n1"), "claimant": members.gid("po1"), "quantity": 2}
    got = (await data(db, CLAIM, {"input": ours}, viewer=SECRETARY))["claimCreate"]
    assert got == {
        "claim": {"actorId": "p2", "claimant": {"__typename": "PartyOrganisation"}},
        "errors": [],
    }
    before = await snapshot(db)
    theirs = {"target": members.gid("n1"), "claimant": members.gid("u1"), "quantity": 2}
    got = (await data(db, CLAIM, {"input": theirs}, viewer=SECRETARY))["claimCreate"]
    assert [(e["field"], e["code"]) for e in got["errors"]] == [("input.claimant", "NOT_FOUND")]
    # n3 concerns 元宝山社区, where po1 does not serve.
    elsewhere = {"target": members.gid("n3"), "claimant": members.gid("po1"), "quantity": 1}
    got = (await data(db, CLAIM, {"input": elsewhere}, viewer=SECRETARY))["claimCreate"]
    assert [(e["field"], e["code"]) for e in got["errors"]] == [("input.target", "NOT_FOUND")]
    assert await snapshot(db) == before


async def test_a_volunteer_reads_herself_and_open_needs_near_her(
    db: Database, scene: Scene
) -> None:
    # Open needs under 御祥园社区: n1 (open) and n2 (open, at its grid); nothing else.
    needs = await data(db, NEEDS, viewer=VOLUNTEER)
    assert [n["externalId"] for n in needs["needs"]["nodes"]] == ["n2", "n1"]
    assert (await data(db, PEOPLE, viewer=VOLUNTEER))["people"]["nodes"] == []
    for node_id, seen in (("p3", True), ("p1", False), ("c1", False), ("n1", True), ("n3", False)):
        got = await data(db, NODE, {"id": scene.gid(node_id)}, viewer=VOLUNTEER)
        assert (got["node"] is not None) is seen, node_id


async def test_a_met_need_leaves_the_volunteers_list(db: Database, scene: Scene) -> None:
    await db.driver.execute_query("MATCH (n:Need {id: 'n2'}) SET n.status = 'met'")
    needs = await data(db, NEEDS, viewer=VOLUNTEER)
    assert [n["externalId"] for n in needs["needs"]["nodes"]] == ["n1"]


async def test_a_volunteer_claims_for_herself_only(db: Database, scene: Scene) -> None:
    herself = {"target": scene.gid("n1"), "claimant": scene.gid("p3"), "quantity": 1}
    got = (await data(db, CLAIM, {"input": herself}, viewer=VOLUNTEER))["claimCreate"]
    assert got == {"claim": {"actorId": "p3", "claimant": {"__typename": "Person"}}, "errors": []}
    before = await snapshot(db)
    for claimant, target in (("p1", "n1"), ("u1", "n1"), ("p3", "n3"), ("p3", "n4")):
        other = {"target": scene.gid(target), "claimant": scene.gid(claimant), "quantity": 1}
        got = (await data(db, CLAIM, {"input": other}, viewer=VOLUNTEER))["claimCreate"]
        assert got["errors"], (claimant, target)
        assert {e["code"] for e in got["errors"]} == {"NOT_FOUND"}, (claimant, target)
    assert await snapshot(db) == before


async def test_a_volunteer_may_not_change_a_need(db: Database, scene: Scene) -> None:
    before = await snapshot(db)
    got = await data(
        db,
        """mutation($id: ID!) { needUpdate(input: {id: $id, status: CLOSED}) {
             errors { field code } } }""",
        {"id": scene.gid("n1")},
        viewer=VOLUNTEER,
    )
    assert got["needUpdate"]["errors"] == [{"field": "input.id", "code": "NOT_FOUND"}]
    assert await snapshot(db) == before
