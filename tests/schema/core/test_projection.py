"""A nested selection of lists answered by one statement (schema/core/projection.py).

Projection is an optimisation only: each query here runs through the service's schema,
where its lists are projected, and through one with graphql-core's own executor, where
every resolver runs, for viewers who see everything, one street, or masked personal data;
the two answers must be the same document, key for key. Each test also checks that the
projection did answer (one `list_related_tree` statement) or, where it must not, did not.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.database import Database, track_round_trips
from schema.api import build_schema
from schema.core.ids import to_global
from tests.schema.core.test_batched import PLAIN, VIEWERS, run
from tests.schema.scene import Scene
from tests.support.graphql import data

S1 = to_global("Street", "s1")
C1 = to_global("Community", "c1")
D1 = to_global("District", "d1")
TREE = "nodes/list_related_tree"
NODE_TREE = "nodes/get_node_tree"  # node(id:) with every list below it

PROJECTED: list[tuple[str, dict[str, Any]]] = [
    # The shape with every connection field: counts, page info, cursors, typenames,
    # aliases, an enum (kind), a date and a boolean from the role's relationship.
    (
        """query($id: ID!) { node(id: $id) { ... on Street { name
          communities(first: 100) { __typename totalCount
            pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
            edges { __typename cursor node { __typename id externalId name kind
              villageToCommunity
              g: grids(first: 100) { totalCount edges { cursor node { name level colour
                workers(first: 100) { totalCount pageInfo { endCursor }
                  edges { cursor node { __typename role since fullTime claimed
                    person { id name } } } } } } } } } } } } }""",
        {"id": S1},
    ),
    # Windows at nested levels: the last one, the first one, an empty one; page flags.
    (
        """query($id: ID!) { node(id: $id) { ... on Street {
          last: communities(last: 1) { totalCount pageInfo { hasNextPage hasPreviousPage
            startCursor } nodes { name grids(first: 1) { totalCount
              pageInfo { hasNextPage hasPreviousPage endCursor } nodes { name } } } }
          none: communities(first: 0) { totalCount pageInfo { hasNextPage } nodes { name } }
        } } }""",
        {"id": S1},
    ),
    # Order and filter arguments, fragments on the interface, @include and @skip.
    (
        """query($id: ID!, $yes: Boolean!) { node(id: $id) { ... on District {
          streets(orderBy: {field: NAME, direction: DESC}) { nodes { ...Named
            communities(filter: {text: "社区"}, orderBy: {field: EXTERNAL_ID}) {
              nodes { ...Named kind @skip(if: $yes) grids { nodes { name @include(if: $yes)
                workers(last: 1) { nodes { role person { name } } } } } } } } } } } }
        fragment Named on Place { __typename name externalId }""",
        {"id": D1, "yes": True},
    ),
    # A lookup by id alone: plain fields through fragments; ids of the wrong type, unknown,
    # or (for a coordinator of s1) out of scope answer null.
    (
        """query($g: ID!, $c3: ID!, $wrong: ID!, $unknown: ID!) {
          g: node(id: $g) { __typename id ... on Grid { externalId name level colour }
            ... on Community { kind } ... on Place { code population } }
          c3: node(id: $c3) { id ... on Community { name kind villageToCommunity } }
          wrong: node(id: $wrong) { id }
          unknown: node(id: $unknown) { id } }""",
        {
            "g": to_global("Grid", "g1"),
            "c3": to_global("Community", "c3"),
            "wrong": to_global("Community", "g1"),
            "unknown": to_global("Grid", "nope"),
        },
    ),
    # Needs, projects and roles below places: dates, floats, enums, role filters.
    (
        """query($id: ID!) { node(id: $id) { ... on Street { communities { nodes { name
          needs(orderBy: {field: RAISED_ON, direction: DESC}) { totalCount nodes { title
            status quantity urgency raisedOn dueOn } }
          projects { totalCount nodes { title status startedOn } }
          roles { totalCount edges { cursor node { role since until person { name } } } }
          grids { nodes { needs(first: 1) { pageInfo { hasNextPage } nodes { title } }
            roles(roles: [GRID_LEADER], current: false) { nodes { role fullTime
              person { externalId } } } } } } } } } }""",
        {"id": S1},
    ),
]


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("number", range(len(PROJECTED)))
async def test_a_projected_answer_is_the_resolvers_answer(
    db: Database, scene: Scene, viewer: str, number: int
) -> None:
    query, variables = PROJECTED[number]
    plain = await run(PLAIN, db, query, variables, VIEWERS[viewer])
    counter = track_round_trips()
    projected = await run(build_schema(), db, query, variables, VIEWERS[viewer])
    assert plain.errors is None, plain.errors
    assert projected.errors is None, projected.errors
    assert repr(projected.data) == repr(plain.data)  # same keys, same order, all the way
    if projected.data and projected.data.get("node", "") is None:
        return  # out of the viewer's scope (a coordinator of s1 asking for the district)
    assert [n for n in counter.names if n.startswith((TREE, NODE_TREE))], counter.names
    # And no list went a level at a time.
    assert not [
        n
        for n in counter.names
        if n.startswith(("nodes/list_related_in", "nodes/list_related_out"))
    ]


async def test_the_nested_list_is_one_statement_and_reads_only_names(
    db: Database, scene: Scene
) -> None:
    counter = track_round_trips()
    answer = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Street { communities { nodes { name
          grids { nodes { name workers { nodes { role person { name } } } } } } } } } }""",
        {"id": S1},
    )
    # 双安社区 (双 U+53CC) before 御祥园社区 (御 U+5FA1); g1's people 李 U+674E, 王 U+738B.
    communities = answer["node"]["communities"]["nodes"]
    assert [c["name"] for c in communities] == ["双安社区", "御祥园社区"]
    assert communities[1]["grids"]["nodes"][0]["workers"]["nodes"] == [
        {"role": "GRID_LEADER", "person": {"name": "李强"}},
        {"role": "GRID_WORKER", "person": {"name": "王芳"}},
    ]
    # The street by id, its communities, their grids and the grids' workers: one statement.
    assert counter.names == [f"{NODE_TREE}[in:PART_OF(in:PART_OF(in:HOLDS_ROLE+rel()))]"]
    params = counter.statements[0][1]
    assert params["props_node"] == ["id"]
    # Each level reads the names it shows and the role it lists, not whole nodes.
    assert [params[f"props_{n}"] for n in range(3)] == [["id", "name"]] * 3
    assert params["rel_2"] == ["role"]


