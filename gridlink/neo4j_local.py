"""The project's own Neo4j: fetched by Maven, started, waited for and stopped.

Neo4j Community 5.26 runs embedded in a one-file Java launcher (neo4j_server/Launcher.java)
with its Bolt connector bound to 127.0.0.1. The jars come from Maven Central through
neo4j_server/pom.xml into .gridlink/neo4j/lib; the store lives in .gridlink/neo4j/data-<port>.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from gridlink.config import STATE_DIR

SERVER_DIR = Path(__file__).resolve().parent / "neo4j_server"
MIN_JAVA = 17


class Neo4jLocalError(RuntimeError):
    """A problem the user can fix (no Java, busy port, failed download); one line of text."""


@dataclass(frozen=True)
class LocalNeo4j:
    port: int = 7687
    home: Path | None = None
    heap: str = "1g"
    pagecache_mb: int = 512
    tx_timeout_s: int = 30

    @property
    def root(self) -> Path:
        return STATE_DIR / "neo4j"

    @property
    def data_dir(self) -> Path:
        return self.home or self.root / f"data-{self.port}"

    @property
    def pid_file(self) -> Path:
        return self.data_dir / "gridlink-neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "gridlink-neo4j.log"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


def java_version(java: str = "java") -> int | None:
    """The major version of `java` on PATH, or None when there is none."""
    exe = shutil.which(java)
    if exe is None:
        return None
    out = subprocess.run([exe, "-version"], capture_output=True, text=True, check=False).stderr
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def check_java() -> None:
    version = java_version()
    if version is None:
        raise Neo4jLocalError(
            "gridlink: no Java found; install Java 17 (apt-get install openjdk-17-jre-headless) "
            "or set NEO4J_URI to use an existing Neo4j"
        )
    if version < MIN_JAVA:
        raise Neo4jLocalError(
            f"gridlink: Java {version} is too old for Neo4j 5.26; install Java {MIN_JAVA} "
            "(apt-get install openjdk-17-jre-headless) or set NEO4J_URI"
        )


def _provision_key() -> str:
    digest = hashlib.sha256()
    for name in ("pom.xml", "Launcher.java"):
        digest.update((SERVER_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


def provision(root: Path | None = None, quiet: bool = False) -> Path:
    """Fetch the jars with Maven and compile the launcher once; return the classpath dir.

    Keyed on the pom and the launcher's text, so a version bump provisions afresh.
    """
    root = root or STATE_DIR / "neo4j"
    dist = root / f"dist-{_provision_key()}"
    if (dist / "classes" / "Launcher.class").exists():
        return dist
    check_java()
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jLocalError(
            "gridlink: Maven (mvn) is needed once to fetch Neo4j; install it (apt-get install maven) "
            "or set NEO4J_URI"
        )
    tmp = root / f"tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "classes").mkdir(parents=True)
    if not quiet:
        print("[neo4j] fetching Neo4j Community 5.26 from Maven Central ...", file=sys.stderr)
    fetch = subprocess.run(
        [
            mvn,
            "-q",
            "-B",
            "-f",
            str(SERVER_DIR / "pom.xml"),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={tmp / 'lib'}",
            "-DincludeScope=runtime",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if fetch.returncode != 0:
        tail = (fetch.stdout + fetch.stderr).strip().splitlines()[-3:]
        raise Neo4jLocalError("gridlink: Maven could not fetch Neo4j: " + " | ".join(tail))
    javac = shutil.which("javac")
    if javac is None:
        raise Neo4jLocalError(
            "gridlink: javac not found; install a JDK 17 (openjdk-17-jdk-headless)"
        )
    build = subprocess.run(
        [
            javac,
            "-cp",
            str(tmp / "lib") + "/*",
            "-d",
            str(tmp / "classes"),
            str(SERVER_DIR / "Launcher.java"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if build.returncode != 0:
        raise Neo4jLocalError(
            "gridlink: compiling the Neo4j launcher failed: " + build.stderr[-500:]
        )
    shutil.rmtree(dist, ignore_errors=True)
    tmp.rename(dist)
    return dist


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def read_pid(inst: LocalNeo4j) -> int | None:
    try:
        pid = int(inst.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except OSError:
        return None
    return pid


def status(inst: LocalNeo4j) -> str:
    pid = read_pid(inst)
    if pid is None:
        return f"stopped (port {inst.port}, data {inst.data_dir})"
    state = "running" if port_in_use(inst.port) else "starting"
    return f"{state} (pid {pid}, {inst.uri}, data {inst.data_dir})"


def start(inst: LocalNeo4j, timeout_s: float = 180.0, quiet: bool = False) -> int:
    """Start Neo4j in the background and wait until Bolt answers; return its pid.

    Already running on this data dir: returns the running pid. A port held by anything
    else is a clear error rather than a second server fighting for it.
    """
    existing = read_pid(inst)
    if existing is not None:
        return existing
    if port_in_use(inst.port):
        raise Neo4jLocalError(
            f"gridlink: port {inst.port} on 127.0.0.1 is already in use; stop what holds it or "
            "choose another with --port / GRIDLINK_NEO4J_PORT"
        )
    dist = provision(inst.root, quiet=quiet)
    inst.data_dir.mkdir(parents=True, exist_ok=True)
    log = inst.log_file.open("wb")  # a fresh log, so an old "ready" line cannot fool the wait
    started = time.monotonic()
    proc = subprocess.Popen(
        [
            shutil.which("java") or "java",
            f"-Xmx{inst.heap}",
            "-XX:+UseG1GC",
            "-Dfile.encoding=UTF-8",
            "-cp",
            f"{dist / 'classes'}:{dist / 'lib'}/*",
            "Launcher",
            "--home",
            str(inst.data_dir),
            "--port",
            str(inst.port),
            "--tx-timeout",
            str(inst.tx_timeout_s),
            "--pagecache-mb",
            str(inst.pagecache_mb),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl-C in the terminal reaches gridlink, which stops it cleanly
    )
    inst.pid_file.write_text(str(proc.pid))
    deadline = started + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            inst.pid_file.unlink(missing_ok=True)
            tail = inst.log_file.read_text(errors="replace").strip().splitlines()[-5:]
            raise Neo4jLocalError("gridlink: Neo4j exited while starting: " + " | ".join(tail))
        if "gridlink-neo4j ready" in inst.log_file.read_text(errors="replace") and port_in_use(
            inst.port
        ):
            if not quiet:
                took = time.monotonic() - started
                print(
                    f"[neo4j] ready at {inst.uri} in {took:.1f}s (data {inst.data_dir})",
                    file=sys.stderr,
                )
            return proc.pid
        time.sleep(0.2)
    stop(inst)
    raise Neo4jLocalError(
        f"gridlink: Neo4j did not become ready within {timeout_s:.0f}s; see {inst.log_file}"
    )


def stop(inst: LocalNeo4j, timeout_s: float = 60.0) -> bool:
    """Stop the server cleanly (SIGTERM runs Neo4j's shutdown); True if one was running."""
    pid = read_pid(inst)
    if pid is None:
        inst.pid_file.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            break
        _reap(pid)
        time.sleep(0.2)
    else:
        os.kill(pid, signal.SIGKILL)
    _reap(pid)
    inst.pid_file.unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
