"""claimCreate: an organisation or person claims a need or project (认领), optionally drawing
on a resource it offers.

Rules, checked in the claim's own transaction after the claim is written (the write locks
the need and the resource, so concurrent claims queue): a need's claims never commit more
than it asks; a resource's claims never draw more than its capacity; a claimant only draws
on resources it offers. A broken rule rolls the whole claim back.
"""

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
    UserError,
    audit,
    new_id,
    require,
    today,
    write_or_errors,
    written,
)
from schema.lists.mutations.payloads import ACTOR_LABELS, ClaimPayload, props_of
from schema.lists.types import Claim

OPEN_NEED = ("open", "partly_met")
OPEN_PROJECT = ("proposed", "open_pool", "claimed")


@strawberry.input(description="A claim on a need or project. 认领")
class ClaimCreateInput:
    target: strawberry.ID = strawberry.field(description="The need or project. 认领对象")
    claimant: strawberry.ID = strawberry.field(
        description="Who claims: an organisation or person. 认领人"
    )
    quantity: float | None = strawberry.field(
        default=None,
        description="Quantity committed, more than 0; required on a need or with a resource. 承诺数量",
    )
    resource: strawberry.ID | None = strawberry.field(
        default=None, description="A resource the claimant offers, to draw on. 使用资源"
    )


def _check_target(target: dict[str, Any], is_need: bool) -> None:
    status = target.get("status")
    if status not in (OPEN_NEED if is_need else OPEN_PROJECT):
        kind = "need" if is_need else "project"
        raise Rejected.one("input.target", ErrorCode.NOT_OPEN, f"the {kind} is {status}")


def _check_totals(
    row: dict[str, Any], target: dict[str, Any], is_need: bool, resource: dict[str, Any] | None
) -> None:
    errors: list[UserError] = []
    if is_need and float(row["targetCommitted"]) > float(target["quantity"]):
        already = float(row["targetCommitted"]) - float(row["props"]["quantity"])
        errors.append(
            UserError(
                field="input.quantity",
                code=ErrorCode.EXCEEDS_NEED,
                message=f"input.quantity: the need asks {target['quantity']:g} and "
                f"{already:g} is already committed",
            )
        )
    if resource is not None:
        if not row["offersResource"]:
            errors.append(
                UserError(
                    field="input.resource",
                    code=ErrorCode.NOT_PROVIDER,
                    message="input.resource: the claimant does not offer this resource",
                )
            )
        if float(row["resourceCommitted"]) > float(resource["capacity"]):
            already = float(row["resourceCommitted"]) - float(row["props"]["quantity"])
            errors.append(
                UserError(
                    field="input.quantity",
                    code=ErrorCode.EXCEEDS_CAPACITY,
                    message=f"input.quantity: the resource offers {resource['capacity']:g} and "
                    f"{already:g} is already drawn on",
                )
            )
    if errors:
        raise Rejected(errors)


async def claim_create(info: Info, input: ClaimCreateInput) -> ClaimPayload:
    p = Problems()
    target = p.typed_id_of("input.target", input.target, "Need", "Project")
    is_need = target is not None and target[0] == "Need"
    claimant_id = p.id_of("input.claimant", input.claimant, *ACTOR_LABELS)
    resource_id = p.id_of("input.resource", input.resource, "Resource") if input.resource else None
    p.positive("input.quantity", input.quantity, required=is_need or resource_id is not None)
    if p or target is None or claimant_id is None:
        return ClaimPayload(claim=None, errors=p.errors)
    target_id = target[1]
    refs = [
        Ref("input.target", target_id, ("Need",) if is_need else ("Project",)),
        Ref("input.claimant", claimant_id, ACTOR_LABELS),
    ]
    if resource_id:
        refs.append(Ref("input.resource", resource_id, ("Resource",)))
    stamp = audit(info)
    params = {
        "id": new_id("claim", None),
        "props": {
            "kind": "need" if is_need else "project",
            "quantity": input.quantity,
            "delivered": 0.0,
            "status": "active",
            "claimedOn": today(),
        },
        "targetId": target_id,
        "claimantId": claimant_id,
        "resourceId": resource_id,
        **stamp,
    }

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        found = await require(tx, info, refs, claim_access(info.context.viewer))
        claimed = dict(found["input.target"])
        resource = dict(found["input.resource"]) if resource_id else None
        _check_target(claimed, is_need)
        if resource is not None and resource.get("status") != "active":
            raise Rejected.one("input.resource", ErrorCode.NOT_OPEN, "the resource is withdrawn")
        row = dict(written(await lists.write_one(tx, "create_claim", params)))
        _check_totals(row, claimed, is_need, resource)
        if is_need:
            await lists.write_one(tx, "refresh_need_status", {"id": target_id})
        else:
            await lists.write_one(tx, "mark_project_claimed", {"id": target_id, **stamp})
        return row

    result = await write_or_errors(info, work, "lists/create_claim")
    if isinstance(result, list):
        return ClaimPayload(claim=None, errors=result)
    return ClaimPayload(claim=Claim.from_node(props_of(result)), errors=[])