async def test_a_field_with_its_own_resolver_is_left_to_the_resolvers(
    db: Database, scene: Scene
) -> None:
    query = """query($id: ID!) { node(id: $id) { ... on Street { communities { nodes {
      grids { nodes { workers { nodes { person { name phone } place { name } } } } } } } } } }"""
    for viewer in VIEWERS.values():
        counter = track_round_trips()
        projected = await run(build_schema(), db, query, {"id": S1}, viewer)
        names = list(counter.names)
        plain = await run(PLAIN, db, query, {"id": S1}, viewer)
        assert repr(projected.data) == repr(plain.data)
        # `phone` masks what it reads and `place` is the parent: neither is a property of
        # the row. The executor cannot resolve below a projected answer, so every level
        # above the workers goes a level at a time too.
        assert not [n for n in names if n.startswith((TREE, NODE_TREE))], names
        assert "nodes/list_related_in@HOLDS_ROLE" in names


async def test_counts_and_order_worked_out_by_hand(db: Database, scene: Scene) -> None:
    query = """query($id: ID!) { node(id: $id) { ... on District { streets { totalCount
      nodes { name communities { totalCount nodes { name } } } } } } }"""
    # A coordinator of s1 does not reach the district above their street.
    answer = await run(build_schema(), db, query, {"id": D1}, VIEWERS["coordinator of s1"])
    assert answer.data == {"node": None}
    answer = await run(build_schema(), db, query, {"id": D1}, VIEWERS["system"])
    streets = answer.data["node"]["streets"]  # type: ignore[index]
    assert streets["totalCount"] == 3
    # 元 U+5143, 双 U+53CC, 西 U+897F; c3 is 元宝山's, c1 and c2 双塔山's, c4 西地's.
    assert [(s["name"], s["communities"]["totalCount"]) for s in streets["nodes"]] == [
        ("元宝山街道", 1),
        ("双塔山街道", 2),
        ("西地满族乡", 1),
    ]


