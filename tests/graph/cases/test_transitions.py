"""The transition table, enforced against Neo4j state by state.

For every state, one case per action is put in that state (a dispute held by the
community, so no level or kind rule gets in the way) and each action is taken on its own
case. The table below is written by hand from docs/CASES.md, not read from the code: an
allowed step moves the case to the state written here and records one event; any other
step is refused as ILLEGAL_TRANSITION naming the state and the allowed steps, and the case
is left exactly as it was.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from graph.cases import actions, extensions, mediation, whistles
from graph.cases.steps import Actor, CaseRejected, StepDone
from graph.database import Database
from tests.graph.cases.scene import ADMIN, put_cases, put_extension, put_mediation, put_whistle

# state -> {action: state after}; an action not listed is illegal in that state.
TABLE: dict[str, dict[str, str]] = {
    "reported": {"accept": "accepted", "escalate": "escalated", "withdraw": "withdrawn"},
    "accepted": {
        "assign": "assigned",
        "escalate": "escalated",
        "whistle": "whistled",
        "withdraw": "withdrawn",
        "start_mediation": "in_progress",
        "request_extension": "accepted",
        "decide_extension": "accepted",
    },
    "assigned": {
        "assign": "assigned",
        "start": "in_progress",
        "escalate": "escalated",
        "whistle": "whistled",
        "withdraw": "withdrawn",
        "start_mediation": "in_progress",
        "request_extension": "assigned",
        "decide_extension": "assigned",
    },
    "in_progress": {
        "assign": "assigned",
        "escalate": "escalated",
        "whistle": "whistled",
        "resolve": "resolved",
        "withdraw": "withdrawn",
        "start_mediation": "in_progress",
        "record_mediation": "in_progress",
        "end_mediation": "in_progress",
        "request_extension": "in_progress",
        "decide_extension": "in_progress",
    },
    "resolved": {"close": "closed", "return": "returned"},
    "closed": {"reopen": "reopened"},
    "escalated": {"accept": "accepted", "withdraw": "withdrawn"},
    "whistled": {
        "start": "in_progress",
        "escalate": "escalated",
        "whistle": "whistled",
        "answer_whistle": "whistled",
        "resolve": "resolved",
        "withdraw": "withdrawn",
        "request_extension": "whistled",
        "decide_extension": "whistled",
    },
    "returned": {
        "assign": "assigned",
        "start": "in_progress",
        "escalate": "escalated",
        "whistle": "whistled",
        "withdraw": "withdrawn",
        "start_mediation": "in_progress",
        "request_extension": "returned",
        "decide_extension": "returned",
    },
    "reopened": {
        "assign": "assigned",
        "start": "in_progress",
        "escalate": "escalated",
        "whistle": "whistled",
        "withdraw": "withdrawn",
        "start_mediation": "in_progress",
        "request_extension": "reopened",
        "decide_extension": "reopened",
    },
    "withdrawn": {},
}
ACTIONS = [
    "accept",
    "assign",
    "start",
    "escalate",
    "whistle",
    "answer_whistle",
    "resolve",
    "close",
    "return",
    "reopen",
    "withdraw",
    "start_mediation",
    "record_mediation",
    "end_mediation",
    "request_extension",
    "decide_extension",
]
VERSION = 3
DUE = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def prepare(db: Database, action: str, case_id: str) -> None:
    """What each action needs besides the state: a whistle to answer, a mediation ..."""
    if action == "answer_whistle":
        await put_whistle(db, case_id, "dept-housing", DUE)
    elif action in ("record_mediation", "end_mediation"):
        await put_mediation(db, case_id, f"{case_id}/m")
    elif action == "decide_extension":
        await put_extension(db, case_id, f"{case_id}/x", requester="p-wang")


async def take(db: Database, actor: Actor, action: str, case_id: str, version: int) -> StepDone:
    """Each action with ordinary, valid input."""
    match action:
        case "accept" | "start" | "resolve" | "withdraw" | "reopen":
            return await actions.simple_step(db, actor, action, case_id, version, "note")
        case "assign":
            return await actions.assign(db, actor, case_id, version, ["p-wang"])
        case "escalate":
            return await actions.escalate(db, actor, case_id, version)
        case "whistle":
            return await whistles.whistle(db, actor, case_id, version, ["dept-market"], 24)
        case "answer_whistle":
            return await whistles.answer(db, actor, case_id, version, "dept-housing", "arrived")
        case "close":
            return await actions.verify(
                db, actor, case_id, version, "resident", True, satisfaction=4, settled=True
            )
        case "return":
            return await actions.verify(db, actor, case_id, version, "grid_worker", False)
        case "start_mediation":
            return await mediation.start(db, actor, case_id, version, ["p-li", "org-mediation"])
        case "record_mediation":
            return await mediation.record_session(db, actor, case_id, version, "第二次调解")
        case "end_mediation":
            return await mediation.end(db, actor, case_id, version, "settled", True)
        case "request_extension":
            return await extensions.request(db, actor, case_id, version, 12, "等待部门报到")
        case "decide_extension":
            return await extensions.decide(db, actor, case_id, version, f"{case_id}/x", True)
    raise AssertionError(action)


async def case_state(db: Database, case_id: str) -> tuple[str, int, int]:
    rows = await db.read("cases/get_cases", {"ids": [case_id], "scopes": None})
    history = await db.read("cases/list_case_events", {"ids": [case_id], "scopes": None})
    case = rows[0]["case"]
    return case["status"], case["version"], len(history[0]["events"])


def test_the_table_names_every_state_and_action() -> None:
    assert len(TABLE) == 11
    assert all(set(moves) <= set(ACTIONS) for moves in TABLE.values())


@pytest.mark.parametrize("state", list(TABLE))
async def test_each_action_from_state(scene: Database, state: str) -> None:
    ids = {action: f"case-{state}-{action}" for action in ACTIONS}
    await put_cases(scene, list(ids.values()), state, due_at=DUE)
    for action in ACTIONS:
        await prepare(scene, action, ids[action])

    for action in ACTIONS:
        case_id = ids[action]
        expected = TABLE[state].get(action)
        if expected is None:
            with pytest.raises(CaseRejected) as refused:
                await take(scene, ADMIN, action, case_id, VERSION)
            err = refused.value
            assert (err.code, err.status, err.version) == ("ILLEGAL_TRANSITION", state, VERSION), (
                action,
                err.message,
            )
            assert f"it is {state}" in err.message
            assert set(err.allowed) == set(TABLE[state]), action
            assert set(err.next_states) == set(TABLE[state].values()), action
            assert await case_state(scene, case_id) == (state, VERSION, 0), action
        else:
            done = await take(scene, ADMIN, action, case_id, VERSION)
            assert (done.event["fromState"], done.event["toState"]) == (state, expected), action
            assert done.event["action"] == action
            assert done.event["actorId"] == "admin-1"
            assert await case_state(scene, case_id) == (expected, VERSION + 1, 1), action


async def test_escalating_above_the_district_is_illegal(scene: Database) -> None:
    await put_cases(scene, ["case-top"], "accepted", level="district")
    with pytest.raises(CaseRejected) as refused:
        await actions.escalate(scene, ADMIN, "case-top", VERSION)
    assert refused.value.code == "ILLEGAL_TRANSITION"
    assert "at the district level" in refused.value.message
    assert "escalate" not in refused.value.allowed
    assert await case_state(scene, "case-top") == ("accepted", VERSION, 0)


async def test_a_grid_escalates_rather_than_whistles(scene: Database) -> None:
    await put_cases(scene, ["case-grid"], "in_progress", level="grid")
    with pytest.raises(CaseRejected) as refused:
        await whistles.whistle(scene, ADMIN, "case-grid", VERSION, ["dept-housing"], 24)
    assert refused.value.code == "ILLEGAL_TRANSITION"
    assert "whistle" not in refused.value.allowed and "escalate" in refused.value.allowed
    assert await case_state(scene, "case-grid") == ("in_progress", VERSION, 0)


async def test_only_disputes_are_mediated(scene: Database) -> None:
    await put_cases(scene, ["case-report"], "accepted", kind="report")
    with pytest.raises(CaseRejected) as refused:
        await mediation.start(scene, ADMIN, "case-report", VERSION, ["p-li"])
    assert refused.value.code == "ILLEGAL_TRANSITION"
    assert "of kind report" in refused.value.message
    assert await case_state(scene, "case-report") == ("accepted", VERSION, 0)


async def test_a_stale_version_is_a_conflict_naming_the_current_one(scene: Database) -> None:
    await put_cases(scene, ["case-stale"], "reported")
    with pytest.raises(CaseRejected) as refused:
        await actions.simple_step(scene, ADMIN, "accept", "case-stale", VERSION - 1)
    assert (refused.value.code, refused.value.version) == ("VERSION_CONFLICT", VERSION)
    assert refused.value.status == "reported"
    assert await case_state(scene, "case-stale") == ("reported", VERSION, 0)


async def test_an_unknown_case_is_not_found(scene: Database) -> None:
    with pytest.raises(CaseRejected) as refused:
        await actions.simple_step(scene, ADMIN, "accept", "case-none", 0)
    assert refused.value.code == "NOT_FOUND"


def _days(n: int) -> timedelta:
    return timedelta(days=n)
