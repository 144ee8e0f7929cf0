"""Writes about people: roles, volunteer sign-up. They run inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Row, run_rows


async def write_one(
    tx: AsyncManagedTransaction, name: str, params: Mapping[str, Any]
) -> Row | None:
    """Run one write statement of queries/people/ and return its single row (None if none)."""
    rows = await run_rows(tx, f"people/{name}", params)
    return rows[0] if rows else None
