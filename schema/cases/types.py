"""Case 事件 and what hangs off it: its history (CaseEvent), whistles, mediations,
extension requests, and the time limits that set its clock.

Each entity type is named as its label, implements Node and is registered with `@entity`
(so `node(id)` finds it); `from_node(props)` fills the plain fields from one projection.
Links to places, people and categories resolve through the shared per-request loaders
(schema/core/relay.py); history, whistles, mediations and extensions through the cases
loaders (loaders.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Self

import strawberry

from graph.cases import machine
from graph.cases.limits import standing
from graph.cases.steps import as_datetime, native
from graph.nodes import Hop
from schema.cases import loaders
from schema.cases.enums import (
    CaseAction,
    CaseKind,
    CaseLevel,
    CasePhase,
    CaseStatus,
    CaseVerifier,
    ExtensionStatus,
    MediationOutcome,
    TimeStanding,
    WhistleAnswer,
)
from schema.core.context import Info
from schema.core.ids import to_global
from schema.core.relay import Node, entity, entity_of, many, one, one_of
from schema.organisations.unions import Actor

if TYPE_CHECKING:
    from schema.lists.types import Category
    from schema.organisations.types import Department
    from schema.people.types import Person
    from schema.places.types import Place

Lazy = strawberry.lazy
_P, _L, _O, _PE = (
    "schema.places.types",
    "schema.lists.types",
    "schema.organisations.types",
    "schema.people.types",
)
AT = Hop(("AT",), "out")
HELD_BY = Hop(("HELD_BY",), "out")
IN_CATEGORY = Hop(("IN_CATEGORY",), "out")
REPORTED_BY = Hop(("REPORTED",), "in")
HANDLED_BY = Hop(("HANDLED_BY",), "out")
BY = Hop(("BY",), "out")
EVENT_OF = Hop(("HAS_EVENT",), "in")
MEDIATES = Hop(("MEDIATES",), "out")
MEDIATORS = Hop(("MEDIATOR_IN",), "in")
EXTENSION_OF = Hop(("HAS_EXTENSION",), "in")


def _enum(kind: Any, value: Any) -> Any:
    return kind(value) if value is not None else None


def _day(value: Any) -> date | None:
    out = native(value)
    return out if isinstance(out, date) else None


def _node_ids(type_name: str, external: str) -> dict[str, Any]:
    return {"id": strawberry.ID(to_global(type_name, external)), "external_id": external}


@entity
@strawberry.type(description="One step in a case's life, never rewritten. 事件处置记录")
class CaseEvent(Node):
    seq: int = strawberry.field(
        description="Step number within the case, from 0 (the report). 序号"
    )
    log_seq: int | None = strawberry.field(
        description="Place in the global case-event log; resume live updates after it. 日志序号"
    )
    at: datetime = strawberry.field(description="When the step was taken. 时间")
    action: CaseAction = strawberry.field(description="What was done. 处置动作")
    from_state: CaseStatus | None = strawberry.field(description="State before. 原状态")
    to_state: CaseStatus | None = strawberry.field(description="State after. 新状态")
    level: CaseLevel | None = strawberry.field(
        description="The level holding the case after the step. 层级"
    )
    note: str | None = strawberry.field(description="What the actor wrote. 处置说明")
    attachments: list[str] = strawberry.field(
        description="References to attached files or photos. 附件"
    )
    actor_id: str | None = strawberry.field(
        description="Who took the step (from their token, never from input). 操作人"
    )
    subject_ids: list[str] = strawberry.field(
        description="External ids of whom the step names: handlers 承办人, departments 部门, "
        "mediators 调解员, an extension request 延期申请."
    )
    outcome: str | None = strawberry.field(
        description="A department's answer 报到, a mediation's outcome 调解结果, or an "
        "extension decision 审批结果."
    )
    verified_by: CaseVerifier | None = strawberry.field(
        description="Who verified before closing or returning. 核查人"
    )
    satisfaction: int | None = strawberry.field(
        description="Satisfaction 1-5 given at closing. 满意度"
    )
    settled: bool | None = strawberry.field(description="Settled, as recorded at closing. 是否化解")
    hours: float | None = strawberry.field(
        description="Hours asked or granted (extension), or given to answer (whistle). 时长"
    )
    due_at: datetime | None = strawberry.field(
        description="The time limit of the clock running when the step was taken. 当时期限"
    )
    in_time: bool | None = strawberry.field(
        description="Taken by that time limit; null when no clock ran. 是否按时"
    )

    @classmethod
    def from_node(cls, props: Mapping[str, Any]) -> Self:
        at = as_datetime(props["at"]) or datetime.now(UTC)
        due = as_datetime(props.get("dueAt"))
        return cls(
            **_node_ids("CaseEvent", str(props["id"])),
            seq=int(props["seq"]),
            log_seq=props.get("logSeq"),
            at=at,
            action=CaseAction(props["action"]),
            from_state=_enum(CaseStatus, props.get("fromState")),
            to_state=_enum(CaseStatus, props.get("toState")),
            level=_enum(CaseLevel, props.get("level")),
            note=props.get("note"),
            attachments=list(props.get("attachments") or []),
            actor_id=props.get("actorId"),
            subject_ids=list(props.get("subjectIds") or []),
            outcome=props.get("outcome"),
            verified_by=_enum(CaseVerifier, props.get("verifiedBy")),
            satisfaction=props.get("satisfaction"),
            settled=props.get("settled"),
            hours=props.get("hours"),
            due_at=due,
            in_time=None if due is None else at <= due,
        )

    @strawberry.field(description="The person who took the step, when the actor is one. 操作人")
    async def by(self, info: Info) -> Annotated[Person, Lazy(_PE)] | None:
        from schema.people.types import Person

        return await one(info, self.external_id, BY, Person)

    @strawberry.field(description="The case. 事件")
    async def case(self, info: Info) -> Case | None:
        return await one(info, self.external_id, EVENT_OF, Case)


@strawberry.type(description="A department summoned to a case and its answer (吹哨、报到). 吹哨")
class Whistle:
    department_id: strawberry.ID = strawberry.field(description="The department's global id. 部门")
    department_name: str | None = strawberry.field(description="The department's name. 部门名称")
    deadline: datetime = strawberry.field(description="Answer by then. 报到时限")
    answer: WhistleAnswer = strawberry.field(description="Its answer so far. 报到情况")
    answered_at: datetime | None = strawberry.field(description="When it answered. 报到时间")
    reason: str | None = strawberry.field(description="Why it refused. 拒绝理由")
    overdue: bool = strawberry.field(description="Still pending past its deadline. 超时未报到")
    department_external_id: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: Mapping[str, Any], now: datetime) -> Whistle:
        deadline = as_datetime(row["deadline"]) or now
        answer = WhistleAnswer(row.get("answer") or "pending")
        external = str(row["departmentId"])
        return cls(
            department_id=strawberry.ID(to_global("Department", external)),
            department_name=row.get("departmentName"),
            deadline=deadline,
            answer=answer,
            answered_at=as_datetime(row.get("answeredAt")),
            reason=row.get("reason"),
            overdue=answer == WhistleAnswer.PENDING and now > deadline,
            department_external_id=external,
        )

    @strawberry.field(description="The department, where your scope reaches it. 职能部门")
    async def department(self, info: Info) -> Annotated[Department, Lazy(_O)] | None:
        row = await info.context.loaders.node_by_id.load(self.department_external_id)
        found: Department | None = entity_of(row) if row is not None else None
        return found


@entity
@strawberry.type(description="Mediation of a dispute. 调解")
class Mediation(Node):
    outcome: MediationOutcome | None = strawberry.field(
        description="How it ended, or pending. 调解结果"
    )
    sessions: int | None = strawberry.field(description="Sessions held. 调解次数")
    notarised: bool | None = strawberry.field(description="The agreement was notarised. 公证")
    started_on: date | None = strawberry.field(description="Opened on. 开始日期")
    ended_on: date | None = strawberry.field(description="Ended on. 结束日期")

    @classmethod
    def from_node(cls, props: Mapping[str, Any]) -> Self:
        return cls(
            **_node_ids("Mediation", str(props["id"])),
            outcome=_enum(MediationOutcome, props.get("outcome")),
            sessions=props.get("sessions"),
            notarised=props.get("notarised"),
            started_on=_day(props.get("startedOn")),
            ended_on=_day(props.get("endedOn")),
        )

    @strawberry.field(description="The mediators: people, or a mediation centre. 调解员")
    async def mediators(self, info: Info) -> list[Actor]:
        return await many(info, self.external_id, MEDIATORS)

    @strawberry.field(description="The dispute mediated. 事件")
    async def case(self, info: Info) -> Case | None:
        return await one(info, self.external_id, MEDIATES, Case)


@entity
@strawberry.type(description="A request for more time on a case, and its decision. 延期申请")
class ExtensionRequest(Node):
    hours: float = strawberry.field(description="Hours asked. 申请时长")
    reason: str = strawberry.field(description="Why. 申请理由")
    status: ExtensionStatus = strawberry.field(description="Pending, approved or refused. 审批状态")
    requested_at: datetime | None = strawberry.field(description="When asked. 申请时间")
    requester_id: str | None = strawberry.field(description="Who asked. 申请人")
    decided_at: datetime | None = strawberry.field(description="When decided. 审批时间")
    decider_id: str | None = strawberry.field(description="Who decided. 审批人")
    decision_note: str | None = strawberry.field(description="The decider's note. 审批意见")

    @classmethod
    def from_node(cls, props: Mapping[str, Any]) -> Self:
        return cls(
            **_node_ids("ExtensionRequest", str(props["id"])),
            hours=float(props["hours"]),
            reason=str(props.get("reason") or ""),
            status=ExtensionStatus(props["status"]),
            requested_at=as_datetime(props.get("requestedAt")),
            requester_id=props.get("requesterId"),
            decided_at=as_datetime(props.get("decidedAt")),
            decider_id=props.get("deciderId"),
            decision_note=props.get("decisionNote"),
        )

    @strawberry.field(description="The case. 事件")
    async def case(self, info: Info) -> Case | None:
        return await one(info, self.external_id, EXTENSION_OF, Case)


@entity
@strawberry.type(
    description="Time limits for a category at a level, with the yellow mark. 办理时限"
)
class TimeLimit(Node):
    level: CaseLevel = strawberry.field(description="The level it applies at. 层级")
    accept_hours: float = strawberry.field(description="Hours to accept. 受理时限")
    handle_hours: float = strawberry.field(description="Hours to handle. 办理时限")
    verify_hours: float = strawberry.field(description="Hours to verify. 核查时限")
    yellow_ratio: float | None = strawberry.field(
        description="Share of a limit after which a case turns yellow (0.8 when unset). 黄牌比例"
    )

    @classmethod
    def from_node(cls, props: Mapping[str, Any]) -> Self:
        return cls(
            **_node_ids("TimeLimit", str(props["id"])),
            level=CaseLevel(props["level"]),
            accept_hours=float(props["acceptHours"]),
            handle_hours=float(props["handleHours"]),
            verify_hours=float(props["verifyHours"]),
            yellow_ratio=props.get("yellowRatio"),
        )

    @strawberry.field(description="The category it is for (and its sub-categories). 分类")
    async def category(self, info: Info) -> Annotated[Category, Lazy(_L)] | None:
        from schema.lists.types import Category

        return await one(info, self.external_id, IN_CATEGORY, Category)


@entity
@strawberry.type(
    description="A case: report 事件, dispute 矛盾纠纷, petition 信访 or service booking 代办."
)
class Case(Node):
    title: str = strawberry.field(description="What happened. 标题")
    kind: CaseKind = strawberry.field(description="Kind of case. 类型")
    severity: int = strawberry.field(description="1 minor .. 4 major. 严重程度")
    status: CaseStatus = strawberry.field(description="Where it is in its life. 状态")
    level: CaseLevel = strawberry.field(description="The level holding it. 承办层级")
    reported_at: datetime = strawberry.field(description="When it was reported. 上报时间")
    closed_at: datetime | None = strawberry.field(description="When it closed. 结案时间")
    satisfaction: int | None = strawberry.field(
        description="The resident's satisfaction 1-5 at the closing that stands. 满意度"
    )
    settled: bool | None = strawberry.field(description="Whether the matter was settled. 是否化解")
    version: int = strawberry.field(
        description="Optimistic-lock version: pass it to every step; a stale one is "
        "refused with VERSION_CONFLICT. 版本"
    )
    phase: CasePhase | None = strawberry.field(description="Which clock runs. 时限阶段")
    phase_started_at: datetime | None = strawberry.field(description="When it started. 计时开始")
    due_at: datetime | None = strawberry.field(description="Red mark: the time limit. 办理期限")
    yellow_at: datetime | None = strawberry.field(description="Yellow mark. 预警时间")
    standing: TimeStanding = strawberry.field(description="The clock's standing now. 时限状态")
    allowed_actions: list[CaseAction] = strawberry.field(
        description="Steps the transition table allows now, roles aside (docs/CASES.md). 可执行操作"
    )

    @classmethod
    def from_node(cls, props: Mapping[str, Any]) -> Self:
        due, yellow = as_datetime(props.get("dueAt")), as_datetime(props.get("yellowAt"))
        status, level, kind = str(props["status"]), str(props["level"]), str(props["kind"])
        return cls(
            **_node_ids("Case", str(props["id"])),
            title=str(props["title"]),
            kind=CaseKind(kind),
            severity=int(props["severity"]),
            status=CaseStatus(status),
            level=CaseLevel(level),
            reported_at=as_datetime(props["reportedAt"]) or datetime.now(UTC),
            closed_at=as_datetime(props.get("closedAt")),
            satisfaction=props.get("satisfaction"),
            settled=props.get("settled"),
            version=int(props["version"]),
            phase=_enum(CasePhase, props.get("phase")),
            phase_started_at=as_datetime(props.get("phaseStartedAt")),
            due_at=due,
            yellow_at=yellow,
            standing=TimeStanding(standing(due, yellow, datetime.now(UTC))),
            allowed_actions=[CaseAction(a) for a in machine.allowed_actions(status, level, kind)],
        )

    @strawberry.field(description="Where it happened. 发生地")
    async def place(self, info: Info) -> Annotated[Place, Lazy(_P)] | None:
        from schema.places.types import Place

        return await one(info, self.external_id, AT, Place)

    @strawberry.field(description="The place whose level holds it now. 承办单位")
    async def held_by(self, info: Info) -> Annotated[Place, Lazy(_P)] | None:
        from schema.places.types import Place

        return await one(info, self.external_id, HELD_BY, Place)

    @strawberry.field(description="Its category. 分类")
    async def category(self, info: Info) -> Annotated[Category, Lazy(_L)] | None:
        from schema.lists.types import Category

        return await one(info, self.external_id, IN_CATEGORY, Category)

    @strawberry.field(description="Who reported it: a resident or a unit. 上报人")
    async def reporter(self, info: Info) -> Actor | None:
        found: Actor | None = await one_of(info, self.external_id, REPORTED_BY)
        return found

    @strawberry.field(description="The people acting on it. 承办人")
    async def handlers(self, info: Info) -> list[Annotated[Person, Lazy(_PE)]]:
        return await many(info, self.external_id, HANDLED_BY)

    @strawberry.field(description="Every step, in the order taken (seq), never rewritten. 处置记录")
    async def history(self, info: Info) -> list[CaseEvent]:
        return [CaseEvent.from_node(e) for e in await loaders.case_events(info, self.external_id)]

    @strawberry.field(description="Departments summoned and their answers. 吹哨部门")
    async def whistles(self, info: Info) -> list[Whistle]:
        now = datetime.now(UTC)
        return [
            Whistle.from_row(r, now) for r in await loaders.case_whistles(info, self.external_id)
        ]

    @strawberry.field(description="Mediations of this dispute, oldest first. 调解")
    async def mediations(self, info: Info) -> list[Mediation]:
        rows = await loaders.case_mediations(info, self.external_id)
        return [Mediation.from_node(r) for r in rows]

    @strawberry.field(description="Extension requests and decisions, oldest first. 延期申请")
    async def extensions(self, info: Info) -> list[ExtensionRequest]:
        rows = await loaders.case_extensions(info, self.external_id)
        return [ExtensionRequest.from_node(r) for r in rows]
