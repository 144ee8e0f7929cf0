"""Network analyses on a preset (default `city`): the projection and each analysis timed,
then the whole `gridlink analyze` report, with the step that dominates named.

    .venv/bin/python benchmarks/network.py                      # the benchmarks' own Neo4j
    .venv/bin/python benchmarks/network.py --uri bolt://127.0.0.1:7707   # one already loaded
    .venv/bin/python benchmarks/network.py --exact-betweenness  # also time exact betweenness

Without --uri the preset is generated and loaded once into the benchmarks' Neo4j
(benchmarks/harness.py, BENCH_NEO4J_PORT). Writes benchmarks/results/network.json and the
report itself under .gridlink/bench-network-report/.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import harness
from graph.database import Database
from graph.network import centrality
from graph.network.analysis import analyse
from graph.network.command import Options, Progress, run
from graph.network.projection import graph_version, read_network
from graph.network.window import NETWORK_KINDS, Window
from gridlink.config import STATE_DIR


def _timed(started: float) -> float:
    return round(time.perf_counter() - started, 3)


async def measure(uri: str, exact_betweenness: bool) -> dict[str, Any]:
    db = Database(uri, "neo4j", "", "neo4j", auth=False)
    result: dict[str, Any] = {"networks": {}}
    try:
        t = time.perf_counter()
        version = await graph_version(db)
        result["graph_version_s"] = _timed(t)
        t = time.perf_counter()
        await graph_version(db)
        result["graph_version_warm_s"] = _timed(t)
        result["version"] = version
        for kind in NETWORK_KINDS:
            # Twice: the first run also warms Neo4j's page cache and query plans.
            t = time.perf_counter()
            graph = await read_network(db, kind, None, Window(), None)
            cold = _timed(t)
            t = time.perf_counter()
            graph = await read_network(db, kind, None, Window(), None)
            warm = _timed(t)
            analysis = analyse(graph)
            entry: dict[str, Any] = {
                "nodes": graph.number_of_nodes(),
                "links": graph.number_of_edges(),
                "projection_cold_s": cold,
                "projection_s": warm,
                "steps_s": {k: round(v, 3) for k, v in analysis.timings.items()},
                "betweenness_sampled": analysis.summary.betweenness_sampled,
                "components": analysis.summary.components,
                "largest_component": analysis.summary.largest_component,
                "groups": analysis.summary.groups,
                "cut_points": len(analysis.cuts),
                "bridges": len(analysis.bridges),
                "gaps": len(analysis.gaps),
                "suggestions": len(analysis.suggestions),
            }
            if exact_betweenness and analysis.summary.betweenness_sampled:
                t = time.perf_counter()
                exact = centrality.betweenness(graph, exact_limit=10**9)
                entry["betweenness_exact_s"] = _timed(t)
                top = {m.id for m in analysis.ranking("betweenness", limit=20)}
                best = sorted(exact.values, key=lambda n: -exact.values[n])[:20]
                entry["sampled_top20_overlap"] = len(top & set(best))
            result["networks"][kind] = entry
            print(f"{kind}: {entry}", file=sys.stderr)
        out = STATE_DIR / "bench-network-report"
        t = time.perf_counter()
        await run(db, Options(None, out, "partnership", Window(), True), Progress())
        result["report_s"] = _timed(t)
        result["report"] = str(out / "report.html")
    finally:
        await db.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default=None, help="a Neo4j that already holds the data")
    parser.add_argument("--preset", default="city")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--exact-betweenness", action="store_true")
    args = parser.parse_args()
    context = nullcontext(None) if args.uri else harness.bench_neo4j(args.preset, args.seed)
    with context as inst:
        uri = args.uri or inst.uri  # type: ignore[union-attr]
        result = asyncio.run(measure(uri, args.exact_betweenness))
    result.update(
        preset=args.preset if not args.uri else f"{args.preset} (at {args.uri})",
        measured=dt.datetime.now().isoformat(timespec="seconds"),
        machine=harness.machine(),
    )
    partnership = result["networks"]["partnership"]
    steps = {"projection": partnership["projection_s"], **partnership["steps_s"]}
    result["dominant_step"] = max(steps, key=lambda k: steps[k])
    path = harness.write_result("network", result)
    print(f"\npartnership network: {partnership['nodes']} nodes, {partnership['links']} links")
    for name, seconds in steps.items():
        print(f"  {name:<18} {seconds:8.3f} s")
    print(f"whole report (gridlink analyze, incl. comparison and pictures): {result['report_s']} s")
    print(f"dominant analysis step: {result['dominant_step']}; results in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
