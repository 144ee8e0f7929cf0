"""`gridlink serve` over real HTTP, on an external NEO4J_URI (the path a cluster takes)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gridlink.neo4j_local import LocalNeo4j, start, stop
from tests.conftest import free_port, wipe
from tests.support.auth import headers

BIN = Path(sys.executable).parent


def serve(uri: str, port: int, *extra: str, password: str = "") -> subprocess.Popen[str]:
    env = {**os.environ, "NEO4J_URI": uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": password}
    return subprocess.Popen(
        [str(BIN / "gridlink"), "serve", "--port", str(port), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_ready(port: int, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("serve did not come up")


@pytest.fixture
def service(migrated: str) -> Iterator[int]:
    wipe(migrated)
    port = free_port()
    proc = serve(migrated, port)
    try:
        wait_ready(port, proc)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def graphql(port: int, query: str) -> httpx.Response:
    return httpx.post(
        f"http://127.0.0.1:{port}/graphql", json={"query": query}, headers=headers(), timeout=30
    )


def test_serve_seeds_an_empty_graph_and_answers_node_counts(service: int) -> None:
    assert httpx.get(f"http://127.0.0.1:{service}/readyz").json()["ready"] is True
    body = graphql(service, "{ nodeCounts { label count } }").json()
    counts = {c["label"]: c["count"] for c in body["data"]["nodeCounts"]}
    assert counts["District"] >= 1 and counts["Community"] >= 2


def test_wrong_uri_is_one_line_naming_the_uri_not_the_password() -> None:
    port = free_port()
    proc = serve(f"bolt://127.0.0.1:{free_port()}", free_port(), password="s3cret-pw")
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode != 0
    lines = [ln for ln in out.strip().splitlines() if ln]
    assert lines[-1].startswith("gridlink: cannot reach Neo4j at bolt://127.0.0.1:")
    assert "s3cret-pw" not in out
    assert port  # the service port was never bound


def test_a_neo4j_outage_turns_ready_503_and_recovers_without_restart(tmp_path: Path) -> None:
    inst = LocalNeo4j(port=free_port(), home=tmp_path / "outage", pagecache_mb=64, heap="512m")
    start(inst, quiet=True)
    port = free_port()
    proc = serve(inst.uri, port, "--no-seed")
    try:
        wait_ready(port, proc)
        assert httpx.get(f"http://127.0.0.1:{port}/readyz").status_code == 200
        stop(inst)
        t0 = time.monotonic()
        down = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=10)
        assert time.monotonic() - t0 < 5
        assert down.status_code == 503 and "unreachable" in down.json()["reason"]
        t0 = time.monotonic()
        answer = graphql(port, "{ nodeCounts { label count } }")
        print(f"answer while down took {time.monotonic() - t0:.1f}s")
        errors = answer.json()["errors"]
        assert answer.status_code == 503
        assert errors[0]["message"] == "The database is unavailable; try again shortly."
        assert "Traceback" not in answer.text and "neo4j" not in answer.text.lower()
        start(inst, quiet=True)
        deadline = time.monotonic() + 30
        while httpx.get(f"http://127.0.0.1:{port}/readyz").status_code != 200:
            assert time.monotonic() < deadline, "did not recover"
            time.sleep(0.5)
        assert "data" in graphql(port, "{ nodeCounts { label count } }").json()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        stop(inst)
