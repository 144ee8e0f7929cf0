"""`partnershipNetwork` on the district scene, through the real schema and Neo4j.

The scene and the hand-worked answers are in tests/graph/network (scenes.py,
test_analyses.py); here they must come out of GraphQL the same, as global ids and names.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph.database import Database
from graph.network.service import CACHE
from schema.core.ids import to_global
from schema.core.viewer import Grant, Viewer
from tests.graph.network.scenes import AS_OF, Scene
from tests.support.graphql import data, execute

WEST = to_global("Street", "s-cliques")
STAR = to_global("Street", "s-star")
DISTRICT = to_global("District", "d")
TO = AS_OF.isoformat()

QUERY = """
query ($scope: ID!, $to: Date, $from: Date, $kind: NetworkKind! = PARTNERSHIP) {
  partnershipNetwork(scopeId: $scope, to: $to, from: $from, kind: $kind) {
    scopeName to version
    metrics { nodes units communities links isolated components mainCore bettweennessSampled: betweennessSampled }
    rankings(metrics: [BETWEENNESS], side: UNIT, limit: 2) { metric nodes { externalId betweenness } }
    brokers(limit: 3) { id externalId name typeName cutOff betweenness }
    bridges { a { externalId } b { externalId } cutOff }
    gaps { community { externalId name } kind partners openNeeds { externalId title category } }
    groups { size units communities leaders { externalId } }
    mainCore { externalId }
    suggestions(limit: 3) {
      unit { id externalId name } community { externalId name } score paths
      sharedNeighbours { viaCommunity { externalId } viaUnit { externalId } contribution }
      fittingNeeds { id externalId category }
    }
  }
}
"""


async def network(db: Database, scope: str, viewer: Viewer | None = None, **more: Any) -> Any:
    variables = {"scope": scope, "to": TO, **more}
    if viewer is None:
        return (await data(db, QUERY, variables))["partnershipNetwork"]
    return (await data(db, QUERY, variables, viewer))["partnershipNetwork"]


async def test_the_bridge_unit_the_isolated_community_and_a_suggestion(
    district_db: Database,
) -> None:
    west = await network(district_db, WEST)

    assert west["scopeName"] == "西街街道" and west["to"] == TO
    m = west["metrics"]
    assert (m["nodes"], m["units"], m["communities"], m["links"]) == (12, 7, 5, 16)
    assert (m["isolated"], m["components"], m["mainCore"]) == (1, 2, 2)
    x, a1, a2 = west["brokers"]
    assert (x["externalId"], x["name"], x["typeName"]) == ("x", "单位x", "MemberUnit")
    assert x["id"] == to_global("MemberUnit", "x")
    assert x["cutOff"] == 5 and x["betweenness"] == pytest.approx(25.5 / 55)
    # Each a lies on one of the four shortest paths p1–p2: 1/4 of a pair, cutting nothing off.
    assert [(b["externalId"], b["cutOff"]) for b in (a1, a2)] == [("a1", 0), ("a2", 0)]
    assert a1["betweenness"] == pytest.approx(0.25 / 55)
    assert west["rankings"][0]["nodes"][0]["externalId"] == "x"
    assert west["bridges"] == []
    [gap] = west["gaps"]
    assert gap["community"] == {"externalId": "z", "name": "西z社区"}
    assert (gap["kind"], gap["partners"]) == ("ISOLATED", 0)
    assert gap["openNeeds"] == [
        {"externalId": "n-z", "title": "g-z老人助餐", "category": "养老服务"}
    ]
    assert sorted(g["size"] for g in west["groups"]) == [5, 6]  # x sides with one clique
    assert len(west["mainCore"]) == 11

    first = west["suggestions"][0]
    assert (first["unit"]["externalId"], first["community"]["externalId"]) == ("a2", "q1")
    assert first["score"] == pytest.approx(2 / 16) and first["paths"] == 2
    assert [
        (s["viaCommunity"]["externalId"], s["viaUnit"]["externalId"])
        for s in first["sharedNeighbours"]
    ] == [
        ("p1", "x"),
        ("p2", "x"),
    ]
    assert first["fittingNeeds"] == [
        {"id": to_global("Need", "n-q1"), "externalId": "n-q1", "category": "养老服务"}
    ]


async def test_the_star_centre_cuts_off_four_communities_over_four_bridges(
    district_db: Database,
) -> None:
    star = await network(district_db, STAR)

    [hub] = star["brokers"]
    assert (hub["externalId"], hub["cutOff"], hub["betweenness"]) == ("u-hub", 3, 1.0)
    assert len(star["bridges"]) == 4 and {b["cutOff"] for b in star["bridges"]} == {1}
    assert [g["kind"] for g in star["gaps"]] == ["WEAKLY_SERVED"] * 4
    # the one with an open need first, then the thinnest ties
    assert [g["community"]["externalId"] for g in star["gaps"]] == ["c2", "c4", "c3", "c1"]
    assert star["suggestions"] == []  # one unit: nobody to learn from


async def test_the_unit_network_kind(district_db: Database) -> None:
    units = await network(district_db, WEST, kind="UNITS")

    assert units["metrics"]["units"] == 7 and units["metrics"]["links"] == 12
    assert units["brokers"][0]["externalId"] == "x"
    assert units["brokers"][0]["betweenness"] == pytest.approx(9 / 15)


async def test_compared_with_an_earlier_window(district_db: Database) -> None:
    query = """
    query ($scope: ID!) {
      partnershipNetwork(scopeId: $scope, from: "2024-12-12", to: "2025-06-30") {
        comparedWith(from: "2023-07-01", to: "2024-06-30") {
          earlierFrom earlierTo linksBefore linksAfter
          gained { a { externalId } b { externalId } before after }
          lost { a { externalId } b { externalId } before }
          newlyIsolated { externalId name }
        }
      }
    }
    """
    change = (await data(district_db, query, {"scope": STAR}))["partnershipNetwork"]["comparedWith"]

    assert (change["linksBefore"], change["linksAfter"]) == (1, 3)
    assert [(g["a"]["externalId"], g["b"]["externalId"]) for g in change["gained"]] == [
        ("c1", "u-hub"),
        ("c2", "u-hub"),
        ("c3", "u-hub"),
    ]
    [lost] = change["lost"]
    assert (lost["a"]["externalId"], lost["b"]["externalId"]) == ("c4", "u-hub")
    assert lost["before"] == pytest.approx(2**-0.5)
    assert change["newlyIsolated"] == [{"externalId": "c4", "name": "东4社区"}]


async def test_a_viewer_sees_only_the_places_of_their_role(district_db: Database) -> None:
    west_coordinator = Viewer("coordinator-west", (Grant("coordinator", "s-cliques"),))
    planner = Viewer("planner", (Grant("planner", None),))

    seen_by_coordinator = await network(district_db, DISTRICT, west_coordinator)
    seen_by_planner = await network(district_db, DISTRICT, planner)

    assert seen_by_coordinator["metrics"]["links"] == 16
    assert seen_by_planner["metrics"]["links"] == 16 + 4


async def test_no_personal_data_reaches_a_planner(district_db: Database) -> None:
    planner = Viewer("planner", (Grant("planner", None),))
    star = await network(district_db, STAR, planner)

    text = json.dumps(star, ensure_ascii=False)
    assert "13800001111" not in text and "1390000000" not in text and "党员" not in text


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"scope": "not-an-id"}, "scopeId: 'not-an-id' is not a gridlink id"),
        ({"scope": to_global("Need", "n-z")}, "scopeId: .* is a Need id; expected District"),
        ({"scope": WEST, "from": "2025-07-01"}, "'from' must not be later than 'to'"),
    ],
)
async def test_bad_arguments_are_named(
    district_db: Database, variables: dict[str, Any], message: str
) -> None:
    result = await execute(district_db, QUERY, {"to": TO, **variables})

    assert result.errors is not None
    assert pytest.importorskip("re").search(message, result.errors[0].message)


async def test_an_unknown_place_is_null(district_db: Database) -> None:
    result = await data(district_db, QUERY, {"scope": to_global("Street", "nowhere"), "to": TO})

    assert result["partnershipNetwork"] is None


async def test_a_repeated_query_is_served_from_the_cache_until_the_graph_changes(
    db: Database,
) -> None:
    scene = Scene()
    scene.place("Street", "s", "南街街道", None, kind="street")
    scene.place("Community", "c", "南一社区", "s", kind="community")
    scene.unit("u", "南街小学", kind="school")
    scene.agreement("u", "c")
    await scene.write(db)
    CACHE.clear()
    south = to_global("Street", "s")

    first = await network(db, south)
    second = await network(db, south)
    assert (CACHE.stats.misses, CACHE.stats.hits) == (1, 1)
    assert first == second

    more = Scene()
    more.place("Community", "c2", "南二社区", "s", kind="community")
    more.agreement("u", "c2")
    await more.write(db)
    third = await network(db, south)

    assert CACHE.stats.misses == 2
    assert third["version"] != first["version"]
    assert third["metrics"]["links"] == 2
