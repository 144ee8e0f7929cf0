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
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
from neo4j import GraphDatabase

from gridlink.config import PROJECT_ROOT, STATE_DIR
from gridlink.neo4j_local import LocalNeo4j, read_pid, start, stop

BIN = Path(sys.executable).parent
RESULTS = PROJECT_ROOT / "benchmarks" / "results"


def token_headers(env: dict[str, str], *args: str) -> dict[str, str]:
    """Authorization headers with a token `gridlink token ARGS` signs in `env`."""
    token = subprocess.run(
        [str(BIN / "gridlink"), "token", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return {"authorization": f"Bearer {token}"}


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


def load_generator() -> str:
    """What `load` drives requests with: wrk (C, from Debian's packages) when installed,
    else benchmarks/loadgen.py; BENCH_LOADGEN=loadgen.py forces the latter. wrk spends about 0.03 ms of CPU a request where the Python
    generator (httpx) spends 1.6-1.8: on two cores shared by the generator, the server and
    Neo4j, the Python one took as much CPU as the server it measured and moved every
    throughput figure with its own cost (benchmarks/README.md, issue 9)."""
    if os.environ.get("BENCH_LOADGEN") == "loadgen.py":
        return "loadgen.py"
    return "wrk" if shutil.which("wrk") else "loadgen.py"


def load_generator_version() -> str:
    """The load generator as the results name it: wrk's version line, or loadgen.py (httpx)."""
    if load_generator() != "wrk":
        return "loadgen.py (httpx)"
    # wrk prints its version with the usage text, on stderr, and exits 1.
    done = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    first = (done.stdout or done.stderr).splitlines()
    return first[0].split(" Copyright")[0].strip() + ", 1 thread" if first else "wrk"


def ensure_wrk() -> None:
    """Install Debian's wrk for the load (as root, with apt-get); say so when it cannot be."""
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("[bench] installing Debian's wrk for the load (apt-get) ...", file=sys.stderr)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
        )
    else:
        print(
            "[bench] wrk is missing and apt-get needs root: the Python load generator is "
            "used, whose own CPU shares the machine with what it measures.",
            file=sys.stderr,
        )


# wrk's script: the request, a check of every answer (HTTP 200 and no GraphQL `errors`),
# a stop after the request budget, and one JSON line of figures at the end.
_WRK_SCRIPT = """
local ffi = require("ffi")
ffi.cdef[[
typedef struct {{ long tv_sec; long tv_nsec; }} gl_timespec;
int clock_gettime(int clock, gl_timespec *t);
]]
local function now()
  local t = ffi.new("gl_timespec")
  ffi.C.clock_gettime(1, t)  -- CLOCK_MONOTONIC
  return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end
wrk.method = "POST"
wrk.body = {body}
wrk.headers["content-type"] = "application/json"
{headers}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) seen = 0; bad = 0; first = ""; started = now(); stopped = 0 end
function response(status, headers, body)
  seen = seen + 1
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    bad = bad + 1
    if first == "" then first = string.sub(body, 1, 200) end
  end
  if seen >= {budget} and stopped == 0 then
    stopped = now() - started
    wrk.thread:stop()
  end
end
function done(summary, latency, requests)
  -- wrk runs for the whole duration even when the budget stopped the thread earlier:
  -- the rate is over the time the thread ran.
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  local sample, seconds = "", summary.duration / 1e6
  for _, t in ipairs(threads) do
    errors = errors + t:get("bad")
    if sample == "" then sample = t:get("first") end
    if t:get("stopped") > 0 then seconds = t:get("stopped") end
  end
  io.write(string.format(
    'WRK {{"count": %d, "errors": %d, "p50_ms": %.2f, "p99_ms": %.2f, "mean_ms": %.2f, "throughput_rps": %.1f}}\\n',
    summary.requests, errors, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, summary.requests / seconds))
  io.write("FIRST_ERROR " .. sample .. "\\n")
end
"""


def _lua_string(text: str) -> str:
    # Lua's long brackets take the text as it is (UTF-8 included, no escapes), closed by a
    # level of `=` that the text itself never uses. (A leading newline would be dropped:
    # bodies here start with `{`.)
    level = "=" * (max((len(m) for m in re.findall(r"\](=*)\]", text)), default=-1) + 1)
    return f"[{level}[{text}]{level}]"


def _load_wrk(spec: dict[str, Any]) -> dict[str, Any]:
    headers = "\n".join(
        f"wrk.headers[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in spec["headers"].items()
    )
    script = STATE_DIR / f"wrk-{os.getpid()}.lua"
    script.write_text(
        _WRK_SCRIPT.format(
            body=_lua_string(json.dumps(spec["body"], ensure_ascii=False)),
            headers=headers,
            budget=int(spec["requests"]),
        ),
        encoding="utf-8",
    )
    try:
        done = subprocess.run(
            [
                "wrk",
                "--threads",
                "1",
                "--connections",
                str(spec["concurrency"]),
                "--duration",
                f"{max(1, round(float(spec['seconds'])))}s",
                "--timeout",
                "60s",
                "--script",
                str(script),
                spec["url"],
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        script.unlink(missing_ok=True)
    out = done.stdout
    if "WRK " not in out or done.stderr.strip():
        raise RuntimeError(f"wrk: {done.stderr.strip() or out}")
    figures = dict(json.loads(out.split("WRK ", 1)[1].splitlines()[0]))
    sample = out.split("FIRST_ERROR ", 1)[1].rstrip("\n")
    figures["first_error"] = sample or None
    return figures


def load(
    url: str,
    body: dict[str, Any],
    concurrency: int,
    requests: int,
    seconds: float,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """`concurrency` clients sending `body` until `requests` answers or `seconds` have
    passed, from a load generator in its own process (`load_generator()`); its summary:
    count, errors, p50/p99/mean ms, throughput, and the generator's own CPU per request."""
    if urlparse(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"load: only loopback targets, not {url}")
    spec = {
        "url": url,
        "body": body,
        "concurrency": concurrency,
        "requests": requests,
        "seconds": seconds,
        "headers": headers or {},
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if load_generator() == "wrk":
        figures = _load_wrk(spec)
    else:
        spec_file = STATE_DIR / f"loadgen-{os.getpid()}.json"
        spec_file.write_text(json.dumps(spec))
        out = subprocess.run(
            [sys.executable, str(PROJECT_ROOT / "benchmarks" / "loadgen.py"), str(spec_file)],
            capture_output=True,
            text=True,
            check=True,
        )
        spec_file.unlink(missing_ok=True)
        figures = dict(json.loads(out.stdout))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    figures["generator_cpu_ms"] = round(1000 * spent / max(1, int(figures["count"])), 3)
    return figures


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
