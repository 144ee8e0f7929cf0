"""volunteerSignUp: someone signs up as a volunteer (志愿者) of a community: the volunteer role
there, optionally a team, their skills and days, and a points account to earn into."""

from __future__ import annotations

from typing import Any

import strawberry
from neo4j import AsyncManagedTransaction

from graph import people, points
from graph.nodes import Ref, row_of
from schema.core.context import Info
from schema.core.payloads import (
    ErrorCode,
    Problems,
    audit,
    new_id,
    refuse_taken,
    require,
    today,
    write_or_errors,
    written,
)
from schema.people.mutations.payloads import VolunteerSignUpPayload, role_from
from schema.people.mutations.role_assign import take_role
from schema.people.types import Person
from schema.points.types import PointAccount


@strawberry.input(
    description="A volunteer signing up: a person already known, or a new one by name. 志愿者注册"
)
class VolunteerSignUpInput:
    community: strawberry.ID = strawberry.field(description="The community served. 服务社区")
    person: strawberry.ID | None = strawberry.field(
        default=None, description="A person already in the graph. 人员"
    )
    name: str | None = strawberry.field(
        default=None, description="The name of a new person (when `person` is omitted). 姓名"
    )
    phone: str | None = strawberry.field(default=None, description="A new person's phone. 手机号")
    team: strawberry.ID | None = strawberry.field(
        default=None, description="A volunteer team to join. 志愿服务组织"
    )
    skills: list[str] | None = strawberry.field(default=None, description="Skills. 技能")
    available_days: list[int] | None = strawberry.field(
        default=None, description="Days of the week (1-7) available. 可服务日"
    )


async def volunteer_sign_up(info: Info, input: VolunteerSignUpInput) -> VolunteerSignUpPayload:
    p = Problems()
    community_id = p.id_of("input.community", input.community, "Community")
    person_id = p.id_of("input.person", input.person, "Person") if input.person else None
    name = p.text("input.name", input.name, required=input.person is None)
    if input.person is not None and input.name is not None:
        p.add("input.name", ErrorCode.INVALID, "input.name: give `person` or `name`, not both")
    phone = p.text("input.phone", input.phone)
    team_id = p.id_of("input.team", input.team, "VolunteerTeam") if input.team else None
    skills = [
        s for s in (p.text(f"input.skills[{i}]", s) for i, s in enumerate(input.skills or [])) if s
    ]
    for i, d in enumerate(input.available_days or []):
        p.between(f"input.availableDays[{i}]", d, 1, 7)
    if p or community_id is None:
        return VolunteerSignUpPayload(person=None, role=None, point_account=None, errors=p.errors)
    new_person = person_id is None
    person_id = person_id or new_id("person", None)
    refs = [Ref("input.community", community_id, ("Community",))]
    if not new_person:
        refs.append(Ref("input.person", person_id, ("Person",)))
    if team_id:
        refs.append(Ref("input.team", team_id, ("VolunteerTeam",)))
    stamp = audit(info)

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        await require(tx, info, refs)
        if new_person:
            await refuse_taken(tx, "input.name", person_id)
            props = {"name": name, "phone": phone}
            await people.write_one(tx, "create_person", {"id": person_id, "props": props, **stamp})
        profile = written(
            await people.write_one(
                tx,
                "update_volunteer_profile",
                {
                    "id": person_id,
                    "skills": skills if input.skills is not None else None,
                    "availableDays": sorted(set(input.available_days))
                    if input.available_days is not None
                    else None,
                    **stamp,
                },
            )
        )
        role = await take_role(
            tx, info, person_id, community_id, {"role": "volunteer", "since": today()}
        )
        if team_id:
            params = {"personId": person_id, "teamId": team_id, "since": today(), **stamp}
            await people.write_one(tx, "join_team", params)
        account = written(
            await points.write_one(
                tx,
                "open_account",
                {
                    "ownerId": person_id,
                    "id": new_id("account", None),
                    "kind": "person",
                    "name": None,
                    **stamp,
                },
            )
        )
        return {"profile": profile, "role": role, "account": account}

    result = await write_or_errors(info, work, "people/sign_up_volunteer")
    if isinstance(result, list):
        return VolunteerSignUpPayload(person=None, role=None, point_account=None, errors=result)
    return VolunteerSignUpPayload(
        person=Person.from_node(row_of(result["profile"]).props),
        role=role_from(result["role"]),
        point_account=PointAccount.from_node(row_of(result["account"]).props),
        errors=[],
    )
