"""`gridlink analyze`: the planners' network report, registered in gridlink/cli_commands.py.

gridlink analyze --out report/                         # the whole graph, links up to today
gridlink analyze --scope d-shuangluan --out report/     # one district's subtree
gridlink analyze --from 2024-01-01 --to 2024-12-31 --kind units --out report/

Writes DIR/report.html (self-contained: pictures inline), DIR/*.png, DIR/network.graphml and
DIR/network.gexf (for Gephi), printing each step and its time as it goes. The report also
compares the window with the one just before it (the last twelve months with the twelve
before them when no start is given).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, cast

import networkx as nx

from graph.database import Database
from graph.network.window import NETWORK_KINDS, BadWindow, NetworkKind, Window


class Progress:
    """Numbered steps with their times on stderr, so a long run shows where it is."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.started = time.perf_counter()
        self.step = 0

    def say(self, text: str) -> None:
        self.step += 1
        elapsed = time.perf_counter() - self.started
        self.stream.write(f"[analyze {elapsed:6.1f}s] {self.step:2d}. {text}\n")
        self.stream.flush()

    def timed(self, name: str, seconds: float) -> None:
        self.say(f"{name} ({seconds:.2f}s)")


@dataclass(frozen=True)
class Options:
    scope: str | None
    out: Path
    kind: NetworkKind
    window: Window
    compare: bool


def comparison_windows(window: Window, today: dt.date) -> tuple[Window, Window]:
    """(earlier, later): the window (or the last twelve months up to its end) and the
    stretch of the same length just before it."""
    end = window.end or today
    later = window if window.start is not None else Window.year_before(end)
    assert later.start is not None
    length = end - later.start
    earlier_end = later.start - dt.timedelta(days=1)
    return Window(earlier_end - length, earlier_end), later


