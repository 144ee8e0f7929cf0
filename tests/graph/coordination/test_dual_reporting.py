"""dualReporting: 双报到 under 双塔山街道 in 2025's first quarter
(scene: scenes.shuangta_reporting)."""

from __future__ import annotations

from datetime import date

import pytest

from graph.coordination.case_stats import Count
from graph.coordination.dual_reporting import dual_reporting
from graph.database import Database
from tests.graph.coordination.scenes import shuangta_reporting

Q1 = (date(2025, 1, 1), date(2025, 3, 31))


@pytest.fixture
async def scene(db: Database) -> Database:
    await shuangta_reporting().write(db)
    return db


async def test_each_community_in_the_quarter(scene: Database) -> None:
    report = await dual_reporting(scene, "s", None, *Q1)
    assert report is not None
    c1, c2, c3 = report.communities
    assert [c.community.id for c in report.communities] == ["c1", "c2", "c3"]
    # po-u1 (2024) and po-u2 (in Q1); po-u3 reported in May. mu-1, po-u1's unit, claimed
    # once in Q1; po-u1's own claim is in April.
    assert (c1.organisations, c1.organisations_new, c1.organisation_claims) == (2, 1, 1)
    # p-a (2024), p-b and p-c (Q1); p-d only in April.
    assert (c1.members, c1.members_new) == (3, 2)
    # p-a's building-leader role and p-b's volunteer role; p-c's ended in 2024.
    assert c1.roles_claimed == 2
    assert c1.roles_by_kind == [Count("building_leader", 1), Count("volunteer", 1)]
    # p-a: a claim, a case step (23:00 on 31 March), a task done, points earned (not spent).
    assert c1.records == 4
    assert c1.records_by_kind == [
        Count("case_step", 1),
        Count("claim", 1),
        Count("points_earned", 1),
        Count("task_done", 1),
    ]
    assert c1.silent_count == 2 and [p.id for p in c1.silent] == ["p-b", "p-c"]
    assert (c2.members, c2.records, c2.silent_count) == (1, 1, 0)
    assert (c3.organisations, c3.members, c3.records, c3.silent) == (0, 0, 0, [])


async def test_first_limits_the_silent_list(scene: Database) -> None:
    report = await dual_reporting(scene, "s", None, *Q1, first=1)
    assert report is not None
    c1 = report.communities[0]
    assert c1.silent_count == 2 and [p.id for p in c1.silent] == ["p-b"]


async def test_an_empty_window_before_anyone_reported(scene: Database) -> None:
    report = await dual_reporting(scene, "s", None, date(2023, 1, 1), date(2023, 12, 31))
    assert report is not None
    assert [(c.organisations, c.members, c.records) for c in report.communities] == [(0, 0, 0)] * 3


async def test_scope_rules(scene: Database) -> None:
    assert await dual_reporting(scene, "s", ["c2"], *Q1) is None
    only = await dual_reporting(scene, "c2", ["s"], *Q1)
    assert only is not None and [c.community.id for c in only.communities] == ["c2"]
