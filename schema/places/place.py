"""The `Place` interface (地点): what every place has, and its relationships.

Relationships resolve through the per-request DataLoaders (schema/core/relay.py helpers),
so a nested list costs one round trip per level, whatever the number of items.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph.nodes import Hop, NodeFilter, NodeRow, Order
from schema.core.batched import answers_batches
from schema.core.connection import After, Before, Connection, First, Last, window_of
from schema.core.context import Info
from schema.core.projection import Listing, ListingOf, filtered_listing, listed, listing_form
from schema.core.relay import Node, one, related
from schema.lists.filters import (
    ListOrder,
    NeedFilter,
    ProjectFilter,
    ResourceFilter,
    TaskFilter,
    list_order,
    need_filter,
    project_filter,
    resource_filter,
    task_filter,
)
from schema.people.enums import RoleKind
from schema.people.roles import CURRENT
from schema.places.filters import PlaceFilter, PlaceOrder, place_filter, place_order

if TYPE_CHECKING:
    from schema.lists.types import Need, Project, Resource, Task
    from schema.organisations.types import Organisation
    from schema.people.roles import PlaceRole
    from schema.places.types import FunctionalGrid

PARENT = Hop(("PART_OF",), "out")
CHILDREN = Hop(("PART_OF",), "in")
GOVERNED_BY = Hop(("GOVERNS",), "in")
HOSTS = Hop(("LOCATED_IN",), "in")
ROLES_HERE = Hop(("HOLDS_ROLE",), "in")
CONCERNED_BY = Hop(("CONCERNS",), "in")
RAISED = Hop(("RAISED",), "out")
OVERLAID_BY = Hop(("OVERLAYS",), "in")
OVERLAYS = Hop(("OVERLAYS",), "out")
AGREEMENTS_WITH = Hop(("WITH",), "in")
REPORTED_TO = Hop(("REPORTS_TO",), "in")
MANAGED_BY = Hop(("MANAGES",), "in")
RESIDENTS = Hop(("LIVES_IN",), "in")

ORGANISATION_LABELS = (
    "PartyOrganisation",
    "MemberUnit",
    "Department",
    "PropertyCompany",
    "OwnersCommittee",
    "ResidentsCommittee",
    "VolunteerTeam",
    "MediationCentre",
    "LegalOffice",
)
Lazy = strawberry.lazy


# What the lists below list for their arguments (schema/core/projection.py): their batch
# forms read a level at a time, or project a whole nested selection into one statement.


def _roles_listing(
    info: Info,
    roles: list[RoleKind] | None = None,
    current: bool = True,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Listing:
    from schema.people.roles import role_filter
    from schema.people.types import Person

    window = window_of(info, first, after, last, before)
    return Listing(ROLES_HERE, role_filter(roles, current), Order(), window, Person, role=True)


def place_role(row: NodeRow, place: Place) -> PlaceRole:
    """A role listed from its place: the row is the person."""
    from schema.people.roles import PlaceRole

    return PlaceRole.of(row, place)


def _concerning(label: str, filter_of: Callable[[Any], NodeFilter]) -> ListingOf:
    """The needs or projects concerning a place itself, filtered and ordered."""
    return filtered_listing(
        CONCERNED_BY, lambda given: replace(filter_of(given), labels=(label,)), list_order, label
    )


_NEEDS = _concerning("Need", need_filter)
_PROJECTS = _concerning("Project", project_filter)


@strawberry.interface(
    description="A place in the governance tree (district, street, community, grid, "
    "compound, building, household ...). 地点"
)
class Place(Node):
    name: str = strawberry.field(description="Name. 名称")
    code: str | None = strawberry.field(description="Administrative code. 行政区划代码")
    lat: float | None = strawberry.field(description="Latitude. 纬度")
    lon: float | None = strawberry.field(description="Longitude. 经度")
    population: int | None = strawberry.field(description="Population. 人口")
    invented: bool | None = strawberry.field(
        description="True where the seed articles give no such detail. 虚构"
    )

    @strawberry.field(description="The place this one is part of. 上级地点")
    async def parent(self, info: Info) -> Place | None:
        return await one(info, self.external_id, PARENT, Place)

    @strawberry.field(description="Places directly inside this one. 下级地点")
    async def children(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: PlaceFilter | None = None,
        order_by: PlaceOrder | None = None,
    ) -> Connection[Place]:
        flt, order = place_filter(filter), place_order(order_by)
        return await related(
            info, self.external_id, CHILDREN, first, after, last, before, flt, order
        )

    @strawberry.field(
        description="Organisations responsible for this place (community party committee, "
        "residents' committee, grid branch ...). 负责组织"
    )
    async def governed_by(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Organisation, Lazy("schema.organisations.types")]]:
        return await related(info, self.external_id, GOVERNED_BY, first, after, last, before)

    @strawberry.field(description="Organisations located here. 驻地组织")
    async def organisations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Organisation, Lazy("schema.organisations.types")]]:
        flt = NodeFilter(labels=ORGANISATION_LABELS)
        return await related(info, self.external_id, HOSTS, first, after, last, before, flt)

    @strawberry.field(description="People holding roles at this place. 在此任职的人员")
    @answers_batches(listing_form(_roles_listing, make=place_role))
    async def roles(
        self,
        info: Info,
        roles: Annotated[
            list[RoleKind] | None,
            strawberry.argument(description="Only these roles. 角色"),
        ] = None,
        current: Annotated[bool, strawberry.argument(description=CURRENT)] = True,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[PlaceRole, Lazy("schema.people.roles")]]:
        listing = _roles_listing(info, roles, current, first, after, last, before)
        return await listed(info, self, listing, make=place_role)

    @strawberry.field(description="Needs concerning this place itself. 本地需求")
    @answers_batches(listing_form(_NEEDS))
    async def needs(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: NeedFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Need, Lazy("schema.lists.types")]]:
        listing = _NEEDS(info, first, after, last, before, filter, order_by)
        return await listed(info, self, listing)

    @strawberry.field(description="Projects concerning this place itself. 本地项目")
    @answers_batches(listing_form(_PROJECTS))
    async def projects(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: ProjectFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Project, Lazy("schema.lists.types")]]:
        listing = _PROJECTS(info, first, after, last, before, filter, order_by)
        return await listed(info, self, listing)

    @strawberry.field(description="Tasks concerning this place itself. 本地任务")
    async def tasks(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: TaskFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Task, Lazy("schema.lists.types")]]:
        flt = replace(task_filter(filter), labels=("Task",))
        return await related(
            info,
            self.external_id,
            CONCERNED_BY,
            first,
            after,
            last,
            before,
            flt,
            list_order(order_by),
        )

    @strawberry.field(description="Resources located at this place. 本地资源")
    async def resources(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: ResourceFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Resource, Lazy("schema.lists.types")]]:
        flt = replace(resource_filter(filter), labels=("Resource",))
        return await related(
            info, self.external_id, HOSTS, first, after, last, before, flt, list_order(order_by)
        )

    @strawberry.field(description="Needs this place raised itself. 本地提出的需求")
    async def raised_needs(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: NeedFilter | None = None,
        order_by: ListOrder | None = None,
    ) -> Connection[Annotated[Need, Lazy("schema.lists.types")]]:
        return await related(
            info,
            self.external_id,
            RAISED,
            first,
            after,
            last,
            before,
            need_filter(filter),
            list_order(order_by),
        )

    @strawberry.field(description="Functional grids laid over this place. 覆盖本地的功能网格")
    async def overlaid_by(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[FunctionalGrid, Lazy("schema.places.types")]]:
        return await related(info, self.external_id, OVERLAID_BY, first, after, last, before)
