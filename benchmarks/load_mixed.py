"""Mixed reads and writes from many clients at once: no errors, no lost writes (issue 8).

    .venv/bin/python benchmarks/load_mixed.py [--clients 50] [--seconds 60] [--preset district]

One run: a Neo4j of its own (port BENCH_NEO4J_PORT or --neo4j-port, store
.gridlink/neo4j/load-mixed-<preset>-<seed>) holding the generated preset, gridlink on
loopback (one uvicorn worker), and `--clients` closed-loop clients in this process, each
sending its next request when the last one answered (so never more than `--clients` in
flight), for `--seconds`, after a warm-up that sends each operation three times one at a
time (Neo4j plans each statement once, cold). Four roles take part with their own tokens (a coordinator of a
street, a grid worker of one of its grids, a planner, an admin); one request in five is a
write (a need created in the grid worker's grid, a case reported by the coordinator in one of
ten grids of the street), each tagged with the run's id.

Afterwards it counts, in Neo4j, the needs and cases carrying the run's tag: every write the
service acknowledged must be there, whole. Prints throughput, p50/p95/p99 per operation and
overall, errors, lost writes; writes benchmarks/results/load_mixed-<preset>.json. Exit
status 1 when anything failed or was lost.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import random
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from neo4j import GraphDatabase

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import (
    BIN,
    free_port,
    machine,
    preset_dir,
    process,
    token_headers,
    write_result,
)
from gridlink.config import STATE_DIR
from gridlink.neo4j_local import LocalNeo4j, start, stop
from schema.core.ids import to_global


@contextmanager
def own_neo4j(preset: str, seed: int, port: int) -> Iterator[LocalNeo4j]:
    inst = LocalNeo4j(
        port=port,
        home=STATE_DIR / "neo4j" / f"load-mixed-{preset}-{seed}",
        heap="2g",
        pagecache_mb=512,
    )
    marker = inst.data_dir / "gridlink-loaded"
    start(inst)
    try:
        if not marker.exists():
            env = {**os.environ, "NEO4J_URI": inst.uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": ""}
            subprocess.run([str(BIN / "gridlink"), "migrate"], check=True, env=env)
            data = preset_dir(preset, seed)
            subprocess.run([str(BIN / "gridlink"), "load", str(data)], check=True, env=env)
            marker.write_text(f"{preset} seed {seed}\n")
        yield inst
    finally:
        stop(inst)


def pick(uri: str) -> dict[str, Any]:
    """A street, one of its grids, and entities under them the reads ask for."""
    with GraphDatabase.driver(uri, auth=None) as driver:
        street = driver.execute_query(
            "MATCH (:Person)-[:LIVES_IN]->(:Household)-[:PART_OF*]->(g:Grid)-[:PART_OF*]->(s:Street) "
            "WITH s, g, count(*) AS residents ORDER BY residents DESC "
            "RETURN s.id AS street, collect(g.id) AS grids, sum(residents) AS n ORDER BY n DESC LIMIT 1"
        ).records[0]
        people = driver.execute_query(
            "MATCH (p:Person)-[:LIVES_IN]->(:Household)-[:PART_OF*1..]->(:Street {id: $s}) "
            "RETURN p.id AS id LIMIT 200",
            s=street["street"],
        ).records
        cases = driver.execute_query(
            "MATCH (c:Case)-[:AT]->(:Place)-[:PART_OF*0..]->(:Street {id: $s}) RETURN c.id AS id LIMIT 200",
            s=street["street"],
        ).records
        name = driver.execute_query(
            "MATCH (c:Community)-[:PART_OF]->(:Street {id: $s}) RETURN c.name AS name LIMIT 1",
            s=street["street"],
        ).records[0]["name"]
    return {
        "street": street["street"],
        "grid": street["grids"][0],  # the grid worker's: most residents
        "grids": street["grids"][:10],
        "people": [r["id"] for r in people],
        "cases": [r["id"] for r in cases],
        "phrase": str(name)[:2],
    }


def tokens(env: dict[str, str], ids: dict[str, Any]) -> dict[str, dict[str, str]]:
    def token(*args: str) -> dict[str, str]:
        return token_headers(env, *args)

    return {
        "admin": token("--role", "admin", "--sub", "load-admin"),
        "coordinator": token(
            "--role", "coordinator", "--scope", ids["street"], "--sub", "load-coord"
        ),
        "grid_worker": token("--role", "grid_worker", "--scope", ids["grid"], "--sub", "load-grid"),
        "planner": token("--role", "planner", "--sub", "load-plan"),
    }


PERSON = "query($id: ID!) { node(id: $id) { ... on Person { name phone household { name } } } }"
NEEDS = "query($under: ID!) { needs(first: 20, filter: {under: $under}) { totalCount nodes { title status place { name } } } }"
SEARCH = "query($t: String!) { search(text: $t, first: 10) { score node { id } } }"
CASE = "query($id: ID!) { case(id: $id) { title status place { name } history { action } } }"
OPEN_NEEDS = "query($s: ID!) { openNeeds(scopeId: $s, first: 20) { __typename } }"
NEED_CREATE = """mutation($i: NeedCreateInput!) {
  needCreate(input: $i) { need { externalId } errors { code message } } }"""
CASE_REPORT = """mutation($i: CaseReportInput!) {
  caseReport(input: $i) { case { externalId } errors { code message } } }"""


def next_request(
    rng: random.Random, ids: dict[str, Any], run: str, n: int
) -> tuple[str, str, dict[str, Any], str | None]:
    """(operation name, role, GraphQL body, write tag or None)."""
    street = to_global("Street", ids["street"])
    grid = to_global("Grid", ids["grid"])
    anywhere = to_global("Grid", rng.choice(ids["grids"]))  # cases come from across the street
    roll = rng.random()
    if roll < 0.10:
        tag = f"{run}-need-{n}"
        body = {
            "query": NEED_CREATE,
            "variables": {"i": {"title": tag, "quantity": 2, "place": grid, "externalId": tag}},
        }
        return "needCreate", "grid_worker", body, tag
    if roll < 0.20:
        tag = f"{run}-case-{n}"
        body = {
            "query": CASE_REPORT,
            "variables": {
                "i": {"title": tag, "kind": "REPORT", "severity": 2, "placeId": anywhere}
            },
        }
        return "caseReport", "coordinator", body, tag
    if roll < 0.40:
        person = to_global("Person", rng.choice(ids["people"]))
        return (
            "node(Person)",
            rng.choice(["coordinator", "planner"]),
            {"query": PERSON, "variables": {"id": person}},
            None,
        )
    if roll < 0.60:
        return (
            "needs",
            rng.choice(["coordinator", "grid_worker", "admin"]),
            {"query": NEEDS, "variables": {"under": street}},
            None,
        )
    if roll < 0.75:
        return (
            "search",
            rng.choice(["coordinator", "planner"]),
            {"query": SEARCH, "variables": {"t": ids["phrase"]}},
            None,
        )
    if roll < 0.90:
        case = to_global("Case", rng.choice(ids["cases"]))
        return "case", "coordinator", {"query": CASE, "variables": {"id": case}}, None
    return "openNeeds", "coordinator", {"query": OPEN_NEEDS, "variables": {"s": street}}, None


def percentile(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return float("nan")
    return sorted_ms[max(0, min(len(sorted_ms) - 1, round(p / 100 * (len(sorted_ms) - 1))))]


async def drive(
    url: str,
    auth: dict[str, dict[str, str]],
    ids: dict[str, Any],
    clients: int,
    seconds: float,
    run: str,
) -> dict[str, Any]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    acknowledged: list[str] = []
    deadline = time.monotonic() + seconds

    async def client(k: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(k)
        n = 0
        while time.monotonic() < deadline:
            n += 1
            name, role, body, tag = next_request(rng, ids, run, k * 1_000_000 + n)
            t0 = time.perf_counter()
            try:
                response = await http.post(url, json=body, headers=auth[role])
                answer = response.json()
            except (httpx.HTTPError, ValueError) as exc:
                errors.append(f"{name}: {exc!r}")
                continue
            latencies[name].append((time.perf_counter() - t0) * 1000)
            if response.status_code != 200 or "errors" in answer:
                errors.append(f"{name}: {response.status_code} {response.text[:200]}")
            elif tag is not None:
                payload = answer["data"][name]
                if payload["errors"]:
                    errors.append(f"{name}: {payload['errors']}")
                else:
                    acknowledged.append(tag)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=120) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(k, http) for k in range(clients)))
        elapsed = time.perf_counter() - started
    everything = sorted(ms for values in latencies.values() for ms in values)
    per_op = {
        name: {
            "count": len(values),
            "p50_ms": round(percentile(sorted(values), 50), 1),
            "p95_ms": round(percentile(sorted(values), 95), 1),
            "p99_ms": round(percentile(sorted(values), 99), 1),
        }
        for name, values in sorted(latencies.items())
    }
    return {
        "requests": len(everything),
        "seconds": round(elapsed, 1),
        "throughput_rps": round(len(everything) / elapsed, 1),
        "p50_ms": round(percentile(everything, 50), 1),
        "p95_ms": round(percentile(everything, 95), 1),
        "p99_ms": round(percentile(everything, 99), 1),
        "errors": len(errors),
        "first_errors": errors[:5],
        "acknowledged_writes": acknowledged,
        "operations": per_op,
    }


def warm_up(url: str, auth: dict[str, dict[str, str]], ids: dict[str, Any], run: str) -> None:
    """Each operation a few times, one at a time: Neo4j plans every statement once, cold."""
    rng = random.Random(0)
    seen: dict[str, int] = defaultdict(int)
    n = 0
    while len(seen) < 7 or min(seen.values()) < 3:
        n += 1
        name, role, body, _ = next_request(rng, ids, run, n)
        httpx.post(url, json=body, headers=auth[role], timeout=300)
        seen[name] += 1


def found_writes(uri: str, run: str) -> dict[str, int]:
    """Tagged writes in the graph, each counted only when whole (its place, its first event)."""
    with GraphDatabase.driver(uri, auth=None) as driver:
        needs = driver.execute_query(
            "MATCH (n:Need) WHERE n.id STARTS WITH $run "
            "RETURN n.id AS tag, COUNT { (n)-[:CONCERNS]->(:Grid) } = 1 AND n.actorId = 'load-grid' AS whole",
            run=run,
        ).records
        cases = driver.execute_query(
            "MATCH (c:Case) WHERE c.title STARTS WITH $run "
            "RETURN c.title AS tag, COUNT { (c)-[:AT]->(:Grid) } = 1 AND COUNT { (c)-[:HAS_EVENT]->() } >= 1 AS whole",
            run=run,
        ).records
    return {r["tag"]: int(bool(r["whole"])) for r in [*needs, *cases]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--preset", default="district")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--neo4j-port", type=int, default=int(os.environ.get("BENCH_NEO4J_PORT", "7790"))
    )
    args = parser.parse_args()
    run = f"load-{uuid.uuid4().hex[:8]}"
    with own_neo4j(args.preset, args.seed, args.neo4j_port) as neo:
        ids = pick(neo.uri)
        env = {
            **os.environ,
            "NEO4J_URI": neo.uri,
            "NEO4J_USER": "neo4j",
            "NEO4J_PASSWORD": "",
            "GRIDLINK_JWT_SECRET": uuid.uuid4().hex + uuid.uuid4().hex,
        }
        auth = tokens(env, ids)
        port = free_port()
        log_dir = STATE_DIR / "bench-logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        load_before = os.getloadavg()
        with process(
            [
                str(BIN / "gridlink"),
                "serve",
                "--port",
                str(port),
                "--no-seed",
                "--log-level",
                "warning",
            ],
            env=env,
            ready_url=f"http://127.0.0.1:{port}/healthz",
            log=log_dir / "load-mixed.log",
        ):
            url = f"http://127.0.0.1:{port}/graphql"
            warm_up(url, auth, ids, f"warm-{run}")  # not counted: its tags do not start with run
            result = asyncio.run(drive(url, auth, ids, args.clients, args.seconds, run))
        found = found_writes(neo.uri, run)
    acknowledged = result.pop("acknowledged_writes")
    lost = sorted(set(acknowledged) - set(found))
    broken = sorted(tag for tag, whole in found.items() if not whole)
    result.update(
        {
            "command": " ".join(["benchmarks/load_mixed.py", *sys.argv[1:]]),
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "machine": {**machine(), "load_average_before": [round(x, 1) for x in load_before]},
            "preset": f"{args.preset} seed {args.seed}",
            "clients": args.clients,
            "writes_acknowledged": len(acknowledged),
            "writes_found_whole": sum(found.values()),
            "writes_lost": len(lost),
            "writes_broken": len(broken),
        }
    )
    path = write_result(f"load_mixed-{args.preset}", result)
    print(
        json.dumps(
            {k: v for k, v in result.items() if k != "operations"}, ensure_ascii=False, indent=1
        )
    )
    print("| operation | requests | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|")
    for name, row in result["operations"].items():
        print(f"| {name} | {row['count']} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} |")
    print(f"results in {path}")
    return 1 if result["errors"] or lost or broken else 0


if __name__ == "__main__":
    sys.exit(main())