async def test_needs_below_places_worked_out_by_hand(db: Database, scene: Scene) -> None:
    counter = track_round_trips()
    answer = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Community { needs { nodes { title status }
          } grids { nodes { name needs { totalCount nodes { title raisedOn } } } } } } }""",
        {"id": C1},
    )
    # c1 itself: n1 老年助餐 (open); its grid g1: n2 楼道清理 raised 2024-02-10; g2: none.
    assert answer["node"]["needs"]["nodes"] == [{"title": "老年助餐", "status": "OPEN"}]
    grids = answer["node"]["grids"]["nodes"]
    assert grids == [
        {
            "name": "御祥园第一网格",
            "needs": {"totalCount": 1, "nodes": [{"title": "楼道清理", "raisedOn": "2024-02-10"}]},
        },
        {"name": "御祥园第二网格", "needs": {"totalCount": 0, "nodes": []}},
    ]
    # The community, its needs, its grids and theirs: one statement.
    assert counter.names == [f"{NODE_TREE}[in:CONCERNS(),in:PART_OF(in:CONCERNS())]"]


async def test_a_bad_argument_below_is_reported_as_the_resolvers_report_it(
    db: Database, scene: Scene
) -> None:
    query = """query($id: ID!) { node(id: $id) { ... on Street {
      communities { nodes { grids(first: 500) { totalCount } } } } } }"""
    result = await run(build_schema(), db, query, {"id": S1}, VIEWERS["system"])
    assert result.errors is not None and len(result.errors) == 1
    assert result.errors[0].path == ["node", "communities", "nodes", 0, "grids"]
    assert "`first` must be between 0 and 100, got 500" in result.errors[0].message


SEARCHES: list[tuple[str, dict[str, Any]]] = [
    # The benchmark's shape, and hits of several types through fragments on the interface
    # and on each type: enums, dates, numbers, typenames, aliases.
    (
        """query($t: String!) { search(text: $t, types: [COMMUNITY], first: 10) {
          score node { ... on Community { externalId name } } } }""",
        {"t": "社区"},
    ),
    (
        """query($t: String!) { hits: search(text: $t, first: 20) { __typename s: score
          node { __typename id ... on Node { externalId }
            ... on Community { name kind villageToCommunity }
            ... on Place { code population } ... on Need { title status raisedOn } } } }""",
        {"t": "社区"},
    ),
    # One character: substring search, people among the hits.
    (
        """query($t: String!) { search(text: $t) { score node { __typename
          ... on Person { name } ... on Place { name } } } }""",
        {"t": "李"},
    ),
]


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("number", range(len(SEARCHES)))
async def test_projected_search_hits_are_the_resolvers_hits(
    db: Database, scene: Scene, viewer: str, number: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from schema.core import relay

    made: list[str] = []
    real = relay.entity_of
    monkeypatch.setattr(relay, "entity_of", lambda row: made.append(row.id) or real(row))
    query, variables = SEARCHES[number]
    plain = await run(PLAIN, db, query, variables, VIEWERS[viewer])
    assert plain.errors is None, plain.errors
    hits = next(iter(plain.data.values()))  # type: ignore[union-attr]
    # The resolver built an object for every hit; the projection builds none.
    assert len(made) == len(hits)
    made.clear()
    projected = await run(build_schema(), db, query, variables, VIEWERS[viewer])
    assert projected.errors is None, projected.errors
    assert repr(projected.data) == repr(plain.data)
    assert made == []


async def test_search_hits_worked_out_by_hand(db: Database, scene: Scene) -> None:
    answer = await data(
        db,
        """{ search(text: "社区", types: [COMMUNITY]) { node { __typename
          ... on Community { externalId name kind } } } }""",
    )
    # The scene's communities named …社区: c1 御祥园社区, c2 双安社区, c3 元宝山社区; c4
    # 西地村 is not one (the need 社区助餐点 and the committee 御祥园社区党委 are not
    # communities).
    assert sorted(h["node"]["externalId"] for h in answer["search"]) == ["c1", "c2", "c3"]
    assert {h["node"]["name"] for h in answer["search"]} == {"御祥园社区", "双安社区", "元宝山社区"}
    assert {h["node"]["kind"] for h in answer["search"]} == {"COMMUNITY"}


async def test_search_below_which_a_field_resolves_is_left_to_the_resolvers(
    db: Database, scene: Scene
) -> None:
    query = """{ search(text: "社区", types: [COMMUNITY]) { node {
      ... on Community { name grids { nodes { name } } } } } }"""
    for viewer in VIEWERS.values():
        projected = await run(build_schema(), db, query, None, viewer)
        plain = await run(PLAIN, db, query, None, viewer)
        assert projected.errors is None and repr(projected.data) == repr(plain.data)
