"""caseExtensionRequest: the handler asks for more time. 申请延期"""

from __future__ import annotations

import strawberry

from graph.cases import extensions
from graph.cases.steps import StepDone
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = (
    "Ask for more time on the running time limit; someone above the holding place "
    "approves or refuses it (caseExtensionDecide). 申请延期"
)


@strawberry.input(description="Ask for more time. 申请延期")
class CaseExtensionRequestInput:
    id: strawberry.ID = strawberry.field(description="The case's global id. 事件")
    version: int = strawberry.field(description="The case's version as you read it. 版本")
    hours: float = strawberry.field(description="Hours asked. 申请时长")
    reason: str = strawberry.field(description="Why more time is needed. 申请理由")
    attachments: list[str] | None = strawberry.field(default=None, description="附件 references.")


async def case_extension_request(info: Info, input: CaseExtensionRequestInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.reason, input.attachments, field="reason")
        return await extensions.request(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            input.hours,
            input.reason,
            input.attachments or (),
        )

    return await answer(step)
