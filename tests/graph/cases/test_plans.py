"""Every cases statement starts from an index, never from a scan of a label or of all nodes;
the feed's poll and the overdue list start from the indexes made for them (migration 2)."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import GraphDatabase

from graph.cypher import q, registry

CASES_STATEMENTS = sorted(n for n in registry() if n.startswith("cases/"))
SCANS = ("AllNodesScan", "NodeByLabelScan")


def operators(plan: Any) -> list[str]:
    out = [f"{plan['operatorType']} {plan.get('args', {}).get('Details', '')}"]
    for child in plan.get("children", []):
        out.extend(operators(child))
    return out


def explain(uri: str, name: str) -> list[str]:
    with GraphDatabase.driver(uri, auth=None) as driver:
        summary = driver.execute_query("EXPLAIN " + q(name)).summary  # type: ignore[operator]
    assert summary.plan is not None
    return operators(summary.plan)


@pytest.mark.parametrize("name", CASES_STATEMENTS)
def test_no_statement_scans(migrated: str, name: str) -> None:
    ops = explain(migrated, name)
    assert not [op for op in ops if op.startswith(SCANS)], ops


def test_the_feed_reads_the_log_by_its_index(migrated: str) -> None:
    ops = explain(migrated, "cases/list_case_log")
    assert any(op.startswith("NodeIndexSeekByRange") and "CaseEvent(logSeq)" in op for op in ops)
    assert not any(op.startswith("Sort") for op in ops), "log order should come from the index"


def test_overdue_cases_start_from_the_clock_indexes(migrated: str) -> None:
    ops = explain(migrated, "cases/list_overdue_cases")
    assert any("Case(yellowAt)" in op for op in ops), ops
    assert any("WHISTLED(deadline)" in op for op in ops), ops
