"""A tiny builder for hand-made scenes of the domain, written with plain parameterised Cypher.

A scene is a few named nodes and relationships, declared in the test so the reader sees the
whole world the answer comes from. Labels and types are checked against loaders/model.py,
so the test graph has exactly the labels the model gives each type (Entity + super label +
label). `write` sends one batch per label and per relationship type.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from typing import Any

from graph.database import Database
from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE

NODES = """
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($labels)
SET n += row.props
"""
# CREATE, not MERGE: a person may hold two roles at one place.
RELATIONSHIPS = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$($type)]->(b)
SET r = row.props
RETURN count(r) AS created
"""

CST = timezone(timedelta(hours=8))


def at(text: str) -> datetime:
    """A China-time instant from 'YYYY-MM-DD HH:MM'."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=CST)


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

    # Shorthands for the shapes every scene repeats.
    def place(self, label: str, id_: str, parent: str | None = None, **props: Any) -> str:
        props.setdefault("name", id_)
        self.node(label, id_, **props)
        if parent is not None:
            self.rel("PART_OF", id_, parent)
        return id_

    def person(self, id_: str, **props: Any) -> str:
        props.setdefault("name", id_)
        return self.node("Person", id_, **props)

    def role(self, person: str, role: str, target: str, **props: Any) -> None:
        self.rel("HOLDS_ROLE", person, target, role=role, **props)

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
