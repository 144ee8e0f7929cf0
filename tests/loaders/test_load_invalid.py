"""A bad dataset writes nothing and names every bad record as file:line: field: problem."""

from __future__ import annotations

from pathlib import Path

from graph.database import Database
from loaders.load import load_directory
from tests.loaders.conftest import dump
from tests.loaders.scenes import write_dir

GRID_LINES = [
    '{"id": "g-ok", "name": "好网格", "level": 2}',
    '{"id": "g-lvl", "name": "四级网格", "level": 4}',
    '{"id": "g-typo", "nmae": "错字网格", "level": 1}',
    "",
    '{"id": "g-ok", "name": "重复", "level": 1}',
    '{"name": "无编号", "level": 1}',
    '{"id": "g-col", "name": "紫网格", "level": 1, "colour": "purple"}',
    '{"id": "g-json", "name": "断行"',
    '["not", "an", "object"]',
    '{"id": "g-lat", "name": "偏北", "level": 1, "lat": "40.1"}',
    '{"id": "g-null", "name": null, "level": 1}',
    '{"id": "g-nan", "name": "无穷", "level": 1, "lon": NaN}',
    '{"id": "g-a", "name": "甲网格", "level": 3}',
    '{"id": "g-b", "name": "乙网格", "level": 3}',
]
CASE_LINES = [
    '{"id": "case-tz", "title": "无时区", "kind": "report", "severity": 1, "status": "reported",'
    ' "level": "grid", "reportedAt": "2024-05-01T09:30:00"}',
    '{"id": "case-day", "title": "二月三十日", "kind": "report", "severity": 1,'
    ' "status": "reported", "level": "grid", "reportedAt": "2024-02-30T09:30:00+08:00"}',
]
PERSON_LINES = [
    '{"id": "p-1", "name": "张三", "birthYear": 1960}',
    '{"id": "p-2", "name": "李四", "availableDays": [1, "二"]}',
    '{"id": "p-3", "name": "王五", "birthYear": true}',
]
PART_OF_LINES = [
    '{"from": "g-ok", "to": "g-lvl"}',
    '{"from": "g-a", "to": "nowhere"}',
    '{"from": "g-b", "to": "g-b"}',
    '{"from": "g-col", "to": "g-ok", "since": "2024-01-01"}',
    '{"from": "g-ok", "to": "g-a"}',
]
HOLDS_ROLE_LINES = [
    '{"from": "p-1", "to": "g-ok"}',
    '{"from": "g-ok", "to": "p-1", "role": "volunteer"}',
    '{"from": "p-1", "to": "g-ok", "role": "volunteer"}',
    '{"from": "p-1", "to": "g-ok", "role": "volunteer", "since": "2024-01-01"}',
]

