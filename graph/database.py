"""One async driver per process and the only place that runs Cypher.

Every statement is named (graph/cypher.py) and takes parameters only. A single read
statement (`read`) runs as an auto-commit transaction routed to readers, retried here on
transient faults as the driver retries managed ones; several reads that must see one
snapshot go through `read_tx`, writes through managed write transactions, so the driver
retries transient faults; the work functions consume their results inside.
"""

from __future__ import annotations

import asyncio
import contextvars
import random
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j import AsyncGraphDatabase, AsyncManagedTransaction
from neo4j import exceptions as neo4j_errors

from graph.cypher import q

T = TypeVar("T")
Row = dict[str, Any]

# The driver's own retry policy for managed transactions (its defaults: first retry after
# about 1 s, doubling, ±20 % jitter), applied to auto-commit reads; retries stop once
# MAX_RETRY_TIME_S has passed since the first failure.
MAX_RETRY_TIME_S = 3.0
# Idle sessions kept per access mode: as many as statements ever ran at once, up to this.
MAX_IDLE_SESSIONS = 64
FIRST_RETRY_DELAY_S = 1.0
RETRY_DELAY_MULTIPLIER = 2.0
RETRY_JITTER = 0.2

UNAVAILABLE_ERRORS: tuple[type[BaseException], ...] = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.DatabaseUnavailable,
    ConnectionError,
    OSError,
)

# What an auto-commit read may fail with: the driver's own errors (some retryable) and the
# unreachable server.
_READ_FAILURES: tuple[type[BaseException], ...] = (
    neo4j_errors.Neo4jError,
    neo4j_errors.DriverError,
    *UNAVAILABLE_ERRORS,
)


class DatabaseUnavailable(RuntimeError):
    """Neo4j cannot be reached right now; the caller answers 503 and tries again later."""


class DatabaseConfigError(RuntimeError):
    """Wrong URI or credentials: one line naming the URI, never the password."""


@dataclass
class RoundTrips:
    """Counts Cypher round trips in one context (one GraphQL operation, one test)."""

    count: int = 0
    names: list[str] = field(default_factory=list)
    # Every statement sent (name, parameters), for benchmarks that PROFILE what ran.
    statements: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


_round_trips: contextvars.ContextVar[RoundTrips | None] = contextvars.ContextVar(
    "gridlink_round_trips", default=None
)


def track_round_trips() -> RoundTrips:
    """Start counting round trips in the current context; returns the live counter."""
    counter = RoundTrips()
    _round_trips.set(counter)
    return counter


def _record(name: str, params: dict[str, Any]) -> None:
    counter = _round_trips.get()
    if counter is not None:
        counter.statements.append((name, params))


def _count(name: str) -> None:
    counter = _round_trips.get()
    if counter is not None:
        counter.count += 1
        counter.names.append(name)


