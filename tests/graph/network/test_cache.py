"""The analyses cache: one computation per key and graph version, shared while running,
expired after its time, never keeping a failure."""

from __future__ import annotations

import asyncio

import pytest

from graph.network.cache import VersionedCache


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_same_version_is_computed_once_and_a_new_version_recomputes() -> None:
    cache: VersionedCache[int] = VersionedCache(ttl_s=60, clock=Clock())
    calls: list[str] = []

    async def compute() -> int:
        calls.append("computed")
        return len(calls)

    assert await cache.get("district", "v1", compute) == 1
    assert await cache.get("district", "v1", compute) == 1
    assert await cache.get("district", "v2", compute) == 2
    assert await cache.get("street", "v2", compute) == 3
    assert (cache.stats.hits, cache.stats.misses) == (1, 3)


async def test_an_entry_expires_after_its_time() -> None:
    clock = Clock()
    cache: VersionedCache[str] = VersionedCache(ttl_s=60, clock=clock)
    results = iter(["first", "second"])

    async def compute() -> str:
        return next(results)

    assert await cache.get("k", "v", compute) == "first"
    clock.now = 59
    assert await cache.get("k", "v", compute) == "first"
    clock.now = 121
    assert await cache.get("k", "v", compute) == "second"


async def test_concurrent_requests_share_one_computation() -> None:
    cache: VersionedCache[int] = VersionedCache()
    started = 0
    release = asyncio.Event()

    async def compute() -> int:
        nonlocal started
        started += 1
        await release.wait()
        return 42

    waiting = [asyncio.create_task(cache.get("k", "v", compute)) for _ in range(3)]
    await asyncio.sleep(0)
    release.set()

    assert await asyncio.gather(*waiting) == [42, 42, 42]
    assert started == 1


async def test_a_failure_is_not_kept() -> None:
    cache: VersionedCache[int] = VersionedCache()

    async def broken() -> int:
        raise RuntimeError("database went away")

    async def fine() -> int:
        return 7

    with pytest.raises(RuntimeError, match="went away"):
        await cache.get("k", "v", broken)
    assert await cache.get("k", "v", fine) == 7


async def test_the_oldest_entry_makes_room() -> None:
    cache: VersionedCache[str] = VersionedCache(max_entries=2)

    async def value() -> str:
        return "x"

    for key in ("a", "b", "c"):
        await cache.get(key, "v", value)
    await cache.get("a", "v", value)

    assert cache.stats.misses == 4  # "a" was evicted by "c"
