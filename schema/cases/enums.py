"""The enums of case handling; values are the strings stored in the graph."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Where a case is in its life (docs/CASES.md). 事件状态")
class CaseStatus(Enum):
    REPORTED = "reported"
    ACCEPTED = "accepted"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"
    ESCALATED = "escalated"
    WHISTLED = "whistled"
    RETURNED = "returned"
    REOPENED = "reopened"
    WITHDRAWN = "withdrawn"


@strawberry.enum(description="The level that holds a case (分级处置). 承办层级")
class CaseLevel(Enum):
    GRID = "grid"
    COMMUNITY = "community"
    STREET = "street"
    DISTRICT = "district"


@strawberry.enum(
    description="Kind of case: report 事件, dispute 矛盾纠纷, petition 信访, booking 代办."
)
class CaseKind(Enum):
    REPORT = "report"
    DISPUTE = "dispute"
    PETITION = "petition"
    BOOKING = "booking"


@strawberry.enum(description="A step in a case's life, as recorded in its history. 处置动作")
class CaseAction(Enum):
    REPORT = "report"
    ACCEPT = "accept"
    ASSIGN = "assign"
    START = "start"
    ESCALATE = "escalate"
    WHISTLE = "whistle"
    ANSWER_WHISTLE = "answer_whistle"
    RESOLVE = "resolve"
    CLOSE = "close"
    RETURN = "return"
    REOPEN = "reopen"
    WITHDRAW = "withdraw"
    START_MEDIATION = "start_mediation"
    RECORD_MEDIATION = "record_mediation"
    END_MEDIATION = "end_mediation"
    REQUEST_EXTENSION = "request_extension"
    DECIDE_EXTENSION = "decide_extension"


@strawberry.enum(description="Which time-limit clock runs: accept 受理, handle 办理, verify 核查.")
class CasePhase(Enum):
    ACCEPT = "accept"
    HANDLE = "handle"
    VERIFY = "verify"


@strawberry.enum(
    description="A running clock's standing: on time, yellow (past yellowRatio of the "
    "limit), red (past the limit), or no clock. 时限状态 绿/黄/红"
)
class TimeStanding(Enum):
    NONE = "none"
    ON_TIME = "on_time"
    YELLOW = "yellow"
    RED = "red"


@strawberry.enum(description="A summoned department's answer to a whistle. 部门报到")
class WhistleAnswer(Enum):
    PENDING = "pending"
    ARRIVED = "arrived"
    ACCEPTED = "accepted"
    REFUSED = "refused"


@strawberry.enum(description="How a mediation ended. 调解结果")
class MediationOutcome(Enum):
    PENDING = "pending"
    SETTLED = "settled"
    NOT_SETTLED = "not_settled"
    SENT_TO_COURT = "sent_to_court"


@strawberry.enum(description="An extension request's decision. 延期审批")
class ExtensionStatus(Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


@strawberry.enum(
    description="Who verified a resolved case: the grid worker or the resident. 核查人"
)
class CaseVerifier(Enum):
    GRID_WORKER = "grid_worker"
    RESIDENT = "resident"


@strawberry.enum(description="Why a case step was refused. 办理错误类型")
class CaseErrorCode(Enum):
    NOT_FOUND = "NOT_FOUND"
    VERSION_CONFLICT = "VERSION_CONFLICT"
    ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION"
    FORBIDDEN = "FORBIDDEN"
    OUT_OF_SCOPE = "OUT_OF_SCOPE"
    INVALID = "INVALID"
