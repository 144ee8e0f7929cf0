"""Payloads of the people mutations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry

from graph.nodes import NodeRow, row_of
from schema.core.payloads import UserError
from schema.people.roles import Role, role_of_person
from schema.people.types import Person
from schema.points.types import PointAccount

ERRORS = "What stopped the write; empty when it succeeded. 错误"


def role_from(row: Mapping[str, Any]) -> Role:
    """A role from a write's row: `person` and `at` maps, the relationship in `at.rel`."""
    person = Person.from_node(row_of(row["person"]).props)
    at: NodeRow = row_of(row["at"])
    return role_of_person(at, person)


@strawberry.type(description="Result of a write to a role. 角色变更结果")
class RolePayload:
    role: Role | None = strawberry.field(description="The role as written. 角色")
    errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.type(description="Result of a volunteer's sign-up. 志愿者注册结果")
class VolunteerSignUpPayload:
    person: Person | None = strawberry.field(description="The volunteer. 志愿者")
    role: Role | None = strawberry.field(description="The volunteer role taken. 志愿者角色")
    point_account: PointAccount | None = strawberry.field(
        description="Their points account (opened if they had none). 积分账户"
    )
    errors: list[UserError] = strawberry.field(description=ERRORS)
