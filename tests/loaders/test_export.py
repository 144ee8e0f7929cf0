"""Exports read back into networkx with the nodes, edges and values that went in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.database import Database
from loaders.export import ScopeNotFound, export_graph
from loaders.load import load_directory
from tests.loaders.scenes import shuangan, write_dir

# The 双安社区 scene as written: 41 nodes, 56 relationships (tests/loaders/scenes.py).
SCENE_NODES, SCENE_EDGES = 41, 56

# The part under 双安社区, worked out by walking the scene: its places, what hangs off
# them, and what hangs off that; not the street above, nor what is three steps away.
UNDER_SHUANGAN_PLACES = {
    "c-shuangan",
    "g-1",
    "cp-1",
    "b-3",
    "mg-1",
    "u-3-2",
    "h-302",
    "al-1",
    "st-1",
}
ONE_STEP = {
    "po-shuangan",
    "rc-1",
    "mu-tianmu",
    "r-hall",
    "ag-1",
    "p-li",
    "n-meals",
    "p-wang",
    "case-1",
    "pc-1",
}
TWO_STEPS = {
    "po-street", "po-school", "cl-1", "pj-training", "t-1", "cat-meals", "ev-1", "md-1",
    "pa-wang", "cat-elderly", "dp-police",
}  # fmt: skip
UNDER_SHUANGAN_EDGES = 48  # every scene relationship between those 30 nodes, counted by hand


def read_back(path: Path, fmt: str) -> Any:
    if fmt == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if fmt == "gexf":
        return nx.read_gexf(path)
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


@pytest.fixture
async def loaded(db: Database, tmp_path: Path) -> Database:
    report = await load_directory(db, write_dir(tmp_path / "scene", shuangan(every_type=False)))
    assert report.ok
    return db


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
async def test_the_whole_graph_reads_back_with_the_same_counts(
    loaded: Database, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"graph.{fmt}"

    report = await export_graph(loaded, out, fmt)

    graph = read_back(out, fmt)
    assert (report.nodes, report.edges) == (SCENE_NODES, SCENE_EDGES)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (SCENE_NODES, SCENE_EDGES)
    assert graph.is_directed()
    grid = graph.nodes["g-1"]
    # XML declares one type per attribute name; "level" is a number on grids but a word on
    # cases ("grid"), so GraphML and GEXF carry it as text. JSON keeps each value's own type.
    level = 3 if fmt == "json" else "3"
    assert (grid["type"], grid["name"], grid["level"], grid["lat"]) == (
        "Grid",
        "双安一网格",
        level,
        40.95,
    )
    assert graph.nodes["p-wang"]["partyMember"] is True
    assert graph.nodes["n-meals"]["raisedOn"] == "2024-03-01"
    roles = sorted(d["role"] for d in graph.get_edge_data("p-wang", "g-1").values())
    assert roles == ["mediator", "volunteer"]
    assert [d["type"] for d in graph.get_edge_data("g-1", "c-shuangan").values()] == ["PART_OF"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
async def test_a_scope_exports_the_part_under_a_place(
    loaded: Database, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"shuangan.{fmt}"

    report = await export_graph(loaded, out, fmt, scope="c-shuangan")

    graph = read_back(out, fmt)
    expected = UNDER_SHUANGAN_PLACES | ONE_STEP | TWO_STEPS
    assert set(graph.nodes) == expected
    assert graph.number_of_edges() == UNDER_SHUANGAN_EDGES == report.edges
    assert report.nodes == len(expected) == 30


async def test_an_unknown_scope_is_a_clear_error(loaded: Database, tmp_path: Path) -> None:
    with pytest.raises(ScopeNotFound, match="no place with id 'nowhere'"):
        await export_graph(loaded, tmp_path / "x.json", "json", scope="nowhere")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
async def test_text_xml_cannot_carry_is_replaced_and_the_rest_kept(
    db: Database, tmp_path: Path, fmt: str
) -> None:
    tricky = "a<b>&\"c'\n\r\td\u0000e"
    await load_directory(
        db,
        write_dir(
            tmp_path / "tricky",
            {"nodes": {"Person": [{"id": "p-<&>", "name": tricky}]}, "relationships": {}},
        ),
    )
    out = tmp_path / f"tricky.{fmt}"

    await export_graph(db, out, fmt)

    graph = read_back(out, fmt)
    # XML 1.0 has no way to write U+0000; everything else survives, line breaks included.
    assert graph.nodes["p-<&>"]["name"] == "a<b>&\"c'\n\r\td\ufffde"
