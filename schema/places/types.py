"""Places (地点): the governance tree district > street > community > grid > ..., each a type
named as its label, all implementing the `Place` interface (schema/places/place.py).

The child lists and grid workers say what they list (`listing_form`): a nested selection of
them is one statement when every field below is a property or another such list
(schema/core/projection.py), else one round trip per level through the batched executor or
the per-request DataLoaders, whatever the number of items.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph.nodes import NodeFilter, Order
from schema.core.batched import answers_batches
from schema.core.connection import After, Before, Connection, First, Last, window_of
from schema.core.context import Info
from schema.core.projection import Listing, ListingOf, filtered_listing, listed, listing_form
from schema.core.relay import entity, personal, related
from schema.lists.filters import AgreementFilter, ListOrder, agreement_filter, list_order
from schema.people.enums import GRID_ROLES
from schema.places.enums import (
    CommunityKind,
    DistrictKind,
    FunctionalGridKind,
    GridColour,
    ServiceStationKind,
    StreetKind,
)
from schema.places.filters import PlaceFilter, PlaceOrder, place_filter, place_order
from schema.places.place import (
    AGREEMENTS_WITH,
    CHILDREN,
    MANAGED_BY,
    OVERLAYS,
    REPORTED_TO,
    RESIDENTS,
    ROLES_HERE,
    Lazy,
    Place,
    place_role,
)

if TYPE_CHECKING:
    from schema.lists.types import Agreement
    from schema.organisations.types import PropertyCompany
    from schema.people.roles import DualReport, PlaceRole
    from schema.people.types import Person

__all__ = ["Place"]


async def _children(
    info: Info,
    place: Place,
    labels: tuple[str, ...],
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    given: PlaceFilter | None,
    order_by: PlaceOrder | None,
) -> Connection[Any]:
    listing = _children_listing(labels)(info, first, after, last, before, given, order_by)
    return await listed(info, place, listing)


def _children_filter(given: PlaceFilter | None, labels: tuple[str, ...]) -> NodeFilter:
    flt = place_filter(given, labels)
    if flt.labels != labels:  # a typed list keeps to its own kind
        flt = NodeFilter(labels=labels, text=flt.text, under_id=flt.under_id)
    return flt


@cache
def _children_listing(labels: tuple[str, ...]) -> ListingOf:
    """What a place's list of children of `labels` lists, for its arguments."""
    return filtered_listing(
        CHILDREN,
        lambda given: _children_filter(given, labels),
        place_order,
        labels[0] if len(labels) == 1 else None,
    )


def _children_of_many(labels: tuple[str, ...]) -> Callable[..., Awaitable[list[Any]]]:
    """`_children` for a batch of places (schema/core/batched.py `answers_batches`)."""
    return listing_form(_children_listing(labels))


def _workers_listing(
    info: Info,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Listing:
    """`Grid.workers`: the current grid roles held at the grid, each with its person."""
    from schema.people.types import Person

    return Listing(
        ROLES_HERE,
        _grid_roles_filter(),
        Order(),
        window_of(info, first, after, last, before),
        Person,
        role=True,
    )


_workers_of_many = listing_form(_workers_listing, make=place_role)


@cache
def _grid_roles_filter() -> NodeFilter:
    """The current grid roles: the same for every grid, so built once, not per grid listed."""
    from schema.people.roles import role_filter

    return role_filter(list(GRID_ROLES))


@entity
@strawberry.type(description="District or county, top of a local hierarchy. 区/县")
class District(Place):
    kind: DistrictKind = strawberry.field(description="District or county. 区或县")

    @strawberry.field(description="Its streets and towns. 街道/乡镇")
    @answers_batches(_children_of_many(("Street",)))
    async def streets(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: PlaceFilter | None = None,
        order_by: PlaceOrder | None = None,
    ) -> Connection[Street]:
        return await _children(
            info, self, ("Street",), first, after, last, before, filter, order_by
        )


@entity
@strawberry.type(description="Street (subdistrict) or town. 街道/乡镇")
class Street(Place):
    kind: StreetKind = strawberry.field(description="Street or town. 街道或乡镇")

    @strawberry.field(description="Its communities and villages. 社区/村")
    @answers_batches(_children_of_many(("Community",)))
    async def communities(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: PlaceFilter | None = None,
        order_by: PlaceOrder | None = None,
    ) -> Connection[Community]:
        return await _children(
            info, self, ("Community",), first, after, last, before, filter, order_by
        )


@entity
@strawberry.type(description="Community or village. 社区/村")
class Community(Place):
    kind: CommunityKind = strawberry.field(description="Community, village or resettlement. 类型")
    village_to_community: bool | None = strawberry.field(
        description="A village turned community. 村改居"
    )

    @strawberry.field(description="Its grids. 网格")
    @answers_batches(_children_of_many(("Grid",)))
    async def grids(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: PlaceFilter | None = None,
        order_by: PlaceOrder | None = None,
    ) -> Connection[Grid]:
        return await _children(info, self, ("Grid",), first, after, last, before, filter, order_by)

    @strawberry.field(description="Its residential compounds. 小区/楼院")
    @answers_batches(_children_of_many(("Compound",)))
    async def compounds(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: PlaceFilter | None = None,
        order_by: PlaceOrder | None = None,
    ) -> Connection[Compound]:
        return await _children(
            info, self, ("Compound",), first, after, last, before, filter, order_by
        )

    @strawberry.field(description="Joint-building agreements with this community. 共建协议")
    async def agreements(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: AgreementFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Agreement, Lazy("schema.lists.types")]]:
        return await related(
            info,
            self.external_id,
            AGREEMENTS_WITH,
            first,
            after,
            last,
            before,
            agreement_filter(filter),
            list_order(order_by),
        )

    @strawberry.field(
        description="Organisations and in-service party members reporting to this community. 双报到"
    )
    async def dual_reports(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[DualReport, Lazy("schema.people.roles")]]:
        from schema.people.roles import DualReport

        return await related(
            info,
            self.external_id,
            REPORTED_TO,
            first,
            after,
            last,
            before,
            make=lambda row: DualReport.to_community(row, self),
        )


