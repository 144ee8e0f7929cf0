"""The published model docs and import schemas are what the model generates today."""

from __future__ import annotations

import json
from pathlib import Path

from loaders import jsonschema, model_doc

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_model_md_matches_the_model() -> None:
    committed = (DOCS / "MODEL.md").read_text(encoding="utf-8")
    assert committed == model_doc.render(), (
        "docs/MODEL.md is stale: run .venv/bin/python -m loaders.model_doc docs/MODEL.md"
    )


def test_import_schemas_match_the_model() -> None:
    root = DOCS / "import-schema"
    committed = {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.glob("**/*.schema.json"))
    }
    assert committed == jsonschema.render(), (
        "docs/import-schema is stale: run .venv/bin/python -m loaders.jsonschema docs/import-schema"
    )


def test_model_md_marks_sensitive_data_and_draws_the_whole() -> None:
    text = (DOCS / "MODEL.md").read_text(encoding="utf-8")
    assert "| `idNumber` | string |  | **sensitive** resident ID number 身份证号 |" in text
    assert "### HOLDS_ROLE 担任" in text
    assert '  Person -->|"HOLDS_ROLE 担任"| Place' in text
    assert "```mermaid\nflowchart LR\n" in text


def test_the_grid_schema_says_what_a_grid_record_is() -> None:
    schema = json.loads((DOCS / "import-schema/nodes/Grid.schema.json").read_text("utf-8"))
    assert schema["required"] == ["id", "name", "level"]
    assert schema["additionalProperties"] is False
    level = schema["properties"]["level"]
    assert (level["type"], level["minimum"], level["maximum"]) == ("integer", 1, 3)
    colour = schema["properties"]["colour"]["anyOf"][0]
    assert colour["enum"] == ["red", "yellow", "blue", "orange", "green"]
    role = json.loads(
        (DOCS / "import-schema/relationships/HOLDS_ROLE.schema.json").read_text("utf-8")
    )
    assert role["required"] == ["from", "to", "role"]
    assert "told apart by role" in role["description"]
