"""The scope rule costs no index: it filters what an index found, by walking up a short chain.

Neo4j is asked for the profile of the scoped lookups, with a scope and without one, on a
graph that then doubles in size:

- both start from the unique index on the node's id, and the scoped one adds no scan of a
  label or of all nodes;
- the scope walk adds a bounded number of database hits (the ancestors of one node), and
  that number does not grow when the graph does.
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import GraphDatabase

from graph.cypher import q
from tests.security.conftest import Node, Rel, build
from tests.security.scenes import build_two_grids

SCANS = ("NodeByLabelScan", "AllNodesScan", "NodeIndexScan", "UnionNodeByLabelsScan")

# (statement, the parameters with a scope, the same without one)
LOOKUPS: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "nodes/get_nodes",
        {"ids": ["p-1"], "access": [[{"places": ["g-1"]}]]},
        {"ids": ["p-1"], "access": []},
    ),
    (
        "nodes/get_nodes",
        {"ids": ["n-1"], "access": [[{"places": ["s-1"]}]]},
        {"ids": ["n-1"], "access": []},
    ),
    ("cases/get_cases", {"ids": ["k-1"], "scopes": ["g-1"]}, {"ids": ["k-1"], "scopes": None}),
]


SIZE = {"residents": 1500}  # grows with each lookup tested: 1,500 → 3,000 → 6,000 → 12,000


def operators(plan: dict[str, Any]) -> list[str]:
    out = [str(plan["operatorType"]).split("@")[0]]
    for child in plan.get("children", []):
        out += operators(child)
    return out


def db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(db_hits(c) for c in plan.get("children", []))


def profile(uri: str, name: str, params: dict[str, Any]) -> tuple[list[str], int, int]:
    with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        result = session.run("PROFILE " + q(name), params)
        # Entities found: nodes/get_nodes answers one row holding the list of them.
        columns = result.keys()
        rows = sum(len(r["nodes"]) if "nodes" in columns else 1 for r in result)
        plan = result.consume().profile
    assert plan is not None
    return operators(plan), db_hits(plan), rows


def residents(start: int, count: int) -> tuple[list[Node], list[Rel]]:
    nodes: list[Node] = []
    rels: list[Rel] = []
    for i in range(start, start + count):
        household = f"hh-{i}"
        grid = "g-1" if i % 2 else "g-2"
        nodes.append(("Household", household, {"name": f"{i}号"}))
        nodes.append(("Person", f"r-{i}", {"name": f"居民{i}", "phone": f"139{i:08d}"}))
        rels.append(("PART_OF", household, grid, {}))
        rels.append(("LIVES_IN", f"r-{i}", household, {}))
    return nodes, rels


@pytest.fixture(scope="module")
def grown(migrated: str) -> str:
    from tests.conftest import wipe

    wipe(migrated)
    build_two_grids(migrated)
    build(migrated, *residents(0, SIZE["residents"]))
    return migrated


@pytest.mark.parametrize(
    ("name", "scoped", "open_"), LOOKUPS, ids=[f"{n} {p['ids'][0]}" for n, p, _ in LOOKUPS]
)
def test_a_scoped_lookup_seeks_the_index_and_walks_a_bounded_chain(
    grown: str, name: str, scoped: dict[str, Any], open_: dict[str, Any]
) -> None:
    scoped_ops, scoped_hits, scoped_rows = profile(grown, name, scoped)
    open_ops, open_hits, open_rows = profile(grown, name, open_)
    assert scoped_rows == open_rows == 1  # in scope: found either way
    assert "NodeUniqueIndexSeek" in scoped_ops and "NodeUniqueIndexSeek" in open_ops
    assert not [op for op in scoped_ops if op in SCANS], scoped_ops
    walk = scoped_hits - open_hits
    assert 0 <= walk <= 100, (open_hits, scoped_hits)

    # Twice the residents: the walk from one node up its chain costs what it cost before.
    build(grown, *residents(SIZE["residents"], SIZE["residents"]))
    SIZE["residents"] *= 2
    _, hits_after, _ = profile(grown, name, scoped)
    _, open_after, _ = profile(grown, name, open_)
    assert hits_after - open_after == walk, (walk, hits_after - open_after)


def test_out_of_scope_is_found_by_the_index_then_dropped(grown: str) -> None:
    ops, _, rows = profile(
        grown, "nodes/get_nodes", {"ids": ["p-2"], "access": [[{"places": ["g-1"]}]]}
    )
    assert rows == 0  # p-2 lives in g-2
    assert "NodeUniqueIndexSeek" in ops and not [op for op in ops if op in SCANS]
