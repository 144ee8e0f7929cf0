"""The network's structure: communities of partners, cut points, bridges and gaps.

Pure functions of an undirected networkx graph. Cut points and bridges come from one
depth-first search (Hopcroft–Tarjan) that also measures what each cut would separate, so
a planner sees not only that a unit holds the network together but how much hangs on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from graph.network.window import COMMUNITY

LOUVAIN_SEED = 42
WEAK_WEIGHT = 1.0  # less than one fresh link's worth of partnership


@dataclass(frozen=True)
class Cut:
    """A node whose loss splits its part of the network (割点)."""

    node: str
    pieces: tuple[int, ...]  # sizes of the parts left behind, largest first

    @property
    def cut_off(self) -> int:
        """Nodes that lose touch with the largest remaining part."""
        return sum(self.pieces) - self.pieces[0]


@dataclass(frozen=True)
class Bridge:
    """A link whose loss splits its part of the network (桥)."""

    a: str
    b: str
    cut_off: int  # nodes on the smaller side


@dataclass(frozen=True)
class Gap:
    """A community left out (孤立) or hanging on one thin tie (服务薄弱)."""

    community: str
    kind: Literal["isolated", "weakly_served"]
    partners: int
    weighted_degree: float
    open_needs: int


def louvain(
    graph: nx.Graph, *, seed: int = LOUVAIN_SEED, resolution: float = 1.0
) -> list[frozenset[str]]:
    """Louvain communities (社群) on link weights, seeded so a run repeats exactly; largest
    first, ties by their smallest id."""
    if graph.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(
        graph, weight="weight", seed=seed, resolution=resolution
    )
    return sorted((frozenset(p) for p in parts), key=lambda p: (-len(p), min(p)))


def modularity(graph: nx.Graph, parts: list[frozenset[str]]) -> float:
    if graph.number_of_edges() == 0 or not parts:
        return 0.0
    return float(nx.community.modularity(graph, parts, weight="weight"))


def cuts_and_bridges(graph: nx.Graph) -> tuple[list[Cut], list[Bridge]]:
    """Articulation points with the pieces they leave, and bridges with their smaller side.

    Most severe first (most nodes cut off), ties by id, so rankings are stable.
    """
    disc: dict[Any, int] = {}
    low: dict[Any, int] = {}
    size: dict[Any, int] = {}
    cuts: list[Cut] = []
    bridges: list[Bridge] = []
    clock = 0
    for root in graph.nodes:
        if root in disc:
            continue
        disc[root] = low[root] = clock
        clock += 1
        size[root] = 1
        splits: dict[Any, list[int]] = {}
        found: list[tuple[Any, Any]] = []
        stack: list[tuple[Any, Any, Iterator[Any]]] = [(root, None, iter(graph[root]))]
        while stack:
            node, parent, neighbours = stack[-1]
            descended = False
            for other in neighbours:
                if other == parent:
                    continue
                if other in disc:
                    low[node] = min(low[node], disc[other])
                    continue
                disc[other] = low[other] = clock
                clock += 1
                size[other] = 1
                stack.append((other, node, iter(graph[other])))
                descended = True
                break
            if descended:
                continue
            stack.pop()
            if parent is None:
                continue
            low[parent] = min(low[parent], low[node])
            size[parent] += size[node]
            if low[node] >= disc[parent]:
                splits.setdefault(parent, []).append(size[node])
            if low[node] > disc[parent]:
                found.append((parent, node))
        whole = size[root]
        for node, parts in splits.items():
            if node == root:
                if len(parts) >= 2:  # the root cuts only when it has two subtrees or more
                    cuts.append(Cut(str(node), tuple(sorted(parts, reverse=True))))
            else:
                rest = whole - 1 - sum(parts)
                cuts.append(Cut(str(node), tuple(sorted([*parts, rest], reverse=True))))
        for parent, child in found:
            a, b = sorted((str(parent), str(child)))
            bridges.append(Bridge(a, b, min(size[child], whole - size[child])))
    cuts.sort(key=lambda c: (-c.cut_off, c.node))
    bridges.sort(key=lambda b: (-b.cut_off, b.a, b.b))
    return cuts, bridges


def gaps(graph: nx.Graph, *, weak_weight: float = WEAK_WEIGHT) -> list[Gap]:
    """Communities with no partner at all, or with one partner only or little partnership
    weight; isolated first, then the ones with more open needs, then the thinner ties."""
    out: list[Gap] = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("side") != COMMUNITY:
            continue
        partners = graph.degree(node)
        strength = float(graph.degree(node, weight="weight"))
        needs = len(attrs.get("open_needs") or ())
        if partners == 0:
            out.append(Gap(str(node), "isolated", 0, 0.0, needs))
        elif partners == 1 or strength < weak_weight:
            out.append(Gap(str(node), "weakly_served", int(partners), strength, needs))
    out.sort(key=lambda g: (g.kind != "isolated", -g.open_needs, g.weighted_degree, g.community))
    return out
