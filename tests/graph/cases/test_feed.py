"""Live updates across processes: two Database objects stand for two service processes,
each with its own broker and poller; Neo4j's case-event log is all they share."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from graph.cases import actions
from graph.cases.feed import CaseFeed, LogEntry, read_head
from graph.cases.report import Report, report_case
from graph.database import Database
from tests.graph.cases.scene import ADMIN, CHEN

WAIT_S = 5.0  # a bound so a broken feed fails instead of hanging; not a speed claim


async def next_entry(stream: AsyncIterator[LogEntry]) -> LogEntry:
    return await asyncio.wait_for(anext(stream), WAIT_S)


async def test_a_step_on_one_process_reaches_subscribers_on_another(
    scene: Database, clean_uri: str
) -> None:
    other = Database(clean_uri, "neo4j", "", "neo4j", auth=False)  # "process B"
    feed_b = CaseFeed(other, interval=0.05)
    try:
        # Subscribing from the log's head as it stands now: a loaded machine may start the
        # poller after the step below commits, and the step must still arrive.
        head = await read_head(other)
        community = feed_b.stream("c-yuxiangyuan", after=head)
        town = feed_b.stream("s-xidi", after=head)
        first = asyncio.ensure_future(next_entry(community))
        town_first = asyncio.ensure_future(next_entry(town))
        done = await report_case(scene, ADMIN, Report("楼道堆物", "report", 2, "b-yx-3"))
        entry = await first
        assert entry.event["action"] == "report"
        assert entry.case["id"] == done.case["id"]
        assert {
            "b-yx-3",
            "g-yx-1",
            "c-yuxiangyuan",
            "s-shuangta",
            "d-shuangluan",
        } <= entry.place_ids

        await actions.simple_step(scene, CHEN, "accept", done.case["id"], 0)
        second = await next_entry(community)
        assert (second.event["action"], second.log_seq) == ("accept", entry.log_seq + 1)

        # A case in the other town reaches the town's subscriber, and only it.
        village = await report_case(scene, ADMIN, Report("占道", "report", 2, "c-xidi"))
        assert (await town_first).case["id"] == village.case["id"]
        accepted_again = await report_case(scene, ADMIN, Report("噪音", "report", 1, "b-yx-3"))
        assert (await next_entry(community)).case["id"] == accepted_again.case["id"]
        await community.aclose()
        await town.aclose()
        assert feed_b.subscribers == set() and feed_b.task is None
    finally:
        await other.close()


async def test_a_client_resumes_after_the_last_number_it_saw(scene: Database) -> None:
    done = await report_case(scene, ADMIN, Report("井盖缺失", "report", 1, "b-yx-3"))
    seen = int(done.event["logSeq"])
    await actions.simple_step(scene, ADMIN, "accept", done.case["id"], 0)
    await report_case(scene, ADMIN, Report("别处", "report", 1, "c-xidi"))
    await actions.simple_step(scene, ADMIN, "withdraw", done.case["id"], 1)
    feed = CaseFeed(scene, interval=0.05)
    stream = feed.stream("g-yx-1", after=seen)
    replayed = [await next_entry(stream), await next_entry(stream)]
    assert [e.event["action"] for e in replayed] == ["accept", "withdraw"]
    await report_case(scene, ADMIN, Report("新上报", "report", 1, "b-yx-3"))
    live = await next_entry(stream)
    assert live.event["action"] == "report" and live.log_seq > replayed[-1].log_seq
    await stream.aclose()
