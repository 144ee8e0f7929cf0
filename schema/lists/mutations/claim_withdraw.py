"""claimWithdraw: withdraw an active claim; the need it was on opens up again."""

from __future__ import annotations

from typing import Any

import strawberry
from neo4j import AsyncManagedTransaction

from graph import lists
from graph.nodes import Ref
from schema.core.access import claim_access
from schema.core.context import Info
from schema.core.payloads import (
    ErrorCode,
    Problems,
    Rejected,
    audit,
    require,
    write_or_errors,
)
from schema.lists.mutations.payloads import ClaimPayload, props_of
from schema.lists.types import Claim


@strawberry.input(description="The claim to withdraw. 撤回认领")
class ClaimWithdrawInput:
    id: strawberry.ID = strawberry.field(description="The claim. 认领")


async def claim_withdraw(info: Info, input: ClaimWithdrawInput) -> ClaimPayload:
    p = Problems()
    claim_id = p.id_of("input.id", input.id, "Claim")
    if p or claim_id is None:
        return ClaimPayload(claim=None, errors=p.errors)

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        refs = [Ref("input.id", claim_id, ("Claim",))]
        before = (await require(tx, info, refs, claim_access(info.context.viewer)))["input.id"]
        if before.get("status") != "active":
            raise Rejected.one(
                "input.id",
                ErrorCode.INVALID_TRANSITION,
                f"input.id: the claim is {before.get('status')}",
            )
        row = await lists.write_one(tx, "withdraw_claim", {"id": claim_id, **audit(info)})
        if row is None:
            raise Rejected.one("input.id", ErrorCode.NOT_FOUND, "input.id: no such claim")
        if row["targetIsNeed"]:
            await lists.write_one(tx, "refresh_need_status", {"id": row["targetId"]})
        return dict(row)

    result = await write_or_errors(info, work, "lists/withdraw_claim")
    if isinstance(result, list):
        return ClaimPayload(claim=None, errors=result)
    return ClaimPayload(claim=Claim.from_node(props_of(result)), errors=[])
