"""`gridlink load` and `gridlink export`, registered in gridlink/cli_commands.py.

gridlink load data/city                      # a dataset directory or a JSON bundle
gridlink load data/city --skip-invalid       # write the valid records, report the rest
gridlink export --format graphml --out city.graphml [--scope PLACE_ID]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO, TypeVar

from graph.database import Database
from gridlink import config
from gridlink.cli import command, ensure_database
from loaders.export import FORMATS, ScopeNotFound, export_graph
from loaders.load import DEFAULT_BATCH, LoadConflict, load_path

T = TypeVar("T")


class ProgressBar:
    """A one-line bar with records/s, redrawn at most ten times a second on a terminal."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.started = time.monotonic()
        self.drawn = 0.0
        self.active = False

    def __call__(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now - self.drawn < 0.1 and done < total:
            return
        self.drawn = now
        share = done / total if total else 1.0
        filled = int(share * self.width)
        rate = done / (now - self.started) if now > self.started else 0.0
        bar = "#" * filled + "." * (self.width - filled)
        line = f"\r[{bar}] {share:4.0%} {done:,}/{total:,} records {rate:,.0f}/s {what:<20}"
        self.stream.write(line)
        self.stream.flush()
        self.active = True

    def end(self) -> None:
        if self.active:
            self.stream.write("\n")
            self.stream.flush()


def _with_database(work: Callable[[Database], Awaitable[T]]) -> T:
    """Run `work` against the configured Neo4j, migrated first (constraints before data)."""
    from graph.migrations import migrate
    from gridlink.app import database_for

    settings = config.from_env()
    inst, started_here = ensure_database(settings)

    async def run() -> T:
        db = database_for(settings)
        try:
            await db.verify()
            await migrate(db)
            return await work(db)
        finally:
            await db.close()

    try:
        return asyncio.run(run())
    finally:
        if inst is not None and started_here:
            from gridlink.neo4j_local import stop

            stop(inst)


@command("load")
def cmd_load(args: argparse.Namespace) -> int:
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        report = _with_database(
            lambda db: load_path(
                db,
                Path(args.path),
                skip_invalid=args.skip_invalid,
                progress=bar,
                batch_size=args.batch_size,
                concurrency=args.concurrency,
            )
        )
    except LoadConflict as exc:
        print(f"gridlink: {exc}", file=sys.stderr)
        return 1
    finally:
        if bar is not None:
            bar.end()
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.problems:
        verdict = "skipped" if report.written else "nothing was written"
        print(f"{len(report.problems)} problem(s); {verdict}", file=sys.stderr)
    print(report.summary())
    return 0 if report.written else 1


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    try:
        report = _with_database(
            lambda db: export_graph(db, Path(args.out), args.format, scope=args.scope)
        )
    except ScopeNotFound as exc:
        print(f"gridlink: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    load = sub.add_parser(
        "load",
        help="validate a dataset (directory or JSON bundle) and load it (docs/IMPORT.md)",
    )
    load.add_argument("path", help="dataset directory (nodes/, relationships/) or bundle .json")
    load.add_argument(
        "--skip-invalid", action="store_true", help="write the valid records, report the rest"
    )
    load.add_argument("--batch-size", type=int, default=DEFAULT_BATCH, help="rows per transaction")
    load.add_argument(
        "--concurrency", type=int, default=2, help="transactions in flight at once (default 2)"
    )
    export = sub.add_parser("export", help="write the graph or a place's part for networkx/Gephi")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--scope", default=None, help="a place id: export only the part under it")
    export.add_argument("--out", required=True, help="file to write")
