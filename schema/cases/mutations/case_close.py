"""caseClose: a verified case closes with the resident's satisfaction. 核查结案"""

from __future__ import annotations

import strawberry

from graph.cases import actions
from graph.cases.steps import StepDone
from schema.cases.enums import CaseVerifier
from schema.cases.mutations.inputs import CaseStepInput
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = (
    "Close a resolved case once the grid worker or the resident has verified the work, "
    "recording the resident's satisfaction (1-5) and whether the matter was settled. 核查结案"
)


@strawberry.input(description="Verification passed: close the case. 核查通过")
class CaseCloseInput(CaseStepInput):
    verified_by: CaseVerifier = strawberry.field(description="Who verified. 核查人")
    satisfaction: int = strawberry.field(description="The resident's satisfaction, 1-5. 满意度")
    settled: bool = strawberry.field(description="Whether the matter was settled. 是否化解")


async def case_close(info: Info, input: CaseCloseInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        return await actions.verify(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            input.verified_by.value,
            passed=True,
            satisfaction=input.satisfaction,
            settled=input.settled,
            note=input.note,
            attachments=input.attachments or (),
        )

    return await answer(step)
