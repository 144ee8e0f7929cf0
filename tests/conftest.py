"""Test fixtures: one real Neo4j for the session, a clean graph for each test.

The session's Neo4j is the project's own (gridlink/neo4j_local.py) on a free port with a
fresh store, or the server named by GRIDLINK_TEST_NEO4J_URI (a running `gridlink neo4j
start --port N`, to save the start-up while developing). Tests wipe every :Entity before
they run, so each one sees only the scene it builds.
"""

from __future__ import annotations

import os
import shutil
import socket
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import pytest
from neo4j import GraphDatabase

from graph.database import Database
from gridlink.config import STATE_DIR
from gridlink.neo4j_local import LocalNeo4j, provision, start, stop

STARTUP: dict[str, float | str] = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Neo4jServer:
    uri: str
    instance: LocalNeo4j | None


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    external = os.environ.get("GRIDLINK_TEST_NEO4J_URI")
    if external:
        STARTUP["mode"] = f"external {external}"
        yield Neo4jServer(external, None)
        return
    t0 = time.monotonic()
    provision()
    STARTUP["provision_s"] = time.monotonic() - t0
    port = free_port()
    inst = LocalNeo4j(
        port=port, home=STATE_DIR / "neo4j" / f"test-{port}", heap="1g", pagecache_mb=256
    )
    shutil.rmtree(inst.data_dir, ignore_errors=True)
    t1 = time.monotonic()
    start(inst, quiet=True)
    STARTUP["start_s"] = time.monotonic() - t1
    STARTUP["mode"] = "project's own Neo4j 5.26"
    try:
        yield Neo4jServer(inst.uri, inst)
    finally:
        stop(inst)
        shutil.rmtree(inst.data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def migrated(neo4j_server: Neo4jServer) -> str:
    import asyncio

    from graph.migrations import migrate

    async def run() -> None:
        db = Database(neo4j_server.uri, "neo4j", "", "neo4j", auth=False)
        try:
            await migrate(db)
        finally:
            await db.close()

    asyncio.run(run())
    return neo4j_server.uri


def wipe(uri: str) -> None:
    # CALL { } IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        session.run(
            "MATCH (n:Entity) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()


@pytest.fixture
def clean_uri(migrated: str) -> str:
    """The URI of a migrated Neo4j with no :Entity left from earlier tests."""
    wipe(migrated)
    return migrated


@pytest.fixture
async def db(clean_uri: str) -> AsyncIterator[Database]:
    database = Database(clean_uri, "neo4j", "", "neo4j", auth=False)
    try:
        yield database
    finally:
        await database.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not STARTUP:
        return
    parts = [f"Neo4j: {STARTUP.get('mode')}"]
    if "provision_s" in STARTUP:
        parts.append(f"provision (cached after the first run) {float(STARTUP['provision_s']):.1f}s")
    if "start_s" in STARTUP:
        parts.append(f"start {float(STARTUP['start_s']):.1f}s")
    terminalreporter.write_line(" | ".join(parts))
