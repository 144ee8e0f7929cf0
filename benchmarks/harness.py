"""Shared pieces of the benchmark scripts: a Neo4j of the benchmarks' own with a preset
loaded once, services started on loopback, PROFILE db hits, result files.

Benchmarks never touch the developer's or the tests' Neo4j: they run their own on
BENCH_NEO4J_PORT (default 7790) with data under .gridlink/neo4j/bench-<preset>-<seed>.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from neo4j import GraphDatabase

from gridlink.config import PROJECT_ROOT, STATE_DIR
from gridlink.neo4j_local import LocalNeo4j, read_pid, start, stop

BIN = Path(sys.executable).parent
RESULTS = PROJECT_ROOT / "benchmarks" / "results"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def preset_dir(preset: str, seed: int) -> Path:
    """Generate the preset once (deterministic: same seed, same bytes) and reuse it."""
    out = STATE_DIR / "datasets" / f"{preset}-{seed}"
    if not (out / ".complete").exists():
        t0 = time.monotonic()
        subprocess.run(
            [
                str(BIN / "gridlink"),
                "generate",
                "--preset",
                preset,
                "--seed",
                str(seed),
                "--out",
                str(out),
            ],
            check=True,
        )
        (out / ".complete").write_text(f"{time.monotonic() - t0:.1f}s\n")
    return out


@contextmanager
def bench_neo4j(
    preset: str, seed: int, heap: str = "4g", pagecache_mb: int = 2048
) -> Iterator[LocalNeo4j]:
    """A Neo4j holding the preset: loaded once, reused by later runs (a marker records it)."""
    port = int(os.environ.get("BENCH_NEO4J_PORT", "7790"))
    inst = LocalNeo4j(
        port=port,
        home=STATE_DIR / "neo4j" / f"bench-{preset}-{seed}",
        heap=heap,
        pagecache_mb=pagecache_mb,
        tx_timeout_s=300,
    )
    marker = inst.data_dir / "gridlink-loaded"
    # One already running on this data (left by an earlier run, or started by hand) is
    # used and left running; only one started here is stopped here.
    started = read_pid(inst) is None
    start(inst)
    try:
        if not marker.exists():
            data = preset_dir(preset, seed)
            env = {**os.environ, "NEO4J_URI": inst.uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": ""}
            subprocess.run([str(BIN / "gridlink"), "migrate"], check=True, env=env)
            subprocess.run([str(BIN / "gridlink"), "load", str(data)], check=True, env=env)
            marker.write_text(f"{preset} seed {seed}\n")
        yield inst
    finally:
        if started:
            stop(inst)


def wait_http(url: str, proc: subprocess.Popen[Any], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up in {timeout}s")


@contextmanager
def process(
    args: list[str],
    env: dict[str, str],
    ready_url: str,
    cwd: Path | None = None,
    log: Path | None = None,
) -> Iterator[subprocess.Popen[Any]]:
    out = log.open("w") if log else subprocess.DEVNULL
    proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_http(ready_url, proc)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def load(
    url: str,
    body: dict[str, Any],
    concurrency: int,
    requests: int,
    seconds: float,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Run benchmarks/loadgen.py in its own process; its JSON summary."""
    spec = {
        "url": url,
        "body": body,
        "concurrency": concurrency,
        "requests": requests,
        "seconds": seconds,
        "headers": headers or {},
    }
    spec_file = STATE_DIR / f"loadgen-{os.getpid()}.json"
    spec_file.write_text(json.dumps(spec))
    out = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "benchmarks" / "loadgen.py"), str(spec_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    spec_file.unlink(missing_ok=True)
    return dict(json.loads(out.stdout))


def db_hits(uri: str, statements: list[tuple[str, dict[str, Any]]]) -> int:
    """Sum of PROFILE db hits over statements run as they were sent (in a rolled-back tx)."""
    total = 0
    with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        for text, params in statements:
            body = text
            prefix = ""
            if body.lstrip().upper().startswith("CYPHER 5"):
                prefix, body = "CYPHER 5 ", body.lstrip()[len("CYPHER 5") :]
            tx = session.begin_transaction()
            try:
                summary = tx.run(prefix + "PROFILE " + body, params).consume()  # type: ignore[arg-type]
                total += _sum_hits(summary.profile or {})
            finally:
                tx.rollback()  # a profiled write must not change the benchmark's data
    return total


def _sum_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_sum_hits(c) for c in plan.get("children", []))


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "node": subprocess.run(
            ["node", "--version"], capture_output=True, text=True
        ).stdout.strip(),
    }


def write_result(name: str, result: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return path


def run_async(coro: Any) -> Any:
    return asyncio.run(coro)
