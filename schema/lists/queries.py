"""Root fields for the four lists, claims, agreements and categories."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.nodes import NodeFilter, Order
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import family_page
from schema.lists.enums import ClaimStatus
from schema.lists.filters import (
    AgreementFilter,
    ListOrder,
    NeedFilter,
    ProjectFilter,
    ResourceFilter,
    TaskFilter,
    agreement_filter,
    list_order,
    need_filter,
    project_filter,
    resource_filter,
    task_filter,
)
from schema.lists.types import Agreement, Category, Claim, Need, Project, Resource, Task


@strawberry.type
class ListsQueries:
    """Root query fields of this domain (composed into Query in schema/api.py)."""

    @strawberry.field(description="The needs list, filtered and ordered. 需求清单")
    async def needs(
        self,
        info: Info,
        filter: NeedFilter | None = None,
        order_by: ListOrder | None = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Need]:
        flt, order = need_filter(filter), list_order(order_by)
        return await family_page(info, "Need", flt, order, first, after, last, before)

    @strawberry.field(description="The resources list, filtered and ordered. 资源清单")
    async def resources(
        self,
        info: Info,
        filter: ResourceFilter | None = None,
        order_by: ListOrder | None = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Resource]:
        flt, order = resource_filter(filter), list_order(order_by)
        return await family_page(info, "Resource", flt, order, first, after, last, before)

    @strawberry.field(description="The projects list, filtered and ordered. 项目清单")
    async def projects(
        self,
        info: Info,
        filter: ProjectFilter | None = None,
        order_by: ListOrder | None = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Project]:
        flt, order = project_filter(filter), list_order(order_by)
        return await family_page(info, "Project", flt, order, first, after, last, before)

    @strawberry.field(description="The tasks list, filtered and ordered. 任务清单")
    async def tasks(
        self,
        info: Info,
        filter: TaskFilter | None = None,
        order_by: ListOrder | None = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Task]:
        flt, order = task_filter(filter), list_order(order_by)
        return await family_page(info, "Task", flt, order, first, after, last, before)

    @strawberry.field(description="Joint-building agreements. 共建协议")
    async def agreements(
        self,
        info: Info,
        filter: AgreementFilter | None = None,
        order_by: ListOrder | None = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Agreement]:
        flt, order = agreement_filter(filter), list_order(order_by)
        return await family_page(info, "Agreement", flt, order, first, after, last, before)

    @strawberry.field(description="Claims on needs and projects, newest first. 认领")
    async def claims(
        self,
        info: Info,
        status: Annotated[
            list[ClaimStatus] | None, strawberry.argument(description="Any of these. 状态")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Claim]:
        flt = NodeFilter(equals=(("status", tuple(s.value for s in status)),) if status else ())
        order = Order("claimedOn", desc=True)
        return await family_page(info, "Claim", flt, order, first, after, last, before)

    @strawberry.field(description="Categories of the shared taxonomy, by name. 分类")
    async def categories(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Category]:
        return await family_page(
            info, "Category", NodeFilter(), Order("name"), first, after, last, before
        )
