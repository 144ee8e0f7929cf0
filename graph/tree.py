"""Pages of pages: a nested selection of relationship lists read in one statement.

A query such as street > communities > grids > grid workers reads one page per parent at
each level. graph/nodes.py `related_pages` reads one level for a batch of parents in one
statement, so the nested list costs a statement per level; each costs the driver and Neo4j a
fixed amount whatever it returns (benchmarks/driver_costs.py), and the Python that turns
every row into objects costs more than the data (issue 9). `related_tree` reads every level
in one statement and hands back the pages as the driver decoded them, one per parent, each
row a list ending in its own child pages (schema/core/projection.py builds the answer from
them directly).

The statement is composed from nodes/list_related_out and nodes/list_related_in: each
level is that file's `CALL (p) { ... }` body, unchanged but for its parameters, which get
the level's number (`$limit` -> `$limit_2`), so every level keeps its own filter, order,
window and access. The body's rows are then unwound and each row's child levels called in
turn. Filters, order, windows, cursors and the access clauses are exactly those of the
one-level statement, so a page read here is the page `related_pages` reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from graph.cypher import compose, q, typed
from graph.database import Database
from graph.nodes import Access, Hop, NodeFilter, Order, Window, access_clauses, page_params

BODY_START = "CALL (p) {\n"
BODY_END = "\n}\nRETURN collect("
_PARAM = re.compile(r"\$([A-Za-z][A-Za-z0-9]*)")


@dataclass(frozen=True)
class Level:
    """One list of the tree: which relationship, its filter, order and window, the node
    properties to read (`props`, the id first), whether to read each row's cursor position
    (`cursor`), the relationship's properties to read (`rel`), and the lists read under
    each of its rows."""

    hop: Hop
    flt: NodeFilter
    order: Order
    window: Window
    props: tuple[str, ...]
    cursor: bool = False
    rel: tuple[str, ...] = ()
    children: tuple[Level, ...] = ()

    def shape(self) -> str:
        """What the statement's text depends on (its parameters' values aside)."""
        inner = ",".join(c.shape() for c in self.children)
        extra = ("+cursor" if self.cursor else "") + ("+rel" if self.rel else "")
        return f"{self.hop.direction}:{'|'.join(self.hop.types)}{extra}({inner})"


def _numbered(root: Level) -> list[Level]:
    """The levels depth first: a level's number is its place in this list."""
    out: list[Level] = []

    def walk(level: Level) -> None:
        out.append(level)
        for child in level.children:
            walk(child)

    walk(root)
    return out


def _body(hop: Hop, number: int) -> str:
    text: str = q(typed(f"nodes/list_related_{hop.direction}", hop.types))
    start, end = text.find(BODY_START), text.rfind(BODY_END)
    if start < 0 or end < 0 or text.count(BODY_START) != 1:
        raise ValueError(f"nodes/list_related_{hop.direction}.cypher lost its CALL (p) body")
    body = text[start + len(BODY_START) : end]
    return _PARAM.sub(lambda m: f"${m.group(1)}_{number}", body)


def _block(levels: list[Level], level: Level, out: str) -> str:
    n = next(i for i, known in enumerate(levels) if known is level)  # equal ones differ
    # A row is a list, not a map: the driver decodes every map key of every row.
    row = f"[k IN $props_{n} | x[0][k]]"
    if level.cursor:
        row += " + [x[1], x[2]]"
    if level.rel:
        row += f" + [k IN $rel_{n} | x[3][k]]"
    if level.children:
        calls = "\n".join(_block(levels, child, f"c{i}") for i, child in enumerate(level.children))
        row += " + [" + ", ".join(f"c{i}" for i in range(len(level.children))) + "]"
        # One aggregate row per call, even for an empty page, so no parent's row is lost.
        page = (
            "CALL (rows) {\nUNWIND rows AS x\nWITH x, x[0] AS p\n"
            f"{calls}\nRETURN collect({row}) AS page\n}}\n"
        )
    else:
        page = f"WITH total, beforeWindow, afterWindow, inWindow, [x IN rows | {row}] AS page\n"
    return (
        f"CALL (p) {{\nCALL (p) {{\n{_body(level.hop, n)}\n}}\n{page}"
        f"RETURN [total, beforeWindow, afterWindow, inWindow, page] AS {out}\n}}"
    )


