"""Places: the tree both ways, filters, roles, scope and personal data, over 双滦区."""

from __future__ import annotations

from graph.database import Database
from tests.schema.scene import Scene
from tests.schema.shuangluan import COORDINATOR_S1, PHONE, PLANNER
from tests.support.graphql import data

PLACES = """query($filter: PlaceFilter, $first: Int) {
  places(filter: $filter, first: $first) { totalCount nodes { __typename externalId } } }"""


async def test_places_anywhere_under_a_place_of_some_kinds(db: Database, scene: Scene) -> None:
    got = await data(db, PLACES, {"filter": {"under": scene.gid("s1"), "types": ["GRID"]}})
    # Grids under 双塔山街道, by name: 双安网格 (双 U+53CC) < 御祥园第一网格 < 御祥园第二网格
    # (御 U+5FA1; then 一 U+4E00 < 二 U+4E8C).
    assert [n["externalId"] for n in got["places"]["nodes"]] == ["g3", "g1", "g2"]
    assert got["places"]["totalCount"] == 3


async def test_places_by_name_text(db: Database, scene: Scene) -> None:
    got = await data(db, PLACES, {"filter": {"text": "元宝山"}})
    # 元宝山社区 < 元宝山网格 < 元宝山街道: after 元宝山, 社 U+793E < 网 U+7F51 < 街 U+8857.
    assert [n["externalId"] for n in got["places"]["nodes"]] == ["c3", "g4", "s2"]
    got = await data(db, PLACES, {"filter": {"text": "乡"}})  # one character: CONTAINS
    assert [n["externalId"] for n in got["places"]["nodes"]] == ["s3"]


async def test_the_tree_both_ways(db: Database, scene: Scene) -> None:
    got = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Grid { name level
             parent { name parent { name parent { name parent { name } } } } } } }""",
        {"id": scene.gid("g3")},
    )
    assert got["node"] == {
        "name": "双安网格",
        "level": 1,
        "parent": {
            "name": "双安社区",
            "parent": {"name": "双塔山街道", "parent": {"name": "双滦区", "parent": None}},
        },
    }
    got = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Place {
             children(filter: {types: [GRID]}) { nodes { name } } } } }""",
        {"id": scene.gid("c1")},
    )
    assert [n["name"] for n in got["node"]["children"]["nodes"]] == [
        "御祥园第一网格",
        "御祥园第二网格",
    ]


WORKERS = """query($id: ID!) { node(id: $id) { ... on Grid {
  workers { totalCount nodes { role fullTime since person { name phone } place { name } } } } } }"""


async def test_a_grids_workers_and_a_workers_grids(db: Database, scene: Scene) -> None:
    got = await data(db, WORKERS, {"id": scene.gid("g1")})
    # By the person's name: 李强 (李 U+674E) before 王芳 (王 U+738B).
    assert got["node"]["workers"] == {
        "totalCount": 2,
        "nodes": [
            {
                "role": "GRID_LEADER",
                "fullTime": True,
                "since": None,
                "person": {"name": "李强", "phone": PHONE},
                "place": {"name": "御祥园第一网格"},
            },
            {
                "role": "GRID_WORKER",
                "fullTime": True,
                "since": "2021-05-01",
                "person": {"name": "王芳", "phone": PHONE},
                "place": {"name": "御祥园第一网格"},
            },
        ],
    }
    got = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Person { roles { nodes {
             __typename role ... on PlaceRole { place { __typename name } } } } } } }""",
        {"id": scene.gid("p1")},
    )
    assert got["node"]["roles"]["nodes"] == [
        {
            "__typename": "PlaceRole",
            "role": "GRID_WORKER",
            "place": {"__typename": "Grid", "name": "御祥园第一网格"},
        }
    ]


async def test_personal_data_is_masked_for_a_planner(db: Database, scene: Scene) -> None:
    got = await data(db, WORKERS, {"id": scene.gid("g1")}, viewer=PLANNER)
    assert [n["person"]["phone"] for n in got["node"]["workers"]["nodes"]] == [
        "138****5678",
        "138****5678",
    ]


async def test_lists_omit_what_lies_outside_the_scope(db: Database, scene: Scene) -> None:
    got = await data(db, PLACES, {"filter": {"types": ["COMMUNITY"]}}, viewer=COORDINATOR_S1)
    assert [n["externalId"] for n in got["places"]["nodes"]] == ["c2", "c1"]  # 双 < 御
    got = await data(db, "{ districts { totalCount } }", viewer=COORDINATOR_S1)
    assert got["districts"]["totalCount"] == 0


async def test_organisations_of_a_place(db: Database, scene: Scene) -> None:
    got = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Community {
             governedBy { nodes { __typename name } }
             organisations { nodes { __typename name ... on MemberUnit { kind } } }
             resources { nodes { title remainingCapacity providers { __typename } } } } } }""",
        {"id": scene.gid("c1")},
    )
    assert got["node"] == {
        "governedBy": {"nodes": [{"__typename": "PartyOrganisation", "name": "御祥园社区党委"}]},
        "organisations": {
            "nodes": [{"__typename": "MemberUnit", "name": "双滦区人民医院", "kind": "HOSPITAL"}]
        },
        "resources": {
            "nodes": [
                {
                    "title": "食堂场地",
                    "remainingCapacity": 20.0,
                    "providers": [{"__typename": "MemberUnit"}],
                }
            ]
        },
    }
