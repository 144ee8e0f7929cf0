"""The needs list: filters (status, category with sub-categories, place, dates, text) and order.

Needs of the scene (tests/schema/shuangluan.py) by title, in code-point order of the
characters: 楼道清理 n2 (楼 U+697C) < 社区助餐点 n4 (社 U+793E) < 老人陪护 n3 (老 U+8001,
人 U+4EBA) < 老年助餐 n1 (老 U+8001, 年 U+5E74).
"""

from __future__ import annotations

from typing import Any

from graph.database import Database
from tests.schema.scene import Scene
from tests.schema.shuangluan import COORDINATOR_S1
from tests.support.graphql import data, execute

NEEDS = """query($filter: NeedFilter, $order: ListOrder) {
  needs(filter: $filter, orderBy: $order) { totalCount nodes { externalId } } }"""


async def need_ids(db: Database, **variables: Any) -> list[str]:
    got = await data(db, NEEDS, variables)
    return [n["externalId"] for n in got["needs"]["nodes"]]


async def test_default_order_is_by_title(db: Database, scene: Scene) -> None:
    assert await need_ids(db) == ["n2", "n4", "n3", "n1"]


async def test_filter_by_status(db: Database, scene: Scene) -> None:
    assert await need_ids(db, filter={"status": ["OPEN"]}) == ["n2", "n1"]
    assert await need_ids(db, filter={"status": ["CLOSED", "PARTLY_MET"]}) == ["n4", "n3"]


async def test_a_category_includes_its_sub_categories(db: Database, scene: Scene) -> None:
    # 养老服务 holds n3 itself and, through 助餐, n1 and n4.
    assert await need_ids(db, filter={"category": scene.gid("cat-elder")}) == ["n4", "n3", "n1"]
    assert await need_ids(db, filter={"category": scene.gid("cat-meal")}) == ["n4", "n1"]


async def test_anywhere_under_a_place(db: Database, scene: Scene) -> None:
    # Under 双塔山街道: n1 at 御祥园社区, n2 at its grid; n3 and n4 are elsewhere.
    assert await need_ids(db, filter={"under": scene.gid("s1")}) == ["n2", "n1"]


async def test_date_ranges(db: Database, scene: Scene) -> None:
    march = {"raisedOn": {"from": "2024-03-01", "to": "2024-03-31"}}
    assert await need_ids(db, filter=march) == ["n3", "n1"]
    assert await need_ids(db, filter={"raisedOn": {"to": "2024-01-01"}}) == ["n4"]


async def test_text_and_urgency(db: Database, scene: Scene) -> None:
    assert await need_ids(db, filter={"text": "助餐"}) == ["n4", "n1"]
    assert await need_ids(db, filter={"text": "陪"}) == ["n3"]
    assert await need_ids(db, filter={"urgency": [2, 3]}) == ["n3", "n1"]


async def test_filters_combine(db: Database, scene: Scene) -> None:
    got = await need_ids(
        db, filter={"category": scene.gid("cat-elder"), "status": ["OPEN", "CLOSED"]}
    )
    assert got == ["n4", "n1"]


async def test_order_by_date_descending(db: Database, scene: Scene) -> None:
    order = {"field": "RAISED_ON", "direction": "DESC"}
    assert await need_ids(db, order=order) == ["n3", "n1", "n2", "n4"]


async def test_scope_applies_to_lists(db: Database, scene: Scene) -> None:
    got = await data(db, NEEDS, {}, viewer=COORDINATOR_S1)
    assert [n["externalId"] for n in got["needs"]["nodes"]] == ["n2", "n1"]


async def test_a_filter_id_of_the_wrong_kind_is_a_clear_error(db: Database, scene: Scene) -> None:
    result = await execute(db, NEEDS, {"filter": {"category": scene.gid("c1")}})
    assert result.errors is not None
    assert "`filter.category`" in result.errors[0].message
    assert "expected Category" in result.errors[0].message


async def test_a_need_with_its_links(db: Database, scene: Scene) -> None:
    got = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Need {
             title status quantity raisedOn committedQuantity remainingQuantity
             category { name parent { name } } place { __typename name } } } }""",
        {"id": scene.gid("n1")},
    )
    assert got["node"] == {
        "title": "老年助餐",
        "status": "OPEN",
        "quantity": 10.0,
        "raisedOn": "2024-03-01",
        "committedQuantity": 0.0,
        "remainingQuantity": 10.0,
        "category": {"name": "助餐", "parent": {"name": "养老服务"}},
        "place": {"__typename": "Community", "name": "御祥园社区"},
    }
