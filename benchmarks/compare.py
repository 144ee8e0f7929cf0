"""gridlink against the Neo4j GraphQL Library, side by side (issue 9).

    ./run bench compare [--preset city] [--seed 1] [--seconds 6] [--rounds 3]

One run: generates (or reuses) the preset, loads it once into a Neo4j of the benchmarks'
own, starts gridlink (one uvicorn worker) and the peer (@neo4j/graphql on Apollo Server,
one Node process, benchmarks/peer/) over that same Neo4j, and runs the same operations on
both at 1, 8 and 32 concurrent clients from a load generator in its own process, the two
sides alternating for `--rounds` rounds. Reports each side's median round (p50/p99 latency
and throughput), every round's ratio, Cypher round trips and PROFILE db hits per operation, and
writes benchmarks/results/compare-<preset>.json plus the table in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
from neo4j import GraphDatabase

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import (
    bench_neo4j,
    db_hits,
    ensure_wrk,
    free_port,
    load,
    load_generator_version,
    machine,
    process,
    token_headers,
    write_result,
)
from graph.cypher import q
from graph.database import Database, track_round_trips
from gridlink.config import PROJECT_ROOT, STATE_DIR
from schema.core.ids import to_global

PEER_DIR = PROJECT_ROOT / "benchmarks" / "peer"
CONCURRENCY = (1, 8, 32)


# The title of every need the write operation creates, on both sides: what
# `remove_written` deletes, so each run starts from the preset as loaded.
WRITTEN_TITLE = "压测需求"


def service_env(uri: str, secret: str) -> dict[str, str]:
    """The environment both services run in: the benchmarks' Neo4j, a signing secret."""
    return {
        **os.environ,
        "NEO4J_URI": uri,
        "NEO4J_USER": "neo4j",
        "NEO4J_PASSWORD": "",
        "GRIDLINK_JWT_SECRET": secret,
        # The nested list asks 100 items on each of 4 levels (the shape): above
        # the production defaults for depth and cost, so the benchmark raises them.
        "GRIDLINK_MAX_DEPTH": "12",
        "GRIDLINK_MAX_COST": "10000000",
    }


