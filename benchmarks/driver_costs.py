"""What the Python driver costs the client, side by side in one run (issue 9).

    .venv/bin/python benchmarks/driver_costs.py [--uri bolt://127.0.0.1:7790] [--no-save]

On the preset of benchmarks/compare.py (the benchmarks' own Neo4j, or the one --uri names):

1. Each statement the nested list sends, as gridlink sends it: client CPU and wall time.
2. The grid-workers statement answering one row holding every page (as now) against the same
   text answering a row per parent: the driver reads each record as its own Bolt message.
3. lists/create_need (needCreate's one statement) at 8 concurrent writers, as an auto-commit
   transaction (Database.write_alone, as now) against a managed one (execute_write).

Writes benchmarks/results/driver-costs.json unless --no-save; the needs it writes are deleted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import neo4j

from benchmarks.compare import operations, pick_ids, remove_written
from benchmarks.harness import bench_neo4j, write_result
from graph.cypher import q
from graph.database import Database, track_round_trips
from tests.support.graphql import execute

ROUNDS = 30
SECONDS = 5.0


async def per_call(fn: Callable[[], Awaitable[Any]], rounds: int = ROUNDS) -> dict[str, float]:
    for _ in range(5):
        await fn()
    c0, t0 = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        await fn()
    return {
        "client_cpu_ms": round(1000 * (time.process_time() - c0) / rounds, 2),
        "wall_ms": round(1000 * (time.perf_counter() - t0) / rounds, 2),
    }


async def measure(uri: str) -> dict[str, Any]:
    ops = operations(pick_ids(uri))
    db = Database(uri, "neo4j", "", "neo4j", auth=False)
    out: dict[str, Any] = {}
    try:
        counter = track_round_trips()
        await execute(db, ops[1]["gridlink"]["query"], ops[1]["gridlink"]["variables"])
        sent = list(counter.statements)
        out["nested list statements"] = []
        for name, params in sent:

            async def read(name: str = name, params: dict[str, Any] = params) -> Any:
                return await db.read(name, params, values_only=True)

            out["nested list statements"].append({"statement": name, **await per_call(read)})

        name, params = sent[-1]
        one_row = q(name)
        head, _, _ = one_row.rpartition("RETURN collect(")
        # The same pages, a record per parent: what the statement answered before.
        per_parent = head + (
            "RETURN parent, total, beforeWindow, afterWindow, inWindow,\n"
            "  [x IN rows | {id: x[0].id, labels: labels(x[0]),\n"
            "   props: CASE WHEN $props IS NULL THEN properties(x[0]) END,\n"
            "   values: CASE WHEN $props IS NOT NULL THEN [k IN $props | x[0][k]] END,\n"
            "   rel: properties(x[3]), key: x[1], tie: x[2]}] AS page"
        )

        async def run(text: str) -> Any:
            async with db.driver.session(
                database="neo4j", default_access_mode=neo4j.READ_ACCESS
            ) as session:
                result = await session.run(text, params)  # type: ignore[arg-type]
                return [record async for record in result]

        rows = len(await run(per_parent))
        out["grid workers: one row against a row per parent"] = {
            "rows per parent": rows,
            "one row": await per_call(lambda: run(one_row)),
            "a row per parent": await per_call(lambda: run(per_parent)),
        }

        write = ops[4]["gridlink"]
        counter = track_round_trips()
        await execute(db, write["query"], write["variables"])
        w_name, w_params = counter.statements[-1]
        w_text = q(w_name)

        async def auto() -> None:
            await db.write_alone(w_name, {**w_params, "id": f"bench-{uuid.uuid4().hex}"})

        async def managed() -> None:
            p = {**w_params, "id": f"bench-{uuid.uuid4().hex}"}

            async def work(tx: neo4j.AsyncManagedTransaction) -> Any:
                return await (await tx.run(w_text, p)).data()  # type: ignore[arg-type]

            async with db.driver.session(database="neo4j") as session:
                await session.execute_write(work)

        async def rate(fn: Callable[[], Awaitable[None]]) -> float:
            done = [0]
            until = time.perf_counter() + SECONDS

            async def loop() -> None:
                while time.perf_counter() < until:
                    await fn()
                    done[0] += 1

            t0 = time.perf_counter()
            await asyncio.gather(*(loop() for _ in range(8)))
            return round(done[0] / (time.perf_counter() - t0), 1)

        rates: dict[str, list[float]] = {"auto-commit": [], "managed": []}
        for _ in range(2):  # interleaved, so a drift of the machine falls on both
            rates["managed"].append(await rate(managed))
            rates["auto-commit"].append(await rate(auto))
        out["create_need at 8 writers, transactions/s"] = rates
    finally:
        await db.close()
        remove_written(uri)  # every need written here carries the write operation's title
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", help="a Neo4j already holding the preset")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    if args.uri:
        report = asyncio.run(measure(args.uri))
    else:
        with bench_neo4j("city", 1) as neo:
            report = asyncio.run(measure(neo.uri))
    report["command"] = "python benchmarks/driver_costs.py"
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if not args.no_save:
        print(f"wrote {write_result('driver-costs', report)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
