"""Question 6, dualReporting (双报到): who reported to each community and what they did."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.coordination.case_stats import Count
from graph.coordination.common import Node, Window, check_first, node, window
from graph.database import Database

MAX_SILENT = 1000


@dataclass(frozen=True)
class CommunityReporting:
    community: Node
    organisations: int  # party organisations reported by the window's end
    organisations_new: int  # ... of which in the window
    organisation_claims: int  # claims they (or their units) made in the window
    members: int  # in-service members reported by the window's end
    members_new: int
    roles_claimed: int  # roles those members claimed, held in the window
    roles_by_kind: list[Count]
    records: int  # members' service records in the window
    records_by_kind: list[Count]  # claim, case_step, task_done, points_earned
    silent_count: int  # reported members with no record in the window
    silent: list[Node]  # the first of them, by id


@dataclass(frozen=True)
class DualReporting:
    window: Window
    scope: Node
    communities: list[CommunityReporting]


async def dual_reporting(
    db: Database,
    scope_id: str,
    scopes: list[str] | None,
    start: date | None = None,
    end: date | None = None,
    first: int = 20,
) -> DualReporting | None:
    """Per community under the place; None when it is unknown or outside the viewer's scopes."""
    check_first(first, "dualReporting.first", MAX_SILENT)
    span = window(start, end, "dualReporting from/to")
    base = {"scopeId": scope_id, "scopes": scopes}
    scope = await db.read("coordination/get_scope_place", base)
    if not scope:
        return None
    rows = await db.read(
        "coordination/summarise_dual_reporting", {**base, **span.params(), "first": first}
    )
    place = node(scope[0]["place"])
    assert place is not None
    return DualReporting(span, place, [_community(r) for r in rows])


def _counts(pairs: dict[str, int]) -> list[Count]:
    return [Count(k, n) for k, n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])) if n]


def _community(r: dict[str, Any]) -> CommunityReporting:
    community = node(r["community"])
    assert community is not None
    records = {
        "claim": int(r["claims"]),
        "case_step": int(r["caseSteps"]),
        "task_done": int(r["tasksDone"]),
        "points_earned": int(r["pointsEarned"]),
    }
    return CommunityReporting(
        community=community,
        organisations=int(r["organisations"]),
        organisations_new=int(r["organisationsNew"]),
        organisation_claims=int(r["organisationClaims"]),
        members=int(r["members"]),
        members_new=int(r["membersNew"]),
        roles_claimed=int(r["rolesClaimed"]),
        roles_by_kind=_counts(dict(Counter(r["roles"]))),
        records=sum(records.values()),
        records_by_kind=_counts(records),
        silent_count=int(r["silentCount"]),
        silent=[Node(("Entity", "Person"), p) for p in r["silent"]],
    )
