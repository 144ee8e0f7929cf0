"""CPU per request, server, Neo4j and load generator apart: where each side spends it.

    ./run bench server_cpu [--only 2] [--seconds 8] [--rounds 2] [--uri bolt://...]

Throughput on a 2-core machine is decided by CPU: the load generator, the server and Neo4j
share the cores, so req/s moves with whatever else runs. CPU seconds per request do not,
and they say which process a change should target. For each operation of
benchmarks/compare.py this starts, over the same Neo4j (the preset, as compare.py loads
it): gridlink (one uvicorn worker), gridlink with GRIDLINK_GC_FREEZE=0 (the garbage
collector walking start-up's objects, gridlink/app.py), and the peer (@neo4j/graphql,
benchmarks/peer/). It warms each, then measures them in turn for `--rounds` rounds at 8
clients, reading each process's user+system CPU from /proc before and after. Prints and
writes benchmarks/results/server-cpu-<preset>.json: per side and operation, the median over
rounds of server CPU ms/request, Neo4j CPU ms/request, the load generator's CPU
ms/request and req/s. BENCH_LOADGEN=loadgen.py measures with the Python generator instead of
wrk (benchmarks/harness.py `load_generator`).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.compare import (
    PEER_DIR,
    admin_auth,
    existing,
    gridlink_command,
    operations,
    pick_ids,
    remove_written,
    service_env,
    versions,
)
from benchmarks.harness import (
    bench_neo4j,
    ensure_wrk,
    free_port,
    load,
    load_generator_version,
    machine,
    process,
    write_result,
)
from gridlink.config import STATE_DIR

CLIENTS = 8


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (/proc/PID/stat fields 14 and 15)."""
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def neo4j_pid(home: Path) -> int:
    """The Neo4j JVM: the one whose command line names the benchmarks' Neo4j home (with
    --uri too, which is expected to be that Neo4j, left running by an earlier run)."""
    found = subprocess.run(["pgrep", "-f", str(home)], capture_output=True, text=True).stdout
    pids = [int(p) for p in found.split()]
    if not pids:
        raise SystemExit(f"no Neo4j process running from {home}")
    return max(pids, key=cpu_seconds)  # the JVM, not a wrapper script


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="city")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--uri", help="a Neo4j already holding the preset")
    parser.add_argument("--only", type=int, nargs="*", help="operation numbers (1-5)")
    parser.add_argument(
        "--no-save", action="store_true", help="print the figures only: keep benchmarks/results/"
    )
    args = parser.parse_args()

    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PEER_DIR, check=True
    )
    ensure_wrk()
    home = STATE_DIR / "neo4j" / f"bench-{args.preset}-{args.seed}"
    with existing(args.uri) if args.uri else bench_neo4j(args.preset, args.seed) as neo:
        remove_written(neo.uri)
        java = neo4j_pid(home)
        ids = pick_ids(neo.uri)
        env = {**service_env(neo.uri, os.urandom(24).hex()), "GRIDLINK_SEED": "0"}
        auth = admin_auth(env)
        sides: dict[str, tuple[Any, str, dict[str, str]]] = {}
        with ExitStack() as stack:
            for name, extra in (
                ("gridlink", {}),
                ("gridlink, no gc freeze", {"GRIDLINK_GC_FREEZE": "0"}),
            ):
                port = free_port()
                proc = stack.enter_context(
                    process(
                        gridlink_command(port),
                        env={**env, **extra},
                        ready_url=f"http://127.0.0.1:{port}/healthz",
                    )
                )
                sides[name] = (proc, f"http://127.0.0.1:{port}/graphql", auth)
            port, admin = free_port(), free_port()
            peer = stack.enter_context(
                process(
                    ["node", "server.mjs"],
                    env={**env, "PORT": str(port), "ADMIN_PORT": str(admin)},
                    cwd=PEER_DIR,
                    ready_url=f"http://127.0.0.1:{admin}/__captured",
                )
            )
            sides["peer"] = (peer, f"http://127.0.0.1:{port}/", {})
            ops = operations(ids)
            chosen = args.only or list(range(1, len(ops) + 1))
            rows = []
            for number in chosen:
                op = ops[number - 1]
                samples: dict[str, list[tuple[float, float, float, float]]] = {s: [] for s in sides}
                for name, (_, url, headers) in sides.items():
                    body = op["peer"] if name == "peer" else op["gridlink"]
                    load(url, body, CLIENTS, 100_000, 3, headers)  # warm
                for _ in range(args.rounds):
                    for name, (proc, url, headers) in sides.items():
                        body = op["peer"] if name == "peer" else op["gridlink"]
                        s0, j0 = cpu_seconds(proc.pid), cpu_seconds(java)
                        result = load(url, body, CLIENTS, 100_000, args.seconds, headers)
                        s1, j1 = cpu_seconds(proc.pid), cpu_seconds(java)
                        n = max(1, int(result["count"]))
                        samples[name].append(
                            (
                                1000 * (s1 - s0) / n,
                                1000 * (j1 - j0) / n,
                                result["throughput_rps"],
                                result["generator_cpu_ms"],
                            )
                        )
                remove_written(neo.uri)
                row: dict[str, Any] = {"operation": op["name"], "sides": {}}
                for name, got in samples.items():
                    server, graph, rps, generator = (
                        statistics.median(x) for x in zip(*got, strict=True)
                    )
                    row["sides"][name] = {
                        "server_cpu_ms": round(server, 2),
                        "neo4j_cpu_ms": round(graph, 2),
                        "generator_cpu_ms": round(generator, 3),
                        "req_per_s": round(rps, 1),
                    }
                    print(
                        f"{op['name'][:40]:40} {name:24} server {server:6.2f} ms  "
                        f"neo4j {graph:6.2f} ms  load generator {generator:6.3f} ms  "
                        f"{rps:7.1f} req/s",
                        flush=True,
                    )
                rows.append(row)
            stack_versions = versions(neo.uri)
    result = {
        "command": "./run bench server_cpu " + " ".join(sys.argv[1:]),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": stack_versions,
        "clients": CLIENTS,
        "load generator": load_generator_version(),
        "seconds": args.seconds,
        "rounds": args.rounds,
        "operations": rows,
    }
    if not args.no_save:
        print(f"wrote {write_result(f'server-cpu-{args.preset}', result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
