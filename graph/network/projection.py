"""Projection readers: one named Cypher statement per network, read into a networkx graph.

Node keys are external ids (unique across the graph). Every node carries `side` (unit,
community, alliance or member), `label`, `name` and `kind`; every edge a `weight`. No
personal data is read: people only ever appear as counts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx

from graph.database import Database
from graph.network.window import ALLIANCE, COMMUNITY, MEMBER, UNIT, NetworkKind, Window

HALF_LIFE_DAYS = 730.0  # a link two years old weighs half a new one
NEED_LIMIT = 20  # open needs kept per community for matching suggestions


def _native(value: Any) -> Any:
    """Neo4j temporal values as Python ones, so graphs pickle, compare and export simply."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def _params(
    scope_id: str | None, window: Window, scopes: list[str] | None, today: dt.date | None
) -> dict[str, Any]:
    start, end = window.bounds(today)
    return {"scopeId": scope_id, "scopes": scopes, "from": start, "to": end}


def _new_graph(
    kind: NetworkKind, scope_id: str | None, window: Window, today: dt.date | None
) -> nx.Graph:
    _, end = window.bounds(today)
    graph = nx.Graph()
    graph.graph.update(
        kind=kind,
        scope=scope_id or "",
        start=window.start.isoformat() if window.start else "",
        end=end.isoformat(),
        window=window.label(),
    )
    return graph


async def read_partnership(
    db: Database,
    scope_id: str | None,
    window: Window,
    scopes: list[str] | None,
    *,
    today: dt.date | None = None,
    half_life_days: float = HALF_LIFE_DAYS,
    need_limit: int = NEED_LIMIT,
) -> nx.Graph:
    """Member units and communities linked by agreements, claims and dual reporting."""
    params = _params(scope_id, window, scopes, today)
    params.update(asOf=params["to"], halfLifeDays=half_life_days, needLimit=need_limit)
    rows = await db.read("network/get_partnership_network", params)
    row = rows[0]
    graph = _new_graph("partnership", scope_id, window, today)
    needs = {n["community"]: n["openNeeds"] for n in row["needs"]}
    for c in row["communities"]:
        graph.add_node(
            c["id"],
            side=COMMUNITY,
            bipartite=1,
            label=c["label"],
            name=c["name"] or c["id"],
            kind=c["kind"] or "",
            population=c["population"],
            parent=c["parent"] or "",
            open_needs=[dict(n) for n in needs.get(c["id"], [])],
        )
    for u in row["units"]:
        graph.add_node(
            u["id"],
            side=UNIT,
            bipartite=0,
            label=u["label"] or "Organisation",
            name=u["name"] or u["id"],
            kind=u["kind"] or "",
            resource_categories=sorted(u["resourceCategories"]),
        )
    for link in row["links"]:
        graph.add_edge(
            link["unit"],
            link["community"],
            weight=float(link["weight"]),
            agreements=int(link["agreements"]),
            projects=int(link["projects"]),
            needs=int(link["needs"]),
            reports=int(link["reports"]),
            members=int(link["members"]),
            latest=_native(link["latest"]),
        )
    return graph


async def read_unit_network(
    db: Database,
    scope_id: str | None,
    window: Window,
    scopes: list[str] | None,
    *,
    today: dt.date | None = None,
) -> nx.Graph:
    """Member units linked when they are partners of the same community."""
    rows = await db.read("network/get_unit_network", _params(scope_id, window, scopes, today))
    graph = _new_graph("units", scope_id, window, today)
    if not rows:  # no partnership at all in scope: the grouping leaves no row
        return graph
    row = rows[0]
    for u in row["units"]:
        graph.add_node(
            u["id"],
            side=UNIT,
            label=u["label"] or "Organisation",
            name=u["name"] or u["id"],
            kind=u["kind"] or "",
            communities=int(u["communities"]),
        )
    for link in row["links"]:
        graph.add_edge(
            link["source"],
            link["target"],
            weight=float(link["weight"]),
            communities=sorted(link["communities"]),
        )
    return graph


async def read_alliance_network(
    db: Database,
    scope_id: str | None,
    window: Window,
    scopes: list[str] | None,
    *,
    today: dt.date | None = None,
) -> nx.Graph:
    """Party-building alliances (党建联盟) and their members."""
    rows = await db.read("network/get_alliance_network", _params(scope_id, window, scopes, today))
    row = rows[0]
    graph = _new_graph("alliances", scope_id, window, today)
    for a in row["alliances"]:
        graph.add_node(
            a["id"],
            side=ALLIANCE,
            bipartite=1,
            label=a["label"],
            name=a["name"] or a["id"],
            kind=a["kind"] or "",
        )
    for m in row["members"]:
        if m["id"] in graph:  # an alliance that is itself a member of another keeps its side
            continue
        graph.add_node(
            m["id"],
            side=MEMBER,
            bipartite=0,
            label=m["label"] or "Organisation",
            name=m["name"] or m["id"],
            kind=m["kind"] or "",
        )
    for link in row["links"]:
        graph.add_edge(
            link["member"],
            link["alliance"],
            weight=float(link["weight"]),
            since=_native(link["since"]),
        )
    return graph


async def read_network(
    db: Database,
    kind: NetworkKind,
    scope_id: str | None,
    window: Window,
    scopes: list[str] | None,
    *,
    today: dt.date | None = None,
) -> nx.Graph:
    if kind == "partnership":
        return await read_partnership(db, scope_id, window, scopes, today=today)
    if kind == "units":
        return await read_unit_network(db, scope_id, window, scopes, today=today)
    return await read_alliance_network(db, scope_id, window, scopes, today=today)


async def graph_version(db: Database) -> str:
    """A cheap fingerprint of what the projections read (count store only, constant time)."""
    rows = await db.read("network/get_network_version")
    return ".".join(str(int(c)) for c in rows[0]["counts"])


async def scope_place(db: Database, place_id: str) -> dict[str, str] | None:
    """The place a network is scoped to ({id, name, label}), or None when there is none."""
    rows = await db.read("network/get_scope_place", {"scopeId": place_id})
    if not rows:
        return None
    row = rows[0]
    return {"id": str(row["id"]), "name": str(row["name"] or row["id"]), "label": str(row["label"])}
