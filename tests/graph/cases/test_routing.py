"""The level rule (分级处置) as a pure function: severity, kind, and the category's limits."""

from __future__ import annotations

import pytest

from graph.cases.routing import holding_labels, route_level


@pytest.mark.parametrize(
    ("severity", "kind", "category_levels", "level"),
    [
        (1, "report", [], "grid"),  # 小事不出网格
        (2, "report", [], "community"),  # 大事不出社区
        (3, "dispute", [], "street"),
        (4, "report", [], "district"),
        (1, "petition", [], "community"),  # petitions start at the community
        (3, "petition", [], "street"),  # ... or higher when graver
        (1, "report", ["street", "district"], "street"),  # the category is handled from the street
        (3, "report", ["grid"], "street"),  # a lower category limit never lowers the level
        (1, "booking", ["grid", "community"], "grid"),
    ],
)
def test_route_level(severity: int, kind: str, category_levels: list[str], level: str) -> None:
    assert route_level(severity, kind, category_levels) == level


def test_a_severity_outside_1_to_4_is_refused() -> None:
    with pytest.raises(ValueError, match=r"severity must be 1\.\.4"):
        route_level(0, "report")


def test_holding_labels_go_up_from_the_level() -> None:
    assert holding_labels("grid") == ["Grid", "Community", "Street", "District"]
    assert holding_labels("street") == ["Street", "District"]
