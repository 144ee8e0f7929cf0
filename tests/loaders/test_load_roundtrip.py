"""Every label and relationship type of the model goes in and comes back as written."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from neo4j.time import Date, DateTime

from graph.database import Database
from loaders.load import load_bundle, load_directory, load_path
from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE
from tests.loaders.conftest import dump, rel_key
from tests.loaders.scenes import Bundle, count, write_bundle

CST = timezone(timedelta(hours=8))


def stored(type_name: str, value: Any) -> Any:
    """What Neo4j should hold for a JSON value of a model type (the test's own reading)."""
    if type_name == "date":
        return Date.from_native(date.fromisoformat(value))
    if type_name == "datetime":
        return DateTime.from_native(datetime.fromisoformat(value))
    if type_name == "number":
        return float(value)
    return value


def expected_nodes(bundle: Bundle) -> dict[str, dict[str, Any]]:
    out = {}
    for label, records in bundle["nodes"].items():
        props = NODES_BY_LABEL[label].props
        for record in records:
            out[record["id"]] = {
                k: (v if k == "id" else stored(props[k].type, v)) for k, v in record.items()
            }
    return out


async def test_every_label_and_type_round_trips_from_a_directory(
    db: Database, clean_uri: str, scene: Bundle, scene_dir: Path
) -> None:
    report = await load_directory(db, scene_dir)

    assert report.ok and report.written
    total = report.total()
    assert (total.created, total.updated, total.unchanged, total.invalid) == (
        count(scene, "nodes") + count(scene, "relationships"),
        0,
        0,
        0,
    )
    assert set(report.counts) == set(NODES_BY_LABEL) | set(RELS_BY_TYPE)
    nodes, rels = dump(clean_uri)
    assert {k: v[1] for k, v in nodes.items()} == expected_nodes(scene)
    expected_rels = [
        (
            r["from"],
            type_,
            r["to"],
            {
                k: stored(RELS_BY_TYPE[type_].props[k].type, v)
                for k, v in r.items()
                if k not in ("from", "to")
            },
        )
        for type_, records in scene["relationships"].items()
        for r in records
    ]
    assert rels == sorted(expected_rels, key=rel_key)


async def test_values_are_stored_as_neo4j_types(
    db: Database, clean_uri: str, scene_dir: Path
) -> None:
    await load_directory(db, scene_dir)
    nodes, rels = dump(clean_uri)

    assert nodes["g-1"][0] == ("Entity", "Grid", "Place")
    assert nodes["po-street"][0] == ("Entity", "Organisation", "PartyOrganisation")
    assert nodes["p-wang"][0] == ("Entity", "Person")
    need = nodes["n-meals"][1]
    assert need["quantity"] == 3.0 and isinstance(need["quantity"], float)
    assert need["raisedOn"] == Date(2024, 3, 1)
    case = nodes["case-1"][1]
    assert case["reportedAt"] == DateTime(2024, 5, 1, 9, 30, 0, tzinfo=CST)
    assert case["reportedAt"].utcoffset() == timedelta(hours=8)
    assert case["closedAt"] == DateTime(2024, 5, 1, 17, 5, 30, 250_000_000, tzinfo=CST)
    wang = nodes["p-wang"][1]
    assert wang["skills"] == ["调解", "理发"] and wang["availableDays"] == [1, 3, 5]
    roles = sorted(r[3]["role"] for r in rels if r[:3] == ("p-wang", "HOLDS_ROLE", "g-1"))
    assert roles == ["mediator", "volunteer"]  # two roles, two relationships, one pair


async def test_a_bundle_loads_the_same_graph_as_a_directory(
    db: Database, clean_uri: str, scene: Bundle, scene_dir: Path, tmp_path: Path
) -> None:
    await load_directory(db, scene_dir)
    from_dir = dump(clean_uri)
    from tests.conftest import wipe

    wipe(clean_uri)
    report = await load_bundle(db, write_bundle(tmp_path / "scene.json", scene))

    assert report.ok
    assert dump(clean_uri) == from_dir


async def test_csv_files_load_like_json_lines(db: Database, clean_uri: str, tmp_path: Path) -> None:
    root = tmp_path / "csv"
    (root / "nodes").mkdir(parents=True)
    (root / "relationships").mkdir()
    (root / "nodes" / "Grid.csv").write_text(
        'id,name,level,lat,colour\ng-a,一网格,2,40.5,\ng-b,"二网格, 东",3,,red\n',
        encoding="utf-8",
    )
    (root / "nodes" / "Person.csv").write_text(
        'id,name,partyMember,skills,availableDays\np-a,张三,true,"[""理发""]","[6,7]"\n',
        encoding="utf-8",
    )
    (root / "relationships" / "HOLDS_ROLE.csv").write_text(
        "from,to,role,since\np-a,g-a,grid_worker,2024-02-29\n", encoding="utf-8"
    )

    report = await load_path(db, root)

    assert report.ok, report.problems
    nodes, rels = dump(clean_uri)
    assert nodes["g-a"][1] == {"id": "g-a", "name": "一网格", "level": 2, "lat": 40.5}
    assert nodes["g-b"][1] == {"id": "g-b", "name": "二网格, 东", "level": 3, "colour": "red"}
    assert nodes["p-a"][1] == {
        "id": "p-a",
        "name": "张三",
        "partyMember": True,
        "skills": ["理发"],
        "availableDays": [6, 7],
    }
    assert rels == [
        ("p-a", "HOLDS_ROLE", "g-a", {"role": "grid_worker", "since": Date(2024, 2, 29)})
    ]
