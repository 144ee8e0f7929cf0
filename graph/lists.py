"""The four lists (needs, resources, projects, tasks) with claims and agreements: reads that
are not plain node pages, and the writes behind the lists' mutations.

Writes run inside the caller's transaction (`tx`), so a mutation's checks and writes
commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database, Row, run_rows
from graph.nodes import Access, Ref, access_clauses


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


@dataclass(frozen=True)
class Checked:
    """What a checked write answered: the row written, or why nothing was."""

    taken: bool  # a create's new external id is in use (updates never answer it)
    refused: tuple[Ref, ...]  # named but missing, of another kind or out of scope, in input order
    row: Row | None  # None unless written


async def write_checked(
    tx: AsyncManagedTransaction,
    name: str,
    params: Mapping[str, Any],
    refs: Sequence[Ref],
    access: Access,
) -> Checked:
    """Run a write statement of queries/lists/ that checks before it writes (a new id is
    free, every ref is found within `access`, as nodes/check_refs answers) and writes only
    when all pass: one round trip where separate checks cost one or two more."""
    rows = await run_rows(
        tx,
        f"lists/{name}",
        {
            **params,
            "refs": [{"field": r.field, "id": r.id, "labels": list(r.labels)} for r in refs],
            "access": access_clauses(None, access),
        },
    )
    return _checked(name, rows, refs)


async def write_checked_alone(
    db: Database,
    name: str,
    params: Mapping[str, Any],
    refs: Sequence[Ref],
    access: Access,
) -> Checked:
    """`write_checked` as a transaction of its own (Database.write_alone): for a checked
    create, which writes nothing when it refuses, so nothing after it needs a rollback."""
    rows = await db.write_alone(
        f"lists/{name}",
        {
            **params,
            "refs": [{"field": r.field, "id": r.id, "labels": list(r.labels)} for r in refs],
            "access": access_clauses(None, access),
        },
    )
    return _checked(name, rows, refs)


def _checked(name: str, rows: list[Row], refs: Sequence[Ref]) -> Checked:
    if len(rows) != 1:
        raise RuntimeError(f"lists/{name} answered {len(rows)} rows, not 1")
    row = rows[0]
    refused = {str(f) for f in row["refused"]}
    return Checked(
        taken=bool(row.get("taken", False)),
        refused=tuple(r for r in refs if r.field in refused),
        row=row if row["id"] is not None else None,
    )
