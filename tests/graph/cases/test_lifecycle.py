"""A case's life in the 双塔山 scene: reported, routed, handled, verified, closed, reopened;
whistles, mediation and extensions; who may take which step where."""

from __future__ import annotations

from datetime import timedelta

import pytest

from graph.cases import actions, extensions, mediation, whistles
from graph.cases.history import cases_by_id, events_by_case, mediations_by_case, whistles_by_case
from graph.cases.report import Report, report_case
from graph.cases.steps import Actor, CaseRejected, as_datetime
from graph.database import Database
from tests.graph.cases.scene import ADMIN, CHEN, PLANNER, SUN, WANG, XIDI

CHEN_DEPUTY = Actor("p-chen-deputy", ("coordinator",), ["c-yuxiangyuan"], ["c-yuxiangyuan"])


async def report(db: Database, **kw: object) -> str:
    fields: dict[str, object] = {
        "title": "楼道堆物",
        "kind": "report",
        "severity": 1,
        "place_id": "b-yx-3",
    }
    fields.update(kw)
    done = await report_case(db, ADMIN, Report(**fields))  # type: ignore[arg-type]
    return str(done.case["id"])


async def holder(db: Database, case_id: str) -> tuple[str, str]:
    row = (await cases_by_id(db, [case_id], None))[case_id]
    return row["case"]["level"], row["heldBy"]["id"]


@pytest.mark.parametrize(
    ("place", "severity", "kind", "category", "level", "held_by"),
    [
        ("b-yx-3", 1, "report", None, "grid", "g-yx-1"),  # small matters stay in the grid
        ("b-yx-3", 2, "report", None, "community", "c-yuxiangyuan"),
        ("b-yx-3", 1, "petition", None, "community", "c-yuxiangyuan"),  # petitions: community up
        ("b-yx-3", 1, "report", "cat-safety", "street", "s-shuangta"),  # limits from the street
        ("b-yx-3", 4, "dispute", None, "district", "d-shuangluan"),
        ("c-shuangan", 1, "report", None, "community", "c-shuangan"),  # no grid: the community
        ("b-yx-3", 1, "report", "cat-litter", "grid", "g-yx-1"),  # inherits cat-city's grid limit
    ],
)
async def test_a_report_is_held_where_it_should_be(
    scene: Database,
    place: str,
    severity: int,
    kind: str,
    category: str | None,
    level: str,
    held_by: str,
) -> None:
    case_id = await report(
        scene, place_id=place, severity=severity, kind=kind, category_id=category
    )
    assert await holder(scene, case_id) == (level, held_by)


async def test_a_whole_life_in_order(scene: Database) -> None:
    case_id = await report(scene, reporter_id="p-zhao", note="3号楼楼道堆放杂物")
    steps = [
        ("accept", 0),
        ("assign", 1),
        ("start", 2),
        ("resolve", 3),
        ("close", 4),
        ("reopen", 5),
        ("start", 6),
        ("resolve", 7),
        ("return", 8),
        ("start", 9),
        ("resolve", 10),
        ("close", 11),
    ]
    for action, version in steps:
        if action == "assign":
            done = await actions.assign(scene, WANG, case_id, version, ["p-wang"])
        elif action == "close":
            done = await actions.verify(
                scene,
                WANG,
                case_id,
                version,
                "resident",
                True,
                satisfaction=5 if version > 4 else 2,
                settled=True,
            )
        elif action == "return":
            done = await actions.verify(
                scene, WANG, case_id, version, "grid_worker", False, note="未清理干净"
            )
        else:
            done = await actions.simple_step(scene, WANG, action, case_id, version)  # type: ignore[arg-type]
        if action == "reopen":
            # The resident rejected the closing: its satisfaction no longer stands.
            assert done.case.get("satisfaction") is None and done.case.get("closedAt") is None
    row = (await cases_by_id(scene, [case_id], None))[case_id]
    assert row["case"]["status"] == "closed" and row["case"]["version"] == 12
    assert row["case"]["satisfaction"] == 5 and row["case"]["settled"] is True
    assert row["case"]["closedAt"] is not None and row["case"].get("dueAt") is None
    assert row["reporter"]["id"] == "p-zhao"
    assert [h["id"] for h in row["handlers"]] == ["p-wang"]

    events = (await events_by_case(scene, [case_id], None))[case_id]
    assert [e["seq"] for e in events] == list(range(13))
    assert [e["action"] for e in events] == ["report", *(a for a, _ in steps)]
    chain = [(e.get("fromState"), e["toState"]) for e in events]
    assert chain[:3] == [(None, "reported"), ("reported", "accepted"), ("accepted", "assigned")]
    assert chain[6] == ("closed", "reopened") and chain[9] == ("resolved", "returned")
    assert all(e["actorId"] == "p-wang" for e in events[1:])
    assert events[0]["note"] == "3号楼楼道堆放杂物"
    assert (events[5]["satisfaction"], events[5]["verifiedBy"]) == (2, "resident")
    assert events[9]["verifiedBy"] == "grid_worker" and events[9]["note"] == "未清理干净"
    log = [e["logSeq"] for e in events]
    assert log == sorted(log) and len(set(log)) == 13


