"""Which level should hold a case: the rule of 分级处置, as one pure function.

"小事不出网格、大事不出社区" (small matters stay in the grid, big ones in the community):
the severity sets the first level, a category may demand a higher one, petitions (信访)
start at the community, and a case can only be held at a level that exists above its place.
The coordination questions (`caseRouting`) use the same function, so "who should hold"
and "who holds after reporting" never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.cases.machine import LEVEL_LABELS, LEVELS, Level

# severity 1 minor .. 4 major → the level that first holds it.
SEVERITY_LEVEL: dict[int, Level] = {1: "grid", 2: "community", 3: "street", 4: "district"}
KIND_FLOOR: dict[str, Level] = {"petition": "community"}


def route_level(
    severity: int,
    kind: str,
    category_levels: Iterable[str] = (),
) -> Level:
    """The lowest level allowed to hold a case.

    `category_levels` are the levels at which the case's category has a time limit
    (TimeLimit nodes): a category that has limits only from the street up is not handled
    below the street. No time limits at all: the category does not constrain the level.
    """
    if severity not in SEVERITY_LEVEL:
        raise ValueError(f"severity must be 1..4, got {severity}")
    floor = LEVELS.index(SEVERITY_LEVEL[severity])
    if kind in KIND_FLOOR:
        floor = max(floor, LEVELS.index(KIND_FLOOR[kind]))
    known = [LEVELS.index(lv) for lv in category_levels if lv in LEVELS]
    if known:
        floor = max(floor, min(known))
    return LEVELS[floor]


def holding_labels(level: Level) -> list[str]:
    """Place labels that may hold a case routed to `level`, nearest first.

    The Cypher walks up from the case's place and takes the nearest ancestor with one of
    these labels, so a community without grids holds its own grid-level cases.
    """
    return [LEVEL_LABELS[lv] for lv in LEVELS[LEVELS.index(level) :]]
