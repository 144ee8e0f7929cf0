"""servingTeam: the people and organisations that serve a place, and what is missing.

The scene is 御祥园社区 (tests/graph/coordination/scenes.py): household 301 sits in
entrance 1 of building 3 of 御祥园小区, inside 一网格; 老楼101户 is in an old compound that
belongs to no grid.
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.coordination.serving import serving_team
from graph.database import Database
from tests.graph.coordination.scenes import yuxiangyuan

TODAY = date(2025, 6, 1)


@pytest.fixture
async def scene(db: Database) -> Database:
    await yuxiangyuan().write(db)
    return db


async def test_a_household_in_a_grid(scene: Database) -> None:
    team = await serving_team(scene, "hh-301", None, on=TODAY)
    assert team is not None
    assert team.grid is not None and team.grid.id == "g-1"
    assert team.grid_leader is not None and team.grid_leader.person.id == "p-zhang"
    # The worker whose role ended last year is not on the team.
    assert [(m.role, m.person.id) for m in team.grid_team] == [
        ("grid_leader", "p-zhang"),
        ("grid_worker", "p-liu"),
        ("grid_worker", "p-wu"),
    ]
    assert [o.id for o in team.grid_organisations] == ["po-g1"]
    # Its own building's and entrance's leaders; building 4's leader serves others.
    assert [(m.person.id, m.role, m.place.id if m.place else None) for m in team.leaders] == [
        ("p-chen", "building_leader", "b-3"),
        ("p-zhao", "entrance_leader", "e-3-1"),
    ]
    assert [(m.person.id, m.place.id if m.place else None) for m in team.claimed_by] == [
        ("p-chen", "b-3"),
        ("p-wu", "g-1"),
    ]
    assert team.claimed_by[0].since == date(2023, 3, 1)
    (compound,) = team.compounds
    assert compound.compound.id == "cp-1"
    (company,) = compound.companies
    assert company.company.id == "pc-red" and company.red
    assert [r.code for r in company.reasons] == ["RED_INSTRUCTOR"]
    assert company.reasons[0].detail_zh == "派驻党建指导员（钱军）"
    assert [o.id for o in compound.owners_committees] == ["oc-1"]
    assert team.community is not None and team.community.id == "c-yxy"
    assert [o.id for o in team.community_organisations] == ["po-c", "rc-yxy"]
    assert (
        team.street.id if team.street else None,
        team.district.id if team.district else None,
    ) == ("s-st", "d-sl")
    assert team.station is not None
    assert (team.station.station.id, team.station.via.id) == ("st-g", "g-1")
    assert team.notes == ()


async def test_a_grid_sees_every_building_under_it(scene: Database) -> None:
    team = await serving_team(scene, "g-1", None, on=TODAY)
    assert team is not None
    assert [(m.person.id, m.place.id if m.place else None) for m in team.leaders] == [
        ("p-chen", "b-3"),
        ("p-sun", "b-4"),
        ("p-zhao", "e-3-1"),
    ]
    assert [c.compound.id for c in team.compounds] == ["cp-1"]


async def test_a_household_in_no_grid(scene: Database) -> None:
    team = await serving_team(scene, "hh-o", None, on=TODAY)
    assert team is not None
    assert team.grid is None and team.grid_team == [] and team.grid_leader is None
    (compound,) = team.compounds
    assert [(c.company.id, c.red) for c in compound.companies] == [
        ("pc-own", True),
        ("pc-plain", False),
    ]
    assert compound.companies[0].reasons[0].detail_zh == "有自己的党组织（安居物业党支部）"
    assert compound.companies[1].reasons[0].code == "NOT_RED"
    assert [n.code for n in team.notes] == ["NO_GRID", "NO_OWNERS_COMMITTEE"]
    assert team.notes[0].detail_en == "This place lies in no grid"
    # Two stations under the community: the nearer one (1.1 km), not the smaller id.
    assert team.station is not None
    assert (team.station.station.id, team.station.via.id) == ("st-c-b", "c-yxy")
    assert team.station.distance_km == pytest.approx(1.11, abs=0.01)


async def test_outside_the_viewers_places_or_unknown_is_none(scene: Database) -> None:
    assert await serving_team(scene, "hh-301", ["c-other"], on=TODAY) is None
    assert await serving_team(scene, "nowhere", None, on=TODAY) is None
    assert await serving_team(scene, "hh-301", ["s-st"], on=TODAY) is not None
