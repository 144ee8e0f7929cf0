"""A real `gridlink serve` for the HTTP tests: its own process, a free port, the test Neo4j.

The graph is wiped first, so the service loads the seed dataset itself, as it does on a
fresh install. A page on APP_ORIGIN may call it (CORS and WebSocket origins); no other.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port, wipe

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]
APP_ORIGIN = "http://coordinator-app.test"


@dataclass(frozen=True)
class Service:
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/graphql"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start_service(uri: str, port: int, **env: str) -> subprocess.Popen[str]:
    environment = {
        **os.environ,
        "NEO4J_URI": uri,
        "NEO4J_USER": "neo4j",
        "NEO4J_PASSWORD": "",
        "GRIDLINK_CORS_ORIGINS": APP_ORIGIN,
        **env,
    }
    return subprocess.Popen(
        [str(BIN / "gridlink"), "serve", "--port", str(port)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_healthy(port: int, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read() if proc.stdout else ""
            raise AssertionError(f"gridlink serve exited: {out}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("gridlink serve did not become ready")


@pytest.fixture(scope="package")
def service(migrated: str) -> Iterator[Service]:
    wipe(migrated)
    port = free_port()
    proc = start_service(migrated, port)
    try:
        wait_healthy(port, proc)
        yield Service(port)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def node_tools_or_skip(*packages: str) -> str:
    """The node binary when node and the npm packages are installed (`./run` installs both)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the audit and the browser driver run on Node.js")
    for package in packages:
        if not (ROOT / "node_modules" / package / "package.json").is_file():
            pytest.skip(f"npm package {package} is not installed: run `npm ci` (./run does it)")
    return node
