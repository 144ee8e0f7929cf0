"""Root fields for places."""

from __future__ import annotations

import strawberry

from graph.nodes import NodeFilter
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import family_page
from schema.places.filters import PlaceFilter, PlaceOrder, place_filter, place_order
from schema.places.types import District, Place


@strawberry.type
class PlacesQueries:
    """Root query fields of this domain (composed into Query in schema/api.py)."""

    @strawberry.field(description="Places of every kind, filtered and ordered. 地点列表")
    async def places(
        self,
        info: Info,
        filter: PlaceFilter | None = None,
        order_by: PlaceOrder | None = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Place]:
        flt, order = place_filter(filter), place_order(order_by)
        return await family_page(info, "Place", flt, order, first, after, last, before)

    @strawberry.field(description="Districts and counties: the tops of the trees. 区/县列表")
    async def districts(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[District]:
        flt = NodeFilter(labels=("District",))
        return await family_page(info, "Place", flt, place_order(None), first, after, last, before)
