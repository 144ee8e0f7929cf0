"""The projections read the district scene from Neo4j with the weights worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.database import Database
from graph.network.projection import (
    graph_version,
    read_alliance_network,
    read_partnership,
    read_unit_network,
)
from graph.network.window import BadWindow, Window
from tests.graph.network.scenes import AS_OF, Scene

UP_TO_AS_OF = Window(None, AS_OF)


async def test_the_star_weights_agreements_reports_and_members_by_recency(
    district_db: Database,
) -> None:
    star = await read_partnership(district_db, "s-star", UP_TO_AS_OF, None)

    assert sorted(star.nodes) == ["c1", "c2", "c3", "c4", "u-hub"]
    assert star.nodes["u-hub"]["side"] == "unit" and star.nodes["c1"]["side"] == "community"
    c1 = star.edges["u-hub", "c1"]
    # agreement signed AS_OF (1) + party branch reporting AS_OF (1) + 0.5·log2(1 + 3 members)
    assert c1["weight"] == pytest.approx(3.0)
    assert (c1["agreements"], c1["reports"], c1["members"], c1["projects"]) == (1, 1, 3, 0)
    # agreement (1) + claim on a need of c2's grid (1)
    c2 = star.edges["u-hub", "c2"]
    assert (c2["weight"], c2["agreements"], c2["needs"]) == (pytest.approx(2.0), 1, 1)
    # c3's residents' committee co-signed the agreement: c3's own body, not a partner
    assert star.edges["u-hub", "c3"]["weight"] == pytest.approx(1.0)
    # signed two years (one half-life) before the window's end
    assert star.edges["u-hub", "c4"]["weight"] == pytest.approx(0.5)
    assert star.edges["u-hub", "c4"]["latest"] == AS_OF - dt.timedelta(days=730)


async def test_a_claim_by_a_units_branch_links_the_unit_and_neither_a_withdrawn_claim_nor_a_member_does(
    district_db: Database,
) -> None:
    west = await read_partnership(district_db, "s-cliques", UP_TO_AS_OF, None)

    b1_q1 = west.edges["b1", "q1"]
    assert (b1_q1["projects"], b1_q1["agreements"], b1_q1["weight"]) == (1, 0, 1.0)
    assert "po-b1" not in west  # the branch acted for its unit
    # b2's claim on z's project was withdrawn; a1's member reporting to z makes no tie alone
    assert west.degree("z") == 0
    assert west.number_of_edges() == 16
    assert {n for n, s in west.nodes(data="side") if s == "community"} == {
        "p1",
        "p2",
        "q1",
        "q2",
        "z",
    }


async def test_open_needs_and_active_resources_come_with_their_categories(
    district_db: Database,
) -> None:
    west = await read_partnership(district_db, "s-cliques", UP_TO_AS_OF, None)

    [need] = west.nodes["q1"]["open_needs"]
    assert need["id"] == "n-q1" and need["category"] == "养老服务"
    assert sorted(need["categories"]) == ["k-elderly", "k-service"]  # with its ancestor
    assert west.nodes["a2"]["resource_categories"] == ["k-service"]
    assert west.nodes["a3"]["resource_categories"] == []  # its resource is withdrawn


async def test_the_whole_graph_and_a_viewers_scopes(district_db: Database) -> None:
    everything = await read_partnership(district_db, None, UP_TO_AS_OF, None)
    only_west = await read_partnership(district_db, None, UP_TO_AS_OF, ["s-cliques"])

    assert everything.number_of_edges() == 4 + 16
    assert "u-hub" in everything and "u-hub" not in only_west
    assert only_west.number_of_edges() == 16


async def test_a_window_drops_links_not_alive_in_it(district_db: Database) -> None:
    # c4's agreement ended a year before AS_OF.
    recent = Window(AS_OF - dt.timedelta(days=200), AS_OF)
    star = await read_partnership(district_db, "s-star", recent, None)
    before_anything = await read_partnership(
        district_db, "s-star", Window(None, AS_OF - dt.timedelta(days=800)), None
    )

    assert not star.has_edge("u-hub", "c4") and star.has_edge("u-hub", "c1")
    assert before_anything.number_of_edges() == 0
    assert sorted(before_anything.nodes) == ["c1", "c2", "c3", "c4"]  # communities still shown


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(BadWindow, match="'from' must not be later than 'to'"):
        Window(AS_OF, AS_OF - dt.timedelta(days=1))


async def test_unit_network_links_units_by_shared_communities(district_db: Database) -> None:
    units = await read_unit_network(district_db, "s-cliques", UP_TO_AS_OF, None)

    assert sorted(units.nodes) == ["a1", "a2", "a3", "b1", "b2", "b3", "x"]
    assert units.edges["a1", "x"]["weight"] == 2.0
    assert units.edges["a1", "x"]["communities"] == ["p1", "p2"]
    assert not units.has_edge("a1", "b1")
    assert units.number_of_edges() == 6 + 6  # two K4 sharing x


async def test_alliance_network_links_members_to_their_alliances(district_db: Database) -> None:
    alliances = await read_alliance_network(district_db, "s-cliques", UP_TO_AS_OF, None)

    assert {n for n, s in alliances.nodes(data="side") if s == "alliance"} == {"al1", "al2"}
    assert sorted(alliances["a2"]) == ["al1", "al2"]
    assert alliances.nodes["br1"]["label"] == "PartyOrganisation"
    assert alliances.number_of_edges() == 5
    none_in_star = await read_alliance_network(district_db, "s-star", UP_TO_AS_OF, None)
    assert none_in_star.number_of_nodes() == 0


async def test_no_personal_data_is_read(district_db: Database) -> None:
    rows = await district_db.read(
        "network/get_partnership_network",
        {
            "scopeId": None,
            "scopes": None,
            "from": dt.date(1, 1, 1),
            "to": AS_OF,
            "asOf": AS_OF,
            "halfLifeDays": 730.0,
            "needLimit": 20,
        },
    )
    text = repr(rows)
    for secret in ("13800001111", "13900000001", "130602198001010001", "党员1", "p-hub-1"):
        assert secret not in text


async def test_the_version_changes_when_a_link_is_added(db: Database) -> None:
    scene = Scene()
    scene.place("Community", "c", "一社区", None, kind="community")
    scene.unit("u", "一单位")
    await scene.write(db)
    before = await graph_version(db)
    assert await graph_version(db) == before

    again = Scene()
    again.agreement("u", "c")
    await again.write(db)

    assert await graph_version(db) != before
