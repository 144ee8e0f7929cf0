"""caseMediationRecord: one more session of the mediation under way. 调解记录"""

from __future__ import annotations

from graph.cases import mediation
from graph.cases.steps import StepDone
from schema.cases.mutations.inputs import CaseStepInput
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = "Record one session of the mediation under way, with its note. 调解记录"


async def case_mediation_record(info: Info, input: CaseStepInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        return await mediation.record_session(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            input.note,
            input.attachments or (),
        )

    return await answer(step)
