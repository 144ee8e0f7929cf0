"""Two windows of the star compared: c4's old agreement ended, c1–c3's began."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from graph.database import Database
from graph.network.compare import compare
from graph.network.projection import read_partnership
from graph.network.window import Window
from tests.graph.network.scenes import AS_OF


async def test_what_grew_and_what_was_lost(district_db: Database) -> None:
    # c4 signed AS_OF-730, ended AS_OF-365; c1..c3 signed AS_OF.
    last_year = Window(AS_OF - dt.timedelta(days=730), AS_OF - dt.timedelta(days=365))
    this_year = Window(AS_OF - dt.timedelta(days=200), AS_OF)
    before = await read_partnership(district_db, "s-star", last_year, None)
    after = await read_partnership(district_db, "s-star", this_year, None)

    change = compare(before, after)

    assert [(c.a, c.b) for c in change.gained] == [
        ("c1", "u-hub"),
        ("c2", "u-hub"),
        ("c3", "u-hub"),
    ]
    [lost] = change.lost
    assert (lost.a, lost.b) == ("c4", "u-hub")
    # Signed 365 days before the earlier window's end: half a half-life, 2^-0.5.
    assert lost.before == pytest.approx(2**-0.5)
    assert change.newly_isolated == ("c4",)
    assert change.no_longer_isolated == ("c1", "c2", "c3")
    assert (change.links_before, change.links_after) == (1, 3)


def test_strengthened_and_weakened_links_past_a_quarter() -> None:
    before, after = nx.Graph(), nx.Graph()
    before.add_edge("u", "a", weight=1.0)
    before.add_edge("u", "b", weight=1.0)
    before.add_edge("u", "c", weight=1.0)
    after.add_edge("u", "a", weight=2.0)  # +100 %
    after.add_edge("u", "b", weight=0.5)  # -50 %
    after.add_edge("u", "c", weight=1.2)  # +20 %: fading or refreshing, not news

    change = compare(before, after)

    assert [(c.a, c.b) for c in change.strengthened] == [("a", "u")]
    assert [(c.a, c.b) for c in change.weakened] == [("b", "u")]
    assert change.gained == () and change.lost == ()
