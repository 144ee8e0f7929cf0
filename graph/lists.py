"""The four lists (needs, resources, projects, tasks) with claims and agreements: reads that
are not plain node pages, and the writes behind the lists' mutations."""

from __future__ import annotations

from collections.abc import Sequence

from graph.database import Database


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
