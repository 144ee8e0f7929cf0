"""The four lists (needs, resources, projects, tasks) with claims and agreements: reads that
are not plain node pages, and the writes behind the lists' mutations.

Writes run inside the caller's transaction (`tx`), so a mutation's checks and writes
commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database, Row, run_rows


async def need_commitments(db: Database, ids: Sequence[str]) -> dict[str, float]:
    """Quantity committed to each need by claims that still count (active or fulfilled)."""
    if not ids:
        return {}
    rows = await db.read("lists/sum_need_commitments", {"ids": list(ids)})
    return {str(r["id"]): float(r["committed"]) for r in rows}


async def resource_commitments(db: Database, ids: Sequence[str]) -> dict[str, float]:
    """Quantity of each resource drawn on by claims that still count."""
    if not ids:
        return {}
    rows = await db.read("lists/sum_resource_commitments", {"ids": list(ids)})
    return {str(r["id"]): float(r["committed"]) for r in rows}


async def write_one(
    tx: AsyncManagedTransaction, name: str, params: Mapping[str, Any]
) -> Row | None:
    """Run one write statement of queries/lists/ and return its single row (None if none)."""
    rows = await run_rows(tx, f"lists/{name}", params)
    return rows[0] if rows else None
