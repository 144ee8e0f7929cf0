"""Hostile strings in every string argument, and in imported files, change nothing they should not.

Every root field of the schema that takes a String or an ID (directly or inside an input
object) is called with each hostile string in all of them at once: once with the ids
hostile too, once with ids naming real entities of the scene so that the strings reach the
write path. Around each field the whole graph is taken apart and compared:

- no node is removed, and no node of the scene loses or gains a label;
- every label and relationship type is one of loaders/model.py's;
- every string the graph now holds that was not there before is either free of the hostile
  text or is exactly one of the hostile strings (stored as data, never run);
- every answer is a GraphQL answer without a fault (no 5xx, no INTERNAL_ERROR).

The loader gets the same strings in ids, names and properties, plus a file that is not
UTF-8 and a record of several megabytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import graphql
import pytest

from graph.database import Database
from loaders.load import InvalidDataset, load_path
from loaders.model import NODE_TYPES, REL_TYPES
from schema.api import build_schema
from schema.core.ids import to_global
from tests.conftest import wipe
from tests.security.conftest import Service, graph_census
from tests.security.scenes import build_two_grids
from tests.support.auth import headers as auth_header

HOSTILE = [
    "'",
    '"',
    "\\",
    "`",
    "'}) DETACH DELETE n //",
    '"}) DETACH DELETE n //',
    "`}) MATCH (m) DETACH DELETE m //",
    "x' OR 1=1 OR n.id = 'x",
    "$scopes",
    "*:* OR name:* AND NOT id:x~",
    "王芳\u0000'); CALL db.clearQueryCaches() //",
    "{{7*7}} ${jndi:ldap://x/a} %s%n",
    "H" * 100_000,
]
# Text that marks a string as hostile when found inside a stored value.
MARKERS = ("DETACH DELETE", "OR 1=1", "$scopes", "*:*", "clearQueryCaches", "jndi", "H" * 1000)

ALLOWED_LABELS = {"Entity"} | {label for n in NODE_TYPES for label in n.labels}
ALLOWED_TYPES = {r.type for r in REL_TYPES}

SCHEMA = graphql.build_schema(build_schema().as_str())

# Which scene entity an ID argument names, by the argument's (or input field's) name.
VALID_IDS = {
    "place": ("Grid", "g-1"),
    "placeId": ("Grid", "g-1"),
    "at": ("Grid", "g-1"),
    "under": ("Grid", "g-1"),
    "scopeId": ("Street", "s-1"),
    "community": ("Community", "c-1"),
    "person": ("Person", "p-1"),
    "owner": ("Person", "p-1"),
    "raisedBy": ("Person", "p-1"),
    "reporterId": ("Person", "p-1"),
    "handlerIds": ("Person", "p-w"),
    "mediatorIds": ("Person", "p-w"),
    "assignees": ("Person", "p-w"),
    "target": ("Need", "n-1"),
    "needId": ("Need", "n-1"),
    "needs": ("Need", "n-1"),
    "claimant": ("PartyOrganisation", "po-1"),
    "provider": ("PartyOrganisation", "po-1"),
    "signatories": ("PartyOrganisation", "po-1"),
    "category": ("Category", "cat-1"),
    "categoryId": ("Category", "cat-1"),
    "caseId": ("Case", "k-1"),
}


def id_for(field: str, name: str) -> str:
    if name in ("id", "ids"):
        if field.startswith("case"):
            return to_global("Case", "k-1")
        if field.startswith("need"):
            return to_global("Need", "n-1")
        return to_global("Person", "p-1")
    type_name, external = VALID_IDS.get(name, ("Grid", "g-1"))
    return to_global(type_name, external)


def value(field: str, name: str, type_: Any, hostile: str, real_ids: bool, depth: int = 0) -> Any:
    """A value for an input type: strings hostile, ids hostile or real, the rest minimal."""
    nullable = not isinstance(type_, graphql.GraphQLNonNull)
    inner = type_ if nullable else type_.of_type
    if isinstance(inner, graphql.GraphQLList):
        return [value(field, name, inner.of_type, hostile, real_ids, depth)]
    if isinstance(inner, graphql.GraphQLInputObjectType):
        out = {}
        for key, f in inner.fields.items():
            v = value(field, key, f.type, hostile, real_ids, depth + 1)
            if v is not None or isinstance(f.type, graphql.GraphQLNonNull):
                out[key] = v
        return out
    if isinstance(inner, graphql.GraphQLEnumType):
        return None if nullable else next(iter(inner.values))
    scalar = inner.name
    if scalar == "String":
        if name in ("after", "before"):
            return hostile  # cursors come back as user text too
        return hostile
    if scalar == "ID":
        return id_for(field, name) if real_ids else hostile
    if nullable:
        return None
    return {"Int": 1, "Float": 1.0, "Boolean": False, "Date": "2026-11-20"}.get(
        scalar, "2026-11-20T10:00:00+00:00"
    )


def operation(root: graphql.GraphQLObjectType, field: str, kind: str) -> str:
    definition = root.fields[field]
    variables = ", ".join(f"${a}: {arg.type}" for a, arg in definition.args.items())
    arguments = ", ".join(f"{a}: ${a}" for a in definition.args)
    selection = ""
    if not isinstance(graphql.get_named_type(definition.type), graphql.GraphQLScalarType):
        selection = "{ __typename }"
    header = f"{kind} Hostile({variables})" if variables else kind
    call = f"{field}({arguments})" if arguments else field
    return f"{header} {{ {call} {selection} }}"


def fields_with_text() -> list[tuple[str, str]]:
    out = []
    for kind, root in (("query", SCHEMA.query_type), ("mutation", SCHEMA.mutation_type)):
        if root is None:
            continue
        for name, definition in root.fields.items():
            text = json.dumps(
                {a: value(name, a, arg.type, "§", False) for a, arg in definition.args.items()},
                ensure_ascii=False,
            )
            if "§" in text:
                out.append((kind, name))
    return out


FIELDS = fields_with_text()


def strings_in(census: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for _, props in census["nodes"].values():
        for v in props.values():
            for item in v if isinstance(v, list) else [v]:
                if isinstance(item, str):
                    found.add(item)
    return found


def assert_unharmed(before: dict[str, Any], after: dict[str, Any], what: str) -> None:
    missing = set(before["nodes"]) - set(after["nodes"])
    assert not missing, f"{what}: nodes removed {sorted(missing)[:5]}"
    for node_id, (labels, _) in before["nodes"].items():
        assert after["nodes"][node_id][0] == labels, f"{what}: labels of {node_id} changed"
    labels = {label for lbls, _ in after["nodes"].values() for label in lbls}
    assert labels <= ALLOWED_LABELS, f"{what}: labels {labels - ALLOWED_LABELS}"
    types = {t for _, t, _ in after["rels"]}
    assert types <= ALLOWED_TYPES, f"{what}: relationship types {types - ALLOWED_TYPES}"
    new_entities = len(after["nodes"]) - len(before["nodes"])
    assert after["all_nodes"] - before["all_nodes"] == new_entities, f"{what}: stray nodes"
    new_meta = set(after["meta"]) - set(before["meta"])
    assert new_meta <= {"caseEventLog"}, f"{what}: bookkeeping nodes {sorted(new_meta)}"
    hostile = set(HOSTILE) | {h.strip() for h in HOSTILE}
    for text in strings_in(after) - strings_in(before):
        if any(marker in text for marker in MARKERS):
            assert text in hostile, f"{what}: hostile text altered on its way in: {text[:80]!r}"


@pytest.fixture(scope="module")
def scene(service: Service, migrated: str) -> Service:
    wipe(migrated)
    build_two_grids(migrated)
    return service


@pytest.mark.parametrize(("kind", "field"), FIELDS, ids=[f for _, f in FIELDS])
def test_hostile_strings_in_every_argument_change_nothing_they_should_not(
    scene: Service, migrated: str, kind: str, field: str
) -> None:
    root = SCHEMA.query_type if kind == "query" else SCHEMA.mutation_type
    assert root is not None
    definition = root.fields[field]
    document = operation(root, field, kind)
    before = graph_census(migrated)
    for real_ids in (False, True):
        for hostile in HOSTILE:
            variables = {
                a: value(field, a, arg.type, hostile, real_ids)
                for a, arg in definition.args.items()
            }
            response = scene.post(document, variables)
            assert response.status_code < 500, (field, hostile[:40], response.text[:300])
            body = response.json()
            codes = {(e.get("extensions") or {}).get("code") for e in body.get("errors", [])}
            assert "INTERNAL_ERROR" not in codes, (field, hostile[:40], body)
    assert_unharmed(before, graph_census(migrated), field)


def test_every_field_taking_text_is_covered() -> None:
    names = {f for _, f in FIELDS}
    assert {"search", "node", "needCreate", "caseReport", "volunteerSignUp"} <= names
    assert len(names) >= 50


# ---- imported files ----------------------------------------------------------------------


def write_dataset(root: Path, people: list[dict[str, Any]], extra: bytes = b"") -> Path:
    (root / "nodes").mkdir(parents=True)
    (root / "relationships").mkdir()
    lines = b"\n".join(json.dumps(p, ensure_ascii=False).encode("utf-8") for p in people)
    (root / "nodes" / "Person.jsonl").write_bytes(lines + b"\n" + extra)
    (root / "relationships" / "LIVES_IN.jsonl").write_text(
        "\n".join(json.dumps({"from": p["id"], "to": "h-1"}) for p in people) + "\n",
        encoding="utf-8",
    )
    return root


async def test_hostile_strings_in_an_import_are_stored_as_data(
    db: Database, clean_uri: str, tmp_path: Path
) -> None:
    build_two_grids(clean_uri)
    before = graph_census(clean_uri)
    people = [
        {"id": f"evil-{i}", "name": text, "phone": text[:40], "skills": [text]}
        for i, text in enumerate(HOSTILE[:-1])  # the 100,000-character one: see below
    ]
    people.append({"id": "'}) DETACH DELETE n //", "name": "id itself hostile"})
    report = await load_path(db, write_dataset(tmp_path / "hostile", people))
    assert report.written and not report.problems, report.problems
    after = graph_census(clean_uri)
    assert_unharmed(before, after, "import")
    for person in people:
        stored = after["nodes"][person["id"]][1]  # the hostile id is an id like any other
        assert stored["name"] == person["name"]
    # A second load of the same file changes nothing at all.
    await load_path(db, tmp_path / "hostile")
    assert graph_census(clean_uri) == after


@pytest.mark.parametrize(
    ("name", "extra", "complaint"),
    [
        ("not UTF-8", b'{"id": "p-bad", "name": "\xff\xfe\xfa"}\n', "encoding: not UTF-8"),
        ("truncated JSON", b'{"id": "p-bad", "name": "unterminated\n', "Person.jsonl:2: json"),
        (
            "a label smuggled in",
            b'{"id": "p-bad", "name": "x", "labels": ["Admin"]}\n',
            "labels: unknown property of Person",
        ),
    ],
)
async def test_a_broken_import_writes_nothing_and_says_where(
    db: Database, clean_uri: str, tmp_path: Path, name: str, extra: bytes, complaint: str
) -> None:
    build_two_grids(clean_uri)
    before = graph_census(clean_uri)
    good = [{"id": "p-good", "name": "好人"}]
    report = await load_path(db, write_dataset(tmp_path / "broken", good, extra))
    assert not report.written
    assert any(complaint in str(p) for p in report.problems), report.problems
    with pytest.raises(InvalidDataset, match=complaint):
        report.raise_for_problems()
    assert graph_census(clean_uri) == before  # not even the good record


@pytest.mark.parametrize("size", [100_000, 3_000_000])
async def test_a_name_too_long_to_index_is_refused_before_anything_is_written(
    db: Database, clean_uri: str, tmp_path: Path, size: int
) -> None:
    build_two_grids(clean_uri)
    before = graph_census(clean_uri)
    huge = "长" * size  # 3 bytes a character in UTF-8: up to 9 MB in one name
    people = [{"id": "p-huge", "name": huge}, {"id": "p-fine", "name": "正常"}]
    report = await load_path(db, write_dataset(tmp_path / "huge", people))
    assert not report.written
    assert f"name: too long to index: {3 * size} bytes" in str(report.problems[0])
    assert graph_census(clean_uri) == before


def test_lone_surrogates_in_variables_are_refused_by_name(scene: Service, migrated: str) -> None:
    # JSON's "\ud800" escape decodes to half a character, which no driver can send on.
    before = graph_census(migrated)
    place = to_global("Grid", "g-1")
    mutation = "mutation($i: NeedCreateInput!) { needCreate(input: $i) { errors { code } } }"
    variables = {"i": {"title": "@ title", "quantity": 1, "place": place}}
    # json.dumps cannot write a lone surrogate escape itself; put it in by hand.
    body = json.dumps({"query": mutation, "variables": variables}).replace("@", "\\ud800")
    response = scene.client.post(
        scene.url,
        content=body.encode("ascii"),  # the escape stays an escape: valid JSON, invalid text
        headers={"content-type": "application/json", **auth_header()},
    )
    assert response.status_code == 200
    assert response.json()["errors"] == [
        {
            "message": "variables.i.title is not valid Unicode text: it holds a lone surrogate "
            "(U+D800-U+DFFF).",
            "extensions": {"code": "BAD_USER_INPUT"},
        }
    ]
    assert graph_census(migrated) == before
