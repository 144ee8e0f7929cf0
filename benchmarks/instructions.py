"""Instructions a request of gridlink's server, counted by valgrind: a figure the machine's load
does not move.

    ./run bench instructions --uri bolt://127.0.0.1:7790 [--only 1 4] [--requests 300]
        [--rev 44efc3d] [--no-save]

Throughput and CPU seconds on a shared 2-core machine move by 10-20 % from run to run, which
hides the effect of a change of a few per cent. `valgrind --tool=callgrind` counts the
instructions the server process executes instead (user space: syscalls and Neo4j aside), the
same count for the same code and requests whatever else runs. For each operation of
benchmarks/compare.py this starts gridlink's server as compare.py does (one uvicorn worker)
under callgrind with counting off, warms it with 100 requests, counts `--requests` requests
sent by 8 clients (httpx, in this process; only the server is counted), and reports
instructions per request. With `--rev`, the same for that git revision (checked out in a
worktree under .gridlink/), side by side. Writes benchmarks/results/instructions-<preset>.json
unless --no-save. Needs valgrind (on every machine of this kind) and a Neo4j holding the
preset (`--uri`, or the benchmarks' own, loaded as compare.py loads it).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.compare import (
    admin_auth,
    existing,
    gridlink_command,
    operations,
    pick_ids,
    remove_written,
    service_env,
)
from benchmarks.harness import bench_neo4j, free_port, machine, write_result
from gridlink.config import PROJECT_ROOT, STATE_DIR

CLIENTS = 8
WARM = 100


async def send(url: str, body: dict[str, Any], headers: dict[str, str], count: int) -> None:
    """`count` requests from CLIENTS clients; every answer must be a 200 without errors."""
    async with httpx.AsyncClient(timeout=300) as http:

        async def client(n: int) -> None:
            for _ in range(n):
                answer = await http.post(url, json=body, headers=headers)
                if answer.status_code != 200 or "errors" in answer.json():
                    raise RuntimeError(f"{url}: {answer.text[:300]}")

        share, extra = divmod(count, CLIENTS)
        await asyncio.gather(*(client(share + (i < extra)) for i in range(CLIENTS)))


def count(
    root: Path, env: dict[str, str], body: dict[str, Any], headers: dict[str, str], n: int
) -> float:
    """Instructions per request of the server of the tree at `root`."""
    port = free_port()
    log = STATE_DIR / f"callgrind-{os.getpid()}.log"
    out = STATE_DIR / f"callgrind-{os.getpid()}.out"
    proc = subprocess.Popen(
        [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={out}",
            f"--log-file={log}",
            *gridlink_command(port),
        ],
        cwd=root,
        env={**env, "PYTHONPATH": str(root)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300  # start-up is ~20 times slower under valgrind
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"the server under valgrind did not start; see {log}"
                    ) from None
                time.sleep(1)
        url = f"http://127.0.0.1:{port}/graphql"
        asyncio.run(send(url, body, headers, WARM))
        control = ["callgrind_control", "--instr"]
        subprocess.run([*control, "on", str(proc.pid)], check=True, capture_output=True)
        asyncio.run(send(url, body, headers, n))
        subprocess.run([*control, "off", str(proc.pid)], check=True, capture_output=True)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
    found = re.search(r"Collected : (\d+)", log.read_text())
    log.unlink(missing_ok=True)
    for leftover in STATE_DIR.glob(f"callgrind-{os.getpid()}.out*"):
        leftover.unlink()
    if found is None:
        raise RuntimeError("valgrind reported no instruction count")
    return int(found.group(1)) / n


@contextmanager
def worktree(rev: str) -> Iterator[Path]:
    """A checkout of `rev` beside the project for the run, removed afterwards (the servers
    started from it are given NEO4J_URI, so it needs nothing else of its own)."""
    sha = subprocess.run(
        ["git", "rev-parse", "--verify", f"{rev}^{{commit}}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    path = STATE_DIR / "revisions" / sha[:12]
    git = ["git", "-C", str(PROJECT_ROOT), "worktree"]
    subprocess.run(
        [*git, "add", "--force", "--detach", str(path), sha], check=True, capture_output=True
    )
    try:
        yield path
    finally:
        subprocess.run([*git, "remove", "--force", str(path)], check=False, capture_output=True)


def measure_all(args: argparse.Namespace, trees: dict[str, Path]) -> list[dict[str, Any]]:
    """Each chosen operation's count on each tree."""
    with existing(args.uri) if args.uri else bench_neo4j(args.preset, args.seed) as neo:
        ids = pick_ids(neo.uri)
        env = {**service_env(neo.uri, os.urandom(24).hex()), "GRIDLINK_SEED": "0"}
        auth = admin_auth(env)
        ops = operations(ids)
        rows = []
        for number in args.only or range(1, len(ops) + 1):
            op = ops[number - 1]
            row: dict[str, Any] = {"operation": op["name"], "instructions_per_request": {}}
            for name, root in trees.items():
                per = count(root, env, op["gridlink"], auth, args.requests)
                row["instructions_per_request"][name] = round(per)
                print(f"{op['name'][:40]:40} {name:12} {per / 1e6:8.3f} M", flush=True)
            remove_written(neo.uri)
            rows.append(row)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="city")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--uri", help="a Neo4j already holding the preset")
    parser.add_argument("--only", type=int, nargs="*", help="operation numbers (1-5)")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rev", help="also count this git revision, side by side")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        raise SystemExit("instructions: needs valgrind (Debian's package valgrind)")

    with ExitStack() as stack:
        trees = {"this tree": PROJECT_ROOT}
        if args.rev:
            trees = {args.rev: stack.enter_context(worktree(args.rev)), **trees}
        rows = measure_all(args, trees)
    result = {
        "command": "./run bench instructions " + " ".join(sys.argv[1:]),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "requests": args.requests,
        "clients": CLIENTS,
        "operations": rows,
    }
    if not args.no_save:
        print(f"wrote {write_result(f'instructions-{args.preset}', result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
