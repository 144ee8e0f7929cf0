"""JSON Schema (2020-12) for every import record type, generated from loaders/model.py.

The published copies live in docs/import-schema/ (a test checks they match the model):

    .venv/bin/python -m loaders.jsonschema docs/import-schema

A schema describes one line of `nodes/<Label>.jsonl` or `relationships/<TYPE>.jsonl`;
`bundle.schema.json` describes the one-file form. The loader accepts exactly what these
accept, except what needs the graph (ends that exist, index size limits; docs/IMPORT.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from loaders.model import NODE_TYPES, REL_TYPES, NodeType, Prop, RelType

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"
INT64 = {"minimum": -(2**63), "maximum": 2**63 - 1}
ID = {"type": "string", "minLength": 1}


def _bounds(prop: Prop) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if prop.enum:
        out["enum"] = list(prop.enum)
    if prop.minimum is not None:
        out["minimum"] = _num(prop.minimum)
    if prop.maximum is not None:
        out["maximum"] = _num(prop.maximum)
    return out


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def prop_schema(prop: Prop) -> dict[str, Any]:
    base: dict[str, Any]
    if prop.type == "date":
        base = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    elif prop.type == "datetime":
        base = {"type": "string", "format": "date-time", "pattern": DATETIME_PATTERN}
    elif prop.type.endswith("[]"):
        item = "string" if prop.type == "string[]" else "integer"
        base = {"type": "array", "items": {"type": item, **_bounds(prop)}}
    elif prop.type == "integer":
        base = {"type": "integer", **INT64, **_bounds(prop)}
    else:
        base = {"type": prop.type, **_bounds(prop)}
    if not prop.required:
        # null means "no value", as a missing key does.
        base = {"anyOf": [base, {"type": "null"}]}
    doc = (prop.doc + (" Sensitive personal data." if prop.sensitive else "")).strip()
    return {"description": doc, **base} if doc else base


def _record(
    path: str,
    title: str,
    doc: str,
    own: dict[str, Any],
    props: dict[str, Prop],
    own_keys: list[str],
) -> dict[str, Any]:
    required = own_keys + [k for k, p in props.items() if p.required]
    return {
        "$schema": DRAFT,
        "$id": path,
        "title": title,
        "description": doc,
        "type": "object",
        "properties": {**own, **{k: prop_schema(p) for k, p in props.items()}},
        "required": required,
        "additionalProperties": False,
    }


def node_schema(node: NodeType) -> dict[str, Any]:
    own = {"id": {"description": "stable external id, unique across the graph", **ID}}
    labels = ":".join(node.labels)
    return _record(
        f"nodes/{node.label}.schema.json",
        f"{node.label} {node.chinese}",
        f"{node.doc}. One line of nodes/{node.label}.jsonl; stored with the labels {labels}.",
        own,
        node.props,
        ["id"],
    )


def rel_schema(rel: RelType) -> dict[str, Any]:
    own = {
        "from": {"description": f"id of the start: {' or '.join(rel.sources)}", **ID},
        "to": {"description": f"id of the end: {' or '.join(rel.targets)}", **ID},
    }
    doc = f"{rel.doc}. One line of relationships/{rel.type}.jsonl."
    if rel.key:
        doc += f" Several may join the same two nodes, told apart by {', '.join(rel.key)}."
    else:
        doc += " At most one joins the same two nodes."
    return _record(
        f"relationships/{rel.type}.schema.json",
        f"{rel.type} {rel.chinese}",
        doc,
        own,
        rel.props,
        ["from", "to"],
    )


def bundle_schema() -> dict[str, Any]:
    def section(folder: str, names: list[str]) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {
                n: {"type": "array", "items": {"$ref": f"{folder}/{n}.schema.json"}} for n in names
            },
            "additionalProperties": False,
        }

    return {
        "$schema": DRAFT,
        "$id": "bundle.schema.json",
        "title": "gridlink import bundle",
        "description": "A whole dataset in one JSON file: records by label and by type.",
        "type": "object",
        "properties": {
            "nodes": section("nodes", [n.label for n in NODE_TYPES]),
            "relationships": section("relationships", [r.type for r in REL_TYPES]),
        },
        "additionalProperties": False,
    }


def render() -> dict[str, str]:
    """Every schema file by its path under docs/import-schema/, as text."""
    docs: dict[str, dict[str, Any]] = {"bundle.schema.json": bundle_schema()}
    for node in NODE_TYPES:
        docs[f"nodes/{node.label}.schema.json"] = node_schema(node)
    for rel in REL_TYPES:
        docs[f"relationships/{rel.type}.schema.json"] = rel_schema(rel)
    return {
        path: json.dumps(doc, ensure_ascii=False, indent=2) + "\n" for path, doc in docs.items()
    }


def write(root: Path) -> list[Path]:
    """Write the schemas under `root`, removing stale ones; the paths written."""
    files = render()
    for stale in sorted(root.glob("**/*.schema.json")):
        if stale.relative_to(root).as_posix() not in files:
            stale.unlink()
    out = []
    for rel_path, text in files.items():
        path = root / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/import-schema")
    print(f"wrote {len(write(target))} schemas to {target}")
