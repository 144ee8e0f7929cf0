"""Root mutation fields of the people domain, one mutation per module."""

from __future__ import annotations

import strawberry

from schema.core.context import Info
from schema.people.mutations.payloads import RolePayload, VolunteerSignUpPayload
from schema.people.mutations.role_assign import RoleAssignInput, role_assign
from schema.people.mutations.role_end import RoleEndInput, role_end
from schema.people.mutations.volunteer_sign_up import VolunteerSignUpInput, volunteer_sign_up


@strawberry.type
class PeopleMutations:
    """Root mutation fields of this domain (composed into Mutation in schema/api.py)."""

    @strawberry.mutation(description="Give a person a role at a place or organisation. 任职")
    async def role_assign(self, info: Info, input: RoleAssignInput) -> RolePayload:
        return await role_assign(info, input)

    @strawberry.mutation(description="End a person's role. 卸任")
    async def role_end(self, info: Info, input: RoleEndInput) -> RolePayload:
        return await role_end(info, input)

    @strawberry.mutation(description="Sign up a volunteer with a community. 志愿者注册")
    async def volunteer_sign_up(
        self, info: Info, input: VolunteerSignUpInput
    ) -> VolunteerSignUpPayload:
        return await volunteer_sign_up(info, input)
