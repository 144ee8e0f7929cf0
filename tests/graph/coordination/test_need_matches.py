"""needMatches: who can resolve a listed need, best first, with the points of each factor.

The scene: 凤凰社区 (in 先锋街道, 竞秀区) lists a need for elderly care in its first grid,
40 hours asked, 10 already committed, so 30 still needed. Providers around it are built to
exercise each factor; the expected scores are added up by hand from the weights in
graph/coordination/weights.py (category 30/15, grid 21, community 16, street 11, district 6,
agreement 10, seat 5, capacity 20 × share covered, 5 per done project up to 2).
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.coordination.common import CoordinationInputError
from graph.coordination.matches import need_matches
from graph.database import Database
from tests.graph.coordination.scene import Scene, day
from tests.graph.coordination.scenes import fenghuang, resource

TODAY = date(2025, 6, 1)


@pytest.fixture
async def scene(db: Database) -> Database:
    await fenghuang().write(db)
    return db


async def test_best_first_with_a_tie_broken_by_provider_id(scene: Database) -> None:
    matches = await need_matches(scene, "n-elder", None, first=10, on=TODAY)
    got = [(m.provider.id, m.resource.id if m.resource else None, m.score) for m in matches]
    assert got == [
        # 30 same + 21 grid + 10 agreement + 20 × 20/30 capacity + 5 one project
        ("u-hospital", "r-h1", 79.33),
        # 30 same + 16 community + 20 capacity; equal, so by provider id
        ("t-amber", "r-t-amber", 66.0),
        ("t-blue", "r-t-blue", 66.0),
        # 15 child category + 11 street + 5 seat + 20 capacity
        ("u-school", "r-s1", 51.0),
        # 30 same + 16 community (lives in the second grid) + 20 × 5/30
        ("p-li", "r-li", 49.33),
        # 30 on record + 0 elsewhere + 10 (three projects, two count); no resource
        ("u-firm", None, 40.0),
    ]


async def test_each_factor_gives_its_reason_and_points(scene: Database) -> None:
    best = (await need_matches(scene, "n-elder", None, first=1, on=TODAY))[0]
    reasons = {r.code: r for r in best.reasons}
    assert list(reasons) == [
        "CATEGORY_SAME",
        "NEAR_GRID",
        "AGREEMENT",
        "CAPACITY_PARTIAL",
        "RECORD",
    ]
    assert [r.points for r in best.reasons] == [30.0, 21.0, 10.0, 13.33, 5.0]
    assert reasons["NEAR_GRID"].detail_zh == "与需求同一网格（凤凰一网格）"
    assert reasons["AGREEMENT"].detail_zh == "与凤凰社区签有共建协议（医院社区共建协议）"
    assert reasons["CAPACITY_PARTIAL"].detail_en == ("20 hours left, 67% of the 30 still needed")
    assert best.remaining_capacity == 20
    assert best.nearness == "grid" and best.distance_km is None


async def test_a_seat_counts_but_an_ended_agreement_does_not(scene: Database) -> None:
    matches = await need_matches(scene, "n-elder", None, first=10, on=TODAY)
    school = next(m for m in matches if m.provider.id == "u-school")
    partner = next(r for r in school.reasons if r.points is not None and r.code == "SEAT")
    assert partner.points == 5.0
    assert partner.detail_zh == "在凤凰社区大党委任兼职委员"
    assert school.category_fit == "child"


async def test_a_provider_on_record_alone_has_no_resource(scene: Database) -> None:
    matches = await need_matches(scene, "n-elder", None, first=10, on=TODAY)
    firm = matches[-1]
    assert firm.provider.id == "u-firm" and firm.resource is None
    assert [r.code for r in firm.reasons] == [
        "CATEGORY_RECORD",
        "NEAR_ELSEWHERE",
        "NO_PARTNERSHIP",
        "NO_RESOURCE",
        "RECORD",
    ]
    assert firm.done_projects == 3


async def test_used_up_expired_withdrawn_and_unrelated_resources_never_match(
    scene: Database,
) -> None:
    matches = await need_matches(scene, "n-elder", None, first=100, on=TODAY)
    proposed = {m.provider.id for m in matches}
    assert proposed.isdisjoint({"u-bank", "u-shop", "u-co", "u-law", "po-fenghuang"})
    # The day the shop's offer ran to, it still counts.
    earlier = await need_matches(scene, "n-elder", None, first=100, on=date(2025, 5, 31))
    assert "u-shop" in {m.provider.id for m in earlier}


async def test_first_cuts_the_list(scene: Database) -> None:
    matches = await need_matches(scene, "n-elder", None, first=2, on=TODAY)
    assert [m.provider.id for m in matches] == ["u-hospital", "t-amber"]


async def test_a_need_nobody_can_take_has_no_match(scene: Database) -> None:
    assert await need_matches(scene, "n-lonely", None, on=TODAY) == []


async def test_out_of_scope_or_unknown_needs_answer_nothing(scene: Database) -> None:
    assert await need_matches(scene, "n-elder", ["s-dongfeng"], on=TODAY) == []
    assert await need_matches(scene, "no-such-need", None, on=TODAY) == []
    inside = await need_matches(scene, "n-elder", ["c-fenghuang"], first=1, on=TODAY)
    assert [m.provider.id for m in inside] == ["u-hospital"]


async def test_first_out_of_range_is_refused_with_its_name(db: Database) -> None:
    with pytest.raises(
        CoordinationInputError, match=r"needMatches.first must be between 1 and 100"
    ):
        await need_matches(db, "n-elder", None, first=0)


async def test_distance_adds_up_to_four_points_within_five_km(db: Database) -> None:
    # Two grids of one community on the same meridian, 0.01° of latitude apart:
    # 0.01° × π/180 × 6,378,140 m (Neo4j's earth radius) = 1.113 km, so the bonus is
    # 4 × (1 − 1.113/5) = 3.11 points on top of the community band's 16.
    s = Scene()
    s.place("Community", "c1", kind="community", name="社区")
    s.place("Grid", "g1", "c1", level=3, lat=38.87, lon=115.46)
    s.place("Grid", "g2", "c1", level=3, lat=38.88, lon=115.46)
    s.node("Category", "k", name="助老")
    s.node("Need", "n", title="n", quantity=1, status="open", raisedOn=day("2025-05-01"))
    s.rel("IN_CATEGORY", "n", "k")
    s.rel("CONCERNS", "n", "g1")
    s.node("VolunteerTeam", "t", name="t")
    s.rel("LOCATED_IN", "t", "g2")
    resource(s, "r", "t", "k", capacity=1)
    await s.write(db)
    (match,) = await need_matches(db, "n", None, on=TODAY)
    assert match.distance_km == pytest.approx(1.11, abs=0.01)
    assert match.score == pytest.approx(30 + 16 + 3.11 + 20, abs=0.01)
    distance = next(r for r in match.reasons if r.code == "DISTANCE")
    assert distance.detail_zh == "距需求地点1.1公里"
