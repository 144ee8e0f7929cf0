"""Migrations: versioned, recorded in the graph, idempotent."""

from __future__ import annotations

from neo4j import GraphDatabase

from graph.database import Database
from graph.migrations import LATEST, current_version, migrate


def schema_snapshot(uri: str) -> tuple[list[str], list[str]]:
    with GraphDatabase.driver(uri, auth=None) as driver:
        constraints = sorted(
            r["name"] for r in driver.execute_query("SHOW CONSTRAINTS YIELD name").records
        )
        indexes = sorted(r["name"] for r in driver.execute_query("SHOW INDEXES YIELD name").records)
    return constraints, indexes


async def test_the_graph_records_the_latest_version(db: Database) -> None:
    assert await current_version(db) == LATEST


async def test_running_migrations_again_changes_nothing(db: Database, clean_uri: str) -> None:
    before = schema_snapshot(clean_uri)
    assert await migrate(db) == []
    assert schema_snapshot(clean_uri) == before
    assert await current_version(db) == LATEST


async def test_the_id_constraint_and_cjk_fulltext_index_exist(clean_uri: str) -> None:
    constraints, indexes = schema_snapshot(clean_uri)
    assert "entity_id" in constraints
    assert "entity_names" in indexes
    with GraphDatabase.driver(clean_uri, auth=None) as driver:
        cfg = driver.execute_query(
            "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_names' RETURN options"
        ).records[0]["options"]["indexConfig"]
    assert cfg["fulltext.analyzer"] == "cjk"


async def test_a_duplicate_id_is_refused_across_labels(db: Database, clean_uri: str) -> None:
    with GraphDatabase.driver(clean_uri, auth=None) as driver:
        driver.execute_query("CREATE (:Entity:Place:Grid {id: 'dup', name: 'a'})")
        try:
            driver.execute_query("CREATE (:Entity:Person {id: 'dup', name: 'b'})")
        except Exception as exc:  # the constraint's own error
            assert "already exists" in str(exc)
        else:
            raise AssertionError("a second node with the same id was accepted")
