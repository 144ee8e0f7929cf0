"""The project's own Neo4j: clear errors for what a user can fix."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gridlink.neo4j_local import LocalNeo4j, Neo4jLocalError, start, status
from tests.conftest import free_port

BIN = Path(sys.executable).parent


def test_a_busy_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(Neo4jLocalError, match=f"port {port} .* already in use"):
            start(LocalNeo4j(port=port, home=tmp_path / "data"))


def test_status_of_a_stopped_server_says_stopped(tmp_path: Path) -> None:
    assert status(LocalNeo4j(port=free_port(), home=tmp_path)).startswith("stopped")


def test_no_java_names_what_to_install(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(BIN), "GRIDLINK_STATE_DIR": str(tmp_path)}
    env.pop("NEO4J_URI", None)
    out = subprocess.run(
        [str(BIN / "gridlink"), "neo4j", "start", "--port", str(free_port())],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "no Java found" in lines[0] and "NEO4J_URI" in lines[0]
