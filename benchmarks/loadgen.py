"""A bounded GraphQL load generator, run in its own process on loopback: the fallback of
benchmarks/harness.py `load` where wrk is not installed (it costs the machine far more CPU a
request than wrk does).

    python benchmarks/loadgen.py SPEC.json

SPEC: {"url", "headers", "body" (a GraphQL request), "concurrency", "requests", "seconds"}.
Sends `body` from `concurrency` clients until `requests` have been sent or `seconds` have
passed (whichever comes first), and prints one JSON line: count, errors, p50/p99 (ms),
throughput (requests/s). Only loopback URLs are accepted.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from typing import Any
from urllib.parse import urlparse

import httpx


def percentile(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return float("nan")
    k = max(0, min(len(sorted_ms) - 1, round(p / 100 * (len(sorted_ms) - 1))))
    return sorted_ms[k]


async def run(spec: dict[str, Any]) -> dict[str, Any]:
    host = urlparse(spec["url"]).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"loadgen: only loopback targets, not {host}")
    concurrency = int(spec["concurrency"])
    budget = int(spec["requests"])
    deadline = time.monotonic() + float(spec["seconds"])
    latencies: list[float] = []
    errors: list[str] = []
    sent = 0

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal sent
        while sent < budget and time.monotonic() < deadline:
            sent += 1
            t0 = time.perf_counter()
            try:
                response = await http.post(
                    spec["url"], json=spec["body"], headers=spec.get("headers", {})
                )
                ok = response.status_code == 200 and "errors" not in response.json()
                if not ok:
                    errors.append(response.text[:200])
            except httpx.HTTPError as exc:
                errors.append(repr(exc))
            latencies.append((time.perf_counter() - t0) * 1000)

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=60) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "count": len(latencies),
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        "p50_ms": round(percentile(latencies, 50), 2),
        "p99_ms": round(percentile(latencies, 99), 2),
        "mean_ms": round(statistics.fmean(latencies), 2) if latencies else None,
        "throughput_rps": round(len(latencies) / elapsed, 1) if elapsed else None,
    }


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        print(json.dumps(asyncio.run(run(json.load(fh)))))
