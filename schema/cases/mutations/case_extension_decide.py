"""caseExtensionDecide: someone above approves or refuses an extension. 延期审批"""

from __future__ import annotations

import strawberry

from graph.cases import extensions
from graph.cases.steps import StepDone
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = (
    "Approve or refuse a pending extension request. Only someone whose place lies above "
    "the place holding the case, and not the one who asked; approval moves the yellow and "
    "red marks later by the hours asked. 延期审批"
)


@strawberry.input(description="Decide an extension request. 延期审批")
class CaseExtensionDecideInput:
    id: strawberry.ID = strawberry.field(description="The case's global id. 事件")
    version: int = strawberry.field(description="The case's version as you read it. 版本")
    request_id: strawberry.ID = strawberry.field(description="The request (ExtensionRequest). 申请")
    approved: bool = strawberry.field(description="True approves, false refuses. 是否批准")
    note: str | None = strawberry.field(default=None, description="The decision's note. 审批意见")


async def case_extension_decide(info: Info, input: CaseExtensionDecideInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, None)
        return await extensions.decide(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            decode(input.request_id, "requestId", "ExtensionRequest"),
            input.approved,
            input.note,
        )

    return await answer(step)
