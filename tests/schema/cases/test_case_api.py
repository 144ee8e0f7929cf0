"""The cases API through the real schema and Neo4j: report, steps, typed refusals,
history, overdue cases; the actor of every step comes from the viewer, never the input."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

from strawberry.types import ExecutionResult

from graph.database import Database
from gridlink.config import from_env
from schema.core.context import Context
from schema.core.ids import to_global
from schema.core.viewer import Grant, Viewer
from tests.support.graphql import data, execute, schema

WANG = Viewer("p-wang", (Grant("grid_worker", "g-yx-1"),))
CHEN = Viewer("p-chen", (Grant("coordinator", "c-yuxiangyuan"),))
XIDI = Viewer("xidi-town", (Grant("coordinator", "s-xidi"),))
PLANNER = Viewer("planner-1", (Grant("planner", None),))

PAYLOAD = """
  case { id externalId status level version allowedActions standing phase dueAt }
  event { seq action fromState toState actorId note }
  errors { field code message currentStatus currentVersion allowedActions allowedNextStates }
"""
REPORT = f"""
mutation($input: CaseReportInput!) {{ caseReport(input: $input) {{ {PAYLOAD} }} }}
"""
ACCEPT = f"""
mutation($input: CaseStepInput!) {{ caseAccept(input: $input) {{ {PAYLOAD} }} }}
"""
CLOSE = f"""
mutation($input: CaseCloseInput!) {{ caseClose(input: $input) {{ {PAYLOAD} }} }}
"""


def gid(type_name: str, external: str) -> str:
    return to_global(type_name, external)


async def report(db: Database, viewer: Viewer = WANG, **extra: Any) -> dict[str, Any]:
    fields = {
        "title": "楼道堆物",
        "kind": "REPORT",
        "severity": 1,
        "placeId": gid("Building", "b-yx-3"),
        "categoryId": gid("Category", "cat-litter"),
        "reporterId": gid("Person", "p-zhao"),
        "note": "3号楼楼道",
        **extra,
    }
    out = await data(db, REPORT, {"input": fields}, viewer)
    payload: dict[str, Any] = out["caseReport"]
    return payload


async def test_a_report_is_routed_and_its_first_event_recorded(scene: Database) -> None:
    payload = await report(scene)
    assert payload["errors"] == []
    case = payload["case"]
    assert (case["status"], case["level"], case["version"]) == ("REPORTED", "GRID", 0)
    assert case["allowedActions"] == ["ACCEPT", "ESCALATE", "WITHDRAW"]
    assert (case["phase"], case["standing"]) == ("ACCEPT", "ON_TIME")
    assert payload["event"] == {
        "seq": 0,
        "action": "REPORT",
        "fromState": None,
        "toState": "REPORTED",
        "actorId": "p-wang",
        "note": "3号楼楼道",
    }
    links = await data(
        scene,
        """query($id: ID!) { case(id: $id) {
             place { __typename externalId name }
             heldBy { __typename externalId }
             category { externalId name }
             reporter { __typename ... on Person { externalId name } }
        } }""",
        {"id": case["id"]},
        WANG,
    )
    assert links["case"] == {
        "place": {"__typename": "Building", "externalId": "b-yx-3", "name": "御祥园3号楼"},
        "heldBy": {"__typename": "Grid", "externalId": "g-yx-1"},
        "category": {"externalId": "cat-litter", "name": "垃圾清运"},
        "reporter": {"__typename": "Person", "externalId": "p-zhao", "name": "赵居民"},
    }


async def test_a_stale_version_is_a_typed_conflict_and_nothing_changes(scene: Database) -> None:
    case_id = (await report(scene))["case"]["id"]
    first = await data(scene, ACCEPT, {"input": {"id": case_id, "version": 0}}, WANG)
    assert first["caseAccept"]["errors"] == []
    again = await data(scene, ACCEPT, {"input": {"id": case_id, "version": 0}}, CHEN)
    (error,) = again["caseAccept"]["errors"]
    assert again["caseAccept"]["case"] is None
    assert (error["code"], error["field"], error["currentVersion"], error["currentStatus"]) == (
        "VERSION_CONFLICT",
        "version",
        1,
        "ACCEPTED",
    )
    now = await data(scene, "query($id: ID!) { case(id: $id) { version status } }", {"id": case_id})
    assert now["case"] == {"version": 1, "status": "ACCEPTED"}


async def test_an_illegal_step_names_the_state_and_what_is_allowed(scene: Database) -> None:
    case_id = (await report(scene))["case"]["id"]
    out = await data(
        scene,
        CLOSE,
        {
            "input": {
                "id": case_id,
                "version": 0,
                "verifiedBy": "RESIDENT",
                "satisfaction": 5,
                "settled": True,
            }
        },
        WANG,
    )
    (error,) = out["caseClose"]["errors"]
    assert error["code"] == "ILLEGAL_TRANSITION"
    assert error["currentStatus"] == "REPORTED" and error["currentVersion"] == 0
    assert error["allowedActions"] == ["ACCEPT", "ESCALATE", "WITHDRAW"]
    assert error["allowedNextStates"] == ["ACCEPTED", "ESCALATED", "WITHDRAWN"]
    assert "it is reported" in error["message"]
    history = await data(
        scene, "query($id: ID!) { caseHistory(id: $id) { action } }", {"id": case_id}
    )
    assert history["caseHistory"] == [{"action": "REPORT"}]


async def test_the_history_reads_in_order_with_who_did_what(scene: Database) -> None:
    case_id = (await report(scene))["case"]["id"]
    await data(scene, ACCEPT, {"input": {"id": case_id, "version": 0, "note": "受理"}}, WANG)
    assign = """mutation($input: CaseAssignInput!) { caseAssign(input: $input) { errors { message } } }"""
    out = await data(
        scene,
        assign,
        {"input": {"id": case_id, "version": 1, "handlerIds": [gid("Person", "p-wang")]}},
        WANG,
    )
    assert out["caseAssign"]["errors"] == []
    read = await data(
        scene,
        """query($id: ID!) { case(id: $id) {
             handlers { externalId }
             history { seq action fromState toState actorId note subjectIds by { externalId } }
        } }""",
        {"id": case_id},
        CHEN,
    )
    assert read["case"]["handlers"] == [{"externalId": "p-wang"}]
    assert read["case"]["history"] == [
        {
            "seq": 0,
            "action": "REPORT",
            "fromState": None,
            "toState": "REPORTED",
            "actorId": "p-wang",
            "note": "3号楼楼道",
            "subjectIds": [],
            "by": {"externalId": "p-wang"},
        },
        {
            "seq": 1,
            "action": "ACCEPT",
            "fromState": "REPORTED",
            "toState": "ACCEPTED",
            "actorId": "p-wang",
            "note": "受理",
            "subjectIds": [],
            "by": {"externalId": "p-wang"},
        },
        {
            "seq": 2,
            "action": "ASSIGN",
            "fromState": "ACCEPTED",
            "toState": "ASSIGNED",
            "actorId": "p-wang",
            "note": None,
            "subjectIds": ["p-wang"],
            "by": {"externalId": "p-wang"},
        },
    ]


async def test_scope_decides_who_sees_and_who_acts(scene: Database) -> None:
    case_id = (await report(scene))["case"]["id"]
    unseen = await data(scene, "query($id: ID!) { case(id: $id) { id } }", {"id": case_id}, XIDI)
    assert unseen["case"] is None
    out = await data(scene, ACCEPT, {"input": {"id": case_id, "version": 0}}, XIDI)
    assert out["caseAccept"]["errors"][0]["code"] == "NOT_FOUND"
    # A role that never takes the step is refused before anything runs (docs/SECURITY.md).
    refused = await execute(scene, ACCEPT, {"input": {"id": case_id, "version": 0}}, PLANNER)
    assert refused.errors is not None and refused.errors[0].extensions == {"code": "FORBIDDEN"}
    whistle = (
        """mutation($input: CaseWhistleInput!) { caseWhistle(input: $input) { errors { code } } }"""
    )
    refused = await execute(
        scene,
        whistle,
        {
            "input": {
                "id": case_id,
                "version": 0,
                "departmentIds": [gid("Department", "dept-housing")],
            }
        },
        WANG,
    )
    assert refused.errors is not None and refused.errors[0].extensions == {"code": "FORBIDDEN"}
    after = await data(scene, "query($id: ID!) { case(id: $id) { version } }", {"id": case_id})
    assert after["case"] == {"version": 0}
    node = await data(
        scene, "query($id: ID!) { node(id: $id) { __typename } }", {"id": case_id}, CHEN
    )
    assert node["node"] == {"__typename": "Case"}


async def test_ids_of_the_wrong_type_are_named(scene: Database) -> None:
    out = await data(scene, ACCEPT, {"input": {"id": gid("Grid", "g-yx-1"), "version": 0}}, WANG)
    (error,) = out["caseAccept"]["errors"]
    assert (error["code"], error["field"]) == ("INVALID", "id")
    assert "expected Case" in error["message"]
    payload = await report(scene, placeId=gid("Person", "p-zhao"))
    assert payload["errors"][0]["field"] == "placeId"


async def test_whistles_and_late_departments_in_overdue_cases(scene: Database) -> None:
    case_id = (await report(scene, severity=2, categoryId=None))["case"]["id"]
    await data(scene, ACCEPT, {"input": {"id": case_id, "version": 0}}, CHEN)
    whistle = """mutation($input: CaseWhistleInput!) { caseWhistle(input: $input) {
        case { status } event { subjectIds hours } errors { code message } } }"""
    out = await data(
        scene,
        whistle,
        {
            "input": {
                "id": case_id,
                "version": 1,
                "departmentIds": [gid("Department", "dept-housing")],
                "answerWithinHours": 2,
            }
        },
        CHEN,
    )
    assert out["caseWhistle"] == {
        "case": {"status": "WHISTLED"},
        "event": {"subjectIds": ["dept-housing"], "hours": 2.0},
        "errors": [],
    }
    late = await data(
        scene,
        """query($scope: ID!, $at: DateTime!) { overdueCases(scopeId: $scope, at: $at) {
             case { externalId } standing
             lateDepartments { departmentName answer overdue department { name } }
        } }""",
        {
            "scope": gid("Community", "c-yuxiangyuan"),
            "at": (datetime.now().astimezone() + timedelta(hours=3)).isoformat(),
        },
    )
    (row,) = late["overdueCases"]
    assert row["standing"] == "NONE"  # no time limit for an uncategorised case
    assert row["lateDepartments"] == [
        {
            "departmentName": "住建局",
            "answer": "PENDING",
            "overdue": True,
            "department": {"name": "住建局"},
        }
    ]


async def test_a_bad_scope_id_is_a_clear_error(scene: Database) -> None:
    result = await execute(scene, '{ overdueCases(scopeId: "nope") { standing } }', None, CHEN)
    assert result.errors is not None
    assert "scopeId" in result.errors[0].message


async def test_each_update_reads_the_case_anew(scene: Database) -> None:
    # One context serves a whole WebSocket connection: a link read for one update must not
    # be served from cache to the next (the holder changes when the case is escalated).
    case_id = (await report(scene))["case"]["id"]
    history = await data(
        scene, "query($id: ID!) { caseHistory(id: $id) { logSeq } }", {"id": case_id}
    )
    seen = history["caseHistory"][0]["logSeq"]
    context = Context(db=scene, viewer=CHEN, request_id="test", settings=from_env())
    updates = await schema().subscribe(
        """subscription($scope: ID!, $after: Int) { caseUpdates(scopeId: $scope, after: $after) {
             event { action } case { level heldBy { externalId } } } }""",
        variable_values={"scope": gid("Community", "c-yuxiangyuan"), "after": seen},
        context_value=context,
    )
    assert not isinstance(updates, ExecutionResult)

    async def next_update() -> Any:
        result = await asyncio.wait_for(anext(updates), 10)
        assert result.errors is None, result.errors
        return result.data["caseUpdates"]

    await data(scene, ACCEPT, {"input": {"id": case_id, "version": 0}}, WANG)
    assert await next_update() == {
        "event": {"action": "ACCEPT"},
        "case": {"level": "GRID", "heldBy": {"externalId": "g-yx-1"}},
    }
    escalate = (
        """mutation($input: CaseStepInput!) { caseEscalate(input: $input) { errors { code } } }"""
    )
    await data(scene, escalate, {"input": {"id": case_id, "version": 1}}, WANG)
    assert await next_update() == {
        "event": {"action": "ESCALATE"},
        "case": {"level": "COMMUNITY", "heldBy": {"externalId": "c-yuxiangyuan"}},
    }
    await updates.aclose()
