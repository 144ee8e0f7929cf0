"""Every analysis of one projected network, run once and kept together (网络分析结果).

`analyse(graph)` is what the GraphQL field and the report both use; each step is timed so
the benchmark and the command's progress show where the time goes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from graph.network import centrality, structure, suggest
from graph.network.window import ALLIANCE, COMMUNITY, MEMBER, UNIT

Metric = Literal["degree", "weighted_degree", "betweenness", "eigenvector", "core"]
Progress = Callable[[str, float], None]  # (step finished, seconds it took)
BROKER_SIDES = (UNIT, MEMBER)


@dataclass(frozen=True)
class NodeMetrics:
    id: str
    side: str
    label: str
    name: str
    kind: str
    degree: int
    weighted_degree: float
    betweenness: float
    eigenvector: float
    core: int
    group: int  # index into NetworkAnalysis.groups
    cut_off: int  # nodes separated from the main part if this node goes (0: not a cut point)


@dataclass(frozen=True)
class Summary:
    nodes: int
    units: int  # member units (or alliance members)
    communities: int  # communities (or alliances)
    links: int
    density: float  # links / possible links (unit × community pairs in a bipartite network)
    components: int
    largest_component: int
    isolated: int
    average_degree: float
    groups: int  # Louvain communities of two nodes or more
    modularity: float
    main_core: int  # the largest k with a non-empty k-core
    betweenness_sampled: int | None


@dataclass
class NetworkAnalysis:
    kind: str
    scope: str
    window: str
    summary: Summary
    nodes: dict[str, NodeMetrics]
    groups: list[frozenset[str]]
    cuts: list[structure.Cut]
    bridges: list[structure.Bridge]
    gaps: list[structure.Gap]
    main_core: tuple[str, ...]
    suggestions: list[suggest.Suggestion]
    timings: dict[str, float] = field(default_factory=dict)

    def ranking(
        self, metric: Metric, *, side: str | None = None, limit: int = 10
    ) -> list[NodeMetrics]:
        """Nodes by a metric, highest first, ties by name then id (stable across runs)."""
        pool = [m for m in self.nodes.values() if side is None or m.side == side]
        pool.sort(key=lambda m: (-float(getattr(m, metric)), m.name, m.id))
        return pool[:limit]

    def brokers(self, limit: int = 10) -> list[NodeMetrics]:
        """Units that hold the network together (关键枢纽): cut points first, by how much
        they would cut off, then by betweenness."""
        pool = [
            m
            for m in self.nodes.values()
            if m.side in BROKER_SIDES and (m.cut_off > 0 or m.betweenness > 0)
        ]
        pool.sort(key=lambda m: (-m.cut_off, -m.betweenness, m.name, m.id))
        return pool[:limit]


def _sides(graph: nx.Graph) -> tuple[int, int]:
    sides = [s for _, s in graph.nodes(data="side")]
    return (
        sum(1 for s in sides if s in (UNIT, MEMBER)),
        sum(1 for s in sides if s in (COMMUNITY, ALLIANCE)),
    )


def _density(graph: nx.Graph, units: int, communities: int) -> float:
    links = graph.number_of_edges()
    if units and communities and graph.graph.get("kind") in ("partnership", "alliances"):
        return float(links / (units * communities))
    return float(nx.density(graph)) if graph.number_of_nodes() > 1 else 0.0


def analyse(
    graph: nx.Graph,
    *,
    suggestions: int = suggest.LIMIT,
    on_step: Progress | None = None,
) -> NetworkAnalysis:
    timings: dict[str, float] = {}

    def step(name: str, started: float) -> None:
        timings[name] = time.perf_counter() - started
        if on_step is not None:
            on_step(name, timings[name])

    t = time.perf_counter()
    degree = centrality.degree(graph)
    strength = centrality.weighted_degree(graph)
    step("degree", t)
    t = time.perf_counter()
    between = centrality.betweenness(graph)
    step("betweenness", t)
    t = time.perf_counter()
    eigen = centrality.eigenvector(graph)
    step("eigenvector", t)
    t = time.perf_counter()
    groups = structure.louvain(graph)
    modularity = structure.modularity(graph, groups)
    step("louvain", t)
    t = time.perf_counter()
    cuts, bridges = structure.cuts_and_bridges(graph)
    step("cuts_and_bridges", t)
    t = time.perf_counter()
    core = centrality.core_numbers(graph)
    step("k_core", t)
    t = time.perf_counter()
    gaps = structure.gaps(graph)
    step("gaps", t)
    t = time.perf_counter()
    suggested = (
        suggest.suggest(graph, limit=suggestions)
        if graph.graph.get("kind") == "partnership"
        else []
    )
    step("suggestions", t)

    group_of = {n: i for i, part in enumerate(groups) for n in part}
    cut_off = {c.node: c.cut_off for c in cuts}
    nodes = {
        str(n): NodeMetrics(
            id=str(n),
            side=str(a.get("side", "")),
            label=str(a.get("label", "")),
            name=str(a.get("name", n)),
            kind=str(a.get("kind", "")),
            degree=degree[n],
            weighted_degree=strength[n],
            betweenness=between.values.get(n, 0.0),
            eigenvector=eigen.get(n, 0.0),
            core=core.get(n, 0),
            group=group_of.get(n, -1),
            cut_off=cut_off.get(str(n), 0),
        )
        for n, a in graph.nodes(data=True)
    }
    units, communities = _sides(graph)
    components = list(nx.connected_components(graph)) if graph.number_of_nodes() else []
    k_max = max(core.values(), default=0)
    summary = Summary(
        nodes=graph.number_of_nodes(),
        units=units,
        communities=communities,
        links=graph.number_of_edges(),
        density=_density(graph, units, communities),
        components=len(components),
        largest_component=max((len(c) for c in components), default=0),
        isolated=sum(1 for d in degree.values() if d == 0),
        average_degree=(2 * graph.number_of_edges() / graph.number_of_nodes())
        if graph.number_of_nodes()
        else 0.0,
        groups=sum(1 for g in groups if len(g) > 1),
        modularity=modularity,
        main_core=k_max,
        betweenness_sampled=between.sampled,
    )
    return NetworkAnalysis(
        kind=str(graph.graph.get("kind", "")),
        scope=str(graph.graph.get("scope", "")),
        window=str(graph.graph.get("window", "")),
        summary=summary,
        nodes=nodes,
        groups=groups,
        cuts=cuts,
        bridges=bridges,
        gaps=gaps,
        main_core=tuple(sorted(n for n, k in core.items() if k == k_max and k > 0)),
        suggestions=suggested,
        timings=timings,
    )
