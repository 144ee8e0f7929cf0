"""Queries answered a level at a time (schema/core/batched.py) give graphql-core's answer.

The batched executor is an optimisation only: every answer must be the document graphql-core
would have built, errors included. So each query here runs twice, through the service's
schema and through one with graphql-core's own executor, for viewers that see everything,
part of the graph, or masked personal data; and a few answers are checked by hand.
"""

from __future__ import annotations

from typing import Any

import pytest
import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from graph.database import Database, track_round_trips
from gridlink.config import from_env
from schema.api import build_schema
from schema.core.context import Context
from schema.core.ids import to_global
from schema.core.viewer import SYSTEM, Viewer
from schema.places import types as place_types
from tests.schema.scene import Scene
from tests.schema.shuangluan import COORDINATOR_S1, PLANNER
from tests.support.graphql import data

PLAIN = build_schema(batched=False)

S1 = to_global("Street", "s1")
G1 = to_global("Grid", "g1")

QUERIES: list[tuple[str, dict[str, Any]]] = [
    # The nested list: node(id) > connections three deep, roles and their people.
    (
        """query($id: ID!) { node(id: $id) { __typename id ... on Street { name
          communities(first: 100) { totalCount pageInfo { hasNextPage endCursor }
            edges { cursor node { name kind grids(first: 1) { totalCount
              pageInfo { hasNextPage hasPreviousPage startCursor }
              nodes { name workers(first: 100) { edges { node { role fullTime since
                person { name phone partyMember } place { name } } } } } } } } } } } }""",
        {"id": S1},
    ),
    # Aliases, fragments (named and inline, on an interface), @skip/@include by variable.
    (
        """query($id: ID!, $yes: Boolean!, $no: Boolean!) {
          a: node(id: $id) { ...PlaceBits ... on Grid { level w: workers { totalCount } } }
          b: districts(first: 5) { nodes { name streets(first: 2) { nodes { ...PlaceBits
            communities { nodes { name @include(if: $yes) kind @skip(if: $yes)
              grids(last: 1) { nodes { id name @skip(if: $no) } } } } } } } }
          __typename }
        fragment PlaceBits on Place { __typename name externalId parent { name } }""",
        {"id": G1, "yes": True, "no": False},
    ),
    # Lists with filters, enums and dates; union and interface fields.
    (
        """{ needs(first: 10, orderBy: {field: RAISED_ON, direction: DESC}) { totalCount
            nodes { title status quantity raisedOn place { __typename name }
              category { name parent { name } } } }
          search(text: "社区", first: 5) { score node { __typename ... on Community { name } } }
          people(first: 10) { nodes { name phone roles { nodes { role ... on PlaceRole { place { name } } ... on OrganisationRole { organisation { name } } } } } } }""",
        {},
    ),
]

VIEWERS = {"system": SYSTEM, "coordinator of s1": COORDINATOR_S1, "planner": PLANNER}


async def run(
    schema: strawberry.Schema, db: Database, query: str, variables: Any, viewer: Viewer
) -> Any:
    context = Context(db=db, viewer=viewer, request_id="test", settings=from_env())
    return await schema.execute(query, variable_values=variables, context_value=context)


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("number", range(len(QUERIES)))
async def test_the_answer_is_graphql_cores(
    db: Database, scene: Scene, viewer: str, number: int
) -> None:
    query, variables = QUERIES[number]
    batched = await run(build_schema(), db, query, variables, VIEWERS[viewer])
    plain = await run(PLAIN, db, query, variables, VIEWERS[viewer])
    assert plain.errors is None, plain.errors
    assert batched.errors is None
    assert batched.data == plain.data
    # Same keys in the same order, all the way down (dict equality ignores order).
    assert repr(batched.data) == repr(plain.data)


async def test_a_nested_list_never_reaches_graphql_cores_field_walk(
    db: Database, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("graphql-core's executor ran")

    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "execute_operation", refuse)
    # And the places' lists answer each level as one batch, not a resolver call per parent.
    monkeypatch.setattr(place_types, "_children", refuse)
    monkeypatch.setattr(place_types, "related", refuse)
    counter = track_round_trips()
    answer = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Street { name communities { nodes { name
          grids { nodes { name workers { nodes { role person { name } } } } } } } } } }""",
        {"id": S1},
    )
    # 双塔山街道 > 双安社区 (双 U+53CC) before 御祥园社区 (御 U+5FA1); grids by name;
    # g1's two people by name: 李 U+674E before 王 U+738B.
    assert answer == {
        "node": {
            "name": "双塔山街道",
            "communities": {
                "nodes": [
                    {
                        "name": "双安社区",
                        "grids": {
                            "nodes": [
                                {
                                    "name": "双安网格",
                                    "workers": {
                                        "nodes": [
                                            {"role": "GRID_WORKER", "person": {"name": "刘洋"}}
                                        ]
                                    },
                                }
                            ]
                        },
                    },
                    {
                        "name": "御祥园社区",
                        "grids": {
                            "nodes": [
                                {
                                    "name": "御祥园第一网格",
                                    "workers": {
                                        "nodes": [
                                            {"role": "GRID_LEADER", "person": {"name": "李强"}},
                                            {"role": "GRID_WORKER", "person": {"name": "王芳"}},
                                        ]
                                    },
                                },
                                {
                                    "name": "御祥园第二网格",
                                    "workers": {
                                        "nodes": [
                                            {"role": "GRID_WORKER", "person": {"name": "张敏"}}
                                        ]
                                    },
                                },
                            ]
                        },
                    },
                ]
            },
        }
    }
    # The street, its communities, grids and workers projected into one statement
    # (tests/schema/core/test_projection.py): no list resolver ran.
    assert counter.count == 1, counter.names


async def test_a_field_with_its_own_resolver_reads_the_whole_node(
    db: Database, scene: Scene
) -> None:
    counter = track_round_trips()
    answer = await data(
        db,
        """query($id: ID!) { node(id: $id) { ... on Grid {
          workers { nodes { person { name phone } } } } } }""",
        {"id": G1},
        viewer=PLANNER,
    )
    # `phone` masks what it reads (schema/core/privacy.py): 138****5678 for a planner.
    people = [w["person"] for w in answer["node"]["workers"]["nodes"]]
    assert people == [
        {"name": "李强", "phone": "138****5678"},
        {"name": "王芳", "phone": "138****5678"},
    ]
    asked = [p["props"] for n, p in counter.statements if n.startswith("nodes/list_related")]
    assert asked == [None]


async def test_an_error_is_reported_where_graphql_core_reports_it(
    db: Database, scene: Scene
) -> None:
    query = """query($id: ID!) { node(id: $id) { ... on Street { name
      communities(first: 500) { totalCount } } } }"""
    result = await run(build_schema(), db, query, {"id": S1}, SYSTEM)
    # `communities` is non-null, so its error nulls the street too (the spec's propagation).
    assert result.data == {"node": None}
    assert result.errors is not None and len(result.errors) == 1
    assert result.errors[0].path == ["node", "communities"]
    assert "`first` must be between 0 and 100, got 500" in result.errors[0].message


async def test_introspection_is_graphql_cores(db: Database) -> None:
    answer = await data(db, '{ __schema { queryType { name } } __type(name: "Grid") { kind } }')
    assert answer == {"__schema": {"queryType": {"name": "Query"}}, "__type": {"kind": "OBJECT"}}
