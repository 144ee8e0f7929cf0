"""Fixtures for the loader tests: the 双安社区 scene on disk and full dumps of the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import GraphDatabase

from tests.loaders.scenes import Bundle, shuangan, write_dir

NodeDump = dict[str, tuple[tuple[str, ...], dict[str, Any]]]
RelDump = list[tuple[str, str, str, dict[str, Any]]]


@pytest.fixture
def scene() -> Bundle:
    return shuangan()


@pytest.fixture
def scene_dir(tmp_path: Path, scene: Bundle) -> Path:
    return write_dir(tmp_path / "shuangan", scene)


def dump(uri: str) -> tuple[NodeDump, RelDump]:
    """Every entity with its labels and properties, every relationship with its properties."""
    with GraphDatabase.driver(uri, auth=None) as driver:
        nodes = driver.execute_query(
            "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
        ).records
        rels = driver.execute_query(
            "MATCH (a:Entity)-[r]->(b:Entity) "
            "RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props"
        ).records
    node_dump = {r["id"]: (tuple(sorted(r["labels"])), dict(r["props"])) for r in nodes}
    rel_dump = sorted(((r["a"], r["t"], r["b"], dict(r["props"])) for r in rels), key=rel_key)
    return node_dump, rel_dump


def rel_key(rel: tuple[str, str, str, dict[str, Any]]) -> tuple[str, str, str, str]:
    return rel[0], rel[1], rel[2], repr(sorted(rel[3].items()))


def element_ids(uri: str) -> dict[str, str]:
    with GraphDatabase.driver(uri, auth=None) as driver:
        rows = driver.execute_query("MATCH (n:Entity) RETURN n.id AS id, elementId(n) AS e").records
    return {r["id"]: r["e"] for r in rows}
