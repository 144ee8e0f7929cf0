"""Every coordination statement, PROFILEd on the `city` preset: each starts from the unique
index on :Entity(id), and none contains an all-nodes scan or a label scan anywhere, with one
named exception: TimeLimit, a reference table of a handful of nodes that no index serves,
scanned on purpose (`USING SCAN`) because walking to it from a case category would read
every case filed under that category.

Loading the city takes many minutes, so this runs only against a Neo4j that already holds
it, named by GRIDLINK_CITY_NEO4J_URI; without it the test is skipped (benchmarks/README.md
says how to make one). It is marked `slow`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from neo4j import Driver, GraphDatabase

from graph.coordination.weights import WEIGHTS
from graph.cypher import q, registry

pytestmark = pytest.mark.slow
CITY = os.environ.get("GRIDLINK_CITY_NEO4J_URI")
SCANS = (
    "AllNodesScan",
    "NodeByLabelScan",
    "UnionNodeByLabelsScan",
    "IntersectionNodeByLabelsScan",
    "AllRelationshipsScan",
    "RelationshipTypeScan",
    "DirectedRelationshipTypeScan",
    "UndirectedRelationshipTypeScan",
    "DirectedAllRelationshipsScan",
    "UndirectedAllRelationshipsScan",
)
CST = timezone(timedelta(hours=8))
ALLOWED = ("tl:TimeLimit",)  # see the module docstring

# Test-only Cypher that picks realistic subjects from the city (never run by the service).
SAMPLES = {
    "need": "MATCH (n:Need) WHERE n.status = 'open' AND EXISTS { (n)-[:IN_CATEGORY]->() } "
    "AND EXISTS { (n)-[:CONCERNS]->() } RETURN n.id AS id ORDER BY n.id LIMIT 1",
    "building": "MATCH (b:Building)-[:PART_OF]->(:Compound) RETURN b.id AS id ORDER BY b.id LIMIT 1",
    "case": "MATCH (c:Case)-[:IN_CATEGORY]->() WHERE c.status = 'closed' RETURN c.id AS id "
    "ORDER BY c.id LIMIT 1",
    "district": "MATCH (d:District) RETURN d.id AS id ORDER BY d.id LIMIT 1",
    "districts": "MATCH (d:District) RETURN collect(d.id) AS id",
    "street": "MATCH (s:Street) RETURN s.id AS id ORDER BY s.id LIMIT 1",
}


@pytest.fixture(scope="module")
def city() -> Iterator[Driver]:
    if not CITY:
        pytest.skip("set GRIDLINK_CITY_NEO4J_URI to a Neo4j holding the city preset")
    with GraphDatabase.driver(CITY, auth=None) as driver:
        yield driver


def ids(driver: Driver) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, text in SAMPLES.items():
        records, _, _ = driver.execute_query(text)  # type: ignore[arg-type]
        assert records, f"the city has no {key} to profile with"
        found[key] = records[0]["id"]
    return found


def params(name: str, s: dict[str, Any]) -> dict[str, Any]:
    today = date(2026, 11, 1)
    scopes = s["districts"]  # a coordinator of every district: the scope check runs, passes
    window = {
        "fromDate": date(2026, 1, 1),
        "toDate": today,
        "fromAt": datetime(2026, 1, 1, tzinfo=CST),
        "toAt": datetime(2026, 11, 2, tzinfo=CST),
    }
    report = {"scopeId": s["district"], "scopes": None, "today": today, "first": 100}
    by_name: dict[str, dict[str, Any]] = {
        "match_need_providers": {
            "needId": s["need"],
            "scopes": scopes,
            "today": today,
            "first": 10,
            "w": WEIGHTS.as_params(),
        },
        "list_open_needs": {
            **report,
            "scopeId": s["street"],
            "categoryId": None,
            "unmatchedOnly": False,
            "raisedBefore": None,
        },
        "get_serving_team": {"placeId": s["building"], "scopes": scopes, "today": today},
        "get_case_routing": {"caseId": s["case"], "scopes": scopes, "today": today},
        "find_similar_cases": {"caseId": s["case"], "scopes": scopes, "first": 5},
        "get_scope_place": {"scopeId": s["district"], "scopes": None},
        "list_grid_gaps": report,
        "list_building_gaps": report,
        "list_compound_gaps": report,
        "list_property_company_gaps": report,
        "list_community_gaps": report,
        "summarise_dual_reporting": {**report, "scopeId": s["street"], **window},
        "summarise_cases": {**report, **window},
        "summarise_needs": {**report, **window},
    }
    return by_name[name.removeprefix("coordination/")]


def operators(plan: dict[str, Any]) -> Iterator[str]:
    """'Operator details' for every operator of the plan tree."""
    details = str(plan.get("args", {}).get("Details", ""))
    yield f"{str(plan['operatorType']).split('@')[0]} {details}".strip()
    for child in plan.get("children", []):
        yield from operators(child)


def test_every_statement_starts_from_an_index(city: Driver) -> None:
    subjects = ids(city)
    names = sorted(n for n in registry() if n.startswith("coordination/"))
    assert len(names) == 14, names  # a new statement needs its parameters above
    found: dict[str, list[str]] = {}
    for name in names:
        with city.session() as session:
            summary = session.run("PROFILE " + q(name), params(name, subjects)).consume()  # type: ignore[arg-type]
        assert summary.profile is not None
        ops = list(operators(summary.profile))
        found[name] = [op for op in ops if op.startswith(SCANS) and not op.endswith(ALLOWED)]
        # The statement starts at the unique index on :Entity(id).
        assert any(op.startswith("NodeUniqueIndexSeek") for op in ops), (name, ops)
    assert {n: scans for n, scans in found.items() if scans} == {}
