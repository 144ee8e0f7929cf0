"""Facts about the graph as a whole."""

from __future__ import annotations

from graph.database import Database
from loaders.model import NODE_TYPES


async def node_counts(db: Database) -> dict[str, int]:
    rows = await db.read("system/count_nodes", {"labels": [n.label for n in NODE_TYPES]})
    return {str(r["label"]): int(r["count"]) for r in rows}
