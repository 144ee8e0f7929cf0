"""Coordination questions over the service (HTTP) on a Neo4j holding the `city` preset:
p50/p99 of needMatches, servingTeam, caseRouting (one entity each, a different one per
request) and of coverageGaps, caseStats for the whole city (one request asking for all 14
districts, the model having no place above a district).

    NEO4J_URI=bolt://127.0.0.1:7705 .venv/bin/gridlink migrate
    NEO4J_URI=bolt://127.0.0.1:7705 .venv/bin/gridlink load <city dataset>
    .venv/bin/python benchmarks/coordination.py --uri bolt://127.0.0.1:7705 --port 8141

Requests go one at a time over one keep-alive connection (latency, not throughput), as an
admin; each answer is checked for errors. The first requests of each question warm the
plan cache and are not counted. Writes benchmarks/results/coordination.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from neo4j import GraphDatabase

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RESULTS = ROOT / "benchmarks" / "results"

# Test-only Cypher that picks the subjects to ask about (never part of the service).
PICK = {
    "needs": "MATCH (n:Need) WHERE n.status IN ['open', 'partly_met'] "
    "AND EXISTS { (n)-[:IN_CATEGORY]->() } RETURN n.id AS id ORDER BY n.id LIMIT $n",
    "buildings": "MATCH (b:Building) RETURN b.id AS id ORDER BY b.id LIMIT $n",
    "cases": "MATCH (c:Case) WHERE c.reportedAt >= datetime('2000-01-01T00:00:00Z') "
    "RETURN c.id AS id ORDER BY c.reportedAt DESC LIMIT $n",
    "districts": "MATCH (d:District) RETURN d.id AS id ORDER BY d.id",
    "busiest": "MATCH (d:District) RETURN d.id AS id "
    "ORDER BY COUNT { (d)<-[:PART_OF*0..]-(:Place)<-[:AT]-(:Case) } DESC, d.id LIMIT 1",
}

MATCHES = """query ($id: ID!) { needMatches(needId: $id, first: 10) {
  score nearness provider { __typename ... on MemberUnit { name } ... on VolunteerTeam { name }
  ... on Person { name } } resource { title } reasons { code detailZh detailEn points } } }"""
TEAM = """query ($id: ID!) { servingTeam(placeId: $id) {
  place { name } grid { name } gridLeader { person { name phone } }
  gridWorkers { person { name } } leaders { person { name } role place { name } }
  claimedBy { person { name } role } compounds { compound { name }
  propertyCompanies { company { name } red reasons { code detailZh } } ownersCommittees { name } }
  community { name } communityPartyOrganisations { name } street { name } district { name }
  nearestStation { station { name } distanceKm } notes { code detailZh } } }"""
ROUTING = """query ($id: ID!) { caseRouting(caseId: $id) {
  level holder { name } reasons { code detailZh detailEn }
  gridWorkers { person { name } role } gridMediators { person { name } }
  communityMediators { person { name } } departments { department { name } reasons { code } }
  similarCases { case { title } nearness closedBy { name } } } }"""
GAPS_FIELDS = """{ gridsWithoutPartyOrganisation { total items { subject { externalId } } }
  buildingsWithoutLeader { total items { subject { externalId } } }
  compoundsIncomplete { total items { missing } }
  propertyCompaniesNotRed { total items { subject { externalId } } }
  communitiesMissingSixInOne { total items { missing } }
  communitiesWithoutPartner { total } staleNeeds { total needs { daysOpen } } }"""
STATS_FIELDS = """{ scope { total closureRate resolvedAtGridShare mediationSuccessRate
  medianHoursToClose meanSatisfaction onTimeClosureRate byKind { key count }
  byStatus { key count } } children { place { name } total closureRate
  resolvedAtGridShare medianHoursToClose onTimeClosureRate } }"""


def whole_city(field: str, args: str, fields: str, districts: list[str]) -> str:
    """One operation asking every district, each under its own alias."""
    parts = [
        f'd{i}: {field}(scopeId: "{gid("District", d)}"{args}) {fields}'
        for i, d in enumerate(districts)
    ]
    return "query {\n" + "\n".join(parts) + "\n}"


def gid(type_name: str, external: str) -> str:
    from schema.core.ids import to_global

    return to_global(type_name, external)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def pick(uri: str, n: int) -> dict[str, list[str]]:
    with GraphDatabase.driver(uri, auth=None) as driver:
        return {
            key: [str(r["id"]) for r in driver.execute_query(text, n=n).records]  # type: ignore[arg-type]
            for key, text in PICK.items()
        }


def start_service(uri: str, port: int, secret: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEO4J_URI": uri, "GRIDLINK_JWT_SECRET": secret}
    proc = subprocess.Popen(
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
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gridlink serve exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("the service did not become ready in 120 s")


def token(secret: str) -> str:
    env = {**os.environ, "GRIDLINK_JWT_SECRET": secret}
    out = subprocess.run(
        [str(BIN / "gridlink"), "token", "--role", "admin", "--sub", "bench"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().splitlines()[0]


def timed(client: httpx.Client, query: str, variables: dict[str, Any] | None) -> float:
    t0 = time.perf_counter()
    response = client.post("/graphql", json={"query": query, "variables": variables or {}})
    ms = (time.perf_counter() - t0) * 1000
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        errors = json.dumps(body.get("errors"), ensure_ascii=False)[:600]
        raise RuntimeError(f"{response.status_code}: {errors}")
    if not body.get("data") or any(v is None for v in body["data"].values()):
        raise RuntimeError(f"no answer: {json.dumps(body, ensure_ascii=False)[:400]}")
    return ms


def measure(
    client: httpx.Client, query: str, variables: list[dict[str, Any] | None], warmup: int
) -> dict[str, Any]:
    for v in variables[:warmup]:
        timed(client, query, v)
    samples = [timed(client, query, v) for v in variables[warmup:]]
    return {
        "n": len(samples),
        "p50_ms": round(percentile(samples, 0.5), 1),
        "p99_ms": round(percentile(samples, 0.99), 1),
        "max_ms": round(max(samples), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uri", default="bolt://127.0.0.1:7705", help="Neo4j holding the city")
    parser.add_argument("--port", type=int, default=8141, help="port for the service")
    parser.add_argument(
        "--single", type=int, default=200, help="requests per single-entity question"
    )
    parser.add_argument("--whole", type=int, default=10, help="requests per whole-city report")
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()

    load_before = os.getloadavg()
    subjects = pick(args.uri, args.single + args.warmup)
    secret = secrets.token_hex(32)
    proc = start_service(args.uri, args.port, secret)
    headers = {"Authorization": f"Bearer {token(secret)}"}
    results: dict[str, Any] = {}
    try:
        with httpx.Client(
            base_url=f"http://127.0.0.1:{args.port}", headers=headers, timeout=120
        ) as client:
            single = {
                "1 needMatches": (MATCHES, "Need", subjects["needs"]),
                "3 servingTeam": (TEAM, "Building", subjects["buildings"]),
                "4 caseRouting": (ROUTING, "Case", subjects["cases"]),
            }
            for name, (query, type_name, found) in single.items():
                variables: list[dict[str, Any] | None] = [{"id": gid(type_name, x)} for x in found]
                results[name] = measure(client, query, variables, args.warmup)
                print(name, results[name], flush=True)
            districts = subjects["districts"]
            whole = {
                "5 coverageGaps (14 districts)": whole_city(
                    "coverageGaps", ", first: 100", GAPS_FIELDS, districts
                ),
                "7 caseStats (14 districts)": whole_city("caseStats", "", STATS_FIELDS, districts),
            }
            # What one district's coordinator asks: the district with the most cases.
            busiest = subjects["busiest"][0]
            whole[f"7 caseStats (one district, {busiest})"] = whole_city(
                "caseStats", "", STATS_FIELDS, [busiest]
            )
            for name, query in whole.items():
                results[name] = measure(client, query, [None] * (args.whole + 1), warmup=1)
                print(name, results[name], flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "uri": args.uri,
        "cpus": os.cpu_count(),
        "load_average_before_after": [round(load_before[0], 1), round(os.getloadavg()[0], 1)],
        "results": results,
    }
    (RESULTS / "coordination.json").write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