async def test_escalated_whistled_and_answered(scene: Database) -> None:
    case_id = await report(scene)  # held by the grid
    await actions.simple_step(scene, WANG, "accept", case_id, 0)
    up = await actions.escalate(scene, WANG, case_id, 1, note="需要多部门")
    assert (up.case["level"], up.extra["heldById"]) == ("community", "c-yuxiangyuan")
    assert up.event["level"] == "community"
    # Held by the community now: the grid worker no longer acts on it.
    with pytest.raises(CaseRejected) as refused:
        await actions.simple_step(scene, WANG, "accept", case_id, 2)
    assert refused.value.code == "OUT_OF_SCOPE"
    await actions.simple_step(scene, CHEN, "accept", case_id, 2)
    whistled = await whistles.whistle(scene, CHEN, case_id, 3, ["dept-housing", "dept-enforce"], 24)
    assert whistled.event["subjectIds"] == ["dept-housing", "dept-enforce"]
    assert whistled.extra["summoned"] == 2

    with pytest.raises(CaseRejected) as refused:
        await whistles.answer(scene, CHEN, case_id, 4, "dept-market", "arrived")
    assert refused.value.code == "INVALID" and refused.value.field == "departmentId"
    assert "dept-enforce, dept-housing" in refused.value.message
    with pytest.raises(CaseRejected) as refused:
        await whistles.answer(scene, CHEN, case_id, 4, "dept-enforce", "refused")
    assert refused.value.field == "reason"

    await whistles.answer(scene, CHEN, case_id, 4, "dept-housing", "arrived")
    await whistles.answer(scene, CHEN, case_id, 5, "dept-housing", "accepted")
    await whistles.answer(scene, CHEN, case_id, 6, "dept-enforce", "refused", "不属本部门职责")
    with pytest.raises(CaseRejected) as refused:
        await whistles.answer(scene, CHEN, case_id, 7, "dept-housing", "arrived")
    assert "already answered accepted" in refused.value.message

    answers = {
        w["departmentId"]: (w["answer"], w["reason"])
        for w in (await whistles_by_case(scene, [case_id]))[case_id]
    }
    assert answers == {
        "dept-housing": ("accepted", None),
        "dept-enforce": ("refused", "不属本部门职责"),
    }
    events = (await events_by_case(scene, [case_id], None))[case_id]
    assert [(e["action"], e.get("outcome")) for e in events[-3:]] == [
        ("answer_whistle", "arrived"),
        ("answer_whistle", "accepted"),
        ("answer_whistle", "refused"),
    ]
    assert all(e["toState"] == "whistled" for e in events[-3:])


async def test_a_dispute_is_mediated(scene: Database) -> None:
    case_id = await report(scene, kind="dispute", severity=2, title="邻里漏水纠纷")
    await actions.simple_step(scene, CHEN, "accept", case_id, 0)
    started = await mediation.start(scene, CHEN, case_id, 1, ["p-li", "org-mediation"], "首次调解")
    assert started.case["status"] == "in_progress"
    with pytest.raises(CaseRejected) as refused:
        await mediation.start(scene, CHEN, case_id, 2, ["p-li"])
    assert "already has a mediation under way" in refused.value.message
    await mediation.record_session(scene, CHEN, case_id, 2, "第二次调解")
    with pytest.raises(CaseRejected) as refused:
        await mediation.end(scene, CHEN, case_id, 3, "not_settled", True)
    assert refused.value.field == "notarised"
    await mediation.end(scene, CHEN, case_id, 3, "settled", True, "达成协议并公证")
    (only,) = (await mediations_by_case(scene, [case_id]))[case_id]
    assert (only["outcome"], only["sessions"], only["notarised"]) == ("settled", 1, True)
    assert [m["id"] for m in only["mediators"]] == ["org-mediation", "p-li"]
    with pytest.raises(CaseRejected) as refused:
        await mediation.record_session(scene, CHEN, case_id, 4)
    assert "no mediation under way" in refused.value.message


