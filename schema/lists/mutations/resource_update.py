"""resourceUpdate: change a resource; its capacity may not drop below what claims draw on."""

from __future__ import annotations

from typing import Any

import strawberry
from neo4j import AsyncManagedTransaction

from graph.nodes import Ref
from schema.core.context import Info
from schema.core.payloads import (
    ErrorCode,
    Problems,
    Rejected,
    audit,
    write_or_errors,
    written,
)
from schema.lists.enums import ResourceStatus
from schema.lists.mutations.checked import update_checked
from schema.lists.mutations.payloads import ResourcePayload, props_of
from schema.lists.types import Resource


@strawberry.input(description="Changes to a resource; omitted fields stay as they are. 资源修改")
class ResourceUpdateInput:
    id: strawberry.ID = strawberry.field(description="The resource. 资源")
    title: str | None = strawberry.field(default=None, description="Title. 标题")
    capacity: float | None = strawberry.field(
        default=None, description="Quantity on offer; not below what claims draw on. 可提供数量"
    )
    unit: str | None = strawberry.field(default=None, description="Unit. 单位")
    status: ResourceStatus | None = strawberry.field(
        default=None, description="Offer or withdraw it. 状态"
    )


async def resource_update(info: Info, input: ResourceUpdateInput) -> ResourcePayload:
    p = Problems()
    resource_id = p.id_of("input.id", input.id, "Resource")
    changes: dict[str, Any] = {
        "title": p.text("input.title", input.title),
        "unit": p.text("input.unit", input.unit),
        "capacity": p.positive("input.capacity", input.capacity, required=False),
        "status": input.status.value if input.status else None,
    }
    if p or resource_id is None:
        return ResourcePayload(resource=None, errors=p.errors)
    params = {
        "id": resource_id,
        "changes": {k: v for k, v in changes.items() if v is not None},
        **audit(info),
    }

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        row = await update_checked(
            tx, info, "update_resource", params, [Ref("input.id", resource_id, ("Resource",))]
        )
        if float(row["props"]["capacity"]) < float(row["committed"]):
            raise Rejected.one(
                "input.capacity",
                ErrorCode.BELOW_COMMITTED,
                f"input.capacity: claims already draw on {row['committed']:g}",
            )
        return dict(row)

    result = await write_or_errors(info, work, "lists/update_resource")
    if isinstance(result, list):
        return ResourcePayload(resource=None, errors=result)
    return ResourcePayload(resource=Resource.from_node(props_of(written(result))), errors=[])