def gridlink_command(port: int) -> list[str]:
    """gridlink as the comparison runs it: one uvicorn worker, as a deployment would."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "gridlink.app:app_from_env",
        "--port",
        str(port),
        "--workers",
        "1",
        "--log-level",
        "warning",
    ]


def admin_auth(env: dict[str, str]) -> dict[str, str]:
    """Headers of an administrator of gridlink (the peer checks no one)."""
    return token_headers(env, "--role", "admin")


def remove_written(uri: str) -> int:
    """Delete the needs earlier runs' writes left (thousands a run: the reused preset would
    otherwise grow with every run, and the filtered page walks past them); how many."""
    with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        # IN TRANSACTIONS needs an implicit transaction: session.run, not execute_query.
        summary = session.run(
            "MATCH (n:Need {title: $title}) "
            "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
            title=WRITTEN_TITLE,
        ).consume()
        return int(summary.counters.nodes_deleted)


def pick_ids(uri: str) -> dict[str, str]:
    """Entities the operations use: the street with most communities, a busy category..."""
    with GraphDatabase.driver(uri, auth=None) as driver:
        street = driver.execute_query(
            "MATCH (s:Street)<-[:PART_OF]-(c:Community) RETURN s.id AS id, count(c) AS n "
            "ORDER BY n DESC, id LIMIT 1"
        ).records[0]["id"]
        community = driver.execute_query(
            "MATCH (c:Community)<-[:PART_OF]-(:Grid) RETURN c.id AS id, c.name AS name, count(*) AS n "
            "ORDER BY n DESC, id LIMIT 1"
        ).records[0]
        category = driver.execute_query(
            "MATCH (n:Need {status: 'open'})-[:IN_CATEGORY]->(c:Category) "
            "WHERE NOT (c)<-[:SUBCATEGORY_OF]-() "
            "RETURN c.id AS id, count(n) AS n ORDER BY n DESC, id LIMIT 1"
        ).records[0]["id"]
    name = str(community["name"])
    return {
        "street": street,
        "community": community["id"],
        "category": category,
        "phrase": name[:2] if len(name) >= 2 else name,
    }


def operations(ids: dict[str, str]) -> list[dict[str, Any]]:
    """The same five questions, written for each API."""
    street_gid = to_global("Street", ids["street"])
    community_gid = to_global("Community", ids["community"])
    category_gid = to_global("Category", ids["category"])
    today = datetime.date.today().isoformat()
    return [
        {
            "name": "lookup by id",
            "depth": 1,
            "gridlink": {
                "query": "query($id: ID!) { node(id: $id) { ... on Community "
                "{ externalId name kind } } }",
                "variables": {"id": community_gid},
            },
            "peer": {
                "query": "query($id: ID!) { communities(where: {id: {eq: $id}}) { id name kind } }",
                "variables": {"id": ids["community"]},
            },
        },
        {
            "name": "nested list (street > communities > grids > grid workers, 100 a level)",
            "depth": 4,
            "gridlink": {
                "query": """query($id: ID!) { node(id: $id) { ... on Street { name
                communities(first: 100) { edges { node { name
                  grids(first: 100) { edges { node { name
                    workers(first: 100) { edges { node { role person { name } } } } } } } } } } } } }""",
                "variables": {"id": street_gid},
            },
            "peer": {
                "query": """query($id: ID!) { streets(where: {id: {eq: $id}}) { name
                communities(limit: 100) { name
                  grids(limit: 100) { name
                    staffConnection(first: 100) { edges { properties { role } node { name } } } } } } }""",
                "variables": {"id": ids["street"]},
            },
        },
        {
            "name": "filtered connection page (open needs of a category, newest first, 20)",
            "depth": 1,
            "gridlink": {
                "query": """query($cat: ID!) { needs(filter: {status: [OPEN], category: $cat},
                orderBy: {field: RAISED_ON, direction: DESC}, first: 20) { totalCount
                edges { cursor node { externalId title quantity raisedOn } } pageInfo { hasNextPage endCursor } } }""",
                "variables": {"cat": category_gid},
            },
            "peer": {
                "query": """query($cat: ID!) { needsConnection(where: {status: {eq: "open"},
                category: {some: {id: {eq: $cat}}}}, sort: [{raisedOn: DESC}], first: 20) { totalCount
                edges { cursor node { id title quantity raisedOn } } pageInfo { hasNextPage endCursor } } }""",
                "variables": {"cat": ids["category"]},
            },
        },
        {
            "name": "full-text search (communities, Chinese)",
            "depth": 1,
            "gridlink": {
                "query": """query($t: String!) { search(text: $t, types: [COMMUNITY], first: 10) {
                score node { ... on Community { externalId name } } } }""",
                "variables": {"t": ids["phrase"]},
            },
            "peer": {
                "query": """query($t: String!) { communitiesByName(phrase: $t, first: 10) {
                edges { score node { id name } } } }""",
                "variables": {"t": ids["phrase"]},
            },
        },
        {
            "name": "write (create a need at a community)",
            "depth": 1,
            "created": lambda data: data["needCreate"]["need"]["externalId"],
            "gridlink": {
                "query": """mutation($place: ID!, $today: Date!) { needCreate(input: {title: "压测需求",
                quantity: 2, place: $place, raisedOn: $today}) { need { externalId } errors { code } } }""",
                "variables": {"place": community_gid, "today": today},
            },
            "peer": {
                "query": """mutation($place: ID!, $today: Date!) { createNeeds(input: [{title: "压测需求",
                quantity: 2, status: "open", raisedOn: $today,
                place: {connect: {where: {node: {id: {eq: $place}}}}}}]) { needs { id } } }""",
                "variables": {"place": ids["community"], "today": today},
            },
        },
    ]


async def gridlink_statements(
    uri: str, op: dict[str, Any]
) -> tuple[int, list[tuple[str, dict[str, Any]]], dict[str, Any]]:
    """Run the operation in-process against the same Neo4j; (transactions, statements sent)."""
    from tests.support.graphql import execute

    db = Database(uri, "neo4j", "", "neo4j", auth=False)
    try:
        counter = track_round_trips()
        result = await execute(db, op["query"], op.get("variables"))
        if result.errors:
            raise RuntimeError(f"gridlink: {result.errors}")
        return (
            counter.count,
            [(q(name), params) for name, params in counter.statements],
            dict(result.data or {}),
        )
    finally:
        await db.close()


def peer_statements(
    admin_url: str, url: str, op: dict[str, Any]
) -> list[tuple[str, dict[str, Any]]]:
    httpx.get(admin_url)  # clear what earlier requests left
    answer = httpx.post(url, json=op, timeout=60).json()
    if answer.get("errors"):
        raise RuntimeError(f"peer: {answer['errors']}")
    return [(c["query"], revive(c["params"])) for c in httpx.get(admin_url).json()]


def revive(value: Any) -> Any:
    """Dates the peer sent, back as Neo4j temporal values (server.mjs tags them)."""
    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return datetime.date.fromisoformat(value["$date"])
        if set(value) == {"$datetime"}:
            return datetime.datetime.fromisoformat(value["$datetime"].replace("Z", "+00:00"))
        return {k: revive(v) for k, v in value.items()}
    if isinstance(value, list):
        return [revive(v) for v in value]
    return value


def check_answers(url: str, headers: dict[str, str], op: dict[str, Any], who: str) -> None:
    answer = httpx.post(url, json=op, headers=headers, timeout=60).json()
    if answer.get("errors") or not answer.get("data"):
        raise RuntimeError(f"{who}: {json.dumps(answer, ensure_ascii=False)[:500]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="city")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--seconds", type=float, default=6.0, help="per round, operation and concurrency"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="measure each side this many times, alternating; the median round is reported",
    )
    parser.add_argument(
        "--requests", type=int, default=5000, help="cap per operation and concurrency"
    )
    parser.add_argument(
        "--uri", help="use this Neo4j, already holding the preset, instead of loading one"
    )
    parser.add_argument("--only", type=int, nargs="*", help="operation numbers (1-5) to run")
    parser.add_argument("--clients", type=int, nargs="*", default=list(CONCURRENCY))
    parser.add_argument(
        "--no-save",
        action="store_true",
        help="print the figures only: keep benchmarks/results/ and the README table as they are",
    )
    args = parser.parse_args()

    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PEER_DIR, check=True
    )
    ensure_wrk()
    secret = os.urandom(24).hex()
    with existing(args.uri) if args.uri else bench_neo4j(args.preset, args.seed) as neo:
        removed = remove_written(neo.uri)
        if removed:
            print(f"removed {removed} needs earlier runs' writes left", flush=True)
        ids = pick_ids(neo.uri)
        env = service_env(neo.uri, secret)
        auth = admin_auth(env)
        g_port, p_port = free_port(), free_port()
        p_admin = free_port()
        g_url, p_url = f"http://127.0.0.1:{g_port}/graphql", f"http://127.0.0.1:{p_port}/"
        log_dir = STATE_DIR / "bench-logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        with (
            process(
                gridlink_command(g_port),
                env={**env, "GRIDLINK_SEED": "0"},
                ready_url=f"http://127.0.0.1:{g_port}/healthz",
                log=log_dir / "gridlink.log",
            ),
            process(
                ["node", "server.mjs"],
                env={**env, "PORT": str(p_port), "ADMIN_PORT": str(p_admin)},
                cwd=PEER_DIR,
                ready_url=f"http://127.0.0.1:{p_admin}/__captured",
                log=log_dir / "peer.log",
            ),
        ):
            rows: list[dict[str, Any]] = []
            stack = versions(neo.uri)
            ops = operations(ids)
            chosen = [ops[i - 1] for i in args.only] if args.only else ops
            for op in chosen:
                check_answers(g_url, auth, op["gridlink"], "gridlink")
                check_answers(p_url, {}, op["peer"], "peer")
                g_tx, g_statements, g_data = asyncio.run(
                    gridlink_statements(neo.uri, op["gridlink"])
                )
                if "created" in op:
                    # Undo the in-process write, so replaying it under PROFILE meets no clash.
                    with GraphDatabase.driver(neo.uri, auth=None) as driver:
                        driver.execute_query(
                            "MATCH (n:Entity {id: $id}) DETACH DELETE n", id=op["created"](g_data)
                        )
                p_statements = peer_statements(
                    f"http://127.0.0.1:{p_admin}/__captured", p_url, op["peer"]
                )
                row: dict[str, Any] = {
                    "operation": op["name"],
                    "depth": op["depth"],
                    "gridlink": {
                        "round_trips": len(g_statements),
                        "transactions": g_tx,
                        "db_hits": db_hits(neo.uri, g_statements),
                    },
                    "peer": {
                        "round_trips": len(p_statements),
                        "db_hits": db_hits(neo.uri, p_statements),
                    },
                    "load": {},
                }
                for clients in args.clients:
                    # Warm both the same way, then measure them in turn, round after round:
                    # a drift of the machine (another process, Neo4j's JIT or GC) falls on
                    # both sides instead of on whichever ran at the time.
                    load(g_url, op["gridlink"], clients, 20 * clients, 5, auth)
                    load(p_url, op["peer"], clients, 20 * clients, 5)
                    g_runs, p_runs = [], []
                    for _ in range(args.rounds):
                        g_runs.append(
                            load(g_url, op["gridlink"], clients, args.requests, args.seconds, auth)
                        )
                        p_runs.append(load(p_url, op["peer"], clients, args.requests, args.seconds))
                    g, p = median_run(g_runs), median_run(p_runs)
                    ratio = (
                        (g["throughput_rps"] / p["throughput_rps"]) if p["throughput_rps"] else None
                    )
                    row["load"][str(clients)] = {
                        "gridlink": g,
                        "peer": p,
                        "throughput_ratio": round(ratio, 2) if ratio else None,
                        "round_ratios": [
                            round(a["throughput_rps"] / b["throughput_rps"], 2)
                            for a, b in zip(g_runs, p_runs, strict=True)
                            if b["throughput_rps"]
                        ],
                        "rounds": {"gridlink": g_runs, "peer": p_runs},
                    }
                    print(
                        f"{op['name'][:40]:40} c={clients:<3} gridlink p50 {g['p50_ms']:>8} ms "
                        f"{g['throughput_rps']:>7}/s | peer p50 {p['p50_ms']:>8} ms "
                        f"{p['throughput_rps']:>7}/s | ratio {row['load'][str(clients)]['throughput_ratio']}",
                        flush=True,
                    )
                rows.append(row)
            remove_written(neo.uri)  # the preset as loaded, for the next run
    result = {
        "command": f"python benchmarks/compare.py --preset {args.preset} --seed {args.seed} "
        f"--seconds {args.seconds} --rounds {args.rounds}"
        + (f" --uri {args.uri}" if args.uri else ""),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": stack,
        "ids": ids,
        "operations": rows,
    }
    if args.no_save:
        print(render(result))
        return 0
    path = write_result(f"compare-{args.preset}", result)
    update_readme(result)
    print(f"wrote {path} and the table in benchmarks/README.md")
    return 0


START, END = "<!-- compare:start -->", "<!-- compare:end -->"


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The round with the median throughput (the lower middle one of an even count), so its
    latencies are those of a round that happened, not a blend of several."""
    ordered = sorted(runs, key=lambda r: r["throughput_rps"] or 0.0)
    return ordered[(len(ordered) - 1) // 2]


def render(result: dict[str, Any]) -> str:
    """The Markdown table: ratios first, since absolute times vary across machines."""
    m, v = result["machine"], result["versions"]
    lines = [
        START,
        f"Command: `{result['command']}` · date {result['date']} · {m['cpus']} cores, "
        f"{m['memory_gb']} GB · Python {m['python']}, Node {m['node']} · Neo4j {v['neo4j']} · "
        f"strawberry-graphql {v['strawberry-graphql']} · @neo4j/graphql {v['@neo4j/graphql']} "
        f"on @apollo/server {v['@apollo/server']} · load from {v.get('load generator', 'loadgen.py')}",
        "",
        "| operation | clients | gridlink p50 / p99 ms | peer p50 / p99 ms | gridlink / peer req/s "
        "| throughput ratio | ratio by round | round trips g / p | db hits g / p |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result["operations"]:
        g_rt, p_rt = row["gridlink"]["round_trips"], row["peer"]["round_trips"]
        hits = f"{row['gridlink']['db_hits']} / {row['peer']['db_hits']}"
        for clients, load_row in row["load"].items():
            g, p = load_row["gridlink"], load_row["peer"]
            lines.append(
                f"| {row['operation']} | {clients} | {g['p50_ms']} / {g['p99_ms']} | "
                f"{p['p50_ms']} / {p['p99_ms']} | {g['throughput_rps']} / {p['throughput_rps']} | "
                f"**{load_row['throughput_ratio']}** | "
                f"{', '.join(str(r) for r in load_row.get('round_ratios', []))} | "
                f"{g_rt} / {p_rt} | {hits} |"
            )
    lines += [
        "",
        "Ratio = gridlink req/s ÷ peer req/s (≥ 1.0 means gridlink is at least as fast), of "
        "each side's median round; the rounds alternate the two sides. "
        "Round trips are Cypher statements sent for one operation; db hits are summed from "
        "PROFILE of exactly those statements.",
        END,
    ]
    return "\n".join(lines)


def update_readme(result: dict[str, Any]) -> None:
    readme = PROJECT_ROOT / "benchmarks" / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    table = render(result)
    if START in text and END in text:
        head, _, rest = text.partition(START)
        _, _, tail = rest.partition(END)
        text = head + table + tail
    else:
        text = (
            text.rstrip()
            + "\n\n## gridlink against the Neo4j GraphQL Library (issue 9)\n\n"
            + table
            + "\n"
        )
    readme.write_text(text, encoding="utf-8")


@contextmanager
def existing(uri: str) -> Iterator[Any]:
    """A Neo4j someone else loaded (e.g. the city left by benchmarks/coordination.py)."""
    yield SimpleNamespace(uri=uri)


def versions(uri: str) -> dict[str, str]:
    from importlib.metadata import version

    lock = json.loads((PEER_DIR / "package.json").read_text())["dependencies"]
    with GraphDatabase.driver(uri, auth=None) as d:
        neo = d.execute_query(
            "CALL dbms.components() YIELD versions RETURN versions[0] AS v"
        ).records[0]["v"]
    return {
        "neo4j": str(neo),
        "strawberry-graphql": version("strawberry-graphql"),
        "neo4j-driver (python)": version("neo4j"),
        **{k: v for k, v in lock.items()},
        "load generator": load_generator_version(),
    }


if __name__ == "__main__":
    sys.exit(main())
