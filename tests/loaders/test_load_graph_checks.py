"""Checks against what the graph already holds: ends exist and fit, ids keep their label."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.database import Database
from loaders.load import Counts, LoadConflict, LoadReport, _Writer, load_directory
from loaders.validate import Plan
from tests.loaders.conftest import dump
from tests.loaders.scenes import write_dir

STREET = {"District": [{"id": "d-1", "name": "双滦区", "kind": "district"}]}


async def test_a_dangling_relationship_is_refused_and_nothing_written(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    dataset = write_dir(
        tmp_path / "dangling",
        {
            "nodes": {"Street": [{"id": "s-1", "name": "双塔山街道", "kind": "street"}]},
            "relationships": {"PART_OF": [{"from": "s-1", "to": "d-missing"}]},
        },
    )

    report = await load_directory(db, dataset)

    assert [str(p) for p in report.problems] == [
        'relationships/PART_OF.jsonl:1: to: no node with id "d-missing" in the dataset or the graph'
    ]
    assert dump(clean_uri) == ({}, [])


async def test_ends_may_be_in_the_graph_but_must_fit_the_type(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    await load_directory(
        db,
        write_dir(
            tmp_path / "first",
            {
                "nodes": {**STREET, "Person": [{"id": "p-1", "name": "张三"}]},
                "relationships": {},
            },
        ),
    )
    before = dump(clean_uri)
    dataset = write_dir(
        tmp_path / "second",
        {
            "nodes": {
                "Street": [
                    {"id": "s-1", "name": "双塔山街道", "kind": "street"},
                    {"id": "s-2", "name": "西地镇", "kind": "town"},
                ]
            },
            "relationships": {
                "PART_OF": [{"from": "s-1", "to": "d-1"}, {"from": "s-2", "to": "p-1"}],
                "LIVES_IN": [{"from": "p-1", "to": "d-1"}],
            },
        },
    )

    report = await load_directory(db, dataset)

    assert [str(p) for p in report.problems] == [
        'relationships/LIVES_IN.jsonl:1: to: "d-1" is a District; LIVES_IN ends at Household',
        'relationships/PART_OF.jsonl:2: to: "p-1" is a Person; PART_OF ends at Place',
    ]
    assert dump(clean_uri) == before


async def test_an_id_in_the_graph_keeps_its_label(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    await load_directory(db, write_dir(tmp_path / "first", {"nodes": STREET, "relationships": {}}))
    before = dump(clean_uri)
    dataset = write_dir(
        tmp_path / "second",
        {
            "nodes": {
                "Street": [{"id": "d-1", "name": "同号的街道", "kind": "street"}],
                "Community": [{"id": "c-1", "name": "双安社区", "kind": "community"}],
            },
            "relationships": {"PART_OF": [{"from": "c-1", "to": "d-1"}]},
        },
    )

    report = await load_directory(db, dataset)

    assert [str(p) for p in report.problems] == [
        'nodes/Street.jsonl:1: id: "d-1" is a District in the graph, not a Street',
        'relationships/PART_OF.jsonl:1: to: node "d-1" is not loaded: its record at '
        "nodes/Street.jsonl:1 is invalid",
    ]
    assert dump(clean_uri) == before


async def test_a_batch_naming_a_vanished_node_is_rolled_back_whole(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    # What a node deleted between validation and writing looks like to the writer: one
    # batch where one row's end is gone. The batch is one transaction, so none of it lands.
    streets = [
        {"id": "s-1", "name": "双塔山街道", "kind": "street"},
        {"id": "s-2", "name": "西地镇", "kind": "town"},
    ]
    await load_directory(
        db,
        write_dir(
            tmp_path / "first", {"nodes": {**STREET, "Street": streets}, "relationships": {}}
        ),
    )
    before = dump(clean_uri)
    plan = Plan(
        new_nodes={},
        old_nodes={},
        new_rels={},
        other_rels={"PART_OF": [("s-1", "d-1", {}), ("s-2", "d-gone", {})]},
        problems=[],
        totals={"PART_OF": 2},
    )
    writer = _Writer(db, total=2, progress=None, batch_size=10, concurrency=1)

    with pytest.raises(LoadConflict, match="1 of 2 rows name a node that is no longer"):
        await writer.write(plan, LoadReport(counts={"PART_OF": Counts()}))

    assert dump(clean_uri) == before
