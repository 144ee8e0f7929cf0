"""caseRouting: the level that should hold a case, who should act, whom to summon, and
closed cases like it nearby (scene: tests/graph/coordination/scenes.noise_dispute)."""

from __future__ import annotations

from datetime import date

import pytest

from graph.coordination.routing import case_routing
from graph.database import Database
from tests.graph.coordination.scenes import noise_dispute

TODAY = date(2025, 6, 1)


@pytest.fixture
async def scene(db: Database) -> Database:
    await noise_dispute().write(db)
    return db


async def test_a_minor_noise_dispute_stays_in_the_grid(scene: Database) -> None:
    r = await case_routing(scene, "case-a", None, on=TODAY)
    assert r is not None
    assert (r.level, r.holder.id if r.holder else None) == ("grid", "g-1")
    assert [x.code for x in r.reasons] == ["SEVERITY", "CATEGORY_LEVELS"]
    assert r.reasons[0].detail_zh == "严重程度1级（共4级）：起点为网格级（小事不出网格）"
    assert r.reasons[1].detail_en == "噪音扰民 has time limits from the grid level up"
    assert [(a.role, a.person.id) for a in r.grid_workers] == [
        ("grid_leader", "p-zhang"),
        ("grid_worker", "p-liu"),
        ("grid_worker", "p-wu"),
    ]
    assert [a.person.id for a in r.grid_mediators] == ["p-ma"]
    assert [(a.person.id, a.at.id) for a in r.community_mediators] == [
        ("p-he", "c-yxy"),
        ("p-tang", "mc-1"),
    ]


async def test_departments_own_category_first_then_broader_never_another_district(
    scene: Database,
) -> None:
    r = await case_routing(scene, "case-a", None, on=TODAY)
    assert r is not None
    got = [(d.department.id, d.based_at.id if d.based_at else None) for d in r.departments]
    assert got == [("dep-le", "s-st"), ("dep-police", "d-sl"), ("dep-justice", None)]
    assert [x.detail_zh for x in r.departments[1].reasons] == [
        "职责涵盖邻里纠纷（上级类别）",
        "驻双滦区，辖区涵盖事发地",
    ]


async def test_similar_closed_cases_nearest_then_latest_with_who_closed_them(
    scene: Database,
) -> None:
    r = await case_routing(scene, "case-a", None, on=TODAY)
    assert r is not None
    got = [(s.case.id, s.nearness) for s in r.similar]
    # o5 is still open, o6 another category, o7 in another street.
    assert got == [("o2", "grid"), ("o1", "grid"), ("o3", "community"), ("o4", "street")]
    o2, o1 = r.similar[0], r.similar[1]
    assert [p.id for p in o2.closed_by] == ["p-zhang"]  # named by actorId
    assert [p.id for p in o1.closed_by] == ["p-liu"]  # the last closing step, not the first
    assert [p.id for p in o1.handled_by] == ["p-liu", "p-wu"]
    assert o1.reason.detail_zh == "同一网格已结案件（御祥园一网格）"
    fewer = await case_routing(scene, "case-a", None, similar=2, on=TODAY)
    assert fewer is not None and [s.case.id for s in fewer.similar] == ["o2", "o1"]


async def test_a_category_handled_from_the_street_up_goes_to_the_street(scene: Database) -> None:
    r = await case_routing(scene, "case-b", None, on=TODAY)
    assert r is not None
    assert (r.level, r.holder.id if r.holder else None) == ("street", "s-st")
    assert [x.code for x in r.reasons] == ["SEVERITY", "CATEGORY_LEVELS", "HELD_ELSEWHERE"]
    assert r.reasons[2].detail_en == "Now held at the grid level"
    # The only department for illegal building sits in another district.
    assert r.departments == []


async def test_a_place_with_no_grid_is_held_by_its_community(scene: Database) -> None:
    r = await case_routing(scene, "case-c", None, on=TODAY)
    assert r is not None
    assert (r.level, r.holder.id if r.holder else None) == ("grid", "c-yxy")
    assert r.reasons[-1].code == "NO_GRID"
    assert r.reasons[-1].detail_zh == "该地点不属于任何网格，由御祥园社区处置"
    assert r.grid_workers == [] and r.grid_mediators == []
    assert [s.case.id for s in r.similar] == ["o3", "o2", "o1", "o4"]


async def test_petitions_start_at_the_community_and_major_cases_at_the_district(
    scene: Database,
) -> None:
    petition = await case_routing(scene, "case-d", None, on=TODAY)
    assert petition is not None
    assert (petition.level, petition.holder.id if petition.holder else None) == (
        "community",
        "c-yxy",
    )
    assert [x.code for x in petition.reasons] == ["SEVERITY", "PETITION"]
    assert petition.category is None and petition.departments == [] and petition.similar == []
    major = await case_routing(scene, "case-e", None, on=TODAY)
    assert major is not None and (major.level, major.holder.id if major.holder else None) == (
        "district",
        "d-sl",
    )


async def test_scopes_hide_the_case_and_similar_cases_outside_them(scene: Database) -> None:
    assert await case_routing(scene, "case-a", ["c-other"], on=TODAY) is None
    assert await case_routing(scene, "no-case", None, on=TODAY) is None
    r = await case_routing(scene, "case-a", ["c-yxy"], on=TODAY)
    assert r is not None and [s.case.id for s in r.similar] == ["o2", "o1", "o3"]
