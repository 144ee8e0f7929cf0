"""needCreate: list a new need (需求清单)."""

from __future__ import annotations

import datetime

import strawberry

from graph.nodes import Ref
from schema.core.context import Info
from schema.core.payloads import Problems, audit, new_id, today
from schema.lists.mutations.checked import create_alone
from schema.lists.mutations.payloads import ACTOR_LABELS, PLACE_LABELS, NeedPayload, props_of
from schema.lists.types import Need


@strawberry.input(description="A new need. 新需求")
class NeedCreateInput:
    title: str = strawberry.field(description="Title. 标题")
    quantity: float = strawberry.field(description="Quantity asked, more than 0. 需求数量")
    place: strawberry.ID = strawberry.field(description="The place it concerns. 涉及地点")
    unit: str | None = strawberry.field(default=None, description="Unit of the quantity. 单位")
    detail: str | None = strawberry.field(default=None, description="Details. 详情")
    urgency: int | None = strawberry.field(default=None, description="1 low .. 3 urgent. 紧急程度")
    category: strawberry.ID | None = strawberry.field(default=None, description="Category. 分类")
    raised_by: strawberry.ID | None = strawberry.field(
        default=None, description="Who raised it: an organisation, person or place. 提出方"
    )
    raised_on: datetime.date | None = strawberry.field(
        default=None, description="Raised on; today when omitted. 提出日期"
    )
    due_on: datetime.date | None = strawberry.field(default=None, description="Due by. 截止日期")
    external_id: str | None = strawberry.field(
        default=None, description="The source system's key; generated when omitted. 外部编号"
    )


async def need_create(info: Info, input: NeedCreateInput) -> NeedPayload:
    p = Problems()
    title = p.text("input.title", input.title, required=True)
    p.positive("input.quantity", input.quantity)
    p.between("input.urgency", input.urgency, 1, 3)
    detail = p.text("input.detail", input.detail)
    unit = p.text("input.unit", input.unit)
    raised_on = input.raised_on or today()
    p.ordered("input.dueOn", raised_on, input.due_on)
    place_id = p.id_of("input.place", input.place, *PLACE_LABELS)
    category_id = p.id_of("input.category", input.category, "Category") if input.category else None
    raiser_id = (
        p.id_of("input.raisedBy", input.raised_by, *ACTOR_LABELS, *PLACE_LABELS)
        if input.raised_by
        else None
    )
    if p or place_id is None:
        return NeedPayload(need=None, errors=p.errors)
    need_id = new_id("need", input.external_id)
    refs = [Ref("input.place", place_id, PLACE_LABELS)]
    if category_id:
        refs.append(Ref("input.category", category_id, ("Category",)))
    if raiser_id:
        refs.append(Ref("input.raisedBy", raiser_id, (*ACTOR_LABELS, *PLACE_LABELS)))
    params = {
        "id": need_id,
        "props": {
            "title": title,
            "detail": detail,
            "quantity": float(input.quantity),
            "unit": unit,
            "urgency": input.urgency,
            "status": "open",
            "raisedOn": raised_on,
            "dueOn": input.due_on,
        },
        "placeId": place_id,
        "categoryId": category_id,
        "raisedById": raiser_id,
        **audit(info),
    }

    result = await create_alone(info, "create_need", params, refs)
    if isinstance(result, list):
        return NeedPayload(need=None, errors=result)
    return NeedPayload(need=Need.from_node(props_of(result)), errors=[])
