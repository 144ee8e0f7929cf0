"""Filter and order inputs of the four lists and agreements."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.nodes import NodeFilter, Order
from schema.core.connection import DateRangeInput, OrderDirection, date_range
from schema.core.relay import id_arg
from schema.lists.enums import NeedStatus, ProjectStatus, ResourceKind, ResourceStatus, TaskStatus
from schema.places.filters import PLACE_LABELS

TEXT = "Title contains this (two characters or more: CJK full-text phrase). 标题"
CATEGORY = "In this category or any of its sub-categories (its id). 分类（含子类）"
UNDER = "Concerning anywhere under this place (its id). 所属地点范围"


def _category(given: strawberry.ID | None) -> str | None:
    return id_arg("filter.category", given, "Category")


def _under(given: strawberry.ID | None) -> str | None:
    return id_arg("filter.under", given, *PLACE_LABELS)


@strawberry.input(description="Which needs to list. 需求筛选")
class NeedFilter:
    text: str | None = strawberry.field(default=None, description=TEXT)
    status: list[NeedStatus] | None = strawberry.field(
        default=None, description="Any of these statuses. 状态"
    )
    category: strawberry.ID | None = strawberry.field(default=None, description=CATEGORY)
    under: strawberry.ID | None = strawberry.field(default=None, description=UNDER)
    urgency: list[int] | None = strawberry.field(
        default=None, description="Any of these urgencies (1-3). 紧急程度"
    )
    raised_on: DateRangeInput | None = strawberry.field(
        default=None, description="Raised within. 提出日期"
    )
    due_on: DateRangeInput | None = strawberry.field(
        default=None, description="Due within. 截止日期"
    )


def need_filter(given: NeedFilter | None) -> NodeFilter:
    if given is None:
        return NodeFilter()
    equals: list[tuple[str, tuple[object, ...]]] = []
    if given.status:
        equals.append(("status", tuple(s.value for s in given.status)))
    if given.urgency:
        equals.append(("urgency", tuple(given.urgency)))
    return NodeFilter(
        equals=tuple(equals),
        dates=date_range("raisedOn", given.raised_on) + date_range("dueOn", given.due_on),
        text=given.text,
        category_id=_category(given.category),
        under_id=_under(given.under),
    )


@strawberry.input(description="Which resources to list. 资源筛选")
class ResourceFilter:
    text: str | None = strawberry.field(default=None, description=TEXT)
    status: list[ResourceStatus] | None = strawberry.field(
        default=None, description="Any of these statuses. 状态"
    )
    kind: list[ResourceKind] | None = strawberry.field(
        default=None, description="Any of these kinds. 资源类型"
    )
    category: strawberry.ID | None = strawberry.field(default=None, description=CATEGORY)
    under: strawberry.ID | None = strawberry.field(
        default=None, description="Located anywhere under this place (its id). 所属地点范围"
    )
    available_on_day: list[int] | None = strawberry.field(
        default=None, description="Available on any of these days of the week (1-7). 可用日"
    )


def resource_filter(given: ResourceFilter | None) -> NodeFilter:
    if given is None:
        return NodeFilter()
    equals: list[tuple[str, tuple[object, ...]]] = []
    if given.status:
        equals.append(("status", tuple(s.value for s in given.status)))
    if given.kind:
        equals.append(("kind", tuple(k.value for k in given.kind)))
    includes = (("days", tuple(given.available_on_day)),) if given.available_on_day else ()
    return NodeFilter(
        equals=tuple(equals),
        includes=includes,
        text=given.text,
        category_id=_category(given.category),
        under_id=_under(given.under),
    )


@strawberry.input(description="Which projects to list. 项目筛选")
class ProjectFilter:
    text: str | None = strawberry.field(default=None, description=TEXT)
    status: list[ProjectStatus] | None = strawberry.field(
        default=None, description="Any of these statuses. 状态"
    )
    category: strawberry.ID | None = strawberry.field(default=None, description=CATEGORY)
    under: strawberry.ID | None = strawberry.field(default=None, description=UNDER)
    claim_deadline: DateRangeInput | None = strawberry.field(
        default=None, description="Claim deadline within. 认领截止"
    )
    done_on: DateRangeInput | None = strawberry.field(
        default=None, description="Done within (实事). 完成日期"
    )


def project_filter(given: ProjectFilter | None) -> NodeFilter:
    if given is None:
        return NodeFilter()
    equals = (("status", tuple(s.value for s in given.status)),) if given.status else ()
    return NodeFilter(
        equals=equals,
        dates=date_range("claimDeadline", given.claim_deadline)
        + date_range("doneOn", given.done_on),
        text=given.text,
        category_id=_category(given.category),
        under_id=_under(given.under),
    )


@strawberry.input(description="Which tasks to list. 任务筛选")
class TaskFilter:
    text: str | None = strawberry.field(default=None, description=TEXT)
    status: list[TaskStatus] | None = strawberry.field(
        default=None, description="Any of these statuses. 状态"
    )
    category: strawberry.ID | None = strawberry.field(default=None, description=CATEGORY)
    under: strawberry.ID | None = strawberry.field(default=None, description=UNDER)
    due_on: DateRangeInput | None = strawberry.field(
        default=None, description="Due within. 截止日期"
    )


def task_filter(given: TaskFilter | None) -> NodeFilter:
    if given is None:
        return NodeFilter()
    equals = (("status", tuple(s.value for s in given.status)),) if given.status else ()
    return NodeFilter(
        equals=equals,
        dates=date_range("dueOn", given.due_on),
        text=given.text,
        category_id=_category(given.category),
        under_id=_under(given.under),
    )


@strawberry.input(description="Which agreements to list. 共建协议筛选")
class AgreementFilter:
    text: str | None = strawberry.field(default=None, description=TEXT)
    under: strawberry.ID | None = strawberry.field(
        default=None,
        description="With a community anywhere under this place (its id). 所属地点范围",
    )
    signed_on: DateRangeInput | None = strawberry.field(
        default=None, description="Signed within. 签订日期"
    )


def agreement_filter(given: AgreementFilter | None) -> NodeFilter:
    if given is None:
        return NodeFilter()
    return NodeFilter(
        dates=date_range("signedOn", given.signed_on),
        text=given.text,
        under_id=_under(given.under),
    )


@strawberry.enum(description="What to order a list by. 排序字段")
class ListOrderField(Enum):
    TITLE = "title"
    EXTERNAL_ID = "id"
    RAISED_ON = "raisedOn"
    DUE_ON = "dueOn"
    URGENCY = "urgency"
    STATUS = "status"
    CLAIM_DEADLINE = "claimDeadline"
    DONE_ON = "doneOn"
    SIGNED_ON = "signedOn"


@strawberry.input(
    description="Order of a list; items without the field come last in ascending order. 列表排序"
)
class ListOrder:
    field: ListOrderField = strawberry.field(description="Order by. 排序字段")
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Ascending or descending. 方向"
    )


def list_order(given: ListOrder | None) -> Order:
    if given is None:
        return Order("title")
    return Order(given.field.value, given.direction is OrderDirection.DESC)
