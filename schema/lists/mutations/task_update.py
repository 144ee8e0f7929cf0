"""taskUpdate: move a task along (todo > doing > done), or give it to others."""

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
    write_or_errors,
    written,
)
from schema.lists.enums import TaskStatus
from schema.lists.mutations.payloads import ACTOR_LABELS, TaskPayload, props_of
from schema.lists.types import Task

FINAL = {TaskStatus.DONE, TaskStatus.CANCELLED}


@strawberry.input(description="Changes to a task; omitted fields stay as they are. 任务修改")
class TaskUpdateInput:
    id: strawberry.ID = strawberry.field(description="The task. 任务")
    title: str | None = strawberry.field(default=None, description="Title. 标题")
    status: TaskStatus | None = strawberry.field(
        default=None, description="New status; DONE and CANCELLED are final. 状态"
    )
    due_on: datetime.date | None = strawberry.field(default=None, description="Due by. 截止日期")
    assignees: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Who does it now (replaces the list). 承办人"
    )


async def task_update(info: Info, input: TaskUpdateInput) -> TaskPayload:
    p = Problems()
    task_id = p.id_of("input.id", input.id, "Task")
    title = p.text("input.title", input.title)
    assignee_ids = (
        p.ids_of("input.assignees", input.assignees, *ACTOR_LABELS)
        if input.assignees is not None
        else None
    )
    if p or task_id is None:
        return TaskPayload(task=None, errors=p.errors)
    refs = [Ref("input.id", task_id, ("Task",))]
    refs += [
        Ref(f"input.assignees[{i}]", a, ACTOR_LABELS) for i, a in enumerate(assignee_ids or [])
    ]

    async def work(tx: AsyncManagedTransaction) -> Row | None:
        before = (await require(tx, info, refs))["input.id"]
        status = TaskStatus(before["status"])
        if status in FINAL:
            raise Rejected.one(
                "input.id", ErrorCode.INVALID_TRANSITION, f"input.id: the task is {status.name}"
            )
        changes: dict[str, Any] = {
            "title": title,
            "dueOn": input.due_on,
            "status": input.status.value if input.status else None,
        }
        params = {
            "id": task_id,
            "expectedStatus": status.value,
            "changes": {k: v for k, v in changes.items() if v is not None},
            "assigneeIds": sorted(set(assignee_ids)) if assignee_ids is not None else None,
            **audit(info),
        }
        return await lists.write_one(tx, "update_task", params)

    result = await write_or_errors(info, work, "lists/update_task")
    if isinstance(result, list):
        return TaskPayload(task=None, errors=result)
    return TaskPayload(task=Task.from_node(props_of(written(result))), errors=[])
