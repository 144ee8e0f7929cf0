"""Where gridlink's time goes for the nested list (street > communities > grids > workers).

    .venv/bin/python benchmarks/profile_nested.py [--preset city] [--seed 1] [--runs 20]
        [--uri bolt://127.0.0.1:7705] [--no-save]

Runs the operation in-process, through the service's schema and extensions (HTTP aside),
against the benchmarks' Neo4j (benchmarks/harness.py, or the one --uri names), and splits
each run's wall time into: Cypher (time inside graph.database reads: the driver, the
network and Neo4j itself), GraphQL execution (the rest of strawberry's execute), and
serialisation (json.dumps of the result). CPU decides throughput
when the server shares its cores with Neo4j, so it also reports the process CPU per run,
the same with every read answered from memory (Python's own share), and the Python
function calls per run both ways: call counts stay put on a busy machine where times do
not. Then cProfile's top functions by own time, so the next step to make it faster is
visible. Writes benchmarks/results/profile-nested-<preset>.json unless --no-save.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.compare import operations, pick_ids
from benchmarks.harness import bench_neo4j, write_result
from graph import database
from graph.database import Database
from gridlink.config import from_env
from schema.api import build_schema
from schema.core.context import Context
from schema.core.policy import request_policy
from schema.core.viewer import SYSTEM

# The service's schema as `gridlink serve` builds it (its extensions, and so its cache of
# parsed and validated documents), with the limits compare.py raises for this operation.
os.environ.setdefault("GRIDLINK_MAX_DEPTH", "12")
os.environ.setdefault("GRIDLINK_MAX_COST", "10000000")
SETTINGS = from_env()
SCHEMA = build_schema(request_policy(SETTINGS))


async def execute(db: Database, query: str, variables: dict[str, Any]) -> Any:
    """One operation as the service runs it, minus HTTP (so the document is parsed and
    validated once, as the service's cache keeps it)."""
    context = Context(db=db, viewer=SYSTEM, request_id="profile", settings=SETTINGS)
    return await SCHEMA.execute(query, variable_values=variables, context_value=context)


CYPHER_SECONDS = [0.0]
MEMO: dict[tuple[str, str], Any] = {}


def _timed(fn: Any) -> Any:
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return await fn(*args, **kwargs)
        finally:
            CYPHER_SECONDS[0] += time.perf_counter() - t0

    return wrapper


def _memoised(fn: Any) -> Any:
    """db.read answering from the answers it gave before: what is left is Python's own work
    (strawberry, graphql-core, schema/, graph/nodes.py), without the driver or Neo4j."""

    async def wrapper(self: Any, name: str, params: Any = None, **options: Any) -> Any:
        key = (name, json.dumps(params, sort_keys=True, default=str))
        if key not in MEMO:
            MEMO[key] = await fn(self, name, params, **options)
        await asyncio.sleep(0)  # still a suspension point, as a real read is
        return MEMO[key]

    return wrapper


async def _calls(db: Database, op: dict[str, Any], runs: int) -> tuple[int, str]:
    """Python function calls per run (cProfile's count: steady where times are noisy on a
    shared machine) and the profile's top functions by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        await execute(db, op["query"], op["variables"])
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(15)
    return round(stats.total_calls / runs), out.getvalue()  # type: ignore[attr-defined]


async def measure(uri: str, op: dict[str, Any], runs: int) -> dict[str, Any]:
    # Reads go through Database.read (auto-commit) and read_tx (transactions): time both.
    # Concurrent loaders overlap their Cypher; wall time inside the driver is what we sum.
    real_read = database.Database.read
    database.Database.read = _timed(real_read)  # type: ignore[method-assign]
    database.Database.read_tx = _timed(database.Database.read_tx)  # type: ignore[method-assign]
    db = Database(uri, "neo4j", "", "neo4j", auth=False)
    totals, cpu, cypher, serial = [], [], [], []
    try:
        await execute(db, op["query"], op["variables"])  # warm caches and the pool
        for _ in range(runs):
            CYPHER_SECONDS[0] = 0.0
            t0, c0 = time.perf_counter(), time.process_time()
            result = await execute(db, op["query"], op["variables"])
            t1, c1 = time.perf_counter(), time.process_time()
            json.dumps({"data": result.data}, ensure_ascii=False)
            t2 = time.perf_counter()
            totals.append(t1 - t0)
            cpu.append(c1 - c0)
            cypher.append(CYPHER_SECONDS[0])
            serial.append(t2 - t1)
        calls_real, top = await _calls(db, op, max(3, runs // 4))
        database.Database.read = _memoised(real_read)  # type: ignore[method-assign]
        await execute(db, op["query"], op["variables"])  # fill the memo
        python_only = []
        for _ in range(runs):
            c0 = time.process_time()
            await execute(db, op["query"], op["variables"])
            python_only.append(time.process_time() - c0)
        calls_python, _ = await _calls(db, op, max(3, runs // 4))
    finally:
        database.Database.read = real_read  # type: ignore[method-assign]
        await db.close()
    med_total = statistics.median(totals)
    med_cypher = min(statistics.median(cypher), med_total)
    return {
        "runs": runs,
        "objects": count_objects(result.data),
        "median_ms": {
            "total (execute)": round(med_total * 1000, 1),
            "cypher (driver + Neo4j)": round(med_cypher * 1000, 1),
            "graphql execution (strawberry)": round((med_total - med_cypher) * 1000, 1),
            "serialisation (json)": round(statistics.median(serial) * 1000, 1),
            "process CPU (execute)": round(statistics.median(cpu) * 1000, 1),
            "process CPU, reads memoised (Python alone)": round(
                statistics.median(python_only) * 1000, 1
            ),
        },
        "python_calls_per_run": {"real reads": calls_real, "reads memoised": calls_python},
        "top_functions": top.splitlines()[:40],
    }


def count_objects(data: Any) -> int:
    if isinstance(data, dict):
        return 1 + sum(count_objects(v) for v in data.values())
    if isinstance(data, list):
        return sum(count_objects(v) for v in data)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="city")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--uri", help="a Neo4j already holding the preset (the benchmarks' own is started else)"
    )
    parser.add_argument(
        "--no-save", action="store_true", help="print only; leave benchmarks/results/ alone"
    )
    args = parser.parse_args()
    if args.uri:
        nested = operations(pick_ids(args.uri))[1]["gridlink"]
        report = asyncio.run(measure(args.uri, nested, args.runs))
    else:
        with bench_neo4j(args.preset, args.seed) as neo:
            nested = operations(pick_ids(neo.uri))[1]["gridlink"]
            report = asyncio.run(measure(neo.uri, nested, args.runs))
    report["command"] = (
        f"python benchmarks/profile_nested.py --preset {args.preset} --seed {args.seed} --runs {args.runs}"
    )
    print(json.dumps(report["median_ms"], ensure_ascii=False, indent=2))
    print(json.dumps(report["python_calls_per_run"]))
    print("\n".join(report["top_functions"][:30]))
    if not args.no_save:
        print(f"wrote {write_result(f'profile-nested-{args.preset}', report)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