# Worked out by reading the lines above, one by one.
EXPECTED = [
    "nodes/Case.jsonl:1: reportedAt: expected a date-time with an offset like "
    '"2024-05-01T09:30:00+08:00", got "2024-05-01T09:30:00"',
    'nodes/Case.jsonl:2: reportedAt: "2024-02-30T09:30:00+08:00" is not a real date and time',
    "nodes/Gird.jsonl:1: label: unknown label 'Gird' (did you mean 'Grid'?)",
    "nodes/Grid.jsonl:2: level: 4 is above the maximum 3",
    "nodes/Grid.jsonl:3: nmae: unknown property of Grid (did you mean 'name'?)",
    "nodes/Grid.jsonl:3: name: required for Grid",
    'nodes/Grid.jsonl:5: id: "g-ok" is already used at nodes/Grid.jsonl:1',
    "nodes/Grid.jsonl:6: id: required",
    'nodes/Grid.jsonl:7: colour: "purple" is not one of red, yellow, blue, orange, green',
    "nodes/Grid.jsonl:8: json: invalid JSON: Expecting ',' delimiter (column 30)",
    'nodes/Grid.jsonl:9: record: expected a JSON object, got ["not", "an", "object"]',
    'nodes/Grid.jsonl:10: lat: expected a number, got "40.1"',
    "nodes/Grid.jsonl:11: name: required for Grid",
    "nodes/Grid.jsonl:12: json: invalid JSON: NaN is not allowed in JSON",
    'nodes/Person.jsonl:2: availableDays: item 1: expected a whole number, got "二"',
    "nodes/Person.jsonl:3: birthYear: expected a whole number, got true",
    "nodes/notes.txt:1: file: not a .jsonl or .csv file (a typo would skip data)",
    "relationships/HOLDS_ROLE.jsonl:1: role: required for HOLDS_ROLE",
    'relationships/HOLDS_ROLE.jsonl:2: from: "g-ok" is a Grid; HOLDS_ROLE starts at Person',
    'relationships/HOLDS_ROLE.jsonl:2: to: "p-1" is a Person; HOLDS_ROLE ends at Place or '
    "Organisation",
    "relationships/HOLDS_ROLE.jsonl:4: to: repeats an earlier relationship of this type between "
    "the same nodes",
    "relationships/HOLDS_ROLES.jsonl:1: type: unknown type 'HOLDS_ROLES' (did you mean "
    "'HOLDS_ROLE'?)",
    'relationships/PART_OF.jsonl:1: to: node "g-lvl" is not loaded: its record at '
    "nodes/Grid.jsonl:2 is invalid",
    'relationships/PART_OF.jsonl:2: to: no node with id "nowhere" in the dataset or the graph',
    'relationships/PART_OF.jsonl:3: to: "g-b" is the same node as from',
    "relationships/PART_OF.jsonl:4: since: unknown property of PART_OF",
    'relationships/PART_OF.jsonl:5: from: "g-ok" already has a parent at line 1',
]


def write_bad_dataset(root: Path) -> Path:
    for folder, name, lines in (
        ("nodes", "Grid.jsonl", GRID_LINES),
        ("nodes", "Case.jsonl", CASE_LINES),
        ("nodes", "Person.jsonl", PERSON_LINES),
        ("nodes", "Gird.jsonl", ['{"id": "g-x", "name": "错标签", "level": 1}']),
        ("nodes", "notes.txt", ["not data"]),
        ("relationships", "PART_OF.jsonl", PART_OF_LINES),
        ("relationships", "HOLDS_ROLE.jsonl", HOLDS_ROLE_LINES),
        ("relationships", "HOLDS_ROLES.jsonl", ['{"from": "p-1", "to": "g-ok"}']),
    ):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


async def test_a_bad_dataset_writes_nothing_and_lists_every_bad_line(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    before = write_dir(
        tmp_path / "before",
        {
            "nodes": {"District": [{"id": "d-1", "name": "双滦区", "kind": "district"}]},
            "relationships": {},
        },
    )
    await load_directory(db, before)
    graph_before = dump(clean_uri)

    report = await load_directory(db, write_bad_dataset(tmp_path / "bad"))

    assert [str(p) for p in report.problems] == EXPECTED
    assert not report.written
    assert dump(clean_uri) == graph_before
    # Records per file minus the valid ones: Grid 14 lines less the blank, less 3 good ones.
    invalid = {name: c.invalid for name, c in report.counts.items() if c.invalid}
    assert invalid == {
        "Grid": 10,
        "Case": 2,
        "Person": 2,
        "Gird": 1,
        "PART_OF": 5,
        "HOLDS_ROLE": 3,
        "HOLDS_ROLES": 1,
    }


async def test_skip_invalid_writes_the_valid_records_and_reports_the_rest(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    report = await load_directory(db, write_bad_dataset(tmp_path / "bad"), skip_invalid=True)

    assert [str(p) for p in report.problems] == EXPECTED
    assert report.written
    nodes, rels = dump(clean_uri)
    assert sorted(nodes) == ["g-a", "g-b", "g-ok", "p-1"]
    assert rels == [("p-1", "HOLDS_ROLE", "g-ok", {"role": "volunteer"})]
    assert (report.counts["Grid"].created, report.counts["HOLDS_ROLE"].created) == (3, 1)
