"""Centrality measures: pure functions of an undirected networkx graph.

Betweenness counts shortest paths by hops, not by weight: a link's weight says how strong a
partnership is, not how far apart two partners are, so turning it into a distance would
invent a meaning. Past `EXACT_LIMIT` nodes betweenness is estimated from `SAMPLES` source
nodes drawn with a fixed seed (Brandes' pivots), so a large network still answers in
seconds and gives the same answer every time.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

EXACT_LIMIT = 1500
SAMPLES = 300
SEED = 42


@dataclass(frozen=True)
class Betweenness:
    values: dict[str, float]
    sampled: int | None  # source nodes sampled, or None when exact


def degree(graph: nx.Graph) -> dict[str, int]:
    """How many partners each node has (度)."""
    return {n: int(d) for n, d in graph.degree()}


def weighted_degree(graph: nx.Graph) -> dict[str, float]:
    """The sum of a node's link weights (加权度): how much partnership it carries."""
    return {n: float(d) for n, d in graph.degree(weight="weight")}


def betweenness(
    graph: nx.Graph,
    *,
    exact_limit: int = EXACT_LIMIT,
    samples: int = SAMPLES,
    seed: int = SEED,
) -> Betweenness:
    """Share of shortest paths between other nodes passing through each node (中介中心性),
    normalised to 0..1 (the centre of a star is 1)."""
    n = graph.number_of_nodes()
    if n <= exact_limit or samples >= n:
        values = nx.betweenness_centrality(graph, normalized=True)
        return Betweenness({k: float(v) for k, v in values.items()}, None)
    values = nx.betweenness_centrality(graph, k=samples, normalized=True, seed=seed)
    return Betweenness({k: float(v) for k, v in values.items()}, samples)


def eigenvector(graph: nx.Graph, *, tol: float = 1e-9, max_iter: int = 20_000) -> dict[str, float]:
    """Eigenvector centrality on link weights (特征向量中心性): well connected to the well
    connected. The power iteration runs on A + I, as networkx's does, which converges on
    bipartite graphs too (A alone oscillates there); nodes outside the dominant component
    end near zero, as they should. Written over numpy edge arrays: networkx's dictionary
    iteration needs ~20 s on a city's network, whose tree-like shape converges slowly."""
    nodes = list(graph.nodes)
    n = len(nodes)
    if graph.number_of_edges() == 0:
        return dict.fromkeys(nodes, 0.0)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[a], index[b], float(w)) for a, b, w in graph.edges(data="weight", default=1.0)]
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    weight = np.array([e[2] for e in edges], dtype=np.float64)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + np.bincount(src, weight * last[dst], n) + np.bincount(dst, weight * last[src], n)
        x = x / (np.linalg.norm(x) or 1.0)
        if float(np.abs(x - last).sum()) < n * tol:
            break
    return {node: round(float(x[i]), 12) for node, i in index.items()}


def core_numbers(graph: nx.Graph) -> dict[str, int]:
    """The largest k such that the node lies in a k-core (k-核): a subnetwork where every
    node has at least k partners inside it."""
    plain = nx.Graph(graph)
    plain.remove_edges_from(list(nx.selfloop_edges(plain)))
    return {k: int(v) for k, v in nx.core_number(plain).items()}
