"""Points (积分): a double-entry ledger. A balance is never stored; it is the sum of an
account's credits minus its debits, so the ledger alone is the truth."""

from __future__ import annotations

from collections.abc import Sequence

from graph.database import Database


async def balances(db: Database, ids: Sequence[str]) -> dict[str, int]:
    if not ids:
        return {}
    rows = await db.read("points/sum_account_balances", {"ids": list(ids)})
    return {str(r["id"]): int(r["balance"]) for r in rows}
