"""caseAssign: name the people who act on a case. 派遣"""

from __future__ import annotations

import strawberry

from graph.cases import actions
from graph.cases.steps import StepDone
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

DESCRIPTION = "Name the people who act on a case, replacing those named before. 派遣"


@strawberry.input(description="Assign a case to people. 派遣")
class CaseAssignInput(CaseStepInput):
    handler_ids: list[strawberry.ID] = strawberry.field(
        description="Global ids of the people who will act (Person). 承办人"
    )


async def case_assign(info: Info, input: CaseAssignInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        return await actions.assign(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            decode_all(input.handler_ids, "handlerIds", "Person"),
            input.note,
            input.attachments or (),
        )

    return await answer(step)
