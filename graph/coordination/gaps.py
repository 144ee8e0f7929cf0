"""Question 5, coverageGaps: what is missing under a place, list by list.

Each list gives its full count and its first `first` items (by id), each item with the
reasons it is a gap, so a whole-city report stays small on the wire.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from graph.coordination.common import (
    CoordinationInputError,
    Node,
    Reason,
    check_first,
    node,
    today,
)
from graph.coordination.needs import OpenNeedList, open_needs
from graph.database import Database

MAX_ITEMS = 1000

# 六位一体: the six that should act as one in every community, in the order they are named.
SIX_IN_ONE: dict[str, tuple[str, str]] = {
    "party_organisation": ("a party organisation governing it", "社区党组织"),
    "residents_committee": ("a residents' committee", "居委会"),
    "owners_committee": ("an owners' committee in any compound", "业委会"),
    "property_company": ("a property company in any compound", "物业服务企业"),
    "building_leaders": ("any building, entrance or alley leader", "楼门长"),
    "service_station": ("a service station", "综合服务站"),
}


@dataclass(frozen=True)
class Gap:
    subject: Node  # the grid, building, compound, property company or community
    within: Node | None  # where it lies (its community, compound ...), for context
    missing: tuple[str, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class GapList:
    total: int
    items: list[Gap]


@dataclass(frozen=True)
class CoverageGaps:
    scope: Node
    open_days: int
    grids_without_party_organisation: GapList
    buildings_without_leader: GapList
    compounds_incomplete: GapList
    property_companies_not_red: GapList
    communities_missing_six_in_one: GapList
    communities_without_partner: GapList
    stale_needs: OpenNeedList


async def coverage_gaps(
    db: Database,
    scope_id: str,
    scopes: list[str] | None,
    open_days: int = 30,
    first: int = 100,
    on: date | None = None,
) -> CoverageGaps | None:
    """The gaps under the place; None when it is unknown or outside the viewer's scopes."""
    check_first(first, "coverageGaps.first", MAX_ITEMS)
    if open_days < 0:
        raise CoordinationInputError(f"coverageGaps.openDays must be 0 or more, got {open_days}")
    day = on or today()
    base = {"scopeId": scope_id, "scopes": scopes}
    listed = {**base, "first": first, "today": day}
    stale_needs = asyncio.ensure_future(
        open_needs(
            db,
            scope_id,
            scopes,
            unmatched_only=True,
            first=first,
            on=day,
            raised_before=day - timedelta(days=open_days),
            argument="coverageGaps.first",
        )
    )
    scope, grids, buildings, compounds, companies, communities = await asyncio.gather(
        db.read("coordination/get_scope_place", base),
        db.read("coordination/list_grid_gaps", {**base, "first": first}),
        db.read("coordination/list_building_gaps", listed),
        db.read("coordination/list_compound_gaps", {**base, "first": first}),
        db.read("coordination/list_property_company_gaps", listed),
        db.read("coordination/list_community_gaps", {**base, "today": day}),
    )
    stale = await stale_needs
    if not scope:
        return None
    place = node(scope[0]["place"])
    assert place is not None
    six = [r for r in communities if r["missing"]]
    alone = [r for r in communities if not r["partnered"]]
    return CoverageGaps(
        scope=place,
        open_days=open_days,
        grids_without_party_organisation=_list(grids, _grid),
        buildings_without_leader=_list(buildings, _building),
        compounds_incomplete=_list(compounds, _compound),
        property_companies_not_red=_list(companies, _company),
        communities_missing_six_in_one=GapList(len(six), [_six(r) for r in six[:first]]),
        communities_without_partner=GapList(len(alone), [_alone(r) for r in alone[:first]]),
        stale_needs=stale,
    )


def _list(rows: list[dict[str, Any]], make: Any) -> GapList:
    if not rows:
        return GapList(0, [])
    return GapList(int(rows[0]["total"]), [make(item) for item in rows[0]["items"]])


def _name(n: Node | None) -> str:
    return "" if n is None else str(n.props.get("name", n.id))


def _subject(item: dict[str, Any], key: str = "subject") -> Node:
    subject = node(item[key])
    assert subject is not None
    return subject


def _grid(item: dict[str, Any]) -> Gap:
    grid = _subject(item)
    reason = Reason(
        "NO_PARTY_ORGANISATION",
        f"No party organisation governs {_name(grid)}",
        f"{_name(grid)}未建网格党组织",
    )
    return Gap(grid, node(item["within"]), ("party_organisation",), (reason,))


def _building(item: dict[str, Any]) -> Gap:
    place = _subject(item)
    if place.label == "Alley":
        reason = Reason(
            "NO_ALLEY_LEADER", f"{_name(place)} has no alley leader", f"{_name(place)}未设胡同长"
        )
    else:
        reason = Reason(
            "NO_BUILDING_LEADER",
            f"{_name(place)} has no building leader",
            f"{_name(place)}未设楼栋长",
        )
    return Gap(place, node(item["within"]), ("leader",), (reason,))


def _compound(item: dict[str, Any]) -> Gap:
    compound = _subject(item)
    name = _name(compound)
    texts = {
        "property_company": Reason(
            "NO_PROPERTY_COMPANY", f"No property company manages {name}", f"{name}无物业服务企业"
        ),
        "owners_committee": Reason(
            "NO_OWNERS_COMMITTEE", f"{name} has no owners' committee", f"{name}未成立业委会"
        ),
    }
    missing = tuple(item["missing"])
    return Gap(compound, node(item["within"]), missing, tuple(texts[m] for m in missing))


def _company(item: dict[str, Any]) -> Gap:
    company = _subject(item)
    name, compounds = _name(company), item["compounds"]
    reason = Reason(
        "NOT_RED",
        f"{name} has neither its own party organisation nor a party-building instructor "
        f"(manages {', '.join(compounds)})",
        f"{name}既无自己的党组织，也无党建指导员（服务{'、'.join(compounds)}）",
    )
    return Gap(company, None, ("party_organisation_or_instructor",), (reason,))


def _six(row: dict[str, Any]) -> Gap:
    community = _subject(row, "community")
    missing = tuple(row["missing"])
    reasons = tuple(
        Reason(
            "MISSING_" + m.upper(),
            f"No {SIX_IN_ONE[m][0]}",
            f"六位一体缺{SIX_IN_ONE[m][1]}",
        )
        for m in missing
    )
    return Gap(community, None, missing, reasons)


def _alone(row: dict[str, Any]) -> Gap:
    community = _subject(row, "community")
    name = _name(community)
    reason = Reason(
        "NO_PARTNER",
        f"{name} has no current joint-building agreement with any unit",
        f"{name}无有效共建协议（无共建单位）",
    )
    return Gap(community, None, ("partner",), (reason,))
