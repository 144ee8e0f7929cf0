"""Filter input of people lists."""

from __future__ import annotations

import strawberry

from graph.nodes import NodeFilter
from schema.core.relay import id_arg
from schema.places.filters import PLACE_LABELS


@strawberry.input(description="Which people to list. 人员筛选")
class PersonFilter:
    text: str | None = strawberry.field(
        default=None,
        description="Name contains this (two characters or more: CJK full-text phrase). 姓名",
    )
    under: strawberry.ID | None = strawberry.field(
        default=None,
        description="Living, holding a role or reporting anywhere under this place (its id). "
        "所属地点范围",
    )
    party_member: bool | None = strawberry.field(
        default=None, description="Party members only (true) or others only (false). 党员"
    )
    skills: list[str] | None = strawberry.field(
        default=None, description="Having any of these skills. 技能"
    )
    available_on_day: list[int] | None = strawberry.field(
        default=None, description="Available on any of these days of the week (1-7). 可服务日"
    )


def person_filter(given: PersonFilter | None) -> NodeFilter:
    if given is None:
        return NodeFilter()
    equals = (("partyMember", (given.party_member,)),) if given.party_member is not None else ()
    includes: list[tuple[str, tuple[object, ...]]] = []
    if given.skills:
        includes.append(("skills", tuple(given.skills)))
    if given.available_on_day:
        includes.append(("availableDays", tuple(given.available_on_day)))
    return NodeFilter(
        text=given.text,
        equals=equals,
        includes=tuple(includes),
        under_id=id_arg("filter.under", given.under, *PLACE_LABELS),
    )
