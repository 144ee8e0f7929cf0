"""The fields every case step takes: which case, at which version, with a note."""

from __future__ import annotations

import strawberry


@strawberry.input(description="A step on a case: its id, the version you read, a note. 办理操作")
class CaseStepInput:
    id: strawberry.ID = strawberry.field(description="The case's global id. 事件")
    version: int = strawberry.field(
        description="The case's version as you read it; refused if someone changed it since. 版本"
    )
    note: str | None = strawberry.field(default=None, description="What you did or why. 说明")
    attachments: list[str] | None = strawberry.field(
        default=None, description="References to files or photos (ids or URLs). 附件"
    )
