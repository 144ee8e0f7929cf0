"""Root fields for organisations."""

from __future__ import annotations

import strawberry

from graph.nodes import Order
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import family_page
from schema.organisations.filters import OrganisationFilter, organisation_filter
from schema.organisations.types import Organisation


@strawberry.type
class OrganisationsQueries:
    """Root query fields of this domain (composed into Query in schema/api.py)."""

    @strawberry.field(description="Organisations of every kind, by name. 组织列表")
    async def organisations(
        self,
        info: Info,
        filter: OrganisationFilter | None = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Organisation]:
        flt = organisation_filter(filter)
        return await family_page(
            info, "Organisation", flt, Order("name"), first, after, last, before
        )
