"""Where gridlink's time goes for the nested list (street > communities > grids > workers).

    .venv/bin/python benchmarks/profile_nested.py [--preset city] [--seed 1] [--runs 20]

Runs the operation in-process against the benchmarks' Neo4j (benchmarks/harness.py) and
splits each run's wall time into: Cypher (time inside graph.database calls: the driver,
the network and Neo4j itself), GraphQL execution (the rest of strawberry's execute), and
serialisation (json.dumps of the result). Then cProfile's top functions by own time, so
the next step to make it faster is visible. Writes benchmarks/results/profile-nested.json.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
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
from tests.support.graphql import execute

CYPHER_SECONDS = [0.0]


def _timed(fn: Any) -> Any:
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return await fn(*args, **kwargs)
        finally:
            CYPHER_SECONDS[0] += time.perf_counter() - t0

    return wrapper


async def measure(uri: str, op: dict[str, Any], runs: int) -> dict[str, Any]:
    # Concurrent loaders overlap their Cypher; wall time inside the driver is what we sum.
    database.Database.read_tx = _timed(database.Database.read_tx)  # type: ignore[method-assign]
    db = Database(uri, "neo4j", "", "neo4j", auth=False)
    totals, cypher, serial = [], [], []
    try:
        await execute(db, op["query"], op["variables"])  # warm caches and the pool
        for _ in range(runs):
            CYPHER_SECONDS[0] = 0.0
            t0 = time.perf_counter()
            result = await execute(db, op["query"], op["variables"])
            t1 = time.perf_counter()
            json.dumps({"data": result.data}, ensure_ascii=False)
            t2 = time.perf_counter()
            totals.append(t1 - t0)
            cypher.append(CYPHER_SECONDS[0])
            serial.append(t2 - t1)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(max(3, runs // 4)):
            await execute(db, op["query"], op["variables"])
        profiler.disable()
    finally:
        await db.close()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
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
        },
        "top_functions": out.getvalue().splitlines()[:40],
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
    args = parser.parse_args()
    with bench_neo4j(args.preset, args.seed) as neo:
        nested = operations(pick_ids(neo.uri))[1]["gridlink"]
        report = asyncio.run(measure(neo.uri, nested, args.runs))
    report["command"] = (
        f"python benchmarks/profile_nested.py --preset {args.preset} --seed {args.seed} --runs {args.runs}"
    )
    path = write_result(f"profile-nested-{args.preset}", report)
    print(json.dumps(report["median_ms"], ensure_ascii=False, indent=2))
    print("\n".join(report["top_functions"][:30]))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
