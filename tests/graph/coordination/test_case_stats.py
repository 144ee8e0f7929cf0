"""caseStats: the figures for cases reported in March 2025 under 清河街道 and each community
(scene: tests/graph/coordination/scenes.qinghe_cases). Every expected figure is counted by
hand from the scene's docstring-level facts listed beside it."""

from __future__ import annotations

from datetime import date

import pytest

from graph.coordination.case_stats import CaseFigures, Count, case_stats
from graph.coordination.common import CoordinationInputError
from graph.database import Database
from tests.graph.coordination.scenes import qinghe_cases

MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@pytest.fixture
async def scene(db: Database) -> Database:
    await qinghe_cases().write(db)
    return db


def rates(f: CaseFigures) -> tuple[object, ...]:
    return (
        f.closure_rate,
        f.resolved_at_grid_share,
        f.mediation_success_rate,
        f.median_hours_to_close,
        f.mean_satisfaction,
        f.on_time_closure_rate,
    )


async def test_the_street_in_march(scene: Database) -> None:
    stats = await case_stats(scene, "st", None, *MARCH)
    assert stats is not None
    st = stats.scope
    # c1 c2 c3 c4 c5 c6 c9 c10 (c10 stored in UTC, still 1 March in China); c7, c8 outside.
    assert st.total == 8
    assert st.by_kind == [Count("report", 4), Count("dispute", 3), Count("booking", 1)]
    assert st.by_status == [
        Count("closed", 5),
        Count("in_progress", 1),
        Count("reported", 1),
        Count("withdrawn", 1),
    ]
    # closed c1 c2 c3 c5 c6; never left the grid: c1, c5 (c2 had a community step, c3
    # is held by the community, c6 by the street).
    assert (st.closed, st.closed_at_grid) == (5, 2)
    # mediated c2 (settled), c3 (not settled), c4 (pending).
    assert (st.disputes_mediated, st.disputes_settled) == (3, 1)
    # hours 2, 6, 12, 30, 48 → median 12; satisfaction 5, 3, 4 → 4.0;
    # limits: c1 24 h (12 on time), c2 24 + 4 approved = 28 h (30 late), c3 48 h at the
    # community (48 on time), c5 24 h (6 on time); c6 has no category, so no limit.
    assert (st.rated, st.closed_with_limit, st.closed_on_time) == (3, 4, 3)
    assert rates(st) == (5 / 8, 2 / 5, 1 / 3, 12.0, 4.0, 3 / 4)


async def test_each_child_drills_down_and_an_empty_one_has_no_rates(scene: Database) -> None:
    stats = await case_stats(scene, "st", None, *MARCH)
    assert stats is not None
    a, b, empty = stats.children
    assert [c.place.id for c in stats.children] == ["c-a", "c-b", "c-empty"]
    # 甲社区: c1 c2 c3 c9; hours 12, 30, 48.
    assert (a.total, a.closed, a.closed_at_grid, a.disputes_mediated) == (4, 3, 1, 2)
    assert rates(a) == (3 / 4, 1 / 3, 1 / 2, 30.0, 4.0, 2 / 3)
    # 乙社区 (no grid): c4 c5 c10.
    assert (b.total, b.closed, b.closed_at_grid) == (3, 1, 1)
    assert rates(b) == (1 / 3, 1.0, 0.0, 6.0, None, 1.0)
    assert (empty.total, empty.by_kind, rates(empty)) == (0, [], (None,) * 6)
    # The street's own booking (c6) belongs to no child.
    assert sum(c.total for c in stats.children) == stats.scope.total - 1


async def test_an_empty_window(scene: Database) -> None:
    stats = await case_stats(scene, "st", None, date(2024, 1, 1), date(2024, 1, 31))
    assert stats is not None
    assert stats.scope.total == 0 and rates(stats.scope) == (None,) * 6
    assert [c.total for c in stats.children] == [0, 0, 0]


async def test_open_ended_windows(scene: Database) -> None:
    everything = await case_stats(scene, "st", None)
    assert everything is not None and everything.scope.total == 10
    until_feb = await case_stats(scene, "st", None, None, date(2025, 2, 28))
    assert until_feb is not None and until_feb.scope.total == 1  # c7


async def test_scope_rules(scene: Database) -> None:
    assert await case_stats(scene, "st", ["c-a"], *MARCH) is None
    community = await case_stats(scene, "c-a", ["st"], *MARCH)
    assert community is not None and community.scope.total == 4
    assert [(c.place.id, c.total) for c in community.children] == [("g-a1", 4)]


async def test_a_window_back_to_front_is_refused(db: Database) -> None:
    with pytest.raises(CoordinationInputError, match=r"caseStats from/to: 'from' .* is after 'to'"):
        await case_stats(db, "st", None, date(2025, 3, 31), date(2025, 3, 1))
