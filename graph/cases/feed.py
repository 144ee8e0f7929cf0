"""Live case updates on every process: a local broker fed by a poller on Neo4j's event log.

Every step takes the next number of the global case-event log (`logSeq`, from a counter
node that stays locked until commit, so numbers are handed out in commit order with no
gaps among committed steps). Each service process runs one poller while it has
subscribers: every POLL_INTERVAL_S it reads the counter (one lookup by a unique key) and,
when it moved, the new events in log order, then hands each to the local subscribers whose
place the case lies under. A step taken on this process nudges the poller, so its own
subscribers hear at once; subscribers on other processes hear within one interval. Neo4j
is the shared log: there is no broker server to run, and a client that reconnects can ask
for everything after the last number it saw (docs/CASES.md compares Redis pub/sub).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from graph.database import Database, Row

log = logging.getLogger("gridlink.cases.feed")

POLL_INTERVAL_S = 0.25
BATCH = 500
REPLAY_LIMIT = 1000  # events a resuming client may ask for; older ones: read the history
MAX_QUEUED = 10_000  # a subscriber this far behind is cut off rather than let memory grow


@dataclass(frozen=True)
class LogEntry:
    log_seq: int
    event: Row
    case: Row
    place_ids: frozenset[str]


class FeedOverflow(RuntimeError):
    """A subscriber fell too far behind and was cut off; it may resume with `after`."""


@dataclass(eq=False)
class _Subscriber:
    scope_id: str
    queue: asyncio.Queue[LogEntry | None] = field(default_factory=asyncio.Queue)


async def read_head(db: Database) -> int:
    rows = await db.read("cases/get_case_log_head")
    return int(rows[0]["head"])


async def read_log(db: Database, after: int, upto: int, limit: int = BATCH) -> list[LogEntry]:
    rows = await db.read("cases/list_case_log", {"after": after, "upto": upto, "limit": limit})
    return [
        LogEntry(
            log_seq=int(r["event"]["logSeq"]),
            event=r["event"],
            case=r["case"],
            place_ids=frozenset(r["placeIds"]),
        )
        for r in rows
    ]


class CaseFeed:
    """The broker of one process (one per Database): subscribers and the poller serving them."""

    def __init__(self, db: Database, interval: float = POLL_INTERVAL_S) -> None:
        self.db = db
        self.interval = interval
        self.subscribers: set[_Subscriber] = set()
        self.last: int | None = None  # the log number delivered up to
        self.task: asyncio.Task[None] | None = None
        self.wake = asyncio.Event()
        self._starting = asyncio.Lock()

    async def stream(self, scope_id: str, after: int | None = None) -> AsyncIterator[LogEntry]:
        """Events of cases under `scope_id` from now on (or after log number `after`)."""
        sub = _Subscriber(scope_id)
        self.subscribers.add(sub)
        try:
            await self._ensure_polling()
            seen = -1
            if after is not None:
                # Replay from the log itself; the queue meanwhile collects what is new, and
                # anything both paths bring is passed over by its number.
                head = await read_head(self.db)
                if head - after > REPLAY_LIMIT:
                    raise FeedOverflow(
                        f"more than {REPLAY_LIMIT} events since {after}; read the case "
                        "histories, then subscribe without `after`"
                    )
                for entry in await read_log(self.db, after, head, REPLAY_LIMIT):
                    if scope_id in entry.place_ids:
                        yield entry
                seen = head
            while True:
                item = await sub.queue.get()
                if item is None:
                    raise FeedOverflow(f"subscriber fell more than {MAX_QUEUED} events behind")
                if item.log_seq > seen:
                    yield item
        finally:
            self.subscribers.discard(sub)
            if not self.subscribers and self.task is not None:
                self.task.cancel()
                self.task = None

    def nudge(self) -> None:
        self.wake.set()

    async def _ensure_polling(self) -> None:
        async with self._starting:
            if self.task is not None and not self.task.done():
                return
            if self.last is None:
                self.last = await read_head(self.db)
            self.task = asyncio.create_task(self._poll(), name="gridlink-case-feed")

    async def _poll(self) -> None:
        while self.subscribers:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), self.interval)
            self.wake.clear()
            try:
                await self._catch_up()
            except asyncio.CancelledError:
                raise
            except Exception:
                # Neo4j away or a fault: keep the subscribers, try again after a pause.
                log.warning("case feed: reading the event log failed", exc_info=True)
                await asyncio.sleep(min(5.0, self.interval * 8))

    async def _catch_up(self) -> None:
        head = await read_head(self.db)
        last = self.last or 0
        while last < head:
            entries = await read_log(self.db, last, head)
            if not entries:
                last = head  # numbers of rolled-back or deleted events
                break
            for entry in entries:
                self._deliver(entry)
                last = entry.log_seq
        self.last = max(last, self.last or 0)

    def _deliver(self, entry: LogEntry) -> None:
        for sub in list(self.subscribers):
            if sub.scope_id not in entry.place_ids:
                continue
            if sub.queue.qsize() >= MAX_QUEUED:
                self.subscribers.discard(sub)
                sub.queue.put_nowait(None)
                continue
            sub.queue.put_nowait(entry)


_feeds: weakref.WeakKeyDictionary[Database, CaseFeed] = weakref.WeakKeyDictionary()


def feed_for(db: Database) -> CaseFeed:
    feed = _feeds.get(db)
    if feed is None:
        feed = _feeds[db] = CaseFeed(db)
    return feed


def nudge(db: Database) -> None:
    """Tell this process's poller (if it runs) that a step was just committed here."""
    feed = _feeds.get(db)
    if feed is not None:
        feed.nudge()
