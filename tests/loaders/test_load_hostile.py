"""Text that looks like Cypher, quotes, control characters and huge values are only data."""

from __future__ import annotations

from pathlib import Path

from graph.database import Database
from loaders.load import load_directory
from tests.loaders.conftest import dump
from tests.loaders.scenes import write_dir

HOSTILE = [
    "王'秀\"兰`",
    "}) DETACH DELETE n //",
    "x'}) MATCH (m) DETACH DELETE m RETURN 1 AS x //",
    "$($labels) $type {id: 1}",
    "line one\nline two\r\n\ttabbed",
    "nul \u0000 and bell \u0007",
    "emoji 🏘️ and 中文 mixed",
]
LONG = "长" * 200_000  # 600,000 bytes: fine where no index holds it


async def test_hostile_strings_load_as_plain_data_and_change_nothing_else(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    await load_directory(
        db,
        write_dir(
            tmp_path / "before",
            {
                "nodes": {"District": [{"id": "d-1", "name": "双滦区", "kind": "district"}]},
                "relationships": {},
            },
        ),
    )
    people = [
        {"id": f"p-{i}", "name": text, "skills": [text], "address": LONG}
        for i, text in enumerate(HOSTILE)
    ]
    people.append({"id": "}) DETACH DELETE n //", "name": "an id that reads as Cypher"})
    dataset = write_dir(
        tmp_path / "hostile",
        {
            "nodes": {"Person": people},
            "relationships": {
                "HOLDS_ROLE": [
                    {"from": "}) DETACH DELETE n //", "to": "d-1", "role": "volunteer"},
                ]
            },
        },
    )

    report = await load_directory(db, dataset)

    assert report.ok, report.problems
    nodes, rels = dump(clean_uri)
    assert nodes["d-1"] == (
        ("District", "Entity", "Place"),
        {"id": "d-1", "name": "双滦区", "kind": "district"},
    )
    for i, text in enumerate(HOSTILE):
        assert nodes[f"p-{i}"] == (
            ("Entity", "Person"),
            {"id": f"p-{i}", "name": text, "skills": [text], "address": LONG},
        )
    assert len(nodes) == 1 + len(HOSTILE) + 1
    assert rels == [("}) DETACH DELETE n //", "HOLDS_ROLE", "d-1", {"role": "volunteer"})]


async def test_a_file_named_like_cypher_is_an_unknown_label(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    root = tmp_path / "names"
    (root / "nodes").mkdir(parents=True)
    (root / "nodes" / "Person`) DETACH DELETE n.jsonl").write_text(
        '{"id": "p-1", "name": "张三"}\n', encoding="utf-8"
    )

    report = await load_directory(db, root)

    assert [str(p) for p in report.problems] == [
        "nodes/Person`) DETACH DELETE n.jsonl:1: label: unknown label 'Person`) DETACH DELETE n'"
    ]
    assert dump(clean_uri) == ({}, [])


async def test_a_value_too_large_for_its_index_is_refused_before_writing(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    dataset = write_dir(
        tmp_path / "large",
        {
            "nodes": {
                "Person": [
                    {"id": "p-1", "name": "长" * 11_000},
                    {"id": "p-2", "name": "长" * 10_000},
                    {"id": "x" * 8_001, "name": "张三"},
                ],
                "Grid": [{"id": "g-1", "name": "一网格", "level": 3}],
            },
            "relationships": {"HOLDS_ROLE": [{"from": "p-1", "to": "g-1", "role": "volunteer"}]},
        },
    )

    report = await load_directory(db, dataset)

    # 11,000 characters of 3 bytes are 33,000 bytes, over the text index's 32,000;
    # 10,000 of them (30,000 bytes) fit. An id of 8,001 bytes overflows the id index.
    assert [str(p) for p in report.problems] == [
        "nodes/Person.jsonl:1: name: too long to index: 33000 bytes, at most 32000 "
        "(index person_name)",
        "nodes/Person.jsonl:3: id: too long to index: 8001 bytes, at most 8000 (index entity_id)",
        'relationships/HOLDS_ROLE.jsonl:1: from: node "p-1" is not loaded: its record at '
        "nodes/Person.jsonl:1 is invalid",
    ]
    assert dump(clean_uri) == ({}, [])
