"""caseEscalate: send a case up one level (grid → community → street → district). 上报"""

from __future__ import annotations

from graph.cases import actions
from graph.cases.steps import StepDone
from schema.cases.mutations.inputs import CaseStepInput
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = (
    "Send a case up one level (grid → community → street → district); the new level must "
    "accept it, within its own time limit. Refused at the district. 上报"
)


async def case_escalate(info: Info, input: CaseStepInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        return await actions.escalate(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            input.note,
            input.attachments or (),
        )

    return await answer(step)
