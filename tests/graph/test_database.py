"""graph/database.py: single reads in auto-commit, retried like managed ones; faults named."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import AsyncSession
from neo4j import exceptions as neo4j_errors

from graph import database
from graph.database import Database, DatabaseUnavailable, track_round_trips


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # The policy's shape with delays small enough for a test: 10 ms, 20 ms, ... for 0.1 s.
    monkeypatch.setattr(database, "FIRST_RETRY_DELAY_S", 0.01)
    monkeypatch.setattr(database, "MAX_RETRY_TIME_S", 0.1)
    yield


def failing_first(db: Database, failures: list[BaseException]) -> list[AsyncSession]:
    """Make the statements of the first new sessions fail with `failures` in turn; returns
    every session made, in order."""
    real = db.driver.session
    made: list[AsyncSession] = []

    def session(**config: Any) -> AsyncSession:
        s = real(**config)
        made.append(s)
        if failures:
            failure = failures.pop(0)

            async def run(*args: Any, **kwargs: Any) -> Any:
                raise failure

            s.run = run  # type: ignore[method-assign]
        return s

    db.driver.session = session  # type: ignore[method-assign]
    return made


async def test_a_read_gives_rows_as_dicts_in_one_counted_round_trip(db: Database) -> None:
    trips = track_round_trips()
    rows = await db.read("system/count_nodes", {"labels": ["Person", "Grid"]})
    # A clean graph: no Person, no Grid.
    assert rows == [{"label": "Person", "count": 0}, {"label": "Grid", "count": 0}]
    assert trips.count == 1 and trips.names == ["system/count_nodes"]
    assert trips.statements == [("system/count_nodes", {"labels": ["Person", "Grid"]})]


async def test_a_transient_failure_is_retried_and_the_read_answers(
    db: Database, quick_retries: None
) -> None:
    attempts = failing_first(
        db, [neo4j_errors.SessionExpired("stale"), neo4j_errors.SessionExpired("stale")]
    )
    rows = await db.read("system/count_nodes", {"labels": ["Person"]})
    assert rows == [{"label": "Person", "count": 0}]
    assert len(attempts) == 3  # two failures, then the answer


async def test_an_unreachable_database_is_named_once_the_retries_run_out(
    db: Database, quick_retries: None
) -> None:
    attempts = failing_first(db, [neo4j_errors.ServiceUnavailable("down")] * 50)
    with pytest.raises(DatabaseUnavailable):
        await db.read("system/count_nodes", {"labels": ["Person"]})
    # Delays of about 10, 20, 40, 80 ms: retries stop once 0.1 s have passed, well before 50.
    assert 3 <= len(attempts) <= 6


async def test_an_error_that_no_retry_can_fix_is_raised_at_once(db: Database) -> None:
    attempts = failing_first(db, [])
    with pytest.raises(neo4j_errors.CypherTypeError):
        # UNWIND of a number is a type error, decided by the statement: retrying cannot help.
        await db.read("system/count_nodes", {"labels": 3})
    assert len(attempts) == 1
    # The failed statement's session is closed, not kept for the next one.
    assert attempts[0].closed()


async def test_a_session_whose_statement_ran_to_the_end_serves_the_next(db: Database) -> None:
    made = failing_first(db, [])
    for _ in range(3):
        assert await db.read("system/count_nodes", {"labels": ["Person"]}) == [
            {"label": "Person", "count": 0}
        ]
    assert len(made) == 1 and not made[0].closed()
    # Statements at the same time each take a session of their own, kept afterwards.
    await asyncio.gather(*(db.read("system/count_nodes", {"labels": ["Grid"]}) for _ in range(3)))
    assert len(made) == 3
    await db.close()
    assert all(s.closed() for s in made)


async def test_a_cancelled_read_closes_its_session_instead_of_keeping_it(db: Database) -> None:
    made = failing_first(db, [])
    started = asyncio.Event()
    real_session = db.driver.session

    def stalling(**config: Any) -> AsyncSession:
        s = real_session(**config)

        async def run(*args: Any, **kwargs: Any) -> Any:
            started.set()
            await asyncio.Event().wait()  # a statement that never answers

        s.run = run  # type: ignore[method-assign]
        return s

    db.driver.session = stalling  # type: ignore[method-assign]
    task = asyncio.create_task(db.read("system/count_nodes", {"labels": ["Person"]}))
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(made) == 1 and made[0].closed()
    # The next statement gets a new session: the cancelled one was not kept.
    db.driver.session = real_session  # type: ignore[method-assign]
    assert await db.read("system/count_nodes", {"labels": ["Person"]}) == [
        {"label": "Person", "count": 0}
    ]


async def test_rows_are_what_the_drivers_own_data_gives(clean_uri: str) -> None:
    # Every kind of value a statement may return, plain and not (nodes, a relationship, a
    # path, temporals, a point, bytes, nested lists and maps): the fast copy of plain values
    # and the driver's transform for the rest must agree with `result.data()` exactly.
    statement = """
        MATCH p = (a:RowProbe)-[r:PROBES]->(b)
        RETURN 1 AS i, 1.5 AS f, 'a' AS s, true AS t, null AS nothing, $raw AS raw,
               [1, [2, 'x'], {k: date('2024-01-02')}] AS nested,
               {m: {l: [datetime('2024-01-02T03:04:05Z'), duration('P1DT2H')]}} AS map,
               point({x: 1.0, y: 2.0}) AS pt, a, r, p, [a, b] AS ns, {node: b} AS holder
    """
    db = Database(clean_uri, "neo4j", "", "neo4j", auth=False)
    try:
        async with db.driver.session(database="neo4j") as session:
            tx = await session.begin_transaction()
            try:  # rolled back: the probe nodes never land
                await tx.run(
                    "CREATE (:RowProbe {n: 1, tags: ['x', 'y']})-[:PROBES {w: 2.5}]->(:RowProbe)"
                )
                ours = await database._rows(await tx.run(statement, raw=b"\x00\xff"))
                theirs = await (await tx.run(statement, raw=b"\x00\xff")).data()
            finally:
                await tx.rollback()
    finally:
        await db.close()
    assert ours == theirs
    [row] = ours
    probe = {"n": 1, "tags": ["x", "y"]}
    assert row["a"] == probe and row["raw"] == b"\x00\xff"
    assert row["r"] == (probe, "PROBES", {}) and row["holder"] == {"node": {}}
    assert row["p"] == [probe, "PROBES", {}]
