"""projectCreate: put a project on the projects list (项目清单), taking on needs."""

from __future__ import annotations

import datetime

import strawberry

from graph.nodes import Ref
from schema.core.context import Info
from schema.core.payloads import (
    Problems,
    audit,
    new_id,
)
from schema.lists.mutations.checked import create_alone
from schema.lists.mutations.payloads import PLACE_LABELS, ProjectPayload, props_of
from schema.lists.types import Project


@strawberry.input(description="A new project. 新项目")
class ProjectCreateInput:
    title: str = strawberry.field(description="Title. 标题")
    place: strawberry.ID = strawberry.field(description="The place it concerns. 涉及地点")
    needs: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Needs it takes on. 回应的需求"
    )
    category: strawberry.ID | None = strawberry.field(default=None, description="Category. 分类")
    agreement: strawberry.ID | None = strawberry.field(
        default=None, description="The agreement it is agreed in. 共建协议"
    )
    claim_deadline: datetime.date | None = strawberry.field(
        default=None, description="Unclaimed by then it goes to the open pool. 认领截止"
    )
    external_id: str | None = strawberry.field(
        default=None, description="The source system's key; generated when omitted. 外部编号"
    )


async def project_create(info: Info, input: ProjectCreateInput) -> ProjectPayload:
    p = Problems()
    title = p.text("input.title", input.title, required=True)
    place_id = p.id_of("input.place", input.place, *PLACE_LABELS)
    need_ids = p.ids_of("input.needs", input.needs, "Need")
    category_id = p.id_of("input.category", input.category, "Category") if input.category else None
    agreement_id = (
        p.id_of("input.agreement", input.agreement, "Agreement") if input.agreement else None
    )
    if p or place_id is None:
        return ProjectPayload(project=None, errors=p.errors)
    project_id = new_id("project", input.external_id)
    refs = [Ref("input.place", place_id, PLACE_LABELS)]
    refs += [Ref(f"input.needs[{i}]", n, ("Need",)) for i, n in enumerate(need_ids)]
    if category_id:
        refs.append(Ref("input.category", category_id, ("Category",)))
    if agreement_id:
        refs.append(Ref("input.agreement", agreement_id, ("Agreement",)))
    params = {
        "id": project_id,
        "props": {"title": title, "status": "proposed", "claimDeadline": input.claim_deadline},
        "placeId": place_id,
        "needIds": sorted(set(need_ids)),
        "categoryId": category_id,
        "agreementId": agreement_id,
        **audit(info),
    }

    result = await create_alone(info, "create_project", params, refs)
    if isinstance(result, list):
        return ProjectPayload(project=None, errors=result)
    return ProjectPayload(project=Project.from_node(props_of(result)), errors=[])
