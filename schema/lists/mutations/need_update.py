"""needUpdate: change a need; its quantity may not drop below what claims commit."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from neo4j import AsyncManagedTransaction

from graph.nodes import Ref, native
from schema.core.context import Info
from schema.core.payloads import (
    ErrorCode,
    Problems,
    Rejected,
    audit,
    write_or_errors,
    written,
)
from schema.lists.enums import NeedStatus
from schema.lists.mutations.checked import update_checked
from schema.lists.mutations.payloads import NeedPayload, props_of
from schema.lists.types import Need

# Open, partly met and met follow the claims; a person may only close, withdraw or reopen.
SETTABLE = {NeedStatus.OPEN, NeedStatus.CLOSED, NeedStatus.WITHDRAWN}


@strawberry.input(description="Changes to a need; omitted fields stay as they are. 需求修改")
class NeedUpdateInput:
    id: strawberry.ID = strawberry.field(description="The need. 需求")
    title: str | None = strawberry.field(default=None, description="Title. 标题")
    detail: str | None = strawberry.field(default=None, description="Details. 详情")
    quantity: float | None = strawberry.field(
        default=None, description="Quantity asked; not below what claims commit. 需求数量"
    )
    unit: str | None = strawberry.field(default=None, description="Unit. 单位")
    urgency: int | None = strawberry.field(default=None, description="1 low .. 3 urgent. 紧急程度")
    due_on: datetime.date | None = strawberry.field(default=None, description="Due by. 截止日期")
    status: NeedStatus | None = strawberry.field(
        default=None,
        description="OPEN (reopen), CLOSED or WITHDRAWN; the others follow the claims. 状态",
    )


async def need_update(info: Info, input: NeedUpdateInput) -> NeedPayload:
    p = Problems()
    need_id = p.id_of("input.id", input.id, "Need")
    changes: dict[str, Any] = {
        "title": p.text("input.title", input.title),
        "detail": p.text("input.detail", input.detail),
        "unit": p.text("input.unit", input.unit),
        "quantity": p.positive("input.quantity", input.quantity, required=False),
        "urgency": p.between("input.urgency", input.urgency, 1, 3),
        "dueOn": input.due_on,
    }
    if input.status is not None:
        if input.status not in SETTABLE:
            p.add(
                "input.status",
                ErrorCode.INVALID_TRANSITION,
                f"input.status: {input.status.name} follows the claims and cannot be set",
            )
        changes["status"] = input.status.value
    if p or need_id is None:
        return NeedPayload(need=None, errors=p.errors)
    changes = {k: v for k, v in changes.items() if v is not None}
    params = {"id": need_id, "changes": changes, **audit(info)}

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        row = await update_checked(
            tx, info, "update_need", params, [Ref("input.id", need_id, ("Need",))]
        )
        # raisedOn is never among the changes, so the written need still has the one the
        # check was about; refusing here rolls the write back like refusing before it.
        if "dueOn" in changes and changes["dueOn"] < native(row["props"]["raisedOn"]):
            raise Rejected.one("input.dueOn", ErrorCode.INVALID, "input.dueOn is before raisedOn")
        if float(row["props"]["quantity"]) < float(row["committed"]):
            raise Rejected.one(
                "input.quantity",
                ErrorCode.BELOW_COMMITTED,
                f"input.quantity: claims already commit {row['committed']:g}",
            )
        if changes.get("status") == "withdrawn" and int(row["activeClaims"]) > 0:
            raise Rejected.one(
                "input.status",
                ErrorCode.NOT_ALLOWED,
                f"input.status: {row['activeClaims']} active claims; withdraw them first",
            )
        return dict(row)

    result = await write_or_errors(info, work, "lists/update_need")
    if isinstance(result, list):
        return NeedPayload(need=None, errors=result)
    return NeedPayload(need=Need.from_node(props_of(written(result))), errors=[])
