"""needStats: the lists' health under 清河街道 in April 2025
(scene: tests/graph/coordination/scenes.qinghe_lists)."""

from __future__ import annotations

from datetime import date

import pytest

from graph.coordination.need_stats import NeedFigures, need_stats
from graph.database import Database
from tests.graph.coordination.scenes import qinghe_lists

APRIL = (date(2025, 4, 1), date(2025, 4, 30))


@pytest.fixture
async def scene(db: Database) -> Database:
    await qinghe_lists().write(db)
    return db


def counts(f: NeedFigures) -> tuple[object, ...]:
    return (f.raised, f.met, f.partly_met, f.unmatched, f.withdrawn, f.asked, f.delivered)


def projects(f: NeedFigures) -> tuple[int, int, int]:
    return (f.projects_claimed, f.projects_done, f.projects_in_open_pool)


async def test_the_street_in_april(scene: Database) -> None:
    stats = await need_stats(scene, "st", None, *APRIL)
    assert stats is not None
    st = stats.scope
    # n1..n6 and n9 (raised at the street itself); n7 and n8 fall outside April.
    # unmatched: n3 (no claim), n4 (only a withdrawn claim), n9; not n5 (withdrawn).
    # asked 10+20+4+5+3+0 (n5 withdrawn: left out); delivered 10 + 5 (the withdrawn
    # claim's 3 does not count) + 3 (n6 got 5 but asked 3).
    assert counts(st) == (7, 2, 1, 3, 1, 42.0, 18.0)
    assert st.fill_rate == pytest.approx(18 / 42)
    # per need: n1 1.0, n2 0.25, n3 0, n4 0, n6 1.0 (n9 asked nothing: not measured)
    assert st.mean_need_fill == pytest.approx(2.25 / 5)
    # first commitments: n1 2 days, n2 1 (the withdrawn claim came first), n4 1, n6 10
    assert (st.committed, st.median_days_to_commitment) == (4, 1.5)
    # pj1 and pj4 claimed in April, pj2 done in April (pj4 in May), pj3 and pj5 pooled.
    assert projects(st) == (2, 1, 2)


async def test_each_child(scene: Database) -> None:
    stats = await need_stats(scene, "st", None, *APRIL)
    assert stats is not None
    a, b, empty = stats.children
    assert counts(a) == (3, 1, 1, 1, 0, 34.0, 15.0)
    assert (a.fill_rate, a.mean_need_fill) == (pytest.approx(15 / 34), pytest.approx(1.25 / 3))
    assert (a.committed, a.median_days_to_commitment) == (2, 1.5)
    assert projects(a) == (1, 0, 1)
    assert counts(b) == (3, 1, 0, 1, 1, 8.0, 3.0)
    assert (b.fill_rate, b.mean_need_fill, b.median_days_to_commitment) == (0.375, 0.5, 5.5)
    assert projects(b) == (1, 1, 1)
    assert counts(empty) == (0, 0, 0, 0, 0, 0.0, 0.0)
    assert (empty.fill_rate, empty.mean_need_fill, empty.median_days_to_commitment) == (
        None,
        None,
        None,
    )


async def test_an_empty_window_still_shows_the_open_pool(scene: Database) -> None:
    stats = await need_stats(scene, "st", None, date(2024, 1, 1), date(2024, 12, 31))
    assert stats is not None
    assert counts(stats.scope) == (0, 0, 0, 0, 0, 0.0, 0.0)
    assert stats.scope.fill_rate is None
    assert projects(stats.scope) == (0, 0, 2)


async def test_scope_rules(scene: Database) -> None:
    assert await need_stats(scene, "st", ["c-b"], *APRIL) is None
    b = await need_stats(scene, "c-b", ["st"], *APRIL)
    assert b is not None and b.scope.raised == 3
    # 乙社区 has no grid: its household is its only child, and holds all three needs.
    assert [(c.place.id, c.raised, projects(c)) for c in b.children] == [("hh-b", 3, (0, 1, 0))]
