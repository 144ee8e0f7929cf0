"""caseMediationEnd: the mediation's outcome. 调解结果"""

from __future__ import annotations

from typing import Literal, cast

import strawberry

from graph.cases import mediation
from graph.cases.steps import CaseRejected, StepDone
from schema.cases.enums import MediationOutcome
from schema.cases.mutations.inputs import CaseStepInput
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = (
    "End the mediation under way: settled 调解成功, not settled 调解不成, or sent to court "
    "诉讼; and whether the agreement was notarised 公证. 调解结果"
)


@strawberry.input(description="End a mediation. 调解结果")
class CaseMediationEndInput(CaseStepInput):
    outcome: MediationOutcome = strawberry.field(description="How it ended (not PENDING). 结果")
    notarised: bool = strawberry.field(
        default=False, description="The agreement was notarised. 公证"
    )


async def case_mediation_end(info: Info, input: CaseMediationEndInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        if input.outcome == MediationOutcome.PENDING:
            raise CaseRejected(
                "INVALID", "outcome: SETTLED, NOT_SETTLED or SENT_TO_COURT", field="outcome"
            )
        return await mediation.end(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            cast(Literal["settled", "not_settled", "sent_to_court"], input.outcome.value),
            input.notarised,
            input.note,
            input.attachments or (),
        )

    return await answer(step)
