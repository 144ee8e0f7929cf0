"""`gridlink export`: the graph, or the part under a place, as GraphML, GEXF or JSON.

The part under a place P is: P and every place under it (PART_OF, any depth), every
non-place node linked to one of those places, and every non-place node linked to those
(two steps out, never entering a place outside P), with every relationship between the
nodes exported. So a community's export holds its grids and buildings, the cases and needs
there with their events, claims and categories, the people holding roles there with their
branches and accounts, but not the neighbouring community.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.database import Database
from loaders.export_formats import WRITERS, Writer
from loaders.model import NODES_BY_LABEL

FORMATS = tuple(WRITERS)
PAGE = 5_000


class ScopeNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ExportReport:
    path: Path
    format: str
    nodes: int
    edges: int
    seconds: float

    def summary(self) -> str:
        return (
            f"wrote {self.nodes} nodes and {self.edges} edges to {self.path} "
            f"({self.format}) in {self.seconds:.1f}s"
        )


def model_label(labels: Iterable[str]) -> str:
    """The node's label in the model ("Grid" of Entity:Place:Grid)."""
    labels = list(labels)
    for label in labels:
        if label in NODES_BY_LABEL:
            return label
    others = [label for label in labels if label != "Entity"]
    return others[0] if others else "Entity"


async def export_graph(
    db: Database, out: Path | str, fmt: str, scope: str | None = None, page: int = PAGE
) -> ExportReport:
    """Write the graph (or the part under the place `scope`) to `out` in `fmt`."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    started = time.monotonic()
    out = Path(out)
    graph_attrs = {"source": "gridlink"} | ({"scope": scope} if scope else {})
    with WRITERS[fmt]() as writer:
        if scope is None:
            await _whole(db, writer, page)
        else:
            await _scoped(db, writer, scope, page)
        nodes, edges = writer.node_count, writer.edge_count
        writer.finish(out, graph_attrs)
    return ExportReport(out, fmt, nodes, edges, time.monotonic() - started)


async def _whole(db: Database, writer: Writer, page: int) -> None:
    after = ""
    while True:
        rows = await db.read("export/list_nodes", {"after": after, "limit": page})
        if not rows:
            return
        _write_nodes(writer, rows)
        ids = [row["id"] for row in rows]
        await _write_edges(db, writer, ids, None)
        after = ids[-1]


async def _scoped(db: Database, writer: Writer, scope: str, page: int) -> None:
    places = [row["id"] for row in await db.read("export/list_place_subtree", {"scopeId": scope})]
    if not places:
        raise ScopeNotFound(f"no place with id {scope!r} to export")
    keep = set(places)
    frontier = places
    for _ in range(2):
        found: set[str] = set()
        for i in range(0, len(frontier), page):
            chunk = frontier[i : i + page]
            rows = await db.read("export/list_neighbour_ids", {"ids": chunk})
            found.update(row["id"] for row in rows)
        frontier = sorted(found - keep)
        keep.update(frontier)
    ids = sorted(keep)
    for i in range(0, len(ids), page):
        chunk = ids[i : i + page]
        _write_nodes(writer, await db.read("export/get_nodes", {"ids": chunk}))
        await _write_edges(db, writer, chunk, keep)


def _write_nodes(writer: Writer, rows: list[dict[str, Any]]) -> None:
    for row in sorted(rows, key=lambda r: str(r["id"])):
        props = {k: v for k, v in row["props"].items() if k != "id"}
        writer.node(row["id"], model_label(row["labels"]), dict(sorted(props.items())))


async def _write_edges(db: Database, writer: Writer, ids: list[str], keep: set[str] | None) -> None:
    rows = await db.read("export/list_relationships_from", {"ids": ids})
    # A stable order makes two exports of one graph identical, byte for byte.
    rows.sort(key=lambda r: (r["from"], r["type"], r["to"], repr(sorted(r["props"].items()))))
    for row in rows:
        if keep is None or row["to"] in keep:
            writer.edge(row["from"], row["to"], row["type"], dict(sorted(row["props"].items())))
