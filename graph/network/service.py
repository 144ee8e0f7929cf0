"""Read, analyse and cache a network: what the GraphQL field calls.

The projection is one round trip; the analyses run in a worker thread so a large network
does not stall the event loop for other requests; the result is cached per graph version
(graph/network/cache.py) and per viewer scopes, so two planners asking the same question
share one computation.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass

import networkx as nx

from graph.database import Database
from graph.network.analysis import NetworkAnalysis, analyse
from graph.network.cache import VersionedCache
from graph.network.projection import graph_version, read_network
from graph.network.window import NetworkKind, Window


@dataclass(frozen=True)
class Analysed:
    graph: nx.Graph
    analysis: NetworkAnalysis
    version: str


CACHE: VersionedCache[Analysed] = VersionedCache()


async def analysed(
    db: Database,
    kind: NetworkKind,
    scope_id: str | None,
    window: Window,
    scopes: list[str] | None,
    *,
    today: dt.date | None = None,
    cache: VersionedCache[Analysed] = CACHE,
) -> Analysed:
    version = await graph_version(db)
    start, end = window.bounds(today)
    # An open end means today, so the key carries the day: tomorrow's recency differs.
    key = (kind, scope_id, start, end, None if scopes is None else tuple(sorted(scopes)))

    async def compute() -> Analysed:
        graph = await read_network(db, kind, scope_id, window, scopes, today=today)
        result = await asyncio.to_thread(analyse, graph)
        return Analysed(graph, result, version)

    return await cache.get(key, version, compute)
