"""Question 2, openNeeds: the open needs of a place and everything under it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.coordination.common import Node, check_first, node, today
from graph.database import Database

MAX_NEEDS = 1000


@dataclass(frozen=True)
class OpenNeed:
    need: Node
    place: Node
    category: Node | None
    asked: float
    committed: float  # active + fulfilled claims
    delivered: float
    still_needed: float  # asked - committed, never below 0
    days_open: int
    matchable: bool  # some provider could take it (needMatches would not be empty)


@dataclass(frozen=True)
class OpenNeedList:
    total: int  # needs passing the filters (the list holds at most `first`)
    unmatched: int  # of those, needs no provider can take
    needs: list[OpenNeed]


async def open_needs(
    db: Database,
    scope_id: str,
    scopes: list[str] | None,
    category_id: str | None = None,
    unmatched_only: bool = False,
    first: int = 100,
    on: date | None = None,
    raised_before: date | None = None,
    argument: str = "openNeeds.first",
) -> OpenNeedList:
    check_first(first, argument, MAX_NEEDS)
    rows = await db.read(
        "coordination/list_open_needs",
        {
            "scopeId": scope_id,
            "scopes": scopes,
            "categoryId": category_id,
            "unmatchedOnly": unmatched_only,
            "raisedBefore": raised_before,
            "today": on or today(),
            "first": first,
        },
    )
    if not rows:  # unknown place or outside the viewer's scopes
        return OpenNeedList(0, 0, [])
    row = rows[0]
    return OpenNeedList(int(row["total"]), int(row["unmatched"]), [_need(r) for r in row["needs"]])


def _need(r: dict[str, Any]) -> OpenNeed:
    place = node(r["place"])
    assert place is not None  # the statement matched it
    category = r["category"]
    return OpenNeed(
        need=Node(("Entity", "Need"), r["need"]),
        place=place,
        category=Node(("Entity", "Category"), category) if category else None,
        asked=float(r["asked"]),
        committed=float(r["committed"]),
        delivered=float(r["delivered"]),
        still_needed=float(r["stillNeeded"]),
        days_open=int(r["daysOpen"]),
        matchable=bool(r["matchable"]),
    )
