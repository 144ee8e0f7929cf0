"""Question 7, caseStats: how cases reported in a window fared, for a place and its children.

Every rate is None (not 0) when its denominator is 0: no cases is not a 0 % closure rate.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.coordination.common import Node, Window, node, ratio, window
from graph.database import Database


@dataclass(frozen=True)
class Count:
    key: str
    count: int


@dataclass(frozen=True)
class CaseFigures:
    place: Node
    total: int
    by_kind: list[Count]
    by_status: list[Count]
    closed: int
    closure_rate: float | None  # closed / total
    closed_at_grid: int  # closed cases that never left the grid level
    resolved_at_grid_share: float | None  # closed_at_grid / closed
    disputes_mediated: int
    disputes_settled: int  # ... by mediation
    mediation_success_rate: float | None  # settled / mediated
    median_hours_to_close: float | None
    rated: int  # closed or not, cases with a satisfaction score
    mean_satisfaction: float | None
    closed_with_limit: int  # closed cases a time limit applies to
    closed_on_time: int
    on_time_closure_rate: float | None  # on time / closed with a limit


@dataclass(frozen=True)
class CaseStats:
    window: Window
    scope: CaseFigures
    children: list[CaseFigures]


async def case_stats(
    db: Database,
    scope_id: str,
    scopes: list[str] | None,
    start: date | None = None,
    end: date | None = None,
) -> CaseStats | None:
    """Figures for the scope and each direct child; None when the scope is unknown or hidden."""
    span = window(start, end, "caseStats from/to")
    rows = await db.read(
        "coordination/summarise_cases",
        {"scopeId": scope_id, "scopes": scopes, "fromAt": span.from_at, "toAt": span.to_at},
    )
    if not rows:
        return None
    r = rows[0]
    groups = {g["key"]: g for g in r["groups"]}
    scope = node(r["scope"])
    assert scope is not None
    children = [n for n in (node(c) for c in r["children"]) if n is not None]
    return CaseStats(
        window=span,
        scope=_figures(scope, groups.get(scope_id)),
        children=[_figures(c, groups.get(c.id)) for c in children],
    )


def _counts(counter: Counter[str]) -> list[Count]:
    return [Count(k, n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def _figures(place: Node, g: dict[str, Any] | None) -> CaseFigures:
    g = g or {}
    kinds: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    for b in g.get("breakdown", []):
        kinds[b["kind"]] += int(b["n"])
        statuses[b["status"]] += int(b["n"])
    total = int(g.get("total", 0))
    closed = int(g.get("closed", 0))
    grid = int(g.get("gridClosed", 0))
    mediated, settled = int(g.get("mediated", 0)), int(g.get("settled", 0))
    rated = int(g.get("rated", 0))
    limited, on_time = int(g.get("limited", 0)), int(g.get("onTime", 0))
    median = g.get("medianHours")
    return CaseFigures(
        place=place,
        total=total,
        by_kind=_counts(kinds),
        by_status=_counts(statuses),
        closed=closed,
        closure_rate=ratio(closed, total),
        closed_at_grid=grid,
        resolved_at_grid_share=ratio(grid, closed),
        disputes_mediated=mediated,
        disputes_settled=settled,
        mediation_success_rate=ratio(settled, mediated),
        median_hours_to_close=None if median is None else float(median),
        rated=rated,
        mean_satisfaction=ratio(g.get("satisfactionSum", 0), rated),
        closed_with_limit=limited,
        closed_on_time=on_time,
        on_time_closure_rate=ratio(on_time, limited),
    )