def statement(root: Level) -> str:
    """The name of the composed statement for this tree's shape (graph/cypher.py)."""

    def build() -> LiteralString:
        levels = _numbered(root)
        text = (
            "UNWIND $parents AS parent\nMATCH (p:Entity {id: parent})\n"
            f"{_block(levels, root, 'sub')}\n"
            "RETURN collect({parent: parent, page: sub}) AS pages"
        )
        # Only the files' text and checked type names went in (graph/cypher.py `typed`).
        return text

    return compose(f"nodes/list_related_tree[{root.shape()}]", build)


def _params(levels: list[Level], access: Access) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for n, level in enumerate(levels):
        own = {
            "props": ["id", *(k for k in level.props if k != "id")],
            "rel": list(level.rel),
            **page_params(level.flt, level.order, level.window, access),
        }
        params.update({f"{k}_{n}": v for k, v in own.items()})
    return params


async def related_tree(
    db: Database, root: Level, parent_ids: Sequence[str], access: Access
) -> dict[str, list[Any]]:
    """Each parent's page of `root` as the driver decoded it: [total, beforeWindow,
    afterWindow, inWindow, rows], each row a list: the values of `props` in order (the id
    first), then the order key and tie-breaker when `cursor`, then the values of `rel`,
    then a page like this one for each child level. Rows come in the read order (from the
    far end for a `last` window, as nodes/list_related_* read it). A parent that is not
    found, or not reached, is absent."""
    if not parent_ids:
        return {}
    params = {"parents": list(parent_ids), **_params(_numbered(root), access)}
    rows = await db.read(statement(root), params, values_only=True)
    return {str(r["parent"]): r["page"] for r in rows[0]["pages"]} if rows else {}


def _children_levels(children: Sequence[Level]) -> list[Level]:
    return [level for child in children for level in _numbered(child)]


def node_statement(children: Sequence[Level]) -> str:
    """The name of the composed statement reading nodes by id with lists below them: the
    body of nodes/get_nodes (the same access clauses), then a block per child list."""

    def build() -> LiteralString:
        text: str = q("nodes/get_nodes")
        end = text.rfind("\nRETURN collect(")
        if end < 0:
            raise ValueError("nodes/get_nodes.cypher lost its RETURN collect(")
        lookup = text[:end].replace("$access", "$access_node")
        levels = _children_levels(children)
        blocks = "\n".join(_block(levels, child, f"c{i}") for i, child in enumerate(children))
        row = "[k IN $props_node | p[k]]" + "".join(f" + [c{i}]" for i in range(len(children)))
        return f"{lookup}\nWITH n AS p\n{blocks}\nRETURN collect({row} + [labels(p)]) AS nodes"

    shape = ",".join(c.shape() for c in children)
    return compose(f"nodes/get_node_tree[{shape}]", build)


async def node_tree(
    db: Database,
    ids: Sequence[str],
    props: tuple[str, ...],
    children: Sequence[Level],
    access: Access,
) -> dict[str, list[Any]]:
    """The nodes with these external ids that the access reaches, by id, each a row as
    `related_tree`'s (the values of `props`, the id first, then a page per child list),
    ending with the node's labels. One statement for the node and every list below it."""
    if not ids:
        return {}
    params = {
        "ids": list(ids),
        "props_node": ["id", *(k for k in props if k != "id")],
        "access_node": access_clauses(None, access),
        **_params(_children_levels(children), access),
    }
    rows = await db.read(node_statement(children), params, values_only=True)
    return {str(r[0]): r for r in rows[0]["nodes"]} if rows else {}
