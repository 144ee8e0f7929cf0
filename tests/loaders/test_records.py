"""Reading datasets: a bundle's records keep the line they start on; broken files say where."""

from __future__ import annotations

from pathlib import Path

from loaders.records import read_bundle, read_dataset
from loaders.validate import check_records

BUNDLE = """{
  "nodes": {
    "Grid": [
      {"id": "g-1", "name": "一网格", "level": 3},
      {"id": "g-2",
       "name": "二网格",
       "level": 9}
    ],
    "Person": [{"id": "p-1", "name": "张三", "birthYear": "1960"}]
  },
  "relationships": {
    "HOLDS_ROLE": [
      {"from": "p-1", "to": "g-1", "role": "volunteer"},
      {"from": "p-1", "to": "g-1"}
    ]
  }
}
"""


def test_a_bundle_reports_the_line_each_record_starts_on(tmp_path: Path) -> None:
    path = tmp_path / "scene.json"
    path.write_text(BUNDLE, encoding="utf-8")

    checked = check_records(read_bundle(path))

    # g-2 starts on line 5, p-1 on line 9, the roles on lines 13 and 14 (counted by hand);
    # the first role fails only because p-1 does.
    assert [str(p) for p in checked.problems] == [
        "scene.json:5: level: 9 is above the maximum 3",
        'scene.json:9: birthYear: expected a whole number, got "1960"',
        'scene.json:13: from: node "p-1" is not loaded: its record at scene.json:9 is invalid',
        "scene.json:14: role: required for HOLDS_ROLE",
    ]


def test_a_broken_bundle_names_the_line_of_the_fault(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(
        '{\n  "nodes": {\n    "Grid": [\n      {"id": "g-1",, }\n    ]\n  }\n}\n', "utf-8"
    )

    raw = read_bundle(path)

    assert [(p.file, p.line, p.field) for p in raw.problems] == [("broken.json", 4, "json")]
    assert raw.problems[0].message.startswith("invalid JSON: Expecting property name")


def test_a_bundle_section_other_than_nodes_and_relationships_is_an_error(
    tmp_path: Path,
) -> None:
    path = tmp_path / "extra.json"
    path.write_text('{"nodes": {}, "edges": {"PART_OF": []}}', encoding="utf-8")

    raw = read_bundle(path)

    assert [str(p) for p in raw.problems] == [
        "extra.json:1: edges: unknown section (expected nodes or relationships)"
    ]


def test_a_path_that_is_neither_a_dataset_nor_a_bundle(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()

    assert [str(p) for p in read_dataset(tmp_path / "missing").problems] == [
        f"{tmp_path / 'missing'}:0: path: no such file or directory"
    ]
    assert [str(p) for p in read_dataset(empty).problems] == [
        "empty:0: path: holds neither nodes/ nor relationships/"
    ]


def test_json_lines_skip_blank_lines_and_keep_numbering(tmp_path: Path) -> None:
    (tmp_path / "nodes").mkdir()
    (tmp_path / "nodes" / "Grid.jsonl").write_text(
        '\n{"id": "g-1", "name": "一网格", "level": 3}\n\n{"id": "g-2", "name": "二", "level": 0}\n',
        encoding="utf-8",
    )

    checked = check_records(read_dataset(tmp_path))

    assert [str(p) for p in checked.problems] == [
        "nodes/Grid.jsonl:4: level: 0 is below the minimum 1"
    ]
    assert [row["id"] for row in checked.nodes["Grid"].rows] == ["g-1"]
