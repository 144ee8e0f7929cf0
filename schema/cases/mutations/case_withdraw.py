"""caseWithdraw: Withdraw an open case at the reporter's request. 撤销"""

from __future__ import annotations

from graph.cases import actions
from graph.cases.steps import StepDone
from schema.cases.mutations.inputs import CaseStepInput
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = "Withdraw an open case at the reporter's request. 撤销"


async def case_withdraw(info: Info, input: CaseStepInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        return await actions.simple_step(
            info.context.db,
            context_actor(info),
            "withdraw",
            decode(input.id, "id", "Case"),
            input.version,
            input.note,
            input.attachments or (),
        )

    return await answer(step)
