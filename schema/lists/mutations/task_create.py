"""taskCreate: put a task on the tasks list (任务清单), given to people or organisations."""

from __future__ import annotations

import datetime

import strawberry

from graph.nodes import Ref
from schema.core.context import Info
from schema.core.payloads import (
    ErrorCode,
    Problems,
    audit,
    new_id,
)
from schema.lists.mutations.checked import create_alone
from schema.lists.mutations.payloads import ACTOR_LABELS, PLACE_LABELS, TaskPayload, props_of
from schema.lists.types import Task


@strawberry.input(description="A new task. 新任务")
class TaskCreateInput:
    title: str = strawberry.field(description="Title. 标题")
    project: strawberry.ID | None = strawberry.field(
        default=None, description="The project it belongs to. 所属项目"
    )
    place: strawberry.ID | None = strawberry.field(
        default=None, description="The place it concerns. 涉及地点"
    )
    assignees: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Who does it: people or organisations. 承办人"
    )
    category: strawberry.ID | None = strawberry.field(default=None, description="Category. 分类")
    due_on: datetime.date | None = strawberry.field(default=None, description="Due by. 截止日期")
    external_id: str | None = strawberry.field(
        default=None, description="The source system's key; generated when omitted. 外部编号"
    )


async def task_create(info: Info, input: TaskCreateInput) -> TaskPayload:
    p = Problems()
    title = p.text("input.title", input.title, required=True)
    project_id = p.id_of("input.project", input.project, "Project") if input.project else None
    place_id = p.id_of("input.place", input.place, *PLACE_LABELS) if input.place else None
    if input.project is None and input.place is None:
        p.add("input.place", ErrorCode.REQUIRED, "input.place or input.project is required")
    assignee_ids = p.ids_of("input.assignees", input.assignees, *ACTOR_LABELS)
    category_id = p.id_of("input.category", input.category, "Category") if input.category else None
    if p:
        return TaskPayload(task=None, errors=p.errors)
    task_id = new_id("task", input.external_id)
    refs = [Ref(f"input.assignees[{i}]", a, ACTOR_LABELS) for i, a in enumerate(assignee_ids)]
    if project_id:
        refs.append(Ref("input.project", project_id, ("Project",)))
    if place_id:
        refs.append(Ref("input.place", place_id, PLACE_LABELS))
    if category_id:
        refs.append(Ref("input.category", category_id, ("Category",)))
    params = {
        "id": task_id,
        "props": {"title": title, "status": "todo", "dueOn": input.due_on},
        "projectId": project_id,
        "placeId": place_id,
        "categoryId": category_id,
        "assigneeIds": sorted(set(assignee_ids)),
        **audit(info),
    }

    result = await create_alone(info, "create_task", params, refs)
    if isinstance(result, list):
        return TaskPayload(task=None, errors=result)
    return TaskPayload(task=Task.from_node(props_of(result)), errors=[])
