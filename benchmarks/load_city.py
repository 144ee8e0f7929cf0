"""Loading the `city` preset: records/s into an empty graph, then re-loading it unchanged.

    .venv/bin/python benchmarks/load_city.py [--port 7701] [--dataset DIR] [--seed 1]

Generates the preset (once; kept under .gridlink/bench/) unless --dataset names one,
starts a fresh project Neo4j on --port with its own store, applies the migrations, loads
the dataset into the empty graph, loads it again, and prints both runs with the loader's
own phase timings. Aim (issue 3): the whole city preset loads in under 2 minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import time
from pathlib import Path

from graph.database import Database
from graph.migrations import migrate
from gridlink.config import STATE_DIR
from gridlink.neo4j_local import LocalNeo4j, start, stop
from loaders.generate import generate
from loaders.load import DEFAULT_BATCH, LoadReport, load_directory


def ensure_dataset(path: Path | None, seed: int) -> Path:
    if path is not None:
        return path
    out = STATE_DIR / "bench" / f"city-seed{seed}"
    marker = out / "generated.json"
    if not marker.exists():
        t = time.monotonic()
        counts = generate("city", seed, out)
        marker.write_text(json.dumps({"records": sum(counts.values())}), encoding="utf-8")
        print(f"generated the city preset (seed {seed}) in {time.monotonic() - t:.0f}s: {out}")
    return out


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of this process, or of `pid` from /proc."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Ticker:
    """A progress line every 15 s (the bench usually runs without a terminal)."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def __call__(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now - self.last >= 15 or done == total:
            self.last = now
            print(f"  {time.strftime('%H:%M:%S')} {done:,}/{total:,} written ({what})", flush=True)


async def run(
    uri: str, neo4j_pid: int, dataset: Path, batch: int, concurrency: int
) -> list[tuple[LoadReport, float, float]]:
    db = Database(uri, "neo4j", "", "neo4j", auth=False, tx_timeout_s=120)
    try:
        await db.verify()
        await migrate(db)
        runs = []
        for name in ("empty graph", "re-load unchanged"):
            print(f"{name} ...", flush=True)
            mine, theirs = cpu_seconds(), cpu_seconds(neo4j_pid)
            report = await load_directory(
                db, dataset, progress=Ticker(), batch_size=batch, concurrency=concurrency
            )
            runs.append((report, cpu_seconds() - mine, cpu_seconds(neo4j_pid) - theirs))
        counts = await db.read("load/count_entities")
        print(f"graph holds {counts[0]['count']:,} entities")
        return runs
    finally:
        await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_NEO4J_PORT", 7701)))
    parser.add_argument("--dataset", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache-mb", type=int, default=1024)
    args = parser.parse_args()

    dataset = ensure_dataset(args.dataset, args.seed)
    home = STATE_DIR / "bench" / f"neo4j-{args.port}"
    shutil.rmtree(home, ignore_errors=True)
    inst = LocalNeo4j(
        port=args.port, home=home, heap=args.heap, pagecache_mb=args.pagecache_mb, tx_timeout_s=120
    )
    pid = start(inst)
    try:
        runs = asyncio.run(run(inst.uri, pid, dataset, args.batch_size, args.concurrency))
    finally:
        stop(inst)
        shutil.rmtree(home, ignore_errors=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open("/proc/loadavg") as fh:
        load = fh.read().split()[:3]
    print(f"machine: {os.cpu_count()} cores, load average now {' '.join(load)}")
    for name, (report, mine, theirs) in zip(
        ("empty graph", "re-load unchanged"), runs, strict=True
    ):
        total = report.total()
        rate = report.records / report.seconds
        print(
            f"{name}: {report.records:,} records in {report.seconds:.1f}s = {rate:,.0f} records/s "
            f"(created {total.created:,}, updated {total.updated:,}, "
            f"unchanged {total.unchanged:,}, invalid {total.invalid:,})"
        )
        print("  phases: " + ", ".join(f"{k} {v:.1f}s" for k, v in report.phases.items()))
        print(f"  CPU: loader {mine:.0f}s, Neo4j {theirs:.0f}s")
        slowest = sorted(report.counts.items(), key=lambda kv: -kv[1].seconds)[:6]
        print("  slowest: " + ", ".join(f"{n} {c.seconds:.0f}s" for n, c in slowest))
    print(
        f"loader peak memory {rss:,.0f} MB; batch {args.batch_size}, concurrency {args.concurrency}"
    )


if __name__ == "__main__":
    main()
