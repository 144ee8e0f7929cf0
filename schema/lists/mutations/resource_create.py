"""resourceCreate: list a resource on offer (资源清单)."""

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
from schema.lists.enums import ResourceKind
from schema.lists.mutations.checked import create_alone
from schema.lists.mutations.payloads import (
    ACTOR_LABELS,
    PLACE_LABELS,
    ResourcePayload,
    props_of,
)
from schema.lists.types import Resource


@strawberry.input(description="A new resource on offer. 新资源")
class ResourceCreateInput:
    title: str = strawberry.field(description="Title. 标题")
    kind: ResourceKind = strawberry.field(description="What it is. 资源类型")
    capacity: float = strawberry.field(description="Quantity on offer, more than 0. 可提供数量")
    provider: strawberry.ID = strawberry.field(
        description="Who offers it: an organisation or person. 提供方"
    )
    unit: str | None = strawberry.field(default=None, description="Unit. 单位")
    place: strawberry.ID | None = strawberry.field(default=None, description="Where it is. 地点")
    category: strawberry.ID | None = strawberry.field(default=None, description="Category. 分类")
    available_from: datetime.date | None = strawberry.field(
        default=None, description="Available from. 起始日期"
    )
    available_to: datetime.date | None = strawberry.field(
        default=None, description="Available until. 截止日期"
    )
    days: list[int] | None = strawberry.field(
        default=None, description="Days of the week (1-7) available. 可用日"
    )
    external_id: str | None = strawberry.field(
        default=None, description="The source system's key; generated when omitted. 外部编号"
    )


async def resource_create(info: Info, input: ResourceCreateInput) -> ResourcePayload:
    p = Problems()
    title = p.text("input.title", input.title, required=True)
    unit = p.text("input.unit", input.unit)
    p.positive("input.capacity", input.capacity)
    p.ordered("input.availableTo", input.available_from, input.available_to)
    for i, d in enumerate(input.days or []):
        p.between(f"input.days[{i}]", d, 1, 7)
    provider_id = p.id_of("input.provider", input.provider, *ACTOR_LABELS)
    place_id = p.id_of("input.place", input.place, *PLACE_LABELS) if input.place else None
    category_id = p.id_of("input.category", input.category, "Category") if input.category else None
    if p or provider_id is None:
        return ResourcePayload(resource=None, errors=p.errors)
    resource_id = new_id("resource", input.external_id)
    refs = [Ref("input.provider", provider_id, ACTOR_LABELS)]
    if place_id:
        refs.append(Ref("input.place", place_id, PLACE_LABELS))
    if category_id:
        refs.append(Ref("input.category", category_id, ("Category",)))
    params = {
        "id": resource_id,
        "props": {
            "title": title,
            "kind": input.kind.value,
            "capacity": float(input.capacity),
            "unit": unit,
            "availableFrom": input.available_from,
            "availableTo": input.available_to,
            "days": sorted(set(input.days)) if input.days else None,
            "status": "active",
        },
        "providerId": provider_id,
        "placeId": place_id,
        "categoryId": category_id,
        **audit(info),
    }

    result = await create_alone(info, "create_resource", params, refs)
    if isinstance(result, list):
        return ResourcePayload(resource=None, errors=result)
    return ResourcePayload(resource=Resource.from_node(props_of(result)), errors=[])
