"""Loading the same data twice changes nothing; a changed record updates its node in place."""

from __future__ import annotations

import json
from pathlib import Path

from neo4j.time import Date

from graph.database import Database
from loaders.load import load_directory
from tests.loaders.conftest import dump, element_ids
from tests.loaders.scenes import Bundle, count, write_dir


async def test_a_second_load_of_the_same_data_changes_nothing(
    db: Database, clean_uri: str, scene: Bundle, scene_dir: Path
) -> None:
    await load_directory(db, scene_dir)
    first, ids = dump(clean_uri), element_ids(clean_uri)

    again = await load_directory(db, scene_dir)

    total = again.total()
    records = count(scene, "nodes") + count(scene, "relationships")
    assert (total.created, total.updated, total.unchanged) == (0, 0, records)
    assert dump(clean_uri) == first
    assert element_ids(clean_uri) == ids


async def test_a_changed_record_updates_its_node_in_place(
    db: Database, clean_uri: str, scene: Bundle, tmp_path: Path
) -> None:
    await load_directory(db, write_dir(tmp_path / "v1", scene))
    ids_before = element_ids(clean_uri)
    nodes_before, rels_before = dump(clean_uri)
    grid = scene["nodes"]["Grid"][0]
    grid["name"] = "双安第一网格"
    del grid["colour"]  # a record is the whole node: a key it drops is removed
    mediator = scene["relationships"]["HOLDS_ROLE"][2]
    assert (mediator["to"], mediator["role"]) == ("g-1", "mediator")
    mediator["fullTime"] = True
    mediator["since"] = "2024-07-01"

    report = await load_directory(db, write_dir(tmp_path / "v2", scene))

    changed = {
        n: (c.created, c.updated) for n, c in report.counts.items() if c.created or c.updated
    }
    assert changed == {"Grid": (0, 1), "HOLDS_ROLE": (0, 1)}
    nodes, rels = dump(clean_uri)
    assert nodes["g-1"][1] == {
        "id": "g-1",
        "name": "双安第一网格",
        "level": 3,
        "lat": 40.95,
        "lon": 117.79,
    }
    assert element_ids(clean_uri) == ids_before  # same nodes, no new ones
    assert {k: v for k, v in nodes.items() if k != "g-1"} == {
        k: v for k, v in nodes_before.items() if k != "g-1"
    }
    roles = [r for r in rels if r[:3] == ("p-wang", "HOLDS_ROLE", "g-1")]
    assert roles == [
        (
            "p-wang",
            "HOLDS_ROLE",
            "g-1",
            {"role": "mediator", "fullTime": True, "since": Date(2024, 7, 1)},
        ),
        ("p-wang", "HOLDS_ROLE", "g-1", {"role": "volunteer"}),
    ]
    assert len(rels) == len(rels_before)


async def test_new_records_join_an_existing_graph(
    db: Database, clean_uri: str, scene: Bundle, scene_dir: Path, tmp_path: Path
) -> None:
    await load_directory(db, scene_dir)
    more = tmp_path / "more"
    (more / "nodes").mkdir(parents=True)
    (more / "relationships").mkdir()
    (more / "nodes" / "Grid.jsonl").write_text(
        json.dumps({"id": "g-2", "name": "双安二网格", "level": 3}, ensure_ascii=False)
        + "\n"
        + json.dumps(
            {
                "id": "g-1",
                "name": "双安一网格",
                "level": 3,
                "colour": "yellow",
                "lat": 40.95,
                "lon": 117.79,
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    # Ends already in the graph: g-1's role for p-li is new, c-shuangan is loaded before.
    (more / "relationships" / "PART_OF.jsonl").write_text(
        '{"from": "g-2", "to": "c-shuangan"}\n', encoding="utf-8"
    )
    (more / "relationships" / "HOLDS_ROLE.jsonl").write_text(
        '{"from": "p-li", "to": "g-1", "role": "grid_worker", "claimed": true}\n'
        '{"from": "p-li", "to": "g-1", "role": "grid_leader"}\n',
        encoding="utf-8",
    )

    report = await load_directory(db, more)

    counts = {n: (c.created, c.updated, c.unchanged) for n, c in report.counts.items()}
    assert counts == {"Grid": (1, 0, 1), "PART_OF": (1, 0, 0), "HOLDS_ROLE": (1, 0, 1)}
    nodes, rels = dump(clean_uri)
    assert len(nodes) == count(scene, "nodes") + 1
    assert ("g-2", "PART_OF", "c-shuangan", {}) in rels
    assert ("p-li", "HOLDS_ROLE", "g-1", {"role": "grid_leader"}) in rels
