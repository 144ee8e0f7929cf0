"""claimCreate and claimWithdraw: a need's claims never commit more than it asks, a resource's
never more than its capacity, a claimant only draws on what it offers; a refused claim
leaves nothing behind, and two claims racing for the same need cannot both pass.

Scene: 老年助餐 n1 asks 10; 双滦区人民医院 u1 offers 食堂场地 r1 (capacity 20); here also
大型助餐活动 n9 asking 50 at 御祥园社区.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from graph.database import Database
from tests.schema.counting import count_nodes, snapshot
from tests.schema.scene import Scene, day
from tests.support.graphql import data

CLAIM = """mutation($input: ClaimCreateInput!) { claimCreate(input: $input) {
  claim { externalId kind quantity status claimedOn actorId
          claimant { __typename ... on MemberUnit { name } }
          target { __typename ... on Need { title status committedQuantity remainingQuantity } }
          resource { title remainingCapacity } }
  errors { field code message } } }"""
WITHDRAW = """mutation($id: ID!) { claimWithdraw(input: {id: $id}) {
  claim { status target { ... on Need { status committedQuantity } } } errors { code } } }"""


@pytest.fixture
async def claims_scene(db: Database, scene: Scene) -> Scene:
    extra = Scene()
    extra.node(
        "Need", "n9", title="大型助餐活动", status="open", quantity=50.0, raisedOn=day("2024-04-01")
    )
    await extra.write(db)
    await db.driver.execute_query(
        "MATCH (n:Need {id: 'n9'}), (c:Community {id: 'c1'}) CREATE (n)-[:CONCERNS]->(c)"
    )
    scene.nodes.update(extra.nodes)  # so scene.gid("n9") names it
    return scene


async def claim(
    db: Database, scene: Scene, need: str, quantity: float, **more: Any
) -> dict[str, Any]:
    payload = {"target": scene.gid(need), "claimant": scene.gid("u1"), "quantity": quantity, **more}
    got: dict[str, Any] = (await data(db, CLAIM, {"input": payload}))["claimCreate"]
    return got


def codes(got: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["field"], e["code"]) for e in got["errors"]]


async def test_a_claim_commits_part_of_a_need_and_of_a_resource(
    db: Database, claims_scene: Scene
) -> None:
    got = await claim(db, claims_scene, "n1", 6, resource=claims_scene.gid("r1"))
    assert got["errors"] == []
    c = got["claim"]
    assert (c["kind"], c["quantity"], c["status"], c["actorId"]) == (
        "NEED",
        6.0,
        "ACTIVE",
        "system",
    )
    assert c["claimant"] == {"__typename": "MemberUnit", "name": "双滦区人民医院"}
    assert c["target"] == {
        "__typename": "Need",
        "title": "老年助餐",
        "status": "PARTLY_MET",
        "committedQuantity": 6.0,
        "remainingQuantity": 4.0,
    }
    assert c["resource"] == {"title": "食堂场地", "remainingCapacity": 14.0}
    got = await claim(db, claims_scene, "n1", 4)
    assert got["claim"]["target"]["status"] == "MET"


async def test_more_than_the_need_asks_is_refused_whole(db: Database, claims_scene: Scene) -> None:
    await claim(db, claims_scene, "n1", 6)
    before = await snapshot(db)
    got = await claim(db, claims_scene, "n1", 5)
    assert got["claim"] is None
    assert codes(got) == [("input.quantity", "EXCEEDS_NEED")]
    assert got["errors"][0]["message"] == (
        "input.quantity: the need asks 10 and 6 is already committed"
    )
    assert await snapshot(db) == before


async def test_more_than_the_resource_holds_is_refused(db: Database, claims_scene: Scene) -> None:
    await claim(db, claims_scene, "n1", 10, resource=claims_scene.gid("r1"))
    before = await snapshot(db)
    got = await claim(db, claims_scene, "n9", 11, resource=claims_scene.gid("r1"))
    assert codes(got) == [("input.quantity", "EXCEEDS_CAPACITY")]
    assert "offers 20 and 10 is already drawn on" in got["errors"][0]["message"]
    assert await snapshot(db) == before
    got = await claim(db, claims_scene, "n9", 10, resource=claims_scene.gid("r1"))
    assert got["claim"]["resource"]["remainingCapacity"] == 0.0


async def test_a_claimant_draws_only_on_its_own_resources(
    db: Database, claims_scene: Scene
) -> None:
    before = await snapshot(db)
    payload = {
        "target": claims_scene.gid("n1"),
        "claimant": claims_scene.gid("po1"),  # the party committee offers no resource
        "quantity": 2,
        "resource": claims_scene.gid("r1"),
    }
    got = (await data(db, CLAIM, {"input": payload}))["claimCreate"]
    assert codes(got) == [("input.resource", "NOT_PROVIDER")]
    assert await snapshot(db) == before


async def test_closed_needs_missing_quantities_and_wrong_ids(
    db: Database, claims_scene: Scene
) -> None:
    before = await snapshot(db)
    assert codes(await claim(db, claims_scene, "n4", 1)) == [("input.target", "NOT_OPEN")]
    payload = {"target": claims_scene.gid("n1"), "claimant": claims_scene.gid("u1")}
    got = (await data(db, CLAIM, {"input": payload}))["claimCreate"]
    assert codes(got) == [("input.quantity", "REQUIRED")]
    payload = {"target": claims_scene.gid("c1"), "claimant": claims_scene.gid("g1"), "quantity": 1}
    got = (await data(db, CLAIM, {"input": payload}))["claimCreate"]
    assert codes(got) == [("input.target", "WRONG_ID_TYPE"), ("input.claimant", "WRONG_ID_TYPE")]
    assert await snapshot(db) == before


async def test_withdrawing_a_claim_opens_the_need_again(db: Database, claims_scene: Scene) -> None:
    made = await claim(db, claims_scene, "n1", 10)
    assert made["claim"]["target"]["status"] == "MET"
    gid = (await data(db, "{ claims { nodes { id } } }"))["claims"]["nodes"][0]["id"]
    got = (await data(db, WITHDRAW, {"id": gid}))["claimWithdraw"]
    assert got == {
        "claim": {"status": "WITHDRAWN", "target": {"status": "OPEN", "committedQuantity": 0.0}},
        "errors": [],
    }
    again = (await data(db, WITHDRAW, {"id": gid}))["claimWithdraw"]
    assert again == {"claim": None, "errors": [{"code": "INVALID_TRANSITION"}]}


async def test_two_racing_claims_cannot_both_take_the_same_need(
    db: Database, claims_scene: Scene
) -> None:
    # Each alone fits (6 of 10); together they do not. Exactly one must pass.
    first, second = await asyncio.gather(
        claim(db, claims_scene, "n1", 6), claim(db, claims_scene, "n1", 6)
    )
    outcomes = sorted([codes(first), codes(second)])
    assert outcomes == [[], [("input.quantity", "EXCEEDS_NEED")]]
    assert await count_nodes(db, "Claim") == 1
