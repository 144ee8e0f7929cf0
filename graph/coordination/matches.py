"""Question 1, needMatches: who can resolve this listed need, best first, and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.coordination.common import Node, Reason, check_first, today
from graph.coordination.weights import WEIGHTS, MatchWeights
from graph.database import Database

MAX_MATCHES = 100


@dataclass(frozen=True)
class NeedMatch:
    provider: Node
    resource: Node | None
    score: float
    category_fit: str  # same | parent | child | record
    nearness: str  # grid | community | street | district | elsewhere
    distance_km: float | None
    remaining_capacity: float | None
    done_projects: int
    reasons: tuple[Reason, ...]


async def need_matches(
    db: Database,
    need_id: str,
    scopes: list[str] | None,
    first: int = 10,
    on: date | None = None,
    weights: MatchWeights = WEIGHTS,
) -> list[NeedMatch]:
    """The best `first` providers for the need; [] when the need is unknown or out of scope."""
    check_first(first, "needMatches.first", MAX_MATCHES)
    rows = await db.read(
        "coordination/match_need_providers",
        {
            "needId": need_id,
            "scopes": scopes,
            "today": on or today(),
            "first": first,
            "w": weights.as_params(),
        },
    )
    return [_match(row) for row in rows]


def _match(row: dict[str, Any]) -> NeedMatch:
    resource = Node(("Entity", "Resource"), row["resource"]) if row["resource"] else None
    return NeedMatch(
        provider=Node(tuple(row["providerLabels"]), row["provider"]),
        resource=resource,
        score=float(row["score"]),
        category_fit=row["categoryFit"],
        nearness=row["nearness"],
        distance_km=row["distanceKm"],
        remaining_capacity=row["remaining"],
        done_projects=int(row["doneProjects"]),
        reasons=(
            _category_reason(row),
            _nearness_reason(row),
            *_distance_reason(row),
            _partner_reason(row),
            _capacity_reason(row, resource),
            _record_reason(row),
        ),
    )


def _category_reason(row: dict[str, Any]) -> Reason:
    name, fit, points = row["categoryName"], row["categoryFit"], row["categoryPoints"]
    en_name = f"{name} ({row['categoryNameEn']})" if row.get("categoryNameEn") else name
    if fit == "same":
        return Reason(
            "CATEGORY_SAME",
            f"Offers a resource in the need's own category, {en_name}",
            f"资源类别与需求相同（{name}）",
            points,
        )
    if fit == "parent":
        return Reason(
            "CATEGORY_PARENT",
            f"Offers a resource in the broader category {en_name}",
            f"资源属于需求的上级类别（{name}）",
            points,
        )
    if fit == "child":
        return Reason(
            "CATEGORY_CHILD",
            f"Offers a resource in the narrower category {en_name}",
            f"资源属于需求的下级类别（{name}）",
            points,
        )
    return Reason(
        "CATEGORY_RECORD",
        f"No usable resource listed, but has completed projects in {en_name}",
        f"无可用资源，但在{name}类别完成过项目",
        points,
    )


_RINGS = {
    "grid": ("NEAR_GRID", "In the need's grid", "与需求同一网格"),
    "community": ("NEAR_COMMUNITY", "In the need's community", "与需求同一社区"),
    "street": ("NEAR_STREET", "In the need's street", "与需求同一街道"),
    "district": ("NEAR_DISTRICT", "In the need's district", "与需求同一区县"),
}


def _nearness_reason(row: dict[str, Any]) -> Reason:
    ring = row["nearness"]
    if ring == "elsewhere":
        return Reason(
            "NEAR_ELSEWHERE",
            "Outside the need's district, or its place is unknown",
            "不在需求所在区县，或所在地不明",
            row["ringPoints"],
        )
    code, en, zh = _RINGS[ring]
    place = row["nearPlaceName"]
    return Reason(code, f"{en}, {place}", f"{zh}（{place}）", row["ringPoints"])


def _distance_reason(row: dict[str, Any]) -> tuple[Reason, ...]:
    km = row["distanceKm"]
    if km is None:
        return ()
    return (
        Reason(
            "DISTANCE",
            f"{km:.1f} km from the need's place",
            f"距需求地点{km:.1f}公里",
            row["distancePoints"],
        ),
    )


def _partner_reason(row: dict[str, Any]) -> Reason:
    community, points = row["communityName"], row["partnerPoints"]
    agreements, seats = row["agreements"], row["seats"]
    if community is None:
        return Reason(
            "NO_COMMUNITY",
            "The need's place lies in no community, so partnership cannot count",
            "需求所在地不属于任何社区，共建关系不计分",
            points,
        )
    if not agreements and not seats:
        return Reason(
            "NO_PARTNERSHIP",
            f"No joint-building agreement or committee seat with {community}",
            f"与{community}无共建协议，也无大党委兼职委员席位",
            points,
        )
    en: list[str] = []
    zh: list[str] = []
    if agreements:
        en.append(f"joint-building agreement with {community} ({', '.join(agreements)})")
        zh.append(f"与{community}签有共建协议（{'、'.join(agreements)}）")
    if seats:
        en.append(f"a seat on {', '.join(seats)}")
        zh.append(f"在{'、'.join(seats)}任兼职委员")
    code = "AGREEMENT_AND_SEAT" if agreements and seats else "AGREEMENT" if agreements else "SEAT"
    return Reason(code, "Has " + " and ".join(en), "；".join(zh), points)


def _num(x: float) -> str:
    return f"{x:g}"


def _capacity_reason(row: dict[str, Any], resource: Node | None) -> Reason:
    points = row["capacityPoints"]
    if resource is None:
        return Reason(
            "NO_RESOURCE",
            "No usable resource to draw on (none listed, used up, expired or withdrawn)",
            "无可用资源（未登记、已用完、已过期或已撤回）",
            points,
        )
    remaining, still = float(row["remaining"]), float(row["stillNeeded"])
    unit = resource.props.get("unit") or ""
    need_unit = row["needUnit"] or ""
    if not row["unitsAgree"]:
        return Reason(
            "CAPACITY_OTHER_UNIT",
            f"{_num(remaining)} {unit} left, but the need counts in {need_unit}: half marks",
            f"剩余{_num(remaining)}{unit}，与需求计量单位（{need_unit}）不同，计一半分",
            points,
        )
    if still == 0 or remaining >= still:
        return Reason(
            "CAPACITY_COVERS",
            f"{_num(remaining)} {unit} left, enough for all {_num(still)} still needed",
            f"剩余{_num(remaining)}{unit}，足以满足尚需的{_num(still)}{need_unit}",
            points,
        )
    share = round(100 * remaining / still)
    return Reason(
        "CAPACITY_PARTIAL",
        f"{_num(remaining)} {unit} left, {share}% of the {_num(still)} still needed",
        f"剩余{_num(remaining)}{unit}，可满足尚需{_num(still)}{need_unit}的{share}%",
        points,
    )


def _record_reason(row: dict[str, Any]) -> Reason:
    # Counted in the need's own category, whatever the resource's category.
    done, points = int(row["doneProjects"]), row["recordPoints"]
    if done == 0:
        return Reason(
            "NO_RECORD",
            "No completed project in the need's category yet",
            "尚无该类别已完成项目",
            points,
        )
    plural = "project" if done == 1 else "projects"
    return Reason(
        "RECORD",
        f"{done} completed {plural} in the need's category",
        f"在该类别已完成项目{done}个（实事）",
        points,
    )
