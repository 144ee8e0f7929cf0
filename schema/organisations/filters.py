"""Filter input of organisation lists."""

from __future__ import annotations

import strawberry

from graph.nodes import NodeFilter
from schema.core.relay import id_arg
from schema.organisations.enums import OrganisationType
from schema.places.filters import PLACE_LABELS


@strawberry.input(description="Which organisations to list. 组织筛选")
class OrganisationFilter:
    text: str | None = strawberry.field(
        default=None,
        description="Name contains this (two characters or more: CJK full-text phrase). 名称",
    )
    types: list[OrganisationType] | None = strawberry.field(
        default=None, description="Only these kinds of organisation. 组织类型"
    )
    under: strawberry.ID | None = strawberry.field(
        default=None,
        description="Located in or responsible for a place anywhere under this place (its id). "
        "所属地点范围",
    )


def organisation_filter(given: OrganisationFilter | None) -> NodeFilter:
    if given is None:
        return NodeFilter()
    return NodeFilter(
        labels=tuple(t.value for t in given.types) if given.types else None,
        text=given.text,
        under_id=id_arg("filter.under", given.under, *PLACE_LABELS),
    )
