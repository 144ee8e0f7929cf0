"""Question 8, needStats: the health of the needs and projects lists, for a place and its
children. Rates are None when their denominator is 0."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.coordination.common import Node, Window, node, ratio, window
from graph.database import Database


@dataclass(frozen=True)
class NeedFigures:
    place: Node
    raised: int  # needs raised in the window
    met: int  # ... now fully met (status met)
    partly_met: int
    unmatched: int  # still wanted and no active or fulfilled claim
    withdrawn: int
    asked: float  # quantity asked, withdrawn needs left out
    delivered: float  # quantity delivered by claims, capped per need at what it asked
    fill_rate: float | None  # delivered / asked
    mean_need_fill: float | None  # mean over needs of delivered / asked (unit-free)
    committed: int  # needs with at least one claim
    median_days_to_commitment: float | None
    projects_claimed: int  # projects with a claim made in the window
    projects_done: int  # 实事: done in the window
    projects_in_open_pool: int  # waiting in the open pool now (not windowed)


@dataclass(frozen=True)
class NeedStats:
    window: Window
    scope: NeedFigures
    children: list[NeedFigures]


async def need_stats(
    db: Database,
    scope_id: str,
    scopes: list[str] | None,
    start: date | None = None,
    end: date | None = None,
) -> NeedStats | None:
    span = window(start, end, "needStats from/to")
    rows = await db.read(
        "coordination/summarise_needs",
        {"scopeId": scope_id, "scopes": scopes, "fromDate": span.start, "toDate": span.end},
    )
    if not rows:
        return None
    r = rows[0]
    needs = {g["key"]: g for g in r["needGroups"]}
    projects = {g["key"]: g for g in r["projectGroups"]}
    scope = node(r["scope"])
    assert scope is not None
    children = [n for n in (node(c) for c in r["children"]) if n is not None]
    return NeedStats(
        window=span,
        scope=_figures(scope, needs.get(scope_id), projects.get(scope_id)),
        children=[_figures(c, needs.get(c.id), projects.get(c.id)) for c in children],
    )


def _figures(place: Node, n: dict[str, Any] | None, p: dict[str, Any] | None) -> NeedFigures:
    n, p = n or {}, p or {}
    asked, delivered = float(n.get("asked", 0.0)), float(n.get("delivered", 0.0))
    median = n.get("medianDaysToCommitment")
    return NeedFigures(
        place=place,
        raised=int(n.get("raised", 0)),
        met=int(n.get("met", 0)),
        partly_met=int(n.get("partlyMet", 0)),
        unmatched=int(n.get("unmatched", 0)),
        withdrawn=int(n.get("withdrawn", 0)),
        asked=asked,
        delivered=delivered,
        fill_rate=ratio(delivered, asked),
        mean_need_fill=ratio(n.get("filled", 0.0), n.get("measured", 0)),
        committed=int(n.get("committed", 0)),
        median_days_to_commitment=None if median is None else float(median),
        projects_claimed=int(p.get("claimed", 0)),
        projects_done=int(p.get("done", 0)),
        projects_in_open_pool=int(p.get("openPool", 0)),
    )
