"""needCreate and needUpdate: the written need, or typed errors with nothing written."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from graph.database import Database
from schema.core.ids import to_global
from tests.schema.counting import snapshot
from tests.schema.scene import Scene
from tests.schema.shuangluan import COORDINATOR_S1
from tests.support.graphql import data

CREATE = """mutation($input: NeedCreateInput!) { needCreate(input: $input) {
  need { id externalId title status quantity unit urgency raisedOn dueOn actorId recordedAt
         category { name } place { name } raisedBy { __typename ... on Community { name } } }
  errors { field code message } } }"""
UPDATE = """mutation($input: NeedUpdateInput!) { needUpdate(input: $input) {
  need { status quantity } errors { field code message } } }"""


def need_input(scene: Scene, **changes: Any) -> dict[str, Any]:
    base = {
        "title": "独居老人探访",
        "quantity": 12,
        "unit": "人次",
        "urgency": 2,
        "place": scene.gid("g2"),
        "category": scene.gid("cat-elder"),
        "raisedBy": scene.gid("c1"),
        "raisedOn": "2024-05-06",
        "dueOn": "2024-06-30",
        "externalId": "need-visit",
    }
    return {**base, **changes}


async def test_a_new_need_is_written_with_its_links(db: Database, scene: Scene) -> None:
    before = datetime.now(UTC)
    got = (await data(db, CREATE, {"input": need_input(scene)}))["needCreate"]
    assert got["errors"] == []
    need = got["need"]
    assert need.pop("recordedAt") >= before.isoformat()[:19]
    assert need == {
        "id": to_global("Need", "need-visit"),
        "externalId": "need-visit",
        "title": "独居老人探访",
        "status": "OPEN",
        "quantity": 12.0,
        "unit": "人次",
        "urgency": 2,
        "raisedOn": "2024-05-06",
        "dueOn": "2024-06-30",
        "actorId": "system",  # the viewer's, never the input's
        "category": {"name": "养老服务"},
        "place": {"name": "御祥园第二网格"},
        "raisedBy": {"__typename": "Community", "name": "御祥园社区"},
    }
    listed = await data(
        db,
        "query($id: ID!) { node(id: $id) { ... on Grid { needs { nodes { externalId } } } } }",
        {"id": scene.gid("g2")},
    )
    assert listed["node"]["needs"]["nodes"] == [{"externalId": "need-visit"}]


async def test_bad_input_is_a_list_of_user_errors_and_nothing_is_written(
    db: Database, scene: Scene
) -> None:
    before = await snapshot(db)
    bad = need_input(
        scene,
        title="  ",
        quantity=0,
        urgency=4,
        place=scene.gid("n1"),  # a need's id where a place is expected
        category="###",
        dueOn="2024-05-01",  # before raisedOn
    )
    got = (await data(db, CREATE, {"input": bad}))["needCreate"]
    assert got["need"] is None
    assert [(e["field"], e["code"]) for e in got["errors"]] == [
        ("input.title", "REQUIRED"),
        ("input.quantity", "OUT_OF_RANGE"),
        ("input.urgency", "OUT_OF_RANGE"),
        ("input.dueOn", "INVALID"),
        ("input.place", "WRONG_ID_TYPE"),
        ("input.category", "INVALID_ID"),
    ]
    assert await snapshot(db) == before


async def test_unknown_ids_and_taken_keys_are_refused_whole(db: Database, scene: Scene) -> None:
    before = await snapshot(db)
    missing = need_input(scene, place=to_global("Grid", "g-none"))
    got = (await data(db, CREATE, {"input": missing}))["needCreate"]
    assert [(e["field"], e["code"]) for e in got["errors"]] == [("input.place", "NOT_FOUND")]
    taken = need_input(scene, externalId="n1")
    got = (await data(db, CREATE, {"input": taken}))["needCreate"]
    assert [(e["field"], e["code"]) for e in got["errors"]] == [("input.externalId", "DUPLICATE")]
    assert await snapshot(db) == before


async def test_a_place_outside_the_scope_is_not_found(db: Database, scene: Scene) -> None:
    before = await snapshot(db)
    outside = need_input(scene, place=scene.gid("c3"), raisedBy=None, category=None)
    got = (await data(db, CREATE, {"input": outside}, viewer=COORDINATOR_S1))["needCreate"]
    assert [(e["field"], e["code"]) for e in got["errors"]] == [("input.place", "NOT_FOUND")]
    assert await snapshot(db) == before
    inside = need_input(scene, raisedBy=None, category=None)
    got = (await data(db, CREATE, {"input": inside}, viewer=COORDINATOR_S1))["needCreate"]
    assert got["errors"] == []
    assert got["need"]["actorId"] == "u-coord-s1"


async def test_update_closes_and_keeps_quantity_above_commitments(
    db: Database, scene: Scene
) -> None:
    # n3 (老人陪护, asks 4) has a claim of 3 in this test.
    extra = Scene()
    extra.node(
        "Claim",
        "cl1",
        kind="need",
        quantity=3.0,
        status="active",
        claimedOn=datetime.now(UTC).date(),
    )
    await extra.write(db)
    await db.driver.execute_query(
        "MATCH (c:Claim {id: 'cl1'}), (n:Need {id: 'n3'}) CREATE (c)-[:CLAIMS]->(n)"
    )
    before = await snapshot(db)
    got = (await data(db, UPDATE, {"input": {"id": scene.gid("n3"), "quantity": 2}}))["needUpdate"]
    assert got["need"] is None
    assert [(e["field"], e["code"]) for e in got["errors"]] == [
        ("input.quantity", "BELOW_COMMITTED")
    ]
    assert "claims already commit 3" in got["errors"][0]["message"]
    got = (await data(db, UPDATE, {"input": {"id": scene.gid("n3"), "status": "MET"}}))[
        "needUpdate"
    ]
    assert [(e["field"], e["code"]) for e in got["errors"]] == [
        ("input.status", "INVALID_TRANSITION")
    ]
    got = (await data(db, UPDATE, {"input": {"id": scene.gid("n3"), "status": "WITHDRAWN"}}))[
        "needUpdate"
    ]
    assert [(e["field"], e["code"]) for e in got["errors"]] == [("input.status", "NOT_ALLOWED")]
    assert await snapshot(db) == before
    # Asking exactly what is committed makes the need met; closing is allowed.
    got = (await data(db, UPDATE, {"input": {"id": scene.gid("n3"), "quantity": 3}}))["needUpdate"]
    assert got == {"need": {"status": "MET", "quantity": 3.0}, "errors": []}
    got = (await data(db, UPDATE, {"input": {"id": scene.gid("n3"), "status": "CLOSED"}}))[
        "needUpdate"
    ]
    assert got == {"need": {"status": "CLOSED", "quantity": 3.0}, "errors": []}
