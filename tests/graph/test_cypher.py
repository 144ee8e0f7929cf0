"""Named Cypher: every file parses on the real server, carries a header, and is loaded by name."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from neo4j import GraphDatabase

from graph.cypher import UnknownQuery, q, registry, typed
from loaders.model import RELS_BY_TYPE

ROOT = Path(str(resources.files("queries")))


def test_a_missing_name_fails_loudly() -> None:
    with pytest.raises(UnknownQuery, match="no/such_query"):
        q("no/such_query")


def test_every_file_is_named_verb_first_with_a_header() -> None:
    for path in ROOT.rglob("*.cypher"):
        first = path.read_text(encoding="utf-8").lstrip().splitlines()[0]
        assert first.startswith("//"), f"{path} has no header comment"
        text = path.read_text(encoding="utf-8")
        assert "Parameters:" in text and "Columns:" in text, (
            f"{path} header lacks Parameters/Columns"
        )
        assert "_" in path.stem, f"{path.name} is not named <verb>_<noun>"


def test_every_statement_compiles_on_neo4j(migrated: str) -> None:
    # EXPLAIN plans without running; schema commands cannot be explained, so skip those.
    with GraphDatabase.driver(migrated, auth=None) as driver:
        for name, text in registry().items():
            if name.startswith("schema/"):
                continue
            driver.execute_query("EXPLAIN " + text)  # type: ignore[arg-type]


TYPED = (
    "nodes/list_related_in",
    "nodes/list_related_out",
    "nodes/list_neighbours_in",
    "nodes/list_neighbours_out",
)


def test_a_typed_variant_fixes_the_types_in_the_text() -> None:
    text = q(typed("nodes/list_related_in", ("HOLDS_ROLE",)))
    assert "[r:HOLDS_ROLE]" in text and "$any($types)" not in text
    both = q(typed("nodes/list_neighbours_out", ("GOVERNS", "LOCATED_IN")))
    assert "[r:GOVERNS|LOCATED_IN]" in both
    # Everything else is the file's statement, unchanged.
    assert text.replace("HOLDS_ROLE]", "$any($types)]", 1) == q("nodes/list_related_in")


@pytest.mark.parametrize(
    "types",
    [
        ("PART_OF]-(x) DETACH DELETE x //",),
        ("part_of",),
        ("",),
        (),
        ("PART_OF`",),
    ],
)
def test_a_typed_variant_takes_bare_type_names_only(types: tuple[str, ...]) -> None:
    with pytest.raises(UnknownQuery):
        q(typed("nodes/list_related_in", types))


def test_a_statement_without_dynamic_types_has_no_typed_variant() -> None:
    with pytest.raises(UnknownQuery, match="no"):
        q(typed("nodes/get_nodes", ("PART_OF",)))
    with pytest.raises(UnknownQuery, match="no/such"):
        q(typed("no/such", ("PART_OF",)))


def test_every_typed_variant_compiles_and_expands_by_type(migrated: str) -> None:
    # Every relationship type of the model, each way: the plan expands that type only,
    # never every relationship of the parent followed by a filter on the type.
    with GraphDatabase.driver(migrated, auth=None, notifications_min_severity="OFF") as driver:
        for name in TYPED:
            for rel_type in RELS_BY_TYPE:
                text = q(typed(name, (rel_type,)))
                plan = driver.execute_query("EXPLAIN " + text).summary.plan
                assert plan is not None
                expands = [d for op, d in _operators(plan) if op.startswith("Expand") and "[r" in d]
                assert expands, f"{name}@{rel_type}: no expansion from the parent"
                assert all(f"[r:{rel_type}]" in d for d in expands), (name, rel_type, expands)


def _operators(plan: Any) -> list[tuple[str, str]]:
    """(operator, details) of every step of a plan, the root first."""
    out = [(str(plan["operatorType"]), str(plan["args"].get("Details", "")))]
    for child in plan.get("children", []):
        out += _operators(child)
    return out
