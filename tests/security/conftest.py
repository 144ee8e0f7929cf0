"""A real `gridlink serve` on the test Neo4j, and small scenes of the domain to guard.

The service runs in its own process on a free port, without the seed dataset: each test
wipes the graph and builds the scene it needs through the loader's named statements, then
talks to the service over real HTTP with a token for the role it plays.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import GraphDatabase

from schema.core.viewer import RoleName
from tests.conftest import free_port
from tests.support.auth import token

BIN = Path(sys.executable).parent
# Requests the fuzz tests sent, by kind; reported at the end of the run.
FUZZ_TRIED: Counter[str] = Counter()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FUZZ_TRIED:
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(FUZZ_TRIED.items()))
        terminalreporter.write_line(f"fuzz: {sum(FUZZ_TRIED.values())} requests tried ({parts})")


def start_serve(
    uri: str, port: int, log: Path, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    environment = {
        **os.environ,
        "NEO4J_URI": uri,
        "NEO4J_USER": "neo4j",
        "NEO4J_PASSWORD": "",
        **(env or {}),
    }
    # The log goes to a file: a pipe nobody reads would stall the service once full.
    return subprocess.Popen(
        [
            str(BIN / "gridlink"),
            "serve",
            "--port",
            str(port),
            "--no-seed",
            "--log-level",
            "warning",
        ],
        env=environment,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def wait_until(port: int, proc: subprocess.Popen[bytes], path: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"gridlink serve exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}{path}", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"gridlink serve did not answer {path} in {timeout:.0f}s")


@dataclass
class Service:
    port: int
    log: Path
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=60))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/graphql"

    def post(
        self,
        query: str,
        variables: Mapping[str, Any] | None = None,
        role: RoleName | None = "admin",
        scope: str | None = None,
        sub: str | None = None,
    ) -> httpx.Response:
        headers = {} if role is None else {"Authorization": f"Bearer {token(role, scope, sub)}"}
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = dict(variables)
        return self.client.post(self.url, json=body, headers=headers)

    def data(self, query: str, variables: Mapping[str, Any] | None = None, **who: Any) -> Any:
        response = self.post(query, variables, **who)
        body = response.json()
        assert response.status_code == 200 and "errors" not in body, body
        return body["data"]


def run_service(uri: str, tmp: Path, env: Mapping[str, str] | None = None) -> Iterator[Service]:
    port = free_port()
    log = tmp / f"serve-{port}.log"
    proc = start_serve(uri, port, log, env)
    try:
        wait_until(port, proc, "/readyz")
        service = Service(port, log)
        yield service
        service.client.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def service(migrated: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    yield from run_service(migrated, tmp_path_factory.mktemp("serve"))


# ---- scenes -------------------------------------------------------------------------------

Node = tuple[str, str, dict[str, Any]]  # (label, external id, properties)
Rel = tuple[str, str, str, dict[str, Any]]  # (type, from id, to id, properties)


def _jsonable(props: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in props.items()}


def build(uri: str, nodes: list[Node], rels: list[Rel]) -> None:
    """Write a scene through the loader itself (validated against loaders/model.py).

    Runs on a thread of its own, so sync and async tests alike may call it.
    """
    from graph.database import Database
    from loaders.load import load_bundle

    bundle: dict[str, dict[str, list[dict[str, Any]]]] = {"nodes": {}, "relationships": {}}
    for label, id_, props in nodes:
        bundle["nodes"].setdefault(label, []).append({"id": id_, **_jsonable(props)})
    for type_, a, b, props in rels:
        bundle["relationships"].setdefault(type_, []).append(
            {"from": a, "to": b, **_jsonable(props)}
        )

    async def load(path: Path) -> None:
        db = Database(uri, "neo4j", "", "neo4j", auth=False)
        try:
            report = await load_bundle(db, path)
            report.raise_for_problems()
        finally:
            await db.close()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scene.json"
        path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, load(path)).result()


def graph_census(uri: str) -> dict[str, Any]:
    """Every node's labels and properties and every relationship, for before/after checks."""
    with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        nodes = {
            r["id"]: (tuple(sorted(r["labels"])), r["props"])
            for r in session.run(
                "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
            )
        }
        rels = sorted(
            (r["a"], r["t"], r["b"])
            for r in session.run(
                "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, type(r) AS t, b.id AS b"
            )
        )
        # The service's bookkeeping nodes (schema version, the case log's head) are counted
        # by key: the first case event of a store makes its log head, which is no stray.
        total = session.run("MATCH (n) WHERE NOT n:GridlinkMeta RETURN count(n) AS c").single()
        meta = sorted(r["key"] for r in session.run("MATCH (m:GridlinkMeta) RETURN m.key AS key"))
        return {
            "nodes": nodes,
            "rels": rels,
            "all_nodes": total["c"] if total else 0,
            "meta": meta,
        }
