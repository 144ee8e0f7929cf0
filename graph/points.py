"""Points (积分): a double-entry ledger. A balance is never stored; it is the sum of an
account's credits minus its debits, so the ledger alone is the truth."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database, Row, run_rows


async def balances(db: Database, ids: Sequence[str]) -> dict[str, int]:
    if not ids:
        return {}
    rows = await db.read("points/sum_account_balances", {"ids": list(ids)})
    return {str(r["id"]): int(r["balance"]) for r in rows}


async def write_one(
    tx: AsyncManagedTransaction, name: str, params: Mapping[str, Any]
) -> Row | None:
    """Run one write statement of queries/points/ and return its single row (None if none)."""
    rows = await run_rows(tx, f"points/{name}", params)
    return rows[0] if rows else None
