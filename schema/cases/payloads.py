"""What case mutations answer: the case as the step left it and its new event, or typed
errors a user can act on (a stale version, a step the current state does not allow)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

import strawberry

from graph.cases.steps import Actor, CaseRejected, StepDone
from schema.cases.enums import CaseAction, CaseErrorCode, CaseStatus
from schema.cases.types import Case, CaseEvent
from schema.core.context import Info
from schema.core.ids import BadId, expect
from schema.core.viewer import Viewer

MAX_NOTE = 2000
MAX_ATTACHMENTS = 20
MAX_ATTACHMENT_REF = 500


@strawberry.type(
    description="Why a case step was refused, with the case's current state and what it "
    "allows now; nothing was changed. 办理错误"
)
class CaseError:
    field: str | None = strawberry.field(description="The input field at fault, if one. 字段")
    code: CaseErrorCode = strawberry.field(description="What kind of refusal. 错误类型")
    message: str = strawberry.field(description="What is wrong and what to do. 说明")
    current_status: CaseStatus | None = strawberry.field(
        description="The case's state now (conflicts and illegal steps). 当前状态"
    )
    current_version: int | None = strawberry.field(
        description="The case's version now: read the case again before retrying. 当前版本"
    )
    allowed_actions: list[CaseAction] = strawberry.field(
        description="Steps the current state allows. 可执行操作"
    )
    allowed_next_states: list[CaseStatus] = strawberry.field(
        description="States those steps lead to. 可转入状态"
    )


@strawberry.type(
    description="The result of a case step: the case and its new event, or errors. 办理结果"
)
class CasePayload:
    case: Case | None = strawberry.field(description="The case as the step left it. 事件")
    event: CaseEvent | None = strawberry.field(description="The step, as recorded. 处置记录")
    errors: list[CaseError] = strawberry.field(description="Empty when the step was taken. 错误")


def error_of(exc: CaseRejected) -> CaseError:
    return CaseError(
        field=exc.field,
        code=CaseErrorCode(exc.code),
        message=exc.message,
        current_status=CaseStatus(exc.status) if exc.status else None,
        current_version=exc.version,
        allowed_actions=[CaseAction(a) for a in exc.allowed],
        allowed_next_states=[CaseStatus(s) for s in exc.next_states],
    )


def actor_of(viewer: Viewer) -> Actor:
    """The acting viewer: the id always from the token, never from the input."""
    return Actor(
        actor_id=viewer.actor_id,
        roles=tuple(g.role for g in viewer.grants),
        read_scopes=viewer.place_scopes(),
        write_scopes=viewer.write_scopes(),
    )


def decode(global_id: str, field: str, *types: str) -> str:
    try:
        return expect(global_id, *types)
    except BadId as exc:
        raise CaseRejected("INVALID", f"{field}: {exc}", field=field) from None


def decode_all(ids: Sequence[str], field: str, *types: str) -> list[str]:
    return [decode(i, field, *types) for i in ids]


def check_text(note: str | None, attachments: Sequence[str] | None, field: str = "note") -> None:
    if note is not None and len(note) > MAX_NOTE:
        raise CaseRejected("INVALID", f"{field}: at most {MAX_NOTE} characters", field=field)
    refs = list(attachments or [])
    if len(refs) > MAX_ATTACHMENTS:
        raise CaseRejected(
            "INVALID", f"attachments: at most {MAX_ATTACHMENTS} references", field="attachments"
        )
    if any(not r.strip() or len(r) > MAX_ATTACHMENT_REF for r in refs):
        raise CaseRejected(
            "INVALID",
            f"attachments: each reference is 1..{MAX_ATTACHMENT_REF} characters",
            field="attachments",
        )


async def answer(step: Callable[[], Awaitable[StepDone]]) -> CasePayload:
    """Run a step; its result, or its refusal as typed errors (the case unchanged)."""
    try:
        done = await step()
    except CaseRejected as exc:
        return CasePayload(case=None, event=None, errors=[error_of(exc)])
    return CasePayload(
        case=Case.from_node(done.case), event=CaseEvent.from_node(done.event), errors=[]
    )


def context_actor(info: Info) -> Actor:
    return actor_of(info.context.viewer)
