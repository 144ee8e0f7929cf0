"""Points: double-entry transfers; balances come from the ledger; a person's account never
goes below zero, not even when two spends race."""

from __future__ import annotations

import asyncio
from typing import Any

from graph.database import Database
from tests.schema.counting import count_nodes, count_rels, snapshot
from tests.schema.scene import Scene
from tests.support.graphql import data

OPEN = """mutation($input: PointAccountOpenInput!) { pointAccountOpen(input: $input) {
  pointAccount { id kind name balance } errors { field code } } }"""
TRANSFER = """mutation($input: PointsTransferInput!) { pointsTransfer(input: $input) {
  transfer { amount reason actorId debited { name } credited { name } }
  debited { balance } credited { balance }
  errors { field code message } } }"""


async def account(db: Database, **input: Any) -> str:
    got = (await data(db, OPEN, {"input": input}))["pointAccountOpen"]
    assert got["errors"] == []
    account_id: str = got["pointAccount"]["id"]
    return account_id


async def transfer(
    db: Database, source: str, target: str, amount: int, reason: str = "志愿服务"
) -> dict[str, Any]:
    payload = {"from": source, "to": target, "amount": amount, "reason": reason}
    got: dict[str, Any] = (await data(db, TRANSFER, {"input": payload}))["pointsTransfer"]
    return got


def codes(got: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["field"], e["code"]) for e in got["errors"]]


async def accounts(db: Database, scene: Scene) -> tuple[str, str, str]:
    issuer = await account(db, kind="ISSUER", name="双塔山街道积分办")
    shop = await account(db, kind="SHOP", name="雷锋超市")
    wang = await account(db, kind="PERSON", owner=scene.gid("p1"), name="王芳")
    return issuer, shop, wang


async def test_points_are_earned_and_spent_by_the_ledger(db: Database, scene: Scene) -> None:
    issuer, shop, wang = await accounts(db, scene)
    got = await transfer(db, issuer, wang, 30)
    assert got == {
        "transfer": {
            "amount": 30,
            "reason": "志愿服务",
            "actorId": "system",
            "debited": {"name": "双塔山街道积分办"},
            "credited": {"name": "王芳"},
        },
        "debited": {"balance": -30},  # the issuer creates points
        "credited": {"balance": 30},
        "errors": [],
    }
    got = await transfer(db, wang, shop, 25, "兑换大米")
    assert (got["debited"], got["credited"]) == ({"balance": 5}, {"balance": 25})
    assert await count_rels(db, "DEBIT") == 2
    assert await count_rels(db, "CREDIT") == 2
    listed = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on PointAccount { balance
             transfers { nodes { amount reason } } } } }""",
        {"id": wang},
    )
    assert listed["node"] == {
        "balance": 5,
        "transfers": {
            "nodes": [{"amount": 25, "reason": "兑换大米"}, {"amount": 30, "reason": "志愿服务"}]
        },
    }


async def test_an_overdraft_is_refused_and_leaves_nothing(db: Database, scene: Scene) -> None:
    issuer, shop, wang = await accounts(db, scene)
    await transfer(db, issuer, wang, 30)
    before = await snapshot(db)
    got = await transfer(db, wang, shop, 31)
    assert codes(got) == [("input.amount", "INSUFFICIENT_BALANCE")]
    assert got["errors"][0]["message"] == "input.amount: the paying account holds 30 points"
    assert await snapshot(db) == before


async def test_bad_transfers(db: Database, scene: Scene) -> None:
    issuer, _, wang = await accounts(db, scene)
    before = await snapshot(db)
    assert codes(await transfer(db, wang, wang, 1)) == [("input.to", "SAME_ACCOUNT")]
    assert codes(await transfer(db, issuer, wang, 0)) == [("input.amount", "OUT_OF_RANGE")]
    assert codes(await transfer(db, issuer, wang, 5, " ")) == [("input.reason", "REQUIRED")]
    assert codes(await transfer(db, issuer, scene.gid("p1"), 5)) == [("input.to", "WRONG_ID_TYPE")]
    assert await snapshot(db) == before


async def test_a_person_keeps_one_account(db: Database, scene: Scene) -> None:
    first = await account(db, kind="PERSON", owner=scene.gid("p2"))
    second = await account(db, kind="PERSON", owner=scene.gid("p2"))
    assert first == second
    assert await count_nodes(db, "PointAccount") == 1
    got = (await data(db, OPEN, {"input": {"kind": "PERSON"}}))["pointAccountOpen"]
    assert codes(got) == [("input.owner", "REQUIRED")]


async def test_two_racing_spends_cannot_both_pass(db: Database, scene: Scene) -> None:
    issuer, shop, wang = await accounts(db, scene)
    await transfer(db, issuer, wang, 30)
    first, second = await asyncio.gather(transfer(db, wang, shop, 20), transfer(db, wang, shop, 20))
    assert sorted([codes(first), codes(second)]) == [[], [("input.amount", "INSUFFICIENT_BALANCE")]]
    assert await count_nodes(db, "PointTransfer") == 2
