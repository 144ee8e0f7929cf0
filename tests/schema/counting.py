"""Counting what is in the graph, to show a refused write left nothing behind."""

from __future__ import annotations

from typing import Any

from graph.database import Database
from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE


async def count_nodes(db: Database, label: str) -> int:
    assert label in NODES_BY_LABEL
    result = await db.driver.execute_query("MATCH (n:$($label)) RETURN count(n) AS n", label=label)
    return int(result.records[0]["n"])


async def count_rels(db: Database, rel_type: str) -> int:
    assert rel_type in RELS_BY_TYPE
    result = await db.driver.execute_query(
        "MATCH ()-[r:$($type)]->() RETURN count(r) AS n", type=rel_type
    )
    return int(result.records[0]["n"])


async def snapshot(db: Database) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with all their properties, as one comparable value."""
    nodes = await db.driver.execute_query(
        "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props "
        "ORDER BY n.id"
    )
    rels = await db.driver.execute_query(
        "MATCH (a:Entity)-[r]->(b:Entity) "
        "RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props "
        "ORDER BY a, type, b"
    )
    return [r.data() for r in nodes.records], [r.data() for r in rels.records]
