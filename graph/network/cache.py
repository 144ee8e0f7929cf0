"""Analyses cached per graph version, so repeated planners' queries do not recompute.

The version is `projection.graph_version`: node and relationship counts of everything the
projections read, answered from Neo4j's count store in constant time. It was chosen over
a version node bumped by every writer because it needs no writer's cooperation (the
loader, the mutations and a hand-run Cypher all change it) and costs one round trip of a
few milliseconds. It misses edits made in place (a claim withdrawn, an agreement's end
date moved) because those change no count, so an entry also expires after `TTL_S`
seconds: a planner sees such an edit within minutes, and any added or removed link at once.

Concurrent requests for the same key share one computation.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

TTL_S = 300.0
MAX_ENTRIES = 32


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0


class VersionedCache(Generic[T]):
    def __init__(
        self,
        *,
        ttl_s: float = TTL_S,
        max_entries: int = MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self.clock = clock
        self.stats = CacheStats()
        self._done: OrderedDict[Hashable, tuple[float, T]] = OrderedDict()
        self._pending: dict[Hashable, asyncio.Future[T]] = {}

    def clear(self) -> None:
        self._done.clear()
        self._pending.clear()
        self.stats = CacheStats()

    async def get(self, key: Hashable, version: str, compute: Callable[[], Awaitable[T]]) -> T:
        """The value for (key, version), computing it once; a failed computation is not kept."""
        full = (key, version)
        entry = self._done.get(full)
        if entry is not None and self.clock() - entry[0] <= self.ttl_s:
            self._done.move_to_end(full)
            self.stats.hits += 1
            return entry[1]
        loop = asyncio.get_running_loop()
        pending = self._pending.get(full)
        if pending is not None and pending.get_loop() is loop:
            self.stats.hits += 1
            return await asyncio.shield(pending)
        self.stats.misses += 1
        future: asyncio.Future[T] = loop.create_future()
        self._pending[full] = future
        try:
            value = await compute()
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved here: only waiters that share it re-raise it
            raise
        finally:
            self._pending.pop(full, None)
        future.set_result(value)
        self._done[full] = (self.clock(), value)
        while len(self._done) > self.max_entries:
            self._done.popitem(last=False)
        return value
