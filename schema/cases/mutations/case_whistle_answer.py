"""caseWhistleAnswer: record a summoned department's answer. 部门报到"""

from __future__ import annotations

from typing import Literal, cast

import strawberry

from graph.cases import whistles
from graph.cases.steps import CaseRejected, StepDone
from schema.cases.enums import WhistleAnswer
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = (
    "Record a summoned department's answer: arrived 已报到, accepted 已受理, or refused "
    "拒绝 with a reason. Only a department the case summoned can answer. 部门报到"
)


@strawberry.input(description="A department's answer to a whistle. 部门报到")
class CaseWhistleAnswerInput:
    id: strawberry.ID = strawberry.field(description="The case's global id. 事件")
    version: int = strawberry.field(description="The case's version as you read it. 版本")
    department_id: strawberry.ID = strawberry.field(description="The department answering. 部门")
    answer: WhistleAnswer = strawberry.field(description="Its answer (not PENDING). 报到情况")
    reason: str | None = strawberry.field(
        default=None, description="Why it refuses (required for REFUSED). 理由"
    )
    attachments: list[str] | None = strawberry.field(default=None, description="附件 references.")


async def case_whistle_answer(info: Info, input: CaseWhistleAnswerInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.reason, input.attachments, field="reason")
        if input.answer == WhistleAnswer.PENDING:
            raise CaseRejected(
                "INVALID",
                "answer: ARRIVED, ACCEPTED or REFUSED; PENDING is no answer",
                field="answer",
            )
        return await whistles.answer(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            decode(input.department_id, "departmentId", "Department"),
            cast(Literal["arrived", "accepted", "refused"], input.answer.value),
            input.reason,
            input.attachments or (),
        )

    return await answer(step)
