"""Question 4, caseRouting: who should hold this case, who should act, whom to summon."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.cases.routing import SEVERITY_LEVEL, holding_labels, route_level
from graph.coordination.common import LEVEL_ZH, Node, Reason, check_first, node, today
from graph.database import Database

MAX_SIMILAR = 20


@dataclass(frozen=True)
class Actor:
    person: Node
    role: str
    at: Node  # the grid, community or mediation centre where the role is held


@dataclass(frozen=True)
class Summons:
    department: Node
    based_at: Node | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class SimilarCase:
    case: Node
    place: Node
    nearness: str  # grid | community | street
    closed_by: list[Node]
    handled_by: list[Node]
    reason: Reason


@dataclass(frozen=True)
class CaseRouting:
    case: Node
    place: Node
    category: Node | None
    level: str  # grid | community | street | district
    holder: Node | None  # the nearest place of that level (or above) over the case
    held_by: Node | None  # who holds it now
    grid_workers: list[Actor]
    grid_mediators: list[Actor]
    community_mediators: list[Actor]
    departments: list[Summons]
    similar: list[SimilarCase]
    reasons: tuple[Reason, ...]


async def case_routing(
    db: Database,
    case_id: str,
    scopes: list[str] | None,
    similar: int = 5,
    on: date | None = None,
) -> CaseRouting | None:
    """The routing advice; None when the case is unknown or outside the viewer's scopes."""
    check_first(similar, "caseRouting.similar", MAX_SIMILAR)
    facts, near = await asyncio.gather(
        db.read(
            "coordination/get_case_routing",
            {"caseId": case_id, "scopes": scopes, "today": on or today()},
        ),
        db.read(
            "coordination/find_similar_cases",
            {"caseId": case_id, "scopes": scopes, "first": similar},
        ),
    )
    if not facts:
        return None
    r = facts[0]
    case = Node(("Entity", "Case"), r["case"])
    place = node(r["place"])
    assert place is not None
    up = [n for n in (node(a) for a in r["up"]) if n is not None]
    category = Node(("Entity", "Category"), r["category"]) if r["category"] else None
    levels: list[str] = sorted(r["categoryLevels"])
    severity = int(case.props["severity"])
    kind = str(case.props["kind"])
    level = route_level(severity, kind, levels)
    wanted = holding_labels(level)
    holder = next((a for a in up if a.label in wanted), None)
    return CaseRouting(
        case=case,
        place=place,
        category=category,
        level=level,
        holder=holder,
        held_by=node(r["heldBy"]),
        grid_workers=[_actor(m) for m in r["gridWorkers"]],
        grid_mediators=[_actor(m) for m in r["gridMediators"]],
        community_mediators=[_actor(m) for m in r["communityMediators"]],
        departments=[_summons(d) for d in r["departments"]],
        similar=[_similar(s) for s in near],
        reasons=_level_reasons(case, category, levels, level, holder, up),
    )


def _actor(m: dict[str, Any]) -> Actor:
    at = node(m["at"])
    assert at is not None
    return Actor(Node(("Entity", "Person"), m["person"]), m["role"], at)


def _name(n: Node | None) -> str:
    return "" if n is None else str(n.props.get("name", n.id))


def _level_reasons(
    case: Node,
    category: Node | None,
    levels: list[str],
    level: str,
    holder: Node | None,
    up: list[Node],
) -> tuple[Reason, ...]:
    severity = int(case.props["severity"])
    start = SEVERITY_LEVEL[severity]
    saying_en = {
        "grid": ' ("small matters stay in the grid")',
        "community": ' ("big matters stay in the community")',
    }.get(start, "")
    saying_zh = {"grid": "（小事不出网格）", "community": "（大事不出社区）"}.get(start, "")
    out = [
        Reason(
            "SEVERITY",
            f"Severity {severity} of 4: starts at the {start} level{saying_en}",
            f"严重程度{severity}级（共4级）：起点为{LEVEL_ZH[start]}级{saying_zh}",
        )
    ]
    if case.props.get("kind") == "petition":
        out.append(
            Reason(
                "PETITION",
                "A petition is taken at the community level at least",
                "信访事项至少由社区受理",
            )
        )
    if levels and category is not None:
        lowest = min(levels, key=("grid", "community", "street", "district").index)
        name = _name(category)
        out.append(
            Reason(
                "CATEGORY_LEVELS",
                f"{name} has time limits from the {lowest} level up",
                f"{name}类事项自{LEVEL_ZH[lowest]}级起设办理时限",
            )
        )
    if holder is not None and holder.label.lower() != level:
        out.append(
            Reason(
                "NO_" + level.upper(),
                f"The place lies in no {level}: {_name(holder)} holds it",
                f"该地点不属于任何{LEVEL_ZH[level]}，由{_name(holder)}处置",
            )
        )
    if holder is None:
        out.append(
            Reason(
                "NO_HOLDER",
                f"No place at the {level} level or above lies over this case",
                f"该地点之上没有{LEVEL_ZH[level]}级或更高的处置主体",
            )
        )
    held = case.props.get("level")
    if held and held != level:
        out.append(
            Reason(
                "HELD_ELSEWHERE",
                f"Now held at the {held} level",
                f"目前由{LEVEL_ZH.get(held, held)}级处置",
            )
        )
    return tuple(out)


def _summons(d: dict[str, Any]) -> Summons:
    department = node(d["department"])
    assert department is not None
    based = node(d["basedAt"])
    handles = d["handles"]
    reasons = [
        Reason(
            "HANDLES_CATEGORY",
            f"Handles {handles}" + (" (a broader category)" if d["depth"] else ""),
            f"职责涵盖{handles}" + ("（上级类别）" if d["depth"] else ""),
        )
    ]
    if based is not None:
        reasons.append(
            Reason(
                "SERVES_AREA",
                f"Based in {_name(based)}, above the case",
                f"驻{_name(based)}，辖区涵盖事发地",
            )
        )
    else:
        reasons.append(Reason("NO_FIXED_AREA", "Not tied to one area", "不限辖区"))
    return Summons(department, based, tuple(reasons))


_NEAR = {
    "grid": ("Closed in the same grid", "同一网格已结案件"),
    "community": ("Closed in the same community", "同一社区已结案件"),
    "street": ("Closed in the same street", "同一街道已结案件"),
}


def _similar(s: dict[str, Any]) -> SimilarCase:
    place = node(s["place"])
    assert place is not None
    en, zh = _NEAR[s["nearness"]]
    where = s["nearPlaceName"]
    return SimilarCase(
        case=Node(("Entity", "Case"), s["case"]),
        place=place,
        nearness=s["nearness"],
        closed_by=[Node(("Entity", "Person"), p) for p in s["closedBy"]],
        handled_by=[Node(("Entity", "Person"), p) for p in s["handledBy"]],
        reason=Reason("SIMILAR_" + s["nearness"].upper(), f"{en}, {where}", f"{zh}（{where}）"),
    )
