"""Reading cases: the cases themselves, their history in order, whistles, mediations and
extension requests. Each reader takes a batch of case ids (one round trip for a page)."""

from __future__ import annotations

from collections.abc import Sequence

from graph.database import Database, Row


async def cases_by_id(db: Database, ids: Sequence[str], scopes: list[str] | None) -> dict[str, Row]:
    """Each visible case's row (case, place, heldBy, category, reporter, handlers) by id."""
    rows = await db.read("cases/get_cases", {"ids": list(ids), "scopes": scopes})
    return {str(r["id"]): r for r in rows}


async def events_by_case(
    db: Database, ids: Sequence[str], scopes: list[str] | None
) -> dict[str, list[Row]]:
    """Every event of each visible case, in the order it happened (seq 0 is the report)."""
    rows = await db.read("cases/list_case_events", {"ids": list(ids), "scopes": scopes})
    return {str(r["caseId"]): list(r["events"]) for r in rows}


async def _lists(db: Database, name: str, column: str, ids: Sequence[str]) -> dict[str, list[Row]]:
    rows = await db.read(name, {"ids": list(ids)})
    return {str(r["caseId"]): list(r[column]) for r in rows}


async def whistles_by_case(db: Database, ids: Sequence[str]) -> dict[str, list[Row]]:
    return await _lists(db, "cases/list_case_whistles", "whistles", ids)


async def mediations_by_case(db: Database, ids: Sequence[str]) -> dict[str, list[Row]]:
    return await _lists(db, "cases/list_case_mediations", "mediations", ids)


async def extensions_by_case(db: Database, ids: Sequence[str]) -> dict[str, list[Row]]:
    return await _lists(db, "cases/list_case_extensions", "extensions", ids)


async def visible_place(db: Database, place_id: str, scopes: list[str] | None) -> list[str] | None:
    """The labels of a place the actor's roles reach; None when absent or out of reach."""
    rows = await db.read("cases/get_visible_place", {"id": place_id, "scopes": scopes})
    return list(rows[0]["labels"]) if rows else None