@entity
@strawberry.type(description="Grid, the basic unit of grid management. 网格")
class Grid(Place):
    level: int = strawberry.field(description="Level 1, 2 or 3. 一级/二级/三级")
    colour: GridColour | None = strawberry.field(
        description="Five-colour layer, where it belongs to one. 五彩网格"
    )

    @strawberry.field(description="Its micro-grids. 微网格")
    @answers_batches(_children_of_many(("MicroGrid",)))
    async def micro_grids(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: PlaceFilter | None = None,
        order_by: PlaceOrder | None = None,
    ) -> Connection[MicroGrid]:
        return await _children(
            info, self, ("MicroGrid",), first, after, last, before, filter, order_by
        )

    @strawberry.field(
        description="Its grid leaders, grid workers, instructors and grid mediators. "
        "网格长/网格员/网格指导员/网格调解员"
    )
    @answers_batches(_workers_of_many)
    async def workers(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[PlaceRole, Lazy("schema.people.roles")]]:
        listing = _workers_listing(info, first, after, last, before)
        return await listed(info, self, listing, make=place_role)


@entity
@strawberry.type(
    description="Micro-grid: one alley in a village or one building in a compound. 微网格"
)
class MicroGrid(Place):
    pass


@entity
@strawberry.type(description="Functional grid overlaid on the same area. 功能网格")
class FunctionalGrid(Place):
    kind: FunctionalGridKind = strawberry.field(description="What it serves. 功能类型")

    @strawberry.field(description="The places it is laid over. 覆盖的地点")
    async def overlays(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Place]:
        return await related(info, self.external_id, OVERLAYS, first, after, last, before)


@entity
@strawberry.type(description="Residential compound (estate). 小区/楼院")
class Compound(Place):
    @strawberry.field(description="Property companies serving it. 物业服务企业")
    async def property_companies(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[PropertyCompany, Lazy("schema.organisations.types")]]:
        return await related(info, self.external_id, MANAGED_BY, first, after, last, before)


@entity
@strawberry.type(description="Building. 楼栋")
class Building(Place):
    pass


@entity
@strawberry.type(description="Entrance unit of a building. 单元")
class EntranceUnit(Place):
    pass


@entity
@strawberry.type(description="Alley in a village. 胡同")
class Alley(Place):
    pass


@entity
@strawberry.type(description="Household. 户")
class Household(Place):
    address_raw: strawberry.Private[str | None]

    @strawberry.field(
        description="Exact address; masked unless the viewer may see personal data. 详细地址"
    )
    def address(self, info: Info) -> str | None:
        return personal(info, self.address_raw)

    @strawberry.field(description="People living in it. 居民")
    async def residents(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Person, Lazy("schema.people.types")]]:
        return await related(info, self.external_id, RESIDENTS, first, after, last, before)


@entity
@strawberry.type(description="Service centre or station. 党群服务中心/综合服务站/邻里服务驿站")
class ServiceStation(Place):
    kind: ServiceStationKind = strawberry.field(description="Centre, station or post. 类型")
    services: list[str] | None = strawberry.field(
        description="Service items sunk into the station. 下沉服务事项"
    )


PLACE_TYPES = (
    District,
    Street,
    Community,
    Grid,
    MicroGrid,
    FunctionalGrid,
    Compound,
    Building,
    EntranceUnit,
    Alley,
    Household,
    ServiceStation,
)
