"""Keyset pagination of connections, both directions, over 双滦区's three streets.

By name (code point of the first character): 元宝山街道 (元 U+5143) < 双塔山街道 (双 U+53CC)
< 西地满族乡 (西 U+897F).
"""

from __future__ import annotations

from typing import Any

from graph.database import Database
from graph.nodes import NodeRow, Page
from schema.core.connection import connection, decode_cursor, encode_cursor
from tests.schema.scene import Scene
from tests.support.graphql import data, execute

STREETS = """query($id: ID!, $first: Int, $after: String, $last: Int, $before: String,
                   $order: PlaceOrder) {
  node(id: $id) { ... on District {
    streets(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { name } } } } } }"""


async def streets(db: Database, scene: Scene, **args: Any) -> dict[str, Any]:
    got = await data(db, STREETS, {"id": scene.gid("d1"), **args})
    page: dict[str, Any] = got["node"]["streets"]
    return page


def names(page: dict[str, Any]) -> list[str]:
    return [e["node"]["name"] for e in page["edges"]]


def flags(page: dict[str, Any]) -> tuple[bool, bool]:
    return page["pageInfo"]["hasPreviousPage"], page["pageInfo"]["hasNextPage"]


async def test_forward_pages_follow_the_end_cursor(db: Database, scene: Scene) -> None:
    first = await streets(db, scene, first=2)
    assert names(first) == ["元宝山街道", "双塔山街道"]
    assert flags(first) == (False, True)
    assert first["totalCount"] == 3
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    second = await streets(db, scene, first=2, after=first["pageInfo"]["endCursor"])
    assert names(second) == ["西地满族乡"]
    assert flags(second) == (True, False)
    assert second["totalCount"] == 3


async def test_backward_pages_follow_the_start_cursor(db: Database, scene: Scene) -> None:
    last = await streets(db, scene, last=2)
    assert names(last) == ["双塔山街道", "西地满族乡"]
    assert flags(last) == (True, False)
    earlier = await streets(db, scene, last=2, before=last["pageInfo"]["startCursor"])
    assert names(earlier) == ["元宝山街道"]
    assert flags(earlier) == (False, True)


async def test_a_window_between_two_cursors(db: Database, scene: Scene) -> None:
    every = await streets(db, scene, first=3)
    first_cursor, _, last_cursor = (e["cursor"] for e in every["edges"])
    middle = await streets(db, scene, after=first_cursor, before=last_cursor)
    assert names(middle) == ["双塔山街道"]
    assert flags(middle) == (True, True)


async def test_descending_order(db: Database, scene: Scene) -> None:
    page = await streets(db, scene, first=2, order={"field": "NAME", "direction": "DESC"})
    assert names(page) == ["西地满族乡", "双塔山街道"]
    rest = await streets(
        db,
        scene,
        first=2,
        after=page["pageInfo"]["endCursor"],
        order={"field": "NAME", "direction": "DESC"},
    )
    assert names(rest) == ["元宝山街道"]
    assert flags(rest) == (True, False)


async def test_a_cursor_survives_a_new_item_before_it(db: Database, scene: Scene) -> None:
    # Keyset, not offset: a street added before the cursor does not shift the next page.
    first = await streets(db, scene, first=1)
    assert names(first) == ["元宝山街道"]
    extra = Scene()
    extra.place("Street", "s0", "一号街道", kind="street")  # 一 U+4E00 sorts first
    await extra.write(db)
    await db.driver.execute_query(
        "MATCH (a:Street {id: 's0'}), (d:District {id: 'd1'}) CREATE (a)-[:PART_OF]->(d)"
    )
    second = await streets(db, scene, first=1, after=first["pageInfo"]["endCursor"])
    assert names(second) == ["双塔山街道"]
    assert second["totalCount"] == 4


async def test_page_size_limits_are_clear_errors(db: Database, scene: Scene) -> None:
    for args, message in (
        ({"first": 101}, "`first` must be between 0 and 100, got 101"),
        ({"last": -1}, "`last` must be between 0 and 100, got -1"),
        ({"first": 1, "last": 1}, "give `first` or `last`, not both"),
        ({"after": "bm90IGEgY3Vyc29y"}, "`after`: 'bm90IGEgY3Vyc29y' is not a cursor"),
    ):
        result = await execute(db, STREETS, {"id": scene.gid("d1"), **args})
        assert result.errors is not None, args
        assert message in result.errors[0].message


async def test_first_zero_counts_without_items(db: Database, scene: Scene) -> None:
    page = await streets(db, scene, first=0)
    assert names(page) == []
    assert page["totalCount"] == 3
    assert flags(page) == (False, True)


def test_cursors_and_page_info_are_the_same_read_late() -> None:
    # connection() defers encoding to the first read; what a query reads must not change.
    rows = [
        NodeRow(id="s-1", label="Street", props={"id": "s-1"}, key="元宝山街道", tie="s-1|"),
        NodeRow(id="s-2", label="Street", props={"id": "s-2"}, key="双塔山街道", tie="s-2|"),
    ]
    page = Page(rows, total=3, has_previous=False, has_next=True)
    conn = connection(page, lambda r: r.id)
    assert [e.cursor for e in conn.edges] == [
        encode_cursor("元宝山街道", "s-1|"),
        encode_cursor("双塔山街道", "s-2|"),
    ]
    assert decode_cursor(conn.edges[1].cursor, "after") == ("双塔山街道", "s-2|")
    assert conn.nodes == ["s-1", "s-2"] == [e.node for e in conn.edges]
    assert conn.total_count == 3
    info = conn.page_info
    assert (info.has_previous_page, info.has_next_page) == (False, True)
    assert (info.start_cursor, info.end_cursor) == (conn.edges[0].cursor, conn.edges[1].cursor)
    empty = connection(Page([], 0, False, False), lambda r: r.id)
    assert empty.edges == [] and empty.page_info.start_cursor is None
    assert empty.page_info.end_cursor is None
