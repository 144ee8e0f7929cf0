"""caseMediationStart: a dispute goes to mediators. 调解"""

from __future__ import annotations

import strawberry

from graph.cases import mediation
from graph.cases.steps import StepDone
from loaders.model import SUPER_LABELS
from schema.cases.mutations.inputs import CaseStepInput
from schema.cases.payloads import (
    CasePayload,
    answer,
    check_text,
    context_actor,
    decode,
    decode_all,
)
from schema.core.context import Info

DESCRIPTION = "Open a mediation of a dispute with its mediators; work is then in progress. 调解"
MEDIATOR_TYPES = ("Person", *SUPER_LABELS["Organisation"])


@strawberry.input(description="Open a mediation. 开始调解")
class CaseMediationStartInput(CaseStepInput):
    mediator_ids: list[strawberry.ID] = strawberry.field(
        description="Global ids of the mediators: people or a mediation centre. 调解员"
    )


async def case_mediation_start(info: Info, input: CaseMediationStartInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        return await mediation.start(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            decode_all(input.mediator_ids, "mediatorIds", *MEDIATOR_TYPES),
            input.note,
            input.attachments or (),
        )

    return await answer(step)
