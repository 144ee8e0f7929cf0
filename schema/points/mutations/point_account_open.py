"""pointAccountOpen: open a points account for a person or organisation, or an issuer's or
shop's account with no owner in the graph."""

from __future__ import annotations

from typing import Any

import strawberry
from neo4j import AsyncManagedTransaction

from graph import points
from graph.nodes import Ref
from schema.core.context import Info
from schema.core.payloads import (
    ErrorCode,
    Problems,
    audit,
    new_id,
    refuse_taken,
    require,
    write_or_errors,
    written,
)
from schema.lists.mutations.payloads import ACTOR_LABELS, props_of
from schema.points.enums import PointAccountKind
from schema.points.mutations.payloads import PointAccountPayload
from schema.points.types import PointAccount


@strawberry.input(description="An account to open. 开立积分账户")
class PointAccountOpenInput:
    kind: PointAccountKind = strawberry.field(description="Whose account. 账户类型")
    owner: strawberry.ID | None = strawberry.field(
        default=None,
        description="The person or organisation it belongs to; required for PERSON; an "
        "owner with an account keeps it. 账户所有人",
    )
    name: str | None = strawberry.field(default=None, description="Name. 名称")
    external_id: str | None = strawberry.field(
        default=None, description="The source system's key; generated when omitted. 外部编号"
    )


async def point_account_open(info: Info, input: PointAccountOpenInput) -> PointAccountPayload:
    p = Problems()
    owner_id = p.id_of("input.owner", input.owner, *ACTOR_LABELS) if input.owner else None
    if input.kind is PointAccountKind.PERSON and input.owner is None:
        p.add("input.owner", ErrorCode.REQUIRED, "input.owner is required for a PERSON account")
    name = p.text("input.name", input.name)
    if p:
        return PointAccountPayload(point_account=None, errors=p.errors)
    account_id = new_id("account", input.external_id)
    params = {"id": account_id, "kind": input.kind.value, "name": name, **audit(info)}

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        await refuse_taken(tx, "input.externalId", account_id)
        if owner_id is None:
            return dict(written(await points.write_one(tx, "create_account", params)))
        await require(tx, info, [Ref("input.owner", owner_id, ACTOR_LABELS)])
        row = await points.write_one(tx, "open_account", {"ownerId": owner_id, **params})
        return dict(written(row))

    result = await write_or_errors(info, work, "points/open_account")
    if isinstance(result, list):
        return PointAccountPayload(point_account=None, errors=result)
    return PointAccountPayload(point_account=PointAccount.from_node(props_of(result)), errors=[])
