"""roleAssign: a person takes a role at a place or in an organisation (担任)."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from neo4j import AsyncManagedTransaction

from graph import people
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
from schema.lists.mutations.payloads import ORGANISATION_LABELS, PLACE_LABELS
from schema.people.enums import RoleKind
from schema.people.mutations.payloads import RolePayload, role_from


@strawberry.input(description="A role to give a person. 任职")
class RoleAssignInput:
    person: strawberry.ID = strawberry.field(description="Who. 人员")
    at: strawberry.ID = strawberry.field(
        description="The place or organisation where the role is held. 任职地点或组织"
    )
    role: RoleKind = strawberry.field(description="Which role. 角色")
    since: datetime.date | None = strawberry.field(default=None, description="Since. 起始日期")
    full_time: bool | None = strawberry.field(
        default=None, description="Full-time (else part-time). 专职"
    )
    claimed: bool | None = strawberry.field(
        default=None, description="Claimed by an in-service party member. 在职党员认领"
    )


async def take_role(
    tx: AsyncManagedTransaction, info: Info, person_id: str, at_id: str, props: dict[str, Any]
) -> dict[str, Any]:
    """Write the role, refusing one the person holds already at the same place."""
    row = dict(
        written(
            await people.write_one(
                tx,
                "create_role",
                {"personId": person_id, "atId": at_id, "props": props, **audit(info)},
            )
        )
    )
    if int(row["holding"]) > 1:
        raise Rejected.one(
            "input.role",
            ErrorCode.ALREADY_HOLDS,
            f"input.role: already holds {props['role']} there",
        )
    return row


async def role_assign(info: Info, input: RoleAssignInput) -> RolePayload:
    p = Problems()
    person_id = p.id_of("input.person", input.person, "Person")
    at_id = p.id_of("input.at", input.at, *PLACE_LABELS, *ORGANISATION_LABELS)
    if p or person_id is None or at_id is None:
        return RolePayload(role=None, errors=p.errors)
    props = {
        "role": input.role.value,
        "since": input.since,
        "fullTime": input.full_time,
        "claimed": input.claimed,
    }
    refs = [
        Ref("input.person", person_id, ("Person",)),
        Ref("input.at", at_id, (*PLACE_LABELS, *ORGANISATION_LABELS)),
    ]

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        await require(tx, info, refs)
        return await take_role(
            tx, info, person_id, at_id, {k: v for k, v in props.items() if v is not None}
        )

    result = await write_or_errors(info, work, "people/create_role")
    if isinstance(result, list):
        return RolePayload(role=None, errors=result)
    return RolePayload(role=role_from(result), errors=[])
