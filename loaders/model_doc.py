"""docs/MODEL.md, generated from loaders/model.py (a test checks the committed copy):

.venv/bin/python -m loaders.model_doc docs/MODEL.md
"""

from __future__ import annotations

import sys
from pathlib import Path

from loaders.model import NODE_TYPES, REL_TYPES, SUPER_LABELS, NodeType, Prop, RelType

HEAD = """# The governance graph model

<!-- Generated from loaders/model.py by `python -m loaders.model_doc docs/MODEL.md`;
     edit the model, not this file (tests/loaders/test_docs.py checks they agree). -->

Every node carries the label `Entity` and a stable external `id` (the source system's
key), unique across the graph (constraint `entity_id`); places also carry `Place` and
organisations `Organisation`. Roles, memberships and links are relationships, so one
person can hold many roles. Properties marked **sensitive** are personal data, masked for
viewers who may not see them. Dates are Neo4j `Date`, date-times `DateTime` with an
offset. The import format (docs/IMPORT.md, docs/import-schema/) follows this model.
"""

SUPER_CHINESE = {"Place": "地点", "Organisation": "组织"}


def _mermaid() -> list[str]:
    lines = ["```mermaid", "flowchart LR"]
    grouped = {label for labels in SUPER_LABELS.values() for label in labels}
    for sup in sorted(SUPER_LABELS):
        lines.append(f'  subgraph {sup}["{sup} {SUPER_CHINESE.get(sup, "")}"]')
        for node in NODE_TYPES:
            if node.super_label == sup:
                lines.append(f'    {node.label}["{node.label}<br/>{node.chinese}"]')
        lines.append("  end")
    for node in NODE_TYPES:
        if node.label not in grouped:
            lines.append(f'  {node.label}["{node.label}<br/>{node.chinese}"]')
    for rel in REL_TYPES:
        for start in rel.sources:
            for end in rel.targets:
                lines.append(f'  {start} -->|"{rel.type} {rel.chinese}"| {end}')
    lines.append("```")
    return lines


def _type(prop: Prop) -> str:
    text: str = prop.type
    if prop.enum:
        text += ": " + ", ".join(f"`{v}`" for v in prop.enum)
    if prop.minimum is not None or prop.maximum is not None:
        lo = "" if prop.minimum is None else f"{prop.minimum:g}"
        hi = "" if prop.maximum is None else f"{prop.maximum:g}"
        text += f" ({lo}..{hi})"
    return text


def _props(props: dict[str, Prop], own: list[tuple[str, str, str]]) -> list[str]:
    lines = ["| property | type | required | notes |", "|---|---|---|---|"]
    for name, type_, note in own:
        lines.append(f"| `{name}` | {type_} | yes | {note} |")
    for name, prop in props.items():
        notes = prop.doc.replace("|", "\\|")
        if prop.sensitive:
            notes = ("**sensitive** " + notes).strip()
        lines.append(f"| `{name}` | {_type(prop)} | {'yes' if prop.required else ''} | {notes} |")
    return lines


def _node(node: NodeType) -> list[str]:
    lines = [
        f"### {node.label} {node.chinese}",
        "",
        f"{node.doc}. Labels: `:{':'.join(node.labels)}`.",
    ]
    if not node.searchable:
        lines[-1] += " Not in the name search."
    lines.append("")
    lines += _props(node.props, [("id", "string", "stable external id, unique")])
    return [*lines, ""]


def _rel(rel: RelType) -> list[str]:
    ends = f"From {' or '.join(rel.sources)} to {' or '.join(rel.targets)}."
    lines = [f"### {rel.type} {rel.chinese}", "", f"{rel.doc}. {ends}"]
    if rel.key:
        lines[-1] += f" Several may join the same two nodes, one per {', '.join(rel.key)}."
    lines.append("")
    if rel.props:
        lines += [*_props(rel.props, []), ""]
    return lines


def render() -> str:
    lines = [HEAD, "## Diagram", "", *_mermaid(), "", "## Labels", ""]
    for node in NODE_TYPES:
        lines += _node(node)
    lines += ["## Relationship types", ""]
    for rel in REL_TYPES:
        lines += _rel(rel)
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/MODEL.md")
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
