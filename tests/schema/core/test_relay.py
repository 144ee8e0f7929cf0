"""node(id), nodes(ids) and search(text, types, first) over the 双滦区 scene."""

from __future__ import annotations

from graph.database import Database
from schema.core.ids import to_global
from tests.schema.scene import Scene
from tests.schema.shuangluan import COORDINATOR_S1
from tests.support.graphql import data, execute

NODE = """query($id: ID!) { node(id: $id) { __typename id externalId
  ... on Place { name } ... on Need { title } } }"""


async def test_node_returns_the_entity_an_id_names(db: Database, scene: Scene) -> None:
    got = await data(db, NODE, {"id": scene.gid("d1")})
    assert got["node"] == {
        "__typename": "District",
        "id": to_global("District", "d1"),
        "externalId": "d1",
        "name": "双滦区",
    }


async def test_an_id_of_another_type_or_garbage_is_not_found(db: Database, scene: Scene) -> None:
    # "Need:d1" names a need that does not exist, though d1 is a district's key.
    assert (await data(db, NODE, {"id": to_global("Need", "d1")}))["node"] is None
    assert (await data(db, NODE, {"id": "not an id!"}))["node"] is None
    assert (await data(db, NODE, {"id": to_global("Grid", "nowhere")}))["node"] is None


async def test_nodes_answers_in_the_order_asked_with_nulls(db: Database, scene: Scene) -> None:
    ids = [scene.gid("g1"), "garbage", to_global("Need", "c1"), scene.gid("n1")]
    got = await data(
        db,
        "query($ids: [ID!]!) { nodes(ids: $ids) { __typename externalId } }",
        {"ids": ids},
    )
    assert got["nodes"] == [
        {"__typename": "Grid", "externalId": "g1"},
        None,
        None,
        {"__typename": "Need", "externalId": "n1"},
    ]


async def test_out_of_scope_is_not_found(db: Database, scene: Scene) -> None:
    # A coordinator of 双塔山街道 sees its communities, not the district above nor 元宝山社区.
    for node_id, visible in (("d1", False), ("c1", True), ("g1", True), ("c3", False)):
        got = await data(db, NODE, {"id": scene.gid(node_id)}, viewer=COORDINATOR_S1)
        assert (got["node"] is not None) is visible, node_id


SEARCH = """query($text: String!, $types: [SearchType!], $first: Int) {
  search(text: $text, types: $types, first: $first) { score node { __typename externalId } } }"""


async def test_search_two_chinese_characters_uses_the_cjk_index(db: Database, scene: Scene) -> None:
    got = await data(db, SEARCH, {"text": "双安", "first": 10})
    # 双安社区 and 双安网格 hold the pair 双安; nothing else does.
    assert sorted(h["node"]["externalId"] for h in got["search"]) == ["c2", "g3"]


async def test_search_by_kind(db: Database, scene: Scene) -> None:
    got = await data(db, SEARCH, {"text": "社区", "types": ["COMMUNITY"]})
    assert sorted(h["node"]["externalId"] for h in got["search"]) == ["c1", "c2", "c3"]
    got = await data(db, SEARCH, {"text": "社区", "types": ["ORGANISATION"]})
    assert [h["node"]["externalId"] for h in got["search"]] == ["po1"]


async def test_search_matches_the_phrase_not_its_characters_apart(
    db: Database, scene: Scene
) -> None:
    # 助餐 is in 老年助餐 and 社区助餐点 (needs) and the category 助餐 (not indexed).
    got = await data(db, SEARCH, {"text": "助餐"})
    assert sorted(h["node"]["externalId"] for h in got["search"]) == ["n1", "n4"]
    # 餐助 is no pair of any name.
    assert (await data(db, SEARCH, {"text": "餐助"}))["search"] == []


async def test_search_one_character_falls_back_to_contains(db: Database, scene: Scene) -> None:
    got = await data(db, SEARCH, {"text": "滦"})
    # 双滦区 (3 characters) before 双滦区人民医院 (7): the share of the name matched.
    assert [h["node"]["externalId"] for h in got["search"]] == ["d1", "u1"]
    assert [round(h["score"], 4) for h in got["search"]] == [round(1 / 3, 4), round(1 / 7, 4)]


async def test_search_text_with_lucene_syntax_is_taken_literally(
    db: Database, scene: Scene
) -> None:
    for text in ('双安"', "双安 OR 元宝", "*:*", "双安~", "(社区", "\\"):
        result = await execute(db, SEARCH, {"text": text})
        assert result.errors is None, (text, result.errors)
    # "*:*" would match every node as a query; as text it matches none.
    assert (await data(db, SEARCH, {"text": "*:*"}))["search"] == []


async def test_search_keeps_to_the_viewer_scope(db: Database, scene: Scene) -> None:
    got = await data(db, SEARCH, {"text": "社区", "types": ["COMMUNITY"]}, viewer=COORDINATOR_S1)
    assert sorted(h["node"]["externalId"] for h in got["search"]) == ["c1", "c2"]


async def test_search_refuses_empty_text_and_too_many(db: Database, scene: Scene) -> None:
    result = await execute(db, SEARCH, {"text": "  "})
    assert result.errors and "`text` is empty" in result.errors[0].message
    result = await execute(db, SEARCH, {"text": "社区", "first": 51})
    assert result.errors and "`first` must be between 0 and 50" in result.errors[0].message
