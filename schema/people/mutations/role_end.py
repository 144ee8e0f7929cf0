"""roleEnd: a person steps down from a role (the role keeps its history with an end date)."""

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
    today,
    write_or_errors,
)
from schema.lists.mutations.payloads import ORGANISATION_LABELS, PLACE_LABELS
from schema.people.enums import RoleKind
from schema.people.mutations.payloads import RolePayload, role_from


@strawberry.input(description="A role to end. 卸任")
class RoleEndInput:
    person: strawberry.ID = strawberry.field(description="Who. 人员")
    at: strawberry.ID = strawberry.field(description="Where the role is held. 任职地点或组织")
    role: RoleKind = strawberry.field(description="Which role. 角色")
    until: datetime.date | None = strawberry.field(
        default=None, description="Last day; today when omitted. 截止日期"
    )


async def role_end(info: Info, input: RoleEndInput) -> RolePayload:
    p = Problems()
    person_id = p.id_of("input.person", input.person, "Person")
    at_id = p.id_of("input.at", input.at, *PLACE_LABELS, *ORGANISATION_LABELS)
    if p or person_id is None or at_id is None:
        return RolePayload(role=None, errors=p.errors)
    refs = [
        Ref("input.person", person_id, ("Person",)),
        Ref("input.at", at_id, (*PLACE_LABELS, *ORGANISATION_LABELS)),
    ]
    params = {
        "personId": person_id,
        "atId": at_id,
        "role": input.role.value,
        "until": input.until or today(),
        **audit(info),
    }

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        await require(tx, info, refs)
        row = await people.write_one(tx, "end_role", params)
        if row is None:
            raise Rejected.one(
                "input.role",
                ErrorCode.NOT_FOUND,
                f"input.role: holds no active {input.role.name} role there",
            )
        since = row["at"]["rel"].get("since")
        if since is not None and since.to_native() > params["until"]:
            raise Rejected.one("input.until", ErrorCode.INVALID, f"input.until is before {since}")
        return dict(row)

    result = await write_or_errors(info, work, "people/end_role")
    if isinstance(result, list):
        return RolePayload(role=None, errors=result)
    return RolePayload(role=role_from(result), errors=[])
