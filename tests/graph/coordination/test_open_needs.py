"""openNeeds: the needs list of a place and everything under it, and which no one can take.

On top of the 凤凰社区 scene (tests/graph/coordination/scenes.py): a partly met need for
meal help in a household of the second grid, a met need (not open any more), a need in the
neighbouring 清宁社区, and a need whose only resource is used up.
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.coordination.matches import need_matches
from graph.coordination.needs import open_needs
from graph.database import Database
from tests.graph.coordination.scene import Scene, day
from tests.graph.coordination.scenes import claim, fenghuang, resource, uses

TODAY = date(2025, 6, 1)


def with_more_needs() -> Scene:
    s = fenghuang()
    s.node(
        "Need",
        "n-meal",
        title="助餐",
        quantity=8,
        status="partly_met",
        urgency=1,
        raisedOn=day("2025-04-01"),
    )
    s.rel("IN_CATEGORY", "n-meal", "k-meal")
    s.rel("CONCERNS", "n-meal", "h-li")
    claim(s, "cl-m1", "p-wang", "n-meal", quantity=3, delivered=2, status="fulfilled")
    s.node("Need", "n-done", title="已满足", quantity=1, status="met", raisedOn=day("2025-01-01"))
    s.rel("IN_CATEGORY", "n-done", "k-elder")
    s.rel("CONCERNS", "n-done", "g-fh1")
    s.node("Need", "n-qn", title="法律咨询", quantity=2, status="open", raisedOn=day("2025-05-20"))
    s.rel("IN_CATEGORY", "n-qn", "k-legal")
    s.rel("CONCERNS", "n-qn", "c-qingning")
    # Savings advice: the bank's only such resource is fully in use.
    s.node("Category", "k-savings", name="理财咨询")
    resource(s, "r-bank2", "u-bank", "k-savings", capacity=4)
    uses(s, "cl-b3", "u-bank", "r-bank2", quantity=4, status="active")
    s.node(
        "Need",
        "n-savings",
        title="理财",
        quantity=1,
        status="open",
        urgency=2,
        raisedOn=day("2025-05-30"),
    )
    s.rel("IN_CATEGORY", "n-savings", "k-savings")
    s.rel("CONCERNS", "n-savings", "g-fh2")
    return s


@pytest.fixture
async def scene(db: Database) -> Database:
    await with_more_needs().write(db)
    return db


async def test_the_community_list_most_urgent_then_oldest(scene: Database) -> None:
    got = await open_needs(scene, "c-fenghuang", None, on=TODAY)
    assert [n.need.id for n in got.needs] == ["n-elder", "n-savings", "n-meal", "n-lonely"]
    assert (got.total, got.unmatched) == (4, 2)
    elder, _savings, meal, _lonely = got.needs
    assert (elder.asked, elder.committed, elder.still_needed, elder.days_open) == (40, 10, 30, 31)
    assert (meal.committed, meal.delivered, meal.still_needed, meal.days_open) == (3, 2, 5, 61)
    assert meal.place.id == "h-li" and meal.place.label == "Household"
    assert [n.matchable for n in got.needs] == [True, False, True, False]
    assert elder.category is not None and elder.category.props["name"] == "养老服务"


async def test_unmatched_only_agrees_with_need_matches(scene: Database) -> None:
    got = await open_needs(scene, "c-fenghuang", None, unmatched_only=True, on=TODAY)
    assert [n.need.id for n in got.needs] == ["n-savings", "n-lonely"]
    for need in got.needs:
        assert await need_matches(scene, need.need.id, None, on=TODAY) == []
    assert await need_matches(scene, "n-meal", None, on=TODAY) != []


async def test_a_category_takes_the_ones_under_it(scene: Database) -> None:
    got = await open_needs(scene, "c-fenghuang", None, category_id="k-elder", on=TODAY)
    assert [n.need.id for n in got.needs] == ["n-elder", "n-meal"]
    care = await open_needs(scene, "s-xianfeng", None, category_id="k-care", on=TODAY)
    assert care.total == 2


async def test_a_street_holds_its_communities_needs(scene: Database) -> None:
    got = await open_needs(scene, "s-xianfeng", None, on=TODAY)
    assert got.total == 5 and "n-qn" in [n.need.id for n in got.needs]


async def test_first_cuts_the_list_but_not_the_counts(scene: Database) -> None:
    got = await open_needs(scene, "c-fenghuang", None, first=1, on=TODAY)
    assert [n.need.id for n in got.needs] == ["n-elder"]
    assert (got.total, got.unmatched) == (4, 2)


async def test_scope_outside_the_viewers_answers_nothing(scene: Database) -> None:
    # A viewer of 清宁社区 asks for the whole street: nothing, not a part of it.
    outside = await open_needs(scene, "s-xianfeng", ["c-qingning"], on=TODAY)
    assert (outside.total, outside.needs) == (0, [])
    inside = await open_needs(scene, "c-qingning", ["s-xianfeng"], on=TODAY)
    assert [n.need.id for n in inside.needs] == ["n-qn"]


async def test_a_place_with_no_needs_or_an_unknown_place(scene: Database) -> None:
    assert (await open_needs(scene, "c-east", None, on=TODAY)).total == 0
    assert (await open_needs(scene, "nowhere", None, on=TODAY)).needs == []
