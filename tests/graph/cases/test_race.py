"""Two coordinators racing on one case, for real against Neo4j: exactly one wins.

The loser gets VERSION_CONFLICT naming the winner's version, and the history holds the
report and the winner's step only: no lost update, no double step.
"""

from __future__ import annotations

import asyncio

import pytest
from neo4j import AsyncGraphDatabase

from graph.cases import actions
from graph.cases.report import Report, report_case
from graph.cases.steps import CaseRejected, StepDone
from graph.cypher import q
from graph.database import Database
from tests.graph.cases.scene import ADMIN, CHEN

ROUNDS = 8


async def history_of(db: Database, case_id: str) -> list[str]:
    rows = await db.read("cases/list_case_events", {"ids": [case_id], "scopes": None})
    return [e["action"] for e in rows[0]["events"]]


async def test_two_steps_with_the_same_version_one_wins(scene: Database) -> None:
    for _ in range(ROUNDS):
        reported = await report_case(scene, ADMIN, Report("楼道堆物", "report", 2, "b-yx-3"))
        case_id = reported.case["id"]
        results = await asyncio.gather(
            actions.simple_step(scene, CHEN, "accept", case_id, 0, "陈书记受理"),
            actions.simple_step(scene, ADMIN, "withdraw", case_id, 0, "居民撤回"),
            return_exceptions=True,
        )
        won = [r for r in results if isinstance(r, StepDone)]
        lost = [r for r in results if isinstance(r, CaseRejected)]
        assert len(won) == 1 and len(lost) == 1, results
        assert lost[0].code == "VERSION_CONFLICT" and lost[0].version == 1
        assert lost[0].status == won[0].case["status"]
        assert await history_of(scene, case_id) == ["report", won[0].event["action"]]


async def test_five_racers_one_winner(scene: Database) -> None:
    reported = await report_case(scene, ADMIN, Report("噪音扰民", "dispute", 2, "b-yx-3"))
    case_id = reported.case["id"]
    results = await asyncio.gather(
        *(actions.simple_step(scene, CHEN, "accept", case_id, 0, f"第{i}位") for i in range(5)),
        return_exceptions=True,
    )
    assert sum(isinstance(r, StepDone) for r in results) == 1, results
    assert all(r.code == "VERSION_CONFLICT" for r in results if isinstance(r, CaseRejected))
    assert await history_of(scene, case_id) == ["report", "accept"]


async def test_a_step_waiting_on_an_uncommitted_one_reads_its_version(
    scene: Database, clean_uri: str
) -> None:
    # One coordinator's step is held open inside its transaction (locked, state moved,
    # not committed) while a second arrives with the same version. Without the lock taken
    # before the read, the second would read version 0, pass, and both would commit.
    reported = await report_case(scene, ADMIN, Report("井盖缺失", "report", 2, "b-yx-3"))
    case_id = reported.case["id"]
    driver = AsyncGraphDatabase.driver(clean_uri, auth=None)
    try:
        async with driver.session() as session:
            tx = await session.begin_transaction()
            locked = await tx.run(
                q("cases/lock_case"), {"id": case_id, "scopes": None, "writeScopes": None}
            )
            assert (await locked.single()) is not None
            moved = await tx.run(
                q("cases/append_case_event"),
                {
                    "id": case_id,
                    "action": "accept",
                    "toState": "accepted",
                    "phase": "handle",
                    "restart": False,
                    "caseProps": {},
                    "event": {},
                    "actorId": "first",
                },
            )
            await moved.consume()
            second = asyncio.create_task(
                actions.simple_step(scene, ADMIN, "withdraw", case_id, 0, "second")
            )
            await asyncio.sleep(0.5)  # let it reach the lock; the outcome does not depend on it
            assert not second.done()
            await tx.commit()
        with pytest.raises(CaseRejected) as refused:
            await second
    finally:
        await driver.close()
    assert refused.value.code == "VERSION_CONFLICT" and refused.value.version == 1
    assert await history_of(scene, case_id) == ["report", "accept"]
