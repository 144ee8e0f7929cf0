"""caseWhistle: the community blows the whistle, departments must report. 吹哨"""

from __future__ import annotations

import strawberry

from graph.cases import whistles
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

DESCRIPTION = (
    "Summon departments to a case (社区吹哨、部门报到), each to answer within the hours "
    "given; a department past its deadline shows in overdueCases. Community level and up. 吹哨"
)


@strawberry.input(description="Summon departments. 吹哨")
class CaseWhistleInput(CaseStepInput):
    department_ids: list[strawberry.ID] = strawberry.field(
        description="Global ids of the departments (Department). 职能部门"
    )
    answer_within_hours: float = strawberry.field(
        default=24.0, description="Hours each has to answer. 报到时限(小时)"
    )


async def case_whistle(info: Info, input: CaseWhistleInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        return await whistles.whistle(
            info.context.db,
            context_actor(info),
            decode(input.id, "id", "Case"),
            input.version,
            decode_all(input.department_ids, "departmentIds", "Department"),
            input.answer_within_hours,
            input.note,
            input.attachments or (),
        )

    return await answer(step)
