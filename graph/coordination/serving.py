"""Question 3, servingTeam: who serves this household, building, compound or grid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.coordination.common import Node, Reason, as_date, node, nodes, today
from graph.database import Database


@dataclass(frozen=True)
class RoleHolder:
    person: Node
    role: str
    place: Node | None  # where the role is held (None: the grid itself)
    full_time: bool | None
    claimed: bool | None  # claimed by an in-service party member (认领)
    since: date | None


@dataclass(frozen=True)
class PropertyService:
    company: Node
    red: bool  # 红色物业: its own party organisation or an assigned instructor
    instructors: list[Node]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class CompoundService:
    compound: Node
    companies: list[PropertyService]
    owners_committees: list[Node]


@dataclass(frozen=True)
class NearestStation:
    station: Node
    via: Node  # the place above (or at) the asked one that the station belongs to
    distance_km: float | None
    reason: Reason


@dataclass(frozen=True)
class ServingTeam:
    place: Node
    grid: Node | None
    grid_team: list[RoleHolder]
    grid_organisations: list[Node]
    leaders: list[RoleHolder]
    claimed_by: list[RoleHolder]
    compounds: list[CompoundService]
    community: Node | None
    community_organisations: list[Node]
    street: Node | None
    district: Node | None
    station: NearestStation | None
    notes: tuple[Reason, ...]  # what is missing, so an empty field reads as known-empty

    @property
    def grid_leader(self) -> RoleHolder | None:
        return next((m for m in self.grid_team if m.role == "grid_leader"), None)


async def serving_team(
    db: Database, place_id: str, scopes: list[str] | None, on: date | None = None
) -> ServingTeam | None:
    """The team around the place; None when it is unknown or outside the viewer's scopes."""
    rows = await db.read(
        "coordination/get_serving_team",
        {"placeId": place_id, "scopes": scopes, "today": on or today()},
    )
    if not rows:
        return None
    r = rows[0]
    place = node(r["place"])
    assert place is not None
    team = ServingTeam(
        place=place,
        grid=node(r["grid"]),
        grid_team=[_holder(m, None) for m in r["gridTeam"]],
        grid_organisations=nodes(r["gridOrganisations"]),
        leaders=[_holder(m, node(m["place"])) for m in r["leaders"]],
        claimed_by=[_holder(m, node(m["place"])) for m in r["claimed"]],
        compounds=[_compound(c) for c in r["compounds"]],
        community=node(r["community"]),
        community_organisations=nodes(r["communityOrganisations"]),
        street=node(r["street"]),
        district=node(r["district"]),
        station=_station(r["station"]),
        notes=(),
    )
    return _with_notes(team)


def _holder(m: dict[str, Any], place: Node | None) -> RoleHolder:
    return RoleHolder(
        person=Node(("Entity", "Person"), m["person"]),
        role=m["role"],
        place=place,
        full_time=m.get("fullTime"),
        claimed=m.get("claimed"),
        since=as_date(m.get("since")),
    )


def _compound(c: dict[str, Any]) -> CompoundService:
    compound = node(c["compound"])
    assert compound is not None
    return CompoundService(
        compound=compound,
        companies=[_company(pc) for pc in c["companies"]],
        owners_committees=nodes(c["ownersCommittees"]),
    )


def _company(pc: dict[str, Any]) -> PropertyService:
    company = node(pc["company"])
    assert company is not None
    parties: list[str] = pc["partyOrganisations"]
    instructors = [Node(("Entity", "Person"), p) for p in pc["instructors"]]
    reasons: list[Reason] = []
    if parties:
        names = "、".join(parties)
        reasons.append(
            Reason(
                "RED_OWN_PARTY",
                f"Has its own party organisation ({', '.join(parties)})",
                f"有自己的党组织（{names}）",
            )
        )
    elif pc["ownParty"]:
        reasons.append(Reason("RED_OWN_PARTY", "Has its own party organisation", "有自己的党组织"))
    if instructors:
        who = [str(p.props.get("name", p.id)) for p in instructors]
        reasons.append(
            Reason(
                "RED_INSTRUCTOR",
                f"Has an assigned party-building instructor ({', '.join(who)})",
                f"派驻党建指导员（{'、'.join(who)}）",
            )
        )
    if not reasons:
        reasons.append(
            Reason(
                "NOT_RED",
                "Neither its own party organisation nor a party-building instructor",
                "既无自己的党组织，也无党建指导员",
            )
        )
    return PropertyService(
        company, bool(parties or pc["ownParty"] or instructors), instructors, tuple(reasons)
    )


def _station(s: dict[str, Any] | None) -> NearestStation | None:
    if s is None:
        return None
    station, via = node(s["station"]), node(s["via"])
    assert station is not None and via is not None
    km = s["distanceKm"]
    via_name = via.props.get("name", via.id)
    en = f"The station of {via_name}, the nearest place above with one"
    zh = f"{via_name}的服务站点，是向上最近设有站点的一级"
    if km is not None:
        en += f"; {km:.1f} km away"
        zh += f"；相距{km:.1f}公里"
    return NearestStation(station, via, km, Reason("NEAREST_STATION", en, zh))


def _with_notes(team: ServingTeam) -> ServingTeam:
    notes: list[Reason] = []
    if team.grid is None:
        notes.append(Reason("NO_GRID", "This place lies in no grid", "该地点不属于任何网格"))
    else:
        if team.grid_leader is None:
            notes.append(Reason("NO_GRID_LEADER", "The grid has no grid leader", "网格未设网格长"))
        if not team.grid_organisations:
            notes.append(
                Reason(
                    "NO_GRID_PARTY_ORGANISATION",
                    "No party organisation governs the grid",
                    "网格未建党组织",
                )
            )
    if not team.compounds:
        notes.append(
            Reason("NO_COMPOUND", "No residential compound here", "不属于任何小区（楼院）")
        )
    for c in team.compounds:
        name = c.compound.props.get("name", c.compound.id)
        if not c.companies:
            notes.append(
                Reason(
                    "NO_PROPERTY_COMPANY",
                    f"No property company manages {name}",
                    f"{name}无物业服务企业",
                )
            )
        if not c.owners_committees:
            notes.append(
                Reason(
                    "NO_OWNERS_COMMITTEE", f"{name} has no owners' committee", f"{name}未成立业委会"
                )
            )
    if team.station is None:
        notes.append(
            Reason(
                "NO_STATION",
                "No service station at this place or any place above it",
                "本级及上级均未设党群服务站点",
            )
        )
    return ServingTeam(**{**team.__dict__, "notes": tuple(notes)})
