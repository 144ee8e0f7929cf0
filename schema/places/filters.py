"""Filter and order inputs of place lists."""

from __future__ import annotations

from enum import Enum
from functools import cache

import strawberry

from graph.nodes import NodeFilter, Order
from schema.core.connection import OrderDirection
from schema.core.relay import id_arg
from schema.places.enums import PlaceType

PLACE_LABELS = (
    "District",
    "Street",
    "Community",
    "Grid",
    "MicroGrid",
    "FunctionalGrid",
    "Compound",
    "Building",
    "EntranceUnit",
    "Alley",
    "Household",
    "ServiceStation",
)


@strawberry.input(description="Which places to list. 地点筛选")
class PlaceFilter:
    text: str | None = strawberry.field(
        default=None,
        description="Name contains this (two characters or more: CJK full-text phrase). 名称",
    )
    types: list[PlaceType] | None = strawberry.field(
        default=None, description="Only these kinds of place. 地点类型"
    )
    under: strawberry.ID | None = strawberry.field(
        default=None, description="Anywhere under this place (its id). 所属地点范围"
    )


@strawberry.enum(description="What to order places by. 地点排序字段")
class PlaceOrderField(Enum):
    NAME = "name"
    CODE = "code"
    EXTERNAL_ID = "id"


@strawberry.input(description="Order of a place list. 地点排序")
class PlaceOrder:
    field: PlaceOrderField = strawberry.field(description="Order by. 排序字段")
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Ascending or descending. 方向"
    )


def place_filter(given: PlaceFilter | None, labels: tuple[str, ...] | None = None) -> NodeFilter:
    if given is None:
        return _of_labels(labels)
    chosen = tuple(t.value for t in given.types) if given.types else labels
    return NodeFilter(
        labels=chosen,
        text=given.text,
        under_id=id_arg("filter.under", given.under, *PLACE_LABELS),
    )


def place_order(given: PlaceOrder | None) -> Order:
    if given is None:
        return Order("name")
    return Order(given.field.value, given.direction is OrderDirection.DESC)


@cache
def _of_labels(labels: tuple[str, ...] | None) -> NodeFilter:
    """One filter object per kind of list: a nested list asks it of every parent, and a
    DataLoader key holding the same object hashes and compares it faster."""
    return NodeFilter(labels=labels)