async def run(db: Database, options: Options, progress: Progress) -> Path:
    # Imported here: matplotlib costs a second to import and only this command needs it.
    from graph.network import draw, report
    from graph.network.analysis import analyse
    from graph.network.compare import compare
    from graph.network.export import write_both
    from graph.network.projection import graph_version, read_network, scope_place

    today = dt.date.today()
    scope_name = "全部 whole graph"
    if options.scope is not None:
        place = await scope_place(db, options.scope)
        if place is None:
            raise SystemExit(f"gridlink analyze: --scope {options.scope!r}: no place with that id")
        scope_name = place["name"]
    version = await graph_version(db)
    progress.say(f"scope {scope_name}, window {options.window.label()}, graph version {version}")

    t = time.perf_counter()
    graph = await read_network(db, options.kind, options.scope, options.window, None, today=today)
    timings: dict[str, float] = {"projection": time.perf_counter() - t}
    progress.timed(
        f"read the {options.kind} network: {graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} links",
        timings["projection"],
    )

    async def both_windows() -> tuple[Window, Window, nx.Graph, nx.Graph]:
        earlier_w, later_w = comparison_windows(options.window, today)
        earlier, later = await asyncio.gather(
            read_network(db, options.kind, options.scope, earlier_w, None, today=today),
            read_network(db, options.kind, options.scope, later_w, None, today=today),
        )
        return earlier_w, later_w, earlier, later

    # Neo4j reads the two comparison windows while Python analyses, in a worker thread.
    t = time.perf_counter()
    reading = asyncio.create_task(both_windows()) if options.compare else None
    analysis = await asyncio.to_thread(analyse, graph, on_step=progress.timed)
    timings.update(analysis.timings)

    change = windows = None
    names: dict[str, str] = {}
    if reading is not None:
        earlier_w, later_w, earlier, later = await reading
        change, windows = compare(earlier, later), (earlier_w, later_w)
        names = {
            n: str(a.get("name") or n) for g in (earlier, later) for n, a in g.nodes(data=True)
        }
        timings["comparison (overlapping the analyses)"] = time.perf_counter() - t
        progress.timed(
            f"compared {earlier_w.label()} with {later_w.label()}: {len(change.gained)} links "
            f"gained, {len(change.lost)} lost",
            time.perf_counter() - t,
        )

    if draw.cjk_font() is None:
        progress.say("WARNING " + draw.FONT_HINT)
    title = f"{scope_name} · {options.window.label()}"
    pictures: dict[str, bytes] = {}
    painters: dict[str, tuple[str, Callable[[], bytes]]] = {
        "network": ("网络图 the network", lambda: draw.network_picture(graph, analysis, title)),
        "groups": ("社群图 Louvain groups", lambda: draw.groups_picture(graph, analysis, title)),
        "brokers": ("关键枢纽 brokers", lambda: draw.brokers_picture(analysis, title)),
    }
    options.out.mkdir(parents=True, exist_ok=True)
    for file_name, (caption, paint) in painters.items():
        t = time.perf_counter()
        png = paint()
        (options.out / f"{file_name}.png").write_bytes(png)
        pictures[caption] = png
        timings[f"draw_{file_name}"] = time.perf_counter() - t
        progress.timed(f"drew {file_name}.png", timings[f"draw_{file_name}"])

    t = time.perf_counter()
    write_both(graph, analysis, options.out)
    timings["export"] = time.perf_counter() - t
    progress.timed("wrote network.graphml and network.gexf", timings["export"])

    notes = [] if draw.cjk_font() else [draw.FONT_HINT]
    if graph.number_of_nodes() > draw.DRAW_LIMIT:
        notes.append(
            f"The network picture shows the {draw.DRAW_LIMIT} nodes around the leading "
            f"brokers (of {graph.number_of_nodes()}); the GraphML/GEXF files hold all of them."
        )
    html = report.render(
        report.ReportInput(
            graph=graph,
            analysis=analysis,
            scope_name=scope_name,
            window=options.window,
            version=version,
            pictures=pictures,
            change=change,
            change_windows=windows,
            change_names=names,
            files=["network.graphml", "network.gexf"],
            timings=timings,
            notes=notes,
        )
    )
    target = options.out / "report.html"
    target.write_text(html, encoding="utf-8")
    progress.say(f"wrote {target} ({len(html) // 1024} KiB)")
    return target


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _on_database(work: Callable[[Database], Awaitable[Path]]) -> Path:
    """Run `work` against the configured Neo4j, starting the project's own when none is set."""
    from gridlink import config
    from gridlink.app import database_for
    from gridlink.cli import ensure_database
    from gridlink.neo4j_local import stop

    settings = config.from_env()
    inst, started_here = ensure_database(settings)

    async def go() -> Path:
        db = database_for(settings)
        try:
            await db.verify()
            return await work(db)
        finally:
            await db.close()

    try:
        return asyncio.run(go())
    finally:
        if inst is not None and started_here:
            stop(inst)


def cmd_analyze(args: argparse.Namespace) -> int:
    try:
        window = Window(args.start, args.end)
    except BadWindow as exc:
        print(f"gridlink analyze: --from/--to: {exc}", file=sys.stderr)
        return 2
    options = Options(
        scope=args.scope,
        out=Path(args.out),
        kind=cast(NetworkKind, args.kind),
        window=window,
        compare=not args.no_compare,
    )
    progress = Progress()
    progress.say("connecting to Neo4j")
    target = _on_database(lambda db: run(db, options, progress))
    print(target)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from gridlink.cli import command

    parser = sub.add_parser(
        "analyze",
        help="write the planners' network report (HTML, PNG, GraphML, GEXF)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--scope", default=None, help="place id; default the whole graph")
    parser.add_argument("--out", required=True, help="directory to write the report into")
    parser.add_argument("--kind", choices=NETWORK_KINDS, default="partnership")
    parser.add_argument("--from", dest="start", type=_date, default=None, help="window start")
    parser.add_argument("--to", dest="end", type=_date, default=None, help="window end (today)")
    parser.add_argument(
        "--no-compare", action="store_true", help="skip the comparison with the window before"
    )
    command("analyze")(cmd_analyze)


def run_sync(db_uri: str, options: Options) -> Path:
    """Run the report against a given Neo4j (tests and benchmarks), progress on stderr."""

    async def go() -> Path:
        db = Database(db_uri, "neo4j", "", "neo4j", auth=False)
        try:
            return await run(db, options, Progress())
        finally:
            await db.close()

    return asyncio.run(go())
