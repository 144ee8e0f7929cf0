"""The `gridlink` command: serve, neo4j, migrate, load, generate, export, analyze."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Sequence

from graph.database import Database, DatabaseConfigError
from gridlink import config
from gridlink.neo4j_local import LocalNeo4j, Neo4jLocalError, read_pid, start, status, stop

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(fn: Command) -> Command:
        COMMANDS[name] = fn
        return fn

    return register


def local_instance(port: int | None = None) -> LocalNeo4j:
    n = config.neo4j_from_env()
    return LocalNeo4j(port=port or n.local_port, tx_timeout_s=n.tx_timeout_s)


def ensure_database(settings: config.Settings) -> tuple[LocalNeo4j | None, bool]:
    """Start the project's own Neo4j when no NEO4J_URI is set; (instance, started_here)."""
    if settings.neo4j.external:
        return None, False
    inst = local_instance(settings.neo4j.local_port)
    running = read_pid(inst) is not None
    start(inst)
    return inst, not running


async def _verify(settings: config.Settings) -> None:
    from gridlink.app import database_for

    db = database_for(settings)
    try:
        await db.verify()
    finally:
        await db.close()


@command("serve")
def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from gridlink.app import create_app

    settings = config.from_env()
    host = args.host or settings.host
    port = args.port or settings.port
    inst, started_here = ensure_database(settings)
    try:
        asyncio.run(_verify(settings))
        app = create_app(settings, seed=not args.no_seed)
        print(f"[gridlink] GraphQL and playground at http://{host}:{port}/graphql", file=sys.stderr)
        from schema.core.auth import dev_notice

        notice = dev_notice(settings, f"http://{host}:{port}/graphql")
        if notice:
            print(notice, file=sys.stderr)
        uvicorn.run(app, host=host, port=port, log_level=args.log_level, ws="websockets")
    finally:
        if inst is not None and started_here:
            print("[gridlink] stopping the project's Neo4j ...", file=sys.stderr)
            stop(inst)
    return 0


@command("neo4j")
def cmd_neo4j(args: argparse.Namespace) -> int:
    inst = local_instance(args.port)
    if args.action == "start":
        pid = start(inst)
        print(f"running (pid {pid}, {inst.uri})")
    elif args.action == "stop":
        print("stopped" if stop(inst) else "was not running")
    else:
        print(status(inst))
        return 0 if read_pid(inst) is not None else 3
    return 0


@command("migrate")
def cmd_migrate(args: argparse.Namespace) -> int:
    from graph.migrations import migrate
    from gridlink.app import database_for

    settings = config.from_env()
    inst, started_here = ensure_database(settings)

    async def run() -> list[int]:
        db: Database = database_for(settings)
        try:
            await db.verify()
            return await migrate(db)
        finally:
            await db.close()

    try:
        applied = asyncio.run(run())
    finally:
        if inst is not None and started_here:
            stop(inst)
    print(f"applied {applied}" if applied else "up to date")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gridlink", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser(
        "serve", help="serve GraphQL (starts the project's Neo4j unless NEO4J_URI is set)"
    )
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument(
        "--no-seed", action="store_true", help="do not load the seed dataset into an empty graph"
    )
    serve.add_argument("--log-level", default="info")

    neo = sub.add_parser("neo4j", help="start, stop or ask about the project's own Neo4j")
    neo.add_argument("action", choices=["start", "stop", "status"])
    neo.add_argument(
        "--port", type=int, default=None, help="Bolt port (default GRIDLINK_NEO4J_PORT or 7687)"
    )

    sub.add_parser("migrate", help="apply schema migrations")
    for extend in _extensions():
        extend(sub)
    return parser


def _extensions() -> list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]]:
    """Sub-commands that live with their layer (loaders, analyses) register themselves here."""
    from gridlink import cli_commands

    return cli_commands.EXTENSIONS


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (Neo4jLocalError, DatabaseConfigError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
