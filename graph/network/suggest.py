"""Suggested new partnerships (推荐共建): link prediction on the unit–community network.

In a bipartite network a unit and a community never share a neighbour, so the classic
common-neighbour scores are taken along paths of length three: unit U – community C' –
unit U' – community C, read "U already works with C' alongside U', and U' also serves C".
Each such path is evidence, weighted by how selective its middle nodes are:

- resource allocation (资源分配指数): sum of 1 / (k(C') · k(U'))
- Adamic–Adar: sum of 1 / log(k(C') · k(U'))

where k is a node's number of partners. k(C') and k(U') are at least 2 on such a path, so
the log is positive. Every suggestion keeps the paths that justify it (the shared
neighbours) and the community's open needs (需求) whose category the unit's active
resources (资源) cover, the category or one of its ancestors.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from graph.network.window import COMMUNITY, UNIT

Method = Literal["resource_allocation", "adamic_adar"]
LIMIT = 20
EVIDENCE_LIMIT = 5


@dataclass(frozen=True)
class Evidence:
    """One path U – via_community – via_unit – C behind a suggestion."""

    via_community: str
    via_unit: str
    contribution: float


@dataclass(frozen=True)
class Suggestion:
    unit: str
    community: str
    score: float
    method: Method
    paths: int  # how many paths support it (the evidence list keeps the strongest)
    evidence: tuple[Evidence, ...]
    fitting_needs: tuple[dict[str, Any], ...]


def _contribution(method: Method, k_via_community: int, k_via_unit: int) -> float:
    product = k_via_community * k_via_unit
    if method == "resource_allocation":
        return 1.0 / product
    return 1.0 / math.log(product)


def fitting_needs(graph: nx.Graph, unit: str, community: str) -> list[dict[str, Any]]:
    """The community's open needs whose category (or an ancestor) the unit offers."""
    offered = set(graph.nodes[unit].get("resource_categories") or ())
    if not offered:
        return []
    return [
        need
        for need in graph.nodes[community].get("open_needs") or ()
        if offered.intersection(need.get("categories") or ())
    ]


def _evidence(graph: nx.Graph, unit: str, community: str, method: Method) -> list[Evidence]:
    """The paths unit – C' – U' – community, strongest first."""
    found = [
        Evidence(
            via_community,
            via_unit,
            _contribution(method, graph.degree(via_community), graph.degree(via_unit)),
        )
        for via_community in graph[unit]
        for via_unit in graph[via_community]
        if via_unit != unit and graph.has_edge(via_unit, community)
    ]
    return sorted(found, key=lambda e: (-e.contribution, e.via_community, e.via_unit))


def suggest(
    graph: nx.Graph,
    *,
    method: Method = "resource_allocation",
    limit: int = LIMIT,
    evidence_limit: int = EVIDENCE_LIMIT,
) -> list[Suggestion]:
    """The best `limit` unit–community pairs not yet linked, best first (score, then the
    number of fitting needs, then ids)."""
    side = nx.get_node_attributes(graph, "side")
    scores: dict[tuple[str, str], float] = defaultdict(float)
    # Scores first, evidence only for the few pairs kept: a city has ~10^6 candidate pairs.
    for unit in sorted(n for n, s in side.items() if s == UNIT):
        partners = graph[unit]
        for via_community in partners:
            k_c = graph.degree(via_community)
            for via_unit in graph[via_community]:
                if via_unit == unit or side.get(via_unit) != UNIT:
                    continue
                share = _contribution(method, k_c, graph.degree(via_unit))
                for community in graph[via_unit]:
                    if community not in partners and side.get(community) == COMMUNITY:
                        scores[(unit, community)] += share
    # Keep a margin beyond `limit` so the fitting-needs tie-break can reorder equal scores.
    head = heapq.nsmallest(limit * 4, scores.items(), key=lambda kv: (-round(kv[1], 12), kv[0]))
    ranked: list[Suggestion] = []
    for (unit, community), score in head:
        evidence = _evidence(graph, unit, community, method)
        ranked.append(
            Suggestion(
                unit=unit,
                community=community,
                score=score,
                method=method,
                paths=len(evidence),
                evidence=tuple(evidence[:evidence_limit]),
                fitting_needs=tuple(fitting_needs(graph, unit, community)),
            )
        )
    ranked.sort(key=lambda s: (-round(s.score, 12), -len(s.fitting_needs), s.unit, s.community))
    return ranked[:limit]
