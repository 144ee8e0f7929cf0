"""caseStart: Begin work on an assigned, whistled, returned or reopened case. 开始处置"""

from __future__ import annotations

from graph.cases import actions
from graph.cases.steps import StepDone
from schema.cases.mutations.inputs import CaseStepInput
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = "Begin work on an assigned, whistled, returned or reopened case. 开始处置"


async def case_start(info: Info, input: CaseStepInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        return await actions.simple_step(
            info.context.db,
            context_actor(info),
            "start",
            decode(input.id, "id", "Case"),
            input.version,
            input.note,
            input.attachments or (),
        )

    return await answer(step)
