"""coverageGaps: what is missing under 元宝山街道 (scene: scenes.yuanbaoshan_gaps)."""

from __future__ import annotations

from datetime import date

import pytest

from graph.coordination.common import CoordinationInputError
from graph.coordination.gaps import GapList, coverage_gaps
from graph.database import Database
from tests.graph.coordination.scenes import yuanbaoshan_gaps

TODAY = date(2025, 6, 1)


@pytest.fixture
async def scene(db: Database) -> Database:
    await yuanbaoshan_gaps().write(db)
    return db


def ids(gaps: GapList) -> list[str]:
    return [g.subject.id for g in gaps.items]


async def test_every_list_for_the_street(scene: Database) -> None:
    gaps = await coverage_gaps(scene, "s", None, on=TODAY)
    assert gaps is not None and gaps.scope.id == "s"
    # g-f has its grid branch; 半社区 has no grid at all.
    assert ids(gaps.grids_without_party_organisation) == ["g-b"]
    assert gaps.grids_without_party_organisation.items[0].within.id == "c-bare"  # type: ignore[union-attr]
    # al-2 has its alley leader, b-f and b-h1 their building leaders; b-b's ended in 2024.
    assert ids(gaps.buildings_without_leader) == ["al-1", "b-b", "b-h2"]
    assert [r.code for g in gaps.buildings_without_leader.items for r in g.reasons] == [
        "NO_ALLEY_LEADER",
        "NO_BUILDING_LEADER",
        "NO_BUILDING_LEADER",
    ]
    assert [(g.subject.id, g.missing) for g in gaps.compounds_incomplete.items] == [
        ("cp-h1", ("owners_committee",)),
        ("cp-h2", ("property_company",)),
    ]
    assert gaps.compounds_incomplete.items[0].reasons[0].detail_zh == "半一小区未成立业委会"
    # pc-flag says it has its own party organisation; pc-plain has nothing.
    (plain,) = gaps.property_companies_not_red.items
    assert plain.subject.id == "pc-plain"
    assert plain.reasons[0].detail_zh == "普通物业既无自己的党组织，也无党建指导员（服务半一小区）"
    (bare,) = gaps.communities_missing_six_in_one.items
    assert bare.subject.id == "c-bare"
    # Its alley leader counts as a building leader (楼门长): five of six missing.
    assert bare.missing == (
        "party_organisation",
        "residents_committee",
        "owners_committee",
        "property_company",
        "service_station",
    )
    assert bare.reasons[0].detail_zh == "六位一体缺社区党组织"
    # 空白村's agreement ended; 半社区's runs until 2099.
    assert ids(gaps.communities_without_partner) == ["c-bare"]
    assert gaps.communities_without_partner.items[0].reasons[0].code == "NO_PARTNER"


async def test_stale_needs_are_open_long_enough_with_no_provider(scene: Database) -> None:
    gaps = await coverage_gaps(scene, "s", None, open_days=30, on=TODAY)
    assert gaps is not None
    # n-edge is exactly 30 days old; n-recent only 12; n-matched has a provider; n-met is met.
    assert [n.need.id for n in gaps.stale_needs.needs] == ["n-old", "n-edge"]
    assert [n.days_open for n in gaps.stale_needs.needs] == [92, 30]
    longer = await coverage_gaps(scene, "s", None, open_days=31, on=TODAY)
    assert longer is not None and longer.stale_needs.total == 1


async def test_first_cuts_items_not_totals(scene: Database) -> None:
    gaps = await coverage_gaps(scene, "s", None, first=1, on=TODAY)
    assert gaps is not None
    assert (gaps.buildings_without_leader.total, ids(gaps.buildings_without_leader)) == (
        3,
        ["al-1"],
    )
    assert gaps.compounds_incomplete.total == 2 and len(gaps.compounds_incomplete.items) == 1
    assert gaps.stale_needs.total == 2 and len(gaps.stale_needs.needs) == 1


async def test_a_complete_community_has_no_gaps(scene: Database) -> None:
    gaps = await coverage_gaps(scene, "c-full", None, on=TODAY)
    assert gaps is not None
    lists = (
        gaps.grids_without_party_organisation,
        gaps.buildings_without_leader,
        gaps.compounds_incomplete,
        gaps.property_companies_not_red,
        gaps.communities_missing_six_in_one,
        gaps.communities_without_partner,
    )
    assert [x.total for x in lists] == [0] * 6
    assert gaps.stale_needs.total == 0


async def test_scope_rules_and_bad_input(scene: Database) -> None:
    assert await coverage_gaps(scene, "s", ["c-full"], on=TODAY) is None
    assert await coverage_gaps(scene, "nowhere", None, on=TODAY) is None
    half = await coverage_gaps(scene, "c-half", ["s"], on=TODAY)
    assert half is not None and ids(half.buildings_without_leader) == ["b-h2"]
    with pytest.raises(CoordinationInputError, match=r"coverageGaps\.openDays must be 0 or more"):
        await coverage_gaps(scene, "s", None, open_days=-1)
