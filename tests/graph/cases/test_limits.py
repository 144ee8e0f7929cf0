"""Time limits: each phase's clock, its yellow and red marks, and who is late.

The scene's limits (hours accept / handle / verify, yellow ratio): cat-city at grid
2 / 24 / 12, 0.5 (cat-litter inherits it at the grid); cat-litter at community 4 / 48 / 24
with no ratio (0.8 applies). Expected marks are worked out here from those numbers.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from graph.cases import actions, extensions, whistles
from graph.cases.limits import overdue_cases, standing
from graph.cases.report import Report, report_case
from graph.cases.steps import StepDone, as_datetime
from graph.database import Database
from tests.graph.cases.scene import ADMIN, CHEN, WANG

H = timedelta(hours=1)


def marks(done: StepDone) -> tuple[str | None, datetime | None, datetime | None]:
    c = done.case
    return c.get("phase"), as_datetime(c.get("dueAt")), as_datetime(c.get("yellowAt"))


def at(done: StepDone) -> datetime:
    out = as_datetime(done.event["at"])
    assert out is not None
    return out


async def litter(db: Database, severity: int = 1, place: str = "b-yx-3") -> StepDone:
    return await report_case(
        db, ADMIN, Report("垃圾未清运", "report", severity, place, category_id="cat-litter")
    )


async def test_each_phase_starts_its_own_clock(scene: Database) -> None:
    reported = await litter(scene)
    t0 = at(reported)
    assert marks(reported) == ("accept", t0 + 2 * H, t0 + 1 * H)

    accepted = await actions.simple_step(scene, WANG, "accept", reported.case["id"], 0)
    t1 = at(accepted)
    assert marks(accepted) == ("handle", t1 + 24 * H, t1 + 12 * H)
    # Each event keeps the limit it was taken against: the report had none before it.
    assert "dueAt" not in reported.event
    assert as_datetime(accepted.event["dueAt"]) == t0 + 2 * H

    assigned = await actions.assign(scene, WANG, reported.case["id"], 1, ["p-wang"])
    assert marks(assigned) == marks(accepted)  # same phase: the clock runs on

    escalated = await actions.escalate(scene, WANG, reported.case["id"], 2)
    t3 = at(escalated)
    # The community's own limit for accepting: 4 h, yellow at 0.8 of it.
    assert marks(escalated) == ("accept", t3 + 4 * H, t3 + 3.2 * H)

    withdrawn = await actions.simple_step(scene, CHEN, "withdraw", reported.case["id"], 3)
    assert marks(withdrawn) == (None, None, None)


async def test_no_time_limit_no_clock(scene: Database) -> None:
    done = await report_case(scene, ADMIN, Report("求助", "booking", 1, "b-yx-3"))
    assert marks(done)[1:] == (None, None)
    assert done.case["phase"] == "accept"


def test_standing_by_hand() -> None:
    due = datetime(2026, 11, 2, 12, 0)
    yellow = datetime(2026, 11, 2, 6, 0)
    assert standing(None, None, due) == "none"
    assert standing(due, yellow, datetime(2026, 11, 2, 5, 59)) == "on_time"
    assert standing(due, yellow, datetime(2026, 11, 2, 6, 0)) == "yellow"
    assert standing(due, yellow, datetime(2026, 11, 2, 12, 0)) == "red"


async def test_overdue_cases_under_a_place(scene: Database) -> None:
    a = await litter(scene)  # grid: accepted below, 24 h to handle, yellow at 12 h
    a_acc = await actions.simple_step(scene, WANG, "accept", a.case["id"], 0)
    b = await litter(scene, severity=2)  # community: 4 h to accept, yellow at 3.2 h
    c = await litter(scene, severity=2, place="c-xidi")  # another town's village
    d = await report_case(scene, ADMIN, Report("占道经营", "report", 2, "b-yx-3"))  # no limit
    await actions.simple_step(scene, CHEN, "accept", d.case["id"], 0)
    await whistles.whistle(scene, CHEN, d.case["id"], 1, ["dept-market", "dept-enforce"], 2)
    await whistles.answer(scene, CHEN, d.case["id"], 2, "dept-enforce", "arrived")
    start = at(a)
    ids = {a.case["id"]: "a", b.case["id"]: "b", c.case["id"]: "c", d.case["id"]: "d"}

    async def late(scope: str, hours: float) -> list[tuple[str, str, list[str]]]:
        rows = await overdue_cases(scene, scope, None, start + hours * H)
        return [
            (ids[r.case["id"]], r.standing, [x["departmentId"] for x in r.late_departments])
            for r in rows
        ]

    assert await late("s-shuangta", 1) == []
    assert await late("s-shuangta", 3) == [("d", "none", ["dept-market"])]
    assert await late("s-shuangta", 3.5) == [("b", "yellow", []), ("d", "none", ["dept-market"])]
    assert await late("s-shuangta", 5) == [("b", "red", []), ("d", "none", ["dept-market"])]
    assert await late("s-shuangta", 13) == [
        ("b", "red", []),
        ("a", "yellow", []),
        ("d", "none", ["dept-market"]),
    ]
    assert await late("d-shuangluan", 5) == [
        ("b", "red", []),
        ("c", "red", []),
        ("d", "none", ["dept-market"]),
    ]
    assert await late("c-xidi", 5) == [("c", "red", [])]
    assert await late("g-yx-2", 30) == []  # nothing happened in the second grid
    # A grid worker sees the cases that happened in her grid, whatever place she asks
    # about (and whichever level holds them): not the village's.
    mine = await overdue_cases(scene, "d-shuangluan", ["g-yx-1"], start + 30 * H)
    assert [ids[r.case["id"]] for r in mine] == ["b", "a", "d"]
    assert a_acc.case["version"] == 1


async def test_an_approved_extension_turns_red_back_to_yellow(scene: Database) -> None:
    a = await litter(scene)
    acc = await actions.simple_step(scene, WANG, "accept", a.case["id"], 0)
    t1 = at(acc)
    asked = await extensions.request(scene, WANG, a.case["id"], 1, 6, "等待配件")
    assert [r.standing for r in await overdue_cases(scene, "g-yx-1", None, t1 + 25 * H)] == ["red"]
    await extensions.decide(scene, CHEN, a.case["id"], 2, asked.extra["requestId"], True)
    # due 24 + 6 = 30 h, yellow 12 + 6 = 18 h after acceptance.
    assert [r.standing for r in await overdue_cases(scene, "g-yx-1", None, t1 + 25 * H)] == [
        "yellow"
    ]
    assert await overdue_cases(scene, "g-yx-1", None, t1 + 17 * H) == []
