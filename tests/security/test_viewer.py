"""What each role reaches, as the scope lists every Cypher statement receives.

The expected lists are the roles table of docs/SECURITY.md, written out by hand.
"""

from __future__ import annotations

import pytest

from schema.core.viewer import ANONYMOUS, Grant, GrantError, Viewer

ADMIN = Viewer("u-admin", (Grant("admin", None),))
COORDINATOR = Viewer("u-coord", (Grant("coordinator", "s-shuangta"),))
GRID_WORKER = Viewer("p-wang", (Grant("grid_worker", "g-1"), Grant("grid_worker", "g-2")))
SECRETARY = Viewer("p-li", (Grant("secretary", "po-yuxiang"),))
PLANNER = Viewer("u-plan", (Grant("planner", None),))
VOLUNTEER = Viewer("p-zhao", (Grant("volunteer", "c-yuxiangyuan"),))


@pytest.mark.parametrize(
    ("viewer", "places", "needs", "orgs", "personal", "writes"),
    [
        (ADMIN, None, None, None, None, None),
        (COORDINATOR, ["s-shuangta"], ["s-shuangta"], [], ["s-shuangta"], ["s-shuangta"]),
        (GRID_WORKER, ["g-1", "g-2"], ["g-1", "g-2"], [], ["g-1", "g-2"], ["g-1", "g-2"]),
        (SECRETARY, [], [], ["po-yuxiang"], [], []),
        (PLANNER, None, None, None, [], []),
        (VOLUNTEER, [], ["c-yuxiangyuan"], [], [], []),
        (ANONYMOUS, [], [], [], [], []),
    ],
    ids=["admin", "coordinator", "grid_worker", "secretary", "planner", "volunteer", "anonymous"],
)
def test_each_role_reaches_exactly_its_table_row(
    viewer: Viewer,
    places: list[str] | None,
    needs: list[str] | None,
    orgs: list[str] | None,
    personal: list[str] | None,
    writes: list[str] | None,
) -> None:
    assert viewer.place_scopes() == places
    assert viewer.need_scopes() == needs
    assert viewer.org_scopes() == orgs
    assert viewer.personal_scopes() == personal
    assert viewer.write_scopes() == writes


def test_personal_data_flag_is_off_for_planners_even_beside_a_grid() -> None:
    both = Viewer("p-wang", (Grant("grid_worker", "g-1"), Grant("planner", None)))
    assert both.place_scopes() is None  # the planner grant reads everywhere ...
    assert both.sees_personal_data is False  # ... so no single flag may unmask
    assert both.personal_scopes() == ["g-1"]  # per place, her grid still shows phones
    assert ADMIN.sees_personal_data and GRID_WORKER.sees_personal_data
    assert SECRETARY.sees_personal_data
    assert not PLANNER.sees_personal_data and not VOLUNTEER.sees_personal_data


def test_volunteers_alone_see_open_needs_only() -> None:
    assert VOLUNTEER.open_needs_only
    helper = Viewer("p-wang", (Grant("grid_worker", "g-1"), Grant("volunteer", "c-1")))
    assert not helper.open_needs_only
    assert helper.need_scopes() == ["c-1", "g-1"]


def test_writes_under_a_place_need_the_place_or_an_ancestor_in_scope() -> None:
    chain = ["g-1", "c-yuxiangyuan", "s-shuangta", "d-shuangluan"]  # a grid and its ancestors
    assert COORDINATOR.may_write_under(chain)
    assert GRID_WORKER.may_write_under(chain)
    assert not GRID_WORKER.may_write_under(["g-3", "c-yuxiangyuan", "s-shuangta"])
    assert not PLANNER.may_write_under(chain)
    assert ADMIN.may_write_under([])
    assert not PLANNER.may_write and not ANONYMOUS.may_write
    assert SECRETARY.may_act_for("po-yuxiang") and not SECRETARY.may_act_for("po-other")


@pytest.mark.parametrize(
    ("raw", "complaint"),
    [
        ({"role": "mayor"}, "unknown role 'mayor'"),
        ({"role": "coordinator"}, "needs a scope"),
        ({"role": "admin", "scope": "d-1"}, "takes no scope"),
        ({"role": "grid_worker", "scope": ""}, "must be an id"),
        (["grid_worker"], "must be an object"),
    ],
)
def test_bad_grants_are_refused_with_the_reason(raw: object, complaint: str) -> None:
    with pytest.raises(GrantError, match=complaint):
        Grant.parse(raw)


def test_scope_params_carry_every_list_under_its_cypher_name() -> None:
    assert VOLUNTEER.scope_params() == {
        "scopes": [],
        "needScopes": ["c-yuxiangyuan"],
        "orgScopes": [],
        "personalScopes": [],
        "actorId": "p-zhao",
    }
