"""Analyses of the district scene, read through the projection from Neo4j; every expected
value is worked out by hand in the comments."""

from __future__ import annotations

import math

import pytest

from graph.database import Database
from graph.network import centrality, structure
from graph.network.analysis import analyse
from graph.network.projection import read_alliance_network, read_partnership, read_unit_network
from graph.network.suggest import suggest
from graph.network.window import Window
from tests.graph.network.scenes import AS_OF

UP_TO_AS_OF = Window(None, AS_OF)


async def test_the_star(district_db: Database) -> None:
    star = await read_partnership(district_db, "s-star", UP_TO_AS_OF, None)

    between = centrality.betweenness(star)
    # All C(4,2) = 6 pairs of leaves pass through the centre; normalised by (n-1)(n-2)/2 = 6.
    assert between.values["u-hub"] == pytest.approx(1.0)
    assert between.values["c1"] == 0.0 and between.sampled is None
    assert centrality.degree(star)["u-hub"] == 4
    assert centrality.weighted_degree(star)["u-hub"] == pytest.approx(3 + 2 + 1 + 0.5)
    # Weighted star: λ² = Σw² = 14.25; the centre gets 1/√2 and leaf i gets w_i / √(2·14.25).
    eigen = centrality.eigenvector(star)
    assert eigen["u-hub"] == pytest.approx(1 / math.sqrt(2), abs=1e-6)
    assert eigen["c1"] == pytest.approx(3 / math.sqrt(28.5), abs=1e-6)
    assert eigen["c4"] == pytest.approx(0.5 / math.sqrt(28.5), abs=1e-6)

    cuts, bridges = structure.cuts_and_bridges(star)
    assert [(c.node, c.pieces, c.cut_off) for c in cuts] == [("u-hub", (1, 1, 1, 1), 3)]
    assert sorted((b.a, b.b, b.cut_off) for b in bridges) == [
        ("c1", "u-hub", 1),
        ("c2", "u-hub", 1),
        ("c3", "u-hub", 1),
        ("c4", "u-hub", 1),
    ]
    # Every community hangs on one partner: c2 first (it has an open need), then the
    # thinnest ties first: c4 (0.5), c3 (1), c1 (3).
    gaps = structure.gaps(star)
    assert [g.community for g in gaps] == ["c2", "c4", "c3", "c1"]
    assert all(g.kind == "weakly_served" and g.partners == 1 for g in gaps)
    assert gaps[0].open_needs == 1 and gaps[1].weighted_degree == pytest.approx(0.5)
    assert set(centrality.core_numbers(star).values()) == {1}


async def test_two_cliques_joined_by_a_bridge_unit(district_db: Database) -> None:
    west = await read_partnership(district_db, "s-cliques", UP_TO_AS_OF, None)

    cuts, bridges = structure.cuts_and_bridges(west)
    # Each side is a complete bipartite K(3,2) that x also joins: only x splits them.
    assert [(c.node, c.pieces) for c in cuts] == [("x", (5, 5))]
    assert bridges == []
    # 25 pairs across the sides all pass through x, and one of the four shortest paths
    # p1–p2 (and q1–q2) does too: 25.5, normalised by (12-1)(12-2)/2 = 55.
    assert centrality.betweenness(west).values["x"] == pytest.approx(25.5 / 55)
    groups = structure.louvain(west)
    group_of = {n: i for i, g in enumerate(groups) for n in g}
    assert len({group_of[n] for n in ("a1", "a2", "a3", "p1", "p2")}) == 1
    assert len({group_of[n] for n in ("b1", "b2", "b3", "q1", "q2")}) == 1
    assert group_of["a1"] != group_of["b1"]
    assert structure.louvain(west) == groups  # seeded: the same every run
    core = centrality.core_numbers(west)
    assert core["z"] == 0 and {core[n] for n in west if n != "z"} == {2}

    [gap] = structure.gaps(west)
    assert (gap.community, gap.kind, gap.partners, gap.open_needs) == ("z", "isolated", 0, 1)


async def test_suggestions_carry_shared_neighbours_and_fitting_needs(
    district_db: Database,
) -> None:
    west = await read_partnership(district_db, "s-cliques", UP_TO_AS_OF, None)

    suggestions = suggest(west)
    # Every a reaches q1 and q2 through x twice (via p1 and via p2); each path weighs
    # 1/(k(p)·k(x)) = 1/(4·4): score 2/16, likewise every b towards p1, p2. 12 ties; a2's
    # active 社区服务 resource fits q1's open 养老服务 need (a subcategory), so a2→q1 leads.
    first = suggestions[0]
    assert (first.unit, first.community) == ("a2", "q1")
    assert first.score == pytest.approx(2 / 16)
    assert [(e.via_community, e.via_unit) for e in first.evidence] == [("p1", "x"), ("p2", "x")]
    assert [n["id"] for n in first.fitting_needs] == ["n-q1"]
    assert len(suggestions) == 12
    assert all(s.score == pytest.approx(2 / 16) for s in suggestions)
    assert not any(s.unit == "x" for s in suggestions)  # x already serves all four
    assert not any(s.community == "z" for s in suggestions)  # nothing reaches z by paths

    adamic_adar = suggest(west, method="adamic_adar")
    assert adamic_adar[0].score == pytest.approx(2 / math.log(16))


async def test_unit_network_the_bridge_unit_is_the_only_cut_point(district_db: Database) -> None:
    units = await read_unit_network(district_db, "s-cliques", UP_TO_AS_OF, None)

    cuts, bridges = structure.cuts_and_bridges(units)
    assert [(c.node, c.pieces) for c in cuts] == [("x", (3, 3))]
    assert bridges == []
    # 3 × 3 pairs across, all through x; normalised by (7-1)(7-2)/2 = 15.
    assert centrality.betweenness(units).values["x"] == pytest.approx(9 / 15)
    assert centrality.core_numbers(units)["a1"] == 3  # a K4


async def test_alliance_network_a_unit_in_two_alliances_brokers(district_db: Database) -> None:
    alliances = await read_alliance_network(district_db, "s-cliques", UP_TO_AS_OF, None)

    result = analyse(alliances)
    # al1 holds a1 and br1 (cut off 2), a2 joins al1's side to al2's (cut off 2: al2 and b1),
    # al2 holds b1 (cut off 1).
    assert {c.node: c.cut_off for c in result.cuts} == {"al1": 2, "a2": 2, "al2": 1}
    assert [b.id for b in result.brokers()] == ["a2"]
    assert result.suggestions == []  # suggestions are for the partnership network only


async def test_analyse_summarises_the_network(district_db: Database) -> None:
    west = await read_partnership(district_db, "s-cliques", UP_TO_AS_OF, None)

    result = analyse(west)
    s = result.summary
    assert (s.nodes, s.units, s.communities, s.links) == (12, 7, 5, 16)
    assert s.density == pytest.approx(16 / (7 * 5))
    assert (s.components, s.largest_component, s.isolated) == (2, 11, 1)
    assert s.main_core == 2 and s.groups == 2
    assert [b.id for b in result.brokers(1)] == ["x"]
    assert result.nodes["x"].cut_off == 5
    assert [m.id for m in result.ranking("degree", side="unit", limit=1)] == ["x"]
    assert set(result.timings) >= {"betweenness", "louvain", "suggestions"}