class Database:
    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str,
        auth: bool = True,
        tx_timeout_s: float = 30.0,
    ) -> None:
        self.uri = uri
        self.database = database
        self.tx_timeout_s = tx_timeout_s
        # Sessions whose last statement ran to the end, by access mode (`_run_alone`).
        self._idle: dict[str, list[neo4j.AsyncSession]] = {
            neo4j.READ_ACCESS: [],
            neo4j.WRITE_ACCESS: [],
        }
        credentials = (user, password) if auth and password else None
        self.driver = AsyncGraphDatabase.driver(
            uri,
            auth=credentials,
            max_connection_pool_size=50,
            connection_acquisition_timeout=10.0,
            connection_timeout=5.0,
            max_transaction_retry_time=MAX_RETRY_TIME_S,
            # Every statement's plan is reviewed in tests (EXPLAIN/PROFILE); notifications at
            # run time would only repeat them, on every request, as a WARNING log line each
            # (about a tenth of a lookup's CPU).
            notifications_min_severity="OFF",
        )

    async def verify(self) -> None:
        """Fail fast with a one-line error naming the URI (never the password)."""
        try:
            await self.driver.verify_connectivity()
        except neo4j_errors.AuthError as exc:
            raise DatabaseConfigError(
                f"gridlink: Neo4j at {self.uri} refused the credentials (check NEO4J_USER/NEO4J_PASSWORD)"
            ) from exc
        except neo4j_errors.ConfigurationError as exc:
            raise DatabaseConfigError(f"gridlink: bad NEO4J_URI {self.uri!r}: {exc}") from exc
        except UNAVAILABLE_ERRORS as exc:
            raise DatabaseConfigError(f"gridlink: cannot reach Neo4j at {self.uri}") from exc

    async def close(self) -> None:
        for idle in self._idle.values():
            while idle:
                await idle.pop().close()
        await self.driver.close()

    async def read(
        self, name: str, params: Mapping[str, Any] | None = None, *, values_only: bool = False
    ) -> list[Row]:
        """Run the named read statement; rows as dicts.

        `values_only`: the statement returns maps, lists and property values, never a node,
        relationship or path, so its records are taken as the driver decoded them, without
        the walk that turns those into dicts (a nested list's pages: ~4,000 values each).

        One statement needs no explicit transaction: auto-commit sends RUN and PULL in one
        round trip, where a managed transaction adds BEGIN and a COMMIT round trip. Measured
        on the `node(id)` lookup: 0.94 -> 0.56 ms and 0.74 -> 0.42 ms of client CPU.
        A transient failure (a stale connection, a leader switch, a deadlock) is retried
        like `execute_read` would, so callers see the same behaviour.
        """
        return await self._auto_commit(name, params, neo4j.READ_ACCESS, values_only)

    async def write_alone(self, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one write statement as an auto-commit transaction; rows as dicts.

        Only for a statement that is the whole of its write and writes nothing when it
        refuses (the lists' checked creates): nothing can roll it back after it ran. It
        commits with its RUN and PULL, where a managed transaction adds a COMMIT round trip
        (benchmarks/driver_costs.py compares both for lists/create_need).
        Transient faults are retried as `read` retries them (as execute_write would): a
        transaction that failed that way wrote nothing.
        """
        return await self._auto_commit(name, params, neo4j.WRITE_ACCESS, False)

    async def _auto_commit(
        self, name: str, params: Mapping[str, Any] | None, mode: str, values_only: bool
    ) -> list[Row]:
        statement, values = q(name), dict(params or {})
        _count(name)
        delays: Iterator[float] | None = None
        first_failure = 0.0
        while True:
            try:
                return await self._run_alone(name, statement, values, mode, values_only)
            except _READ_FAILURES as exc:
                retryable = (
                    isinstance(exc, neo4j_errors.Neo4jError | neo4j_errors.DriverError)
                    and exc.is_retryable()
                )
                if retryable:
                    if delays is None:
                        delays, first_failure = _retry_delays(), time.monotonic()
                    if time.monotonic() - first_failure <= MAX_RETRY_TIME_S:
                        await asyncio.sleep(next(delays))
                        continue
                if isinstance(exc, UNAVAILABLE_ERRORS):
                    raise DatabaseUnavailable(str(exc)) from exc
                raise

    async def _run_alone(
        self,
        name: str,
        statement: LiteralString,
        values: dict[str, Any],
        mode: str,
        values_only: bool,
    ) -> list[Row]:
        """One auto-commit transaction in an idle session of this access mode, or a new one.

        A session is a plain object around the pool (it holds a connection only while a
        result is open), and making one merges the driver's and the session's settings
        each time (`./run bench instructions` shows the difference on a lookup). So a session whose result was read to the end
        goes back to the idle list for the next statement; one that failed, or was
        cancelled halfway, is closed and forgotten. Sessions are used by one statement at a
        time, as the driver requires. A reused session sends its last transaction's
        bookmark: the read then sees at least that transaction (already committed on a
        single server; on a cluster a reader may wait until it has caught up with it).
        """
        idle = self._idle[mode]
        session = (
            idle.pop()
            if idle
            else self.driver.session(database=self.database, default_access_mode=mode)
        )
        try:
            _record(name, values)
            result = await session.run(statement, values)
            if values_only:
                keys = list(result.keys())
                rows = [dict(zip(keys, record, strict=True)) async for record in result]
            else:
                rows = await _rows(result)
        except BaseException:
            await session.close()
            raise
        if len(idle) < MAX_IDLE_SESSIONS:
            idle.append(session)
        else:
            await session.close()
        return rows

    async def write(self, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return await self.write_tx(_rows_of(name, q(name), dict(params or {})), name)

    async def read_tx(
        self, work: Callable[[AsyncManagedTransaction], Awaitable[T]], label: str = "read"
    ) -> T:
        _count(label)
        try:
            async with self.driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                return await session.execute_read(work)
        except UNAVAILABLE_ERRORS as exc:
            raise DatabaseUnavailable(str(exc)) from exc

    async def write_tx(
        self, work: Callable[[AsyncManagedTransaction], Awaitable[T]], label: str = "write"
    ) -> T:
        """One transaction for the whole of `work`: all of it lands or none of it."""
        _count(label)
        try:
            async with self.driver.session(database=self.database) as session:
                return await session.execute_write(work)
        except UNAVAILABLE_ERRORS as exc:
            raise DatabaseUnavailable(str(exc)) from exc


# Record.data() sends every value through the driver's exporter, whose isinstance checks
# against abstract base classes cost ~22 µs for one row of a node's properties. Plain values
# (the bulk of every row) are the same after that transform, so they are copied directly and
# everything else (nodes, relationships, paths, temporals, points, bytes) still goes through
# the driver's own rules: same rows, ~3 µs each.
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN_TYPES:
        return value
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    if kind is list:
        return [_plain(v) for v in value]
    # The driver's own transform, through the one public door to it (its types are untyped).
    return neo4j.Record({"v": value}).data()["v"]  # type: ignore[no-untyped-call]


async def _rows(result: neo4j.AsyncResult) -> list[Row]:
    """Every record of `result` as a dict, equal to what `result.data()` gives."""
    keys: list[str] = list(result.keys())
    return [
        {key: _plain(value) for key, value in zip(keys, record, strict=True)}
        async for record in result
    ]


def _retry_delays() -> Iterator[float]:
    delay = FIRST_RETRY_DELAY_S
    while True:
        yield delay * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random.random())  # noqa: S311
        delay *= RETRY_DELAY_MULTIPLIER


def _rows_of(
    name: str, statement: LiteralString, params: dict[str, Any]
) -> Callable[[AsyncManagedTransaction], Awaitable[list[Row]]]:
    async def work(tx: AsyncManagedTransaction) -> list[Row]:
        _record(name, params)
        result = await tx.run(statement, params)
        return await _rows(result)  # consumed inside the transaction, so a retry starts clean

    return work


async def run_rows(tx: AsyncManagedTransaction, name: str, params: Mapping[str, Any]) -> list[Row]:
    """Run a named statement inside a caller's transaction (several statements, one commit)."""
    _record(name, dict(params))
    result = await tx.run(q(name), dict(params))
    return await _rows(result)
