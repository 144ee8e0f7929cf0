"""The transition table of a case: which action may move a case from which state, and who.

This is the single source the mutations enforce (the Cypher guard receives `allowed_from`
from here) and docs/CASES.md describes; the tests keep their own hand-written copy so that
a change here must be made on purpose in both places.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from schema.core.viewer import RoleName

Status = Literal[
    "reported",
    "accepted",
    "assigned",
    "in_progress",
    "resolved",
    "closed",
    "escalated",
    "whistled",
    "returned",
    "reopened",
    "withdrawn",
]
Level = Literal["grid", "community", "street", "district"]
Kind = Literal["report", "dispute", "petition", "booking"]
Action = Literal[
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
Phase = Literal["accept", "handle", "verify"]

STATUSES: tuple[Status, ...] = (
    "reported",
    "accepted",
    "assigned",
    "in_progress",
    "resolved",
    "closed",
    "escalated",
    "whistled",
    "returned",
    "reopened",
    "withdrawn",
)
LEVELS: tuple[Level, ...] = ("grid", "community", "street", "district")
# The place label that holds a case at each level (Street covers towns, Community villages).
LEVEL_LABELS: dict[Level, str] = {
    "grid": "Grid",
    "community": "Community",
    "street": "Street",
    "district": "District",
}

HANDLING: tuple[Status, ...] = ("accepted", "assigned", "in_progress", "returned", "reopened")
OPEN: tuple[Status, ...] = (
    "reported",
    "accepted",
    "assigned",
    "in_progress",
    "escalated",
    "whistled",
    "returned",
    "reopened",
)
HANDLERS: tuple[RoleName, ...] = ("admin", "coordinator", "grid_worker")
COORDINATORS: tuple[RoleName, ...] = ("admin", "coordinator")
DISPUTES: tuple[Kind, ...] = ("dispute",)


@dataclass(frozen=True)
class Rule:
    """One row of the table: from which states, to which (None: the state stays), by whom."""

    action: Action
    allowed_from: tuple[Status, ...]
    to: Status | None
    roles: tuple[RoleName, ...]
    doc: str
    not_at: tuple[Level, ...] = ()  # levels where the action makes no sense
    kinds: tuple[Kind, ...] | None = None  # None: every kind of case


RULES: tuple[Rule, ...] = (
    Rule(
        "accept",
        ("reported", "escalated"),
        "accepted",
        HANDLERS,
        "the holding level takes it on 受理",
    ),
    Rule("assign", (*HANDLING,), "assigned", HANDLERS, "names the people who act 派遣"),
    Rule(
        "start",
        ("assigned", "whistled", "returned", "reopened"),
        "in_progress",
        HANDLERS,
        "work begins 处置",
    ),
    Rule(
        "escalate",
        ("reported", *HANDLING, "whistled"),
        "escalated",
        HANDLERS,
        "to the next level up 上报 (grid → community → street → district)",
        not_at=("district",),
    ),
    Rule(
        "whistle",
        (*HANDLING, "whistled"),
        "whistled",
        COORDINATORS,
        "summons departments, each with a deadline 吹哨 (community level and above)",
        not_at=("grid",),
    ),
    Rule("answer_whistle", ("whistled",), None, COORDINATORS, "records a department's answer 报到"),
    Rule("resolve", ("in_progress", "whistled"), "resolved", HANDLERS, "the work is done 办结"),
    Rule("close", ("resolved",), "closed", HANDLERS, "verified, with satisfaction 核查结案"),
    Rule("return", ("resolved",), "returned", HANDLERS, "verification failed: more work 退回"),
    Rule("reopen", ("closed",), "reopened", HANDLERS, "the resident rejects the closing 重新办理"),
    Rule("withdraw", OPEN, "withdrawn", HANDLERS, "the reporter withdraws it 撤销"),
    Rule(
        "start_mediation",
        (*HANDLING,),
        "in_progress",
        HANDLERS,
        "a dispute goes to mediators 调解 (disputes only)",
        kinds=DISPUTES,
    ),
    Rule(
        "record_mediation",
        ("in_progress",),
        None,
        HANDLERS,
        "one mediation session 调解记录",
        kinds=DISPUTES,
    ),
    Rule(
        "end_mediation",
        ("in_progress",),
        None,
        HANDLERS,
        "the mediation's outcome 调解结果",
        kinds=DISPUTES,
    ),
    Rule(
        "request_extension",
        (*HANDLING, "whistled"),
        None,
        HANDLERS,
        "the handler asks for more time 申请延期",
    ),
    Rule(
        "decide_extension",
        (*HANDLING, "whistled"),
        None,
        COORDINATORS,
        "someone above approves or refuses 延期审批",
    ),
)
RULES_BY_ACTION: dict[Action, Rule] = {r.action: r for r in RULES}


def phase_of(status: str) -> Phase | None:
    """Which clock runs in a state: accepting, handling or verifying; none once it is over."""
    if status in ("reported", "escalated"):
        return "accept"
    if status == "resolved":
        return "verify"
    if status in ("closed", "withdrawn"):
        return None
    return "handle"


def next_level(level: str) -> Level | None:
    i = LEVELS.index(level)
    return LEVELS[i + 1] if i + 1 < len(LEVELS) else None


def applies(action: Action, status: str, level: str, kind: str) -> bool:
    """Whether `action` may be taken on a case in this state, at this level, of this kind."""
    rule = RULES_BY_ACTION[action]
    return (
        status in rule.allowed_from
        and level not in rule.not_at
        and (rule.kinds is None or kind in rule.kinds)
    )


def allowed_actions(status: str, level: str, kind: str) -> list[Action]:
    return [r.action for r in RULES if applies(r.action, status, level, kind)]


def allowed_next_states(status: str, level: str, kind: str) -> list[Status]:
    seen: list[Status] = []
    for action in allowed_actions(status, level, kind):
        to = RULES_BY_ACTION[action].to or status
        if to not in seen:
            seen.append(to)  # type: ignore[arg-type]
    return seen


def may(roles: tuple[RoleName, ...], action: Action) -> bool:
    return any(r in RULES_BY_ACTION[action].roles for r in roles)
