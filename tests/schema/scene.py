"""Small named scenes of the domain for the schema tests, written with plain parameterised Cypher.

A scene declares its nodes and relationships in the test, so the reader sees the whole world
an answer comes from. Labels and relationship types are checked against loaders/model.py and
get exactly the model's labels (Entity + super label + label).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from graph.database import Database
from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE
from schema.core.ids import to_global

NODES = """
UNWIND $rows AS row
CREATE (n:Entity {id: row.id})
SET n:$($labels)
SET n += row.props
"""
RELATIONSHIPS = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$($type)]->(b)
SET r = row.props
RETURN count(r) AS created
"""


def day(text: str) -> date:
    return date.fromisoformat(text)


class Scene:
    def __init__(self) -> None:
        self.nodes: dict[str, tuple[str, dict[str, Any]]] = {}
        self.rels: list[tuple[str, str, str, dict[str, Any]]] = []

    def node(self, label: str, id_: str, **props: Any) -> str:
        if label not in NODES_BY_LABEL:
            raise KeyError(f"no label {label!r} in loaders/model.py")
        if id_ in self.nodes:
            raise KeyError(f"id {id_!r} used twice in the scene")
        self.nodes[id_] = (label, props)
        return id_

    def rel(self, type_: str, start: str, end: str, **props: Any) -> None:
        if type_ not in RELS_BY_TYPE:
            raise KeyError(f"no relationship type {type_!r} in loaders/model.py")
        self.rels.append((type_, start, end, props))

    def place(
        self, label: str, id_: str, name: str, parent: str | None = None, **props: Any
    ) -> str:
        self.node(label, id_, name=name, **props)
        if parent is not None:
            self.rel("PART_OF", id_, parent)
        return id_

    def gid(self, id_: str) -> str:
        """The global id of a scene node, as the API gives it."""
        return to_global(self.nodes[id_][0], id_)

    async def write(self, db: Database) -> None:
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for id_, (label, props) in self.nodes.items():
            by_label[label].append({"id": id_, "props": props})
        for label, rows in by_label.items():
            labels = list(NODES_BY_LABEL[label].labels)
            await db.driver.execute_query(NODES, labels=labels, rows=rows)
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for type_, start, end, props in self.rels:
            for end_id in (start, end):
                if end_id not in self.nodes:
                    raise KeyError(f"{type_} names {end_id!r}, which is not in the scene")
            by_type[type_].append({"from": start, "to": end, "props": props})
        for type_, rows in by_type.items():
            result = await db.driver.execute_query(RELATIONSHIPS, type=type_, rows=rows)
            assert result.records[0]["created"] == len(rows)
