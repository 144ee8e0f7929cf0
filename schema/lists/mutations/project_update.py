"""projectUpdate: move a project along its life (proposed > claimed > in progress > done)."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from neo4j import AsyncManagedTransaction

from graph import lists
from graph.database import Row
from graph.nodes import Ref
from schema.core.context import Info
from schema.core.payloads import (
    ErrorCode,
    Problems,
    Rejected,
    audit,
    require,
    today,
    write_or_errors,
    written,
)
from schema.lists.enums import ProjectStatus
from schema.lists.mutations.payloads import ProjectPayload, props_of
from schema.lists.types import Project

S = ProjectStatus
NEXT: dict[ProjectStatus, set[ProjectStatus]] = {
    S.PROPOSED: {S.OPEN_POOL, S.CLAIMED, S.CANCELLED},
    S.OPEN_POOL: {S.CLAIMED, S.CANCELLED},
    S.CLAIMED: {S.IN_PROGRESS, S.OPEN_POOL, S.CANCELLED},
    S.IN_PROGRESS: {S.DONE, S.CANCELLED},
    S.DONE: set(),
    S.CANCELLED: set(),
}


@strawberry.input(description="Changes to a project; omitted fields stay as they are. 项目修改")
class ProjectUpdateInput:
    id: strawberry.ID = strawberry.field(description="The project. 项目")
    title: str | None = strawberry.field(default=None, description="Title. 标题")
    status: ProjectStatus | None = strawberry.field(
        default=None,
        description="Next status: PROPOSED > OPEN_POOL/CLAIMED > IN_PROGRESS > DONE, or "
        "CANCELLED before done. 状态",
    )
    claim_deadline: datetime.date | None = strawberry.field(
        default=None, description="Claim deadline. 认领截止"
    )


async def project_update(info: Info, input: ProjectUpdateInput) -> ProjectPayload:
    p = Problems()
    project_id = p.id_of("input.id", input.id, "Project")
    title = p.text("input.title", input.title)
    if p or project_id is None:
        return ProjectPayload(project=None, errors=p.errors)

    async def work(tx: AsyncManagedTransaction) -> Row | None:
        before = (await require(tx, info, [Ref("input.id", project_id, ("Project",))]))["input.id"]
        status = S(before["status"])
        changes: dict[str, Any] = {"title": title, "claimDeadline": input.claim_deadline}
        if input.status is not None and input.status is not status:
            if input.status not in NEXT[status]:
                raise Rejected.one(
                    "input.status",
                    ErrorCode.INVALID_TRANSITION,
                    f"input.status: a {status.name} project cannot become {input.status.name}",
                )
            changes["status"] = input.status.value
            if input.status is S.IN_PROGRESS and before.get("startedOn") is None:
                changes["startedOn"] = today()
            if input.status is S.DONE:
                changes["doneOn"] = today()
        params = {
            "id": project_id,
            "expectedStatus": status.value,
            "changes": {k: v for k, v in changes.items() if v is not None},
            **audit(info),
        }
        return await lists.write_one(tx, "update_project", params)

    result = await write_or_errors(info, work, "lists/update_project")
    if isinstance(result, list):
        return ProjectPayload(project=None, errors=result)
    return ProjectPayload(project=Project.from_node(props_of(written(result))), errors=[])
