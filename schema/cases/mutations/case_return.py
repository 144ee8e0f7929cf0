"""caseReturn: verification failed, the case goes back for more work. 退回"""

from __future__ import annotations

import strawberry

from graph.cases import actions
from graph.cases.steps import StepDone
from schema.cases.enums import CaseVerifier
from schema.cases.mutations.inputs import CaseStepInput
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = "Verification failed: send a resolved case back for more work. 退回"


@strawberry.input(description="Verification failed: return the case. 核查未通过")
class CaseReturnInput(CaseStepInput):
    verified_by: CaseVerifier = strawberry.field(description="Who verified. 核查人")


async def case_return(info: Info, input: CaseReturnInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        return await actions.verify(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            input.verified_by.value,
            passed=False,
            note=input.note,
            attachments=input.attachments or (),
        )

    return await answer(step)
