"""caseReport: a case is reported and routed to the level that should hold it. 事件上报"""

from __future__ import annotations

import strawberry

from graph.cases.report import Report, report_case
from graph.cases.steps import StepDone
from loaders.model import SUPER_LABELS
from schema.cases.enums import CaseKind
from schema.cases.payloads import CasePayload, answer, check_text, context_actor, decode
from schema.core.context import Info

DESCRIPTION = (
    "Report a case where it happened. It is routed to the level that should hold it "
    "(小事不出网格、大事不出社区: severity 1 grid, 2 community, 3 street, 4 district; "
    "petitions at least the community; a category with time limits only from some level up "
    "starts there) and held by the nearest place of that level at or above the place. 事件上报"
)
PLACE_TYPES = SUPER_LABELS["Place"]
REPORTER_TYPES = ("Person", *SUPER_LABELS["Organisation"])


@strawberry.input(description="A new case. 事件上报")
class CaseReportInput:
    title: str = strawberry.field(description="What happened. 标题")
    kind: CaseKind = strawberry.field(description="Kind of case. 类型")
    severity: int = strawberry.field(description="1 minor .. 4 major. 严重程度")
    place_id: strawberry.ID = strawberry.field(description="Where it happened (a place). 发生地")
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="Its category (Category). 分类"
    )
    reporter_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The resident or unit who reported, when you file it for them (代办). 上报人",
    )
    note: str | None = strawberry.field(default=None, description="Details. 说明")
    attachments: list[str] | None = strawberry.field(
        default=None, description="References to photos or files (随手拍). 附件"
    )


async def case_report(info: Info, input: CaseReportInput) -> CasePayload:
    async def step() -> StepDone:
        check_text(input.note, input.attachments)
        report = Report(
            title=input.title,
            kind=input.kind.value,
            severity=input.severity,
            place_id=decode(input.place_id, "placeId", *PLACE_TYPES),
            category_id=decode(input.category_id, "categoryId", "Category")
            if input.category_id
            else None,
            reporter_id=decode(input.reporter_id, "reporterId", *REPORTER_TYPES)
            if input.reporter_id
            else None,
            note=input.note,
            attachments=tuple(input.attachments or ()),
        )
        return await report_case(info.context.db, context_actor(info), report)

    return await answer(step)
