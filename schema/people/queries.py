"""Root fields for people."""

from __future__ import annotations

import strawberry

from graph.nodes import Order
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import family_page
from schema.people.filters import PersonFilter, person_filter
from schema.people.types import Person


@strawberry.type
class PeopleQueries:
    """Root query fields of this domain (composed into Query in schema/api.py)."""

    @strawberry.field(description="People, by name. 人员列表")
    async def people(
        self,
        info: Info,
        filter: PersonFilter | None = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Person]:
        flt = person_filter(filter)
        return await family_page(info, "Person", flt, Order("name"), first, after, last, before)
