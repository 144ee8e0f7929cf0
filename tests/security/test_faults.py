"""Faults for real: Neo4j dies under a stream of writes and under an import.

A Neo4j of its own (not the session's) is killed with SIGKILL, the harshest stop: whatever
was in flight is cut off. Meanwhile the service answers 503 with the clear message, and
after Neo4j is started again it serves without being restarted. Then every write is checked
to be wholly there or wholly absent: a need with its place and its actor, a case with its
first event and its place, an import batch with every record of it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import GraphDatabase

from graph.database import Database, DatabaseUnavailable
from graph.migrations import migrate
from gridlink.neo4j_local import LocalNeo4j, read_pid, start, stop
from loaders.load import load_path
from schema.core.errors import UNAVAILABLE_MESSAGE
from schema.core.ids import to_global
from tests.conftest import free_port
from tests.security.conftest import Service, run_service
from tests.security.scenes import build_two_grids
from tests.support.auth import token

pytestmark = pytest.mark.slow


def kill(inst: LocalNeo4j) -> None:
    """SIGKILL, then reap it, so the next start sees it gone (a zombie still answers kill 0)."""
    pid = read_pid(inst)
    assert pid is not None, "Neo4j was not running"
    os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    inst.pid_file.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    inst = LocalNeo4j(
        port=free_port(), home=tmp_path_factory.mktemp("faults"), pagecache_mb=64, heap="512m"
    )
    start(inst, quiet=True)

    async def prepare() -> None:
        db = Database(inst.uri, "neo4j", "", "neo4j", auth=False)
        try:
            await migrate(db)
        finally:
            await db.close()

    asyncio.run(prepare())
    build_two_grids(inst.uri)
    try:
        yield inst
    finally:
        stop(inst)


@pytest.fixture(scope="module")
def service(neo4j: LocalNeo4j, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    yield from run_service(neo4j.uri, tmp_path_factory.mktemp("faults-serve"))


def ready(service: Service) -> int:
    return httpx.get(f"http://127.0.0.1:{service.port}/readyz", timeout=10).status_code


def wait_ready(service: Service, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while ready(service) != 200:
        assert time.monotonic() < deadline, "the service did not recover without a restart"
        time.sleep(0.5)


# ---- a stream of writes ------------------------------------------------------------------

NEED = """mutation($i: NeedCreateInput!) {
  needCreate(input: $i) { need { externalId } errors { code message } } }"""
CASE = """mutation($i: CaseReportInput!) {
  caseReport(input: $i) { case { externalId } errors { code message } } }"""


@dataclass
class Outcomes:
    ok: list[str] = field(default_factory=list)  # markers the service said it wrote
    unavailable: list[str] = field(default_factory=list)  # 503 with the clear message
    timed_out: list[str] = field(default_factory=list)  # TIMEOUT: rolled back, must be absent
    other: list[tuple[str, int, str]] = field(default_factory=list)  # anything else: a failure
    during_outage: int = 0  # 503s seen while Neo4j was down


async def writer(
    client: httpx.AsyncClient, url: str, n: int, stop_at: asyncio.Event, out: Outcomes
) -> None:
    headers = {"Authorization": f"Bearer {token('grid_worker', 'g-1', 'p-w')}"}
    place = to_global("Grid", "g-1")
    i = 0
    while not stop_at.is_set():
        marker = f"fault-{n}-{i}"
        i += 1
        if i % 2:
            body = {
                "query": NEED,
                "variables": {
                    "i": {"title": marker, "quantity": 1, "place": place, "externalId": marker}
                },
            }
            field_name = "needCreate"
        else:
            body = {
                "query": CASE,
                "variables": {
                    "i": {"title": marker, "kind": "REPORT", "severity": 1, "placeId": place}
                },
            }
            field_name = "caseReport"
        try:
            response = await client.post(url, json=body, headers=headers)
        except httpx.TransportError as exc:
            out.other.append((marker, 0, repr(exc)))
            continue
        text = response.text
        if response.status_code == 200 and "errors" not in response.json():
            payload = response.json()["data"][field_name]
            if payload is None or payload["errors"]:
                out.other.append((marker, 200, text[:300]))
            else:
                out.ok.append(marker)
        elif timed_out(response):
            # A transaction begun while Neo4j was still recovering can run out its time.
            out.timed_out.append(marker)
        elif (
            response.status_code == 503
            and response.json()["errors"][0]["message"] == UNAVAILABLE_MESSAGE
        ):
            out.unavailable.append(marker)
        else:
            out.other.append((marker, response.status_code, text[:300]))
        await asyncio.sleep(0.01)


def timed_out(response: httpx.Response) -> bool:
    body = response.json() if response.status_code == 200 else {}
    codes = {(e.get("extensions") or {}).get("code") for e in body.get("errors", [])}
    return codes == {"TIMEOUT"}


def written(uri: str) -> dict[str, dict[str, Any]]:
    """Every need and case with a fault marker, with what makes it whole."""
    with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        needs = {
            r["title"]: dict(r)
            for r in session.run(
                "MATCH (n:Need) WHERE n.title STARTS WITH 'fault-' "
                "RETURN n.title AS title, n.id AS id, n.actorId AS actor, n.recordedAt IS NOT NULL AS timed, "
                "COUNT { (n)-[:CONCERNS]->(:Grid {id: 'g-1'}) } AS places"
            )
        }
        cases = {
            r["title"]: dict(r)
            for r in session.run(
                "MATCH (c:Case) WHERE c.title STARTS WITH 'fault-' "
                "RETURN c.title AS title, COUNT { (c)-[:AT]->(:Grid {id: 'g-1'}) } AS places, "
                "COUNT { (c)-[:HAS_EVENT]->(:CaseEvent) } AS events, "
                "[(c)-[:HAS_EVENT]->(e:CaseEvent) | e.actorId] AS actors"
            )
        }
    return {**needs, **cases}


def test_writes_during_a_crash_are_whole_or_absent_and_the_service_recovers(
    neo4j: LocalNeo4j, service: Service
) -> None:
    out = Outcomes()

    async def stream() -> None:
        stop_at = asyncio.Event()
        async with httpx.AsyncClient(timeout=60) as client:
            writers = [
                asyncio.create_task(writer(client, service.url, n, stop_at, out)) for n in range(6)
            ]
            deadline = time.monotonic() + 120
            while len(out.ok) < 20 and not out.other:  # writes landing
                assert time.monotonic() < deadline, "writes did not land before the crash"
                await asyncio.sleep(0.1)
            before_crash = len(out.ok)
            await asyncio.to_thread(kill, neo4j)
            await asyncio.sleep(4)  # Neo4j gone: every write must answer 503, clearly
            out.during_outage = len(out.unavailable)
            down = await client.get(f"http://127.0.0.1:{service.port}/readyz")
            assert down.status_code == 503 and "unreachable" in down.json()["reason"]
            await asyncio.to_thread(start, neo4j, 180.0, True)
            await asyncio.to_thread(wait_ready, service)
            recovered_from = len(out.ok)
            while len(out.ok) < recovered_from + 20 and not out.other:  # writes land again
                assert time.monotonic() < deadline + 300, "no write landed after recovery"
                await asyncio.sleep(0.1)
            stop_at.set()
            await asyncio.gather(*writers)
            assert before_crash > 0 and len(out.ok) > recovered_from, out.other[:3]

    asyncio.run(stream())
    assert out.other == [], out.other[:5]
    assert out.during_outage > 0, "no 503 was seen while Neo4j was down"
    found = written(neo4j.uri)
    for marker in out.ok:
        assert marker in found, f"acknowledged write {marker} is lost"
    for marker, row in found.items():
        # Whole: its place, and its actor from the token (a need) or its first event (a case).
        assert row["places"] == 1, (marker, row)
        if "events" in row:
            assert row["events"] >= 1 and set(row["actors"]) == {"p-w"}, (marker, row)
        else:
            assert row["actor"] == "p-w" and row["timed"], (marker, row)
    unknown = set(found) - set(out.ok) - set(out.unavailable)
    assert not unknown, f"writes nobody sent, or rolled back yet present: {unknown}"
    print(
        f"\nfaults: {len(out.ok)} writes acknowledged, {len(out.unavailable)} answered 503 "
        f"({len(out.timed_out)} timed out while Neo4j recovered) "
        f"({out.during_outage} during the outage), {len(found)} in the graph, all whole"
    )


# ---- an import ---------------------------------------------------------------------------

PEOPLE = 12_000
BATCH = 500


def dataset(root: Path) -> Path:
    (root / "nodes").mkdir(parents=True)
    (root / "relationships").mkdir()
    with (root / "nodes" / "Person.jsonl").open("w", encoding="utf-8") as f:
        for i in range(PEOPLE):
            f.write(
                json.dumps({"id": f"imp-{i}", "name": f"居民{i}", "phone": f"138{i:08d}"}) + "\n"
            )
    with (root / "relationships" / "LIVES_IN.jsonl").open("w", encoding="utf-8") as f:
        for i in range(PEOPLE):
            f.write(json.dumps({"from": f"imp-{i}", "to": "h-1" if i % 2 else "h-2"}) + "\n")
    return root


def imported(uri: str) -> tuple[dict[str, dict[str, Any]], int]:
    with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        people = {
            r["id"]: r["props"]
            for r in session.run(
                "MATCH (p:Person) WHERE p.id STARTS WITH 'imp-' RETURN p.id AS id, properties(p) AS props"
            )
        }
        homes = session.run(
            "MATCH (p:Person)-[:LIVES_IN]->(:Household) WHERE p.id STARTS WITH 'imp-' RETURN count(*) AS c"
        ).single()
    return people, int(homes["c"]) if homes else 0


async def count_people(db: Database) -> int:
    with contextlib.suppress(DatabaseUnavailable):
        rows = await db.read("system/count_nodes")
        return sum(int(r["count"]) for r in rows if r.get("label") == "Person")
    return 0


@contextlib.asynccontextmanager
async def database(uri: str) -> AsyncIterator[Database]:
    db = Database(uri, "neo4j", "", "neo4j", auth=False)
    try:
        yield db
    finally:
        await db.close()


def test_an_import_cut_by_a_crash_leaves_whole_batches_and_completes_on_a_rerun(
    neo4j: LocalNeo4j, service: Service, tmp_path: Path
) -> None:
    data = dataset(tmp_path / "import")

    async def crash_midway() -> BaseException | None:
        async with database(neo4j.uri) as db:
            load = asyncio.create_task(load_path(db, data, batch_size=BATCH))
            deadline = time.monotonic() + 120
            while not load.done():
                people, _ = await asyncio.to_thread(imported, neo4j.uri)
                if len(people) >= 2 * BATCH:
                    break
                assert time.monotonic() < deadline, "the import did not start writing"
                await asyncio.sleep(0.05)
            assert not load.done(), "the import finished before the crash; make it bigger"
            await asyncio.to_thread(kill, neo4j)
            try:
                await asyncio.wait_for(load, timeout=120)
            except Exception as exc:  # the loader must fail, and promptly, not hang
                return exc
            return None

    failure = asyncio.run(crash_midway())
    assert isinstance(failure, DatabaseUnavailable), repr(failure)
    # Meanwhile the service says so, clearly.
    answer = service.post("{ nodeCounts { label count } }")
    assert answer.status_code == 503
    assert answer.json()["errors"][0]["message"] == UNAVAILABLE_MESSAGE
    start(neo4j, 180.0, True)
    wait_ready(service)

    people, homes = imported(neo4j.uri)
    assert 0 < len(people) < PEOPLE
    assert len(people) % BATCH == 0, f"{len(people)} people: a batch landed in part"
    for person_id, props in people.items():
        i = int(person_id.removeprefix("imp-"))
        assert props["name"] == f"居民{i}" and props["phone"] == f"138{i:08d}"
    assert homes % BATCH == 0 and homes <= len(people)

    async def rerun() -> None:
        async with database(neo4j.uri) as db:
            report = await load_path(db, data, batch_size=BATCH)
            assert report.written and not report.problems

    asyncio.run(rerun())
    people, homes = imported(neo4j.uri)
    assert (len(people), homes) == (PEOPLE, PEOPLE)
    assert service.data("{ nodeCounts { label count } }")["nodeCounts"]