async def test_an_extension_is_decided_from_above(scene: Database) -> None:
    grid_case = await report(scene, category_id="cat-litter")  # grid, 24 h to handle
    await actions.simple_step(scene, WANG, "accept", grid_case, 0)
    asked = await extensions.request(scene, WANG, grid_case, 1, 6, "等待配件")
    request_id = asked.extra["requestId"]
    before = asked.case["dueAt"]
    with pytest.raises(CaseRejected) as refused:
        await extensions.decide(scene, WANG, grid_case, 2, request_id, True)
    assert refused.value.code == "FORBIDDEN"  # not by the one who asked
    with pytest.raises(CaseRejected) as refused:
        await extensions.request(scene, WANG, grid_case, 2, 2, "再等等")
    assert "already has an extension request waiting" in refused.value.message
    decided = await extensions.decide(scene, CHEN, grid_case, 2, request_id, True, "同意")
    assert as_datetime(decided.case["dueAt"]) - as_datetime(before) == timedelta(hours=6)
    assert decided.event["outcome"] == "approved" and decided.event["hours"] == 6

    community_case = await report(scene, severity=2, category_id="cat-litter")
    await actions.simple_step(scene, CHEN, "accept", community_case, 0)
    asked = await extensions.request(scene, CHEN, community_case, 1, 12, "部门未报到")
    with pytest.raises(CaseRejected) as refused:  # a coordinator of the holding place itself
        await extensions.decide(
            scene, CHEN_DEPUTY, community_case, 2, asked.extra["requestId"], True
        )
    assert refused.value.code == "OUT_OF_SCOPE"
    refused_ext = await extensions.decide(
        scene, SUN, community_case, 2, asked.extra["requestId"], False, "按期办结"
    )
    assert refused_ext.case["dueAt"] == asked.case["dueAt"]
    assert refused_ext.event["outcome"] == "refused"


async def test_who_may_act_where(scene: Database) -> None:
    case_id = await report(scene)
    with pytest.raises(CaseRejected) as refused:
        await actions.simple_step(scene, XIDI, "accept", case_id, 0)
    assert refused.value.code == "NOT_FOUND"  # another town's coordinator does not see it
    with pytest.raises(CaseRejected) as refused:
        await actions.simple_step(scene, PLANNER, "accept", case_id, 0)
    assert refused.value.code == "FORBIDDEN"
    with pytest.raises(CaseRejected) as refused:
        await whistles.whistle(scene, WANG, case_id, 0, ["dept-housing"], 24)
    assert refused.value.code == "FORBIDDEN"  # whistles are a coordinator's
    await actions.simple_step(scene, SUN, "accept", case_id, 0)  # the street reaches the grid


async def test_bad_input_is_named_and_changes_nothing(scene: Database) -> None:
    case_id = await report(scene)
    await actions.simple_step(scene, WANG, "accept", case_id, 0)
    with pytest.raises(CaseRejected) as refused:
        await actions.assign(scene, WANG, case_id, 1, ["dept-housing"])
    assert refused.value.field == "handlerIds" and "dept-housing" in refused.value.message
    await actions.assign(scene, WANG, case_id, 1, ["p-wang"])
    await actions.simple_step(scene, WANG, "start", case_id, 2)
    await actions.simple_step(scene, WANG, "resolve", case_id, 3)
    with pytest.raises(CaseRejected) as refused:
        await actions.verify(
            scene, WANG, case_id, 4, "resident", True, satisfaction=6, settled=True
        )
    assert refused.value.field == "satisfaction"
    with pytest.raises(CaseRejected) as refused:
        await report_case(scene, ADMIN, Report("", "report", 1, "b-yx-3"))
    assert refused.value.field == "title"
    with pytest.raises(CaseRejected) as refused:
        await report_case(scene, ADMIN, Report("x", "report", 5, "b-yx-3"))
    assert refused.value.field == "severity"
    with pytest.raises(CaseRejected) as refused:
        await report_case(scene, WANG, Report("x", "report", 1, "c-xidi"))
    assert refused.value.code == "OUT_OF_SCOPE"
    row = (await cases_by_id(scene, [case_id], None))[case_id]
    assert (row["case"]["status"], row["case"]["version"]) == ("resolved", 4)
