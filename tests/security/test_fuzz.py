"""Fuzzing the running service: operations generated from the schema, and malformed bodies.

Whatever arrives, the answer is a well-formed JSON response with a 2xx or 4xx status (a 503
only when the database is down, and then with the clear message), and no error carries
internal detail: no stack trace, no Cypher, no driver or module names. The number of
requests tried is reported at the end of the run (tests/security/conftest.py).
"""

from __future__ import annotations

import json
import os
import string
from typing import Any

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, queries

from schema.api import build_schema
from schema.core.errors import UNAVAILABLE_MESSAGE
from schema.core.ids import to_global
from tests.conftest import wipe
from tests.security.conftest import FUZZ_TRIED as TRIED
from tests.security.conftest import Service
from tests.security.scenes import TYPES, build_two_grids
from tests.support.auth import token

# Text that would betray the inside of the service.
INTERNAL_MARKERS = (
    "Traceback",
    'File "',
    ".py",
    "neo4j.",
    "Neo.ClientError",
    "Neo.TransientError",
    "Neo.DatabaseError",
    "MATCH (",
    "RETURN ",
    "UNWIND ",
    "strawberry",
    "graphql-core",
    "object at 0x",
    "KeyError",
    "TypeError",
    "AttributeError",
    "ValueError",
    "RecursionError",
)
ALLOWED_STATUS = {200, 400, 401, 403, 405, 406, 413, 415}
# The suite runs a repeatable minute; benchmarks/fuzz_long.py sets these to explore more, at
# random (GRIDLINK_FUZZ_SCALE multiplies every count).
SCALE = int(os.environ.get("GRIDLINK_FUZZ_SCALE", "1"))
BODIES = 250 * SCALE
FUZZ = settings(
    deadline=None,
    derandomize=not os.environ.get("GRIDLINK_FUZZ_RANDOM"),
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


def check(response: httpx.Response, sent: object) -> None:
    """The invariant every answer keeps; `sent` is shown when it does not."""
    assert response.status_code in ALLOWED_STATUS | {503}, (
        response.status_code,
        sent,
        response.text[:500],
    )
    text = response.text
    for marker in INTERNAL_MARKERS:
        assert marker not in text, (marker, sent, text[:500])
    if response.headers.get("content-type", "").startswith("text/html"):
        return
    if response.status_code == 400 and text == "Invalid HTTP request received.":
        return  # the HTTP server itself refused a malformed request before the app saw it
    body = response.json()
    assert isinstance(body, dict) and ("data" in body or "errors" in body), (sent, text[:300])
    if response.status_code == 503:
        assert [e["message"] for e in body["errors"]] == [UNAVAILABLE_MESSAGE], (sent, text)
    assert response.headers.get("x-request-id"), sent


def string_node(values: st.SearchStrategy[str]) -> st.SearchStrategy[graphql.StringValueNode]:
    return values.map(lambda v: graphql.StringValueNode(value=v))


SCENE_IDS = [to_global(type_, id_) for id_, type_ in TYPES.items()]
SCALARS = {
    "ID": string_node(st.one_of(st.sampled_from(SCENE_IDS), st.text(max_size=30))),
    "Date": string_node(st.dates().map(lambda d: d.isoformat())),
    "DateTime": string_node(
        st.datetimes(timezones=st.just(__import__("datetime").UTC)).map(lambda d: d.isoformat())
    ),
}


@pytest.fixture(scope="module")
def scene(service: Service, migrated: str) -> Service:
    wipe(migrated)
    build_two_grids(migrated)
    return service


SDL = build_schema().as_str()
_ROOTS = graphql.build_schema(SDL)
QUERY_FIELDS = sorted(_ROOTS.query_type.fields)
MUTATION_FIELDS = sorted(_ROOTS.mutation_type.fields) if _ROOTS.mutation_type else []


def fuzz(
    scene: Service,
    operations: st.SearchStrategy[Any],
    examples: int,
    key: str,
    who: tuple[str, str | None] = ("admin", None),
    refused: bool = False,
) -> None:
    """Send `examples` generated operations as `who`; each answer must pass `check`."""
    headers = {"Authorization": f"Bearer {token(who[0], who[1])}"}  # type: ignore[arg-type]
    sent = 0

    @settings(FUZZ, max_examples=examples)
    @given(operations)
    def run(operation: str) -> None:
        nonlocal sent
        sent += 1
        response = scene.client.post(scene.url, json={"query": operation}, headers=headers)
        check(response, operation)
        if refused:
            assert "errors" in response.json(), operation

    run()
    TRIED[key] += sent
    assert sent >= 1


# Operations are generated one root field at a time: every field is reached, and generating
# from a one-field slice of the schema is far cheaper than from the whole of it.
@pytest.mark.parametrize("field", QUERY_FIELDS)
def test_generated_queries_never_fault(scene: Service, field: str) -> None:
    fuzz(scene, queries(SDL, fields=[field], custom_scalars=SCALARS), 4 * SCALE, "queries")


@pytest.mark.parametrize("field", MUTATION_FIELDS)
@pytest.mark.parametrize(
    ("role", "scope", "examples"),
    [("admin", None, 3), ("grid_worker", "g-1", 2), ("planner", None, 1)],
)
def test_generated_mutations_never_fault(
    scene: Service, field: str, role: str, scope: str | None, examples: int
) -> None:
    operations = mutations(SDL, fields=[field], custom_scalars=SCALARS)
    fuzz(scene, operations, examples * SCALE, f"mutations as {role}", (role, scope))


@pytest.mark.parametrize("field", [f for f in QUERY_FIELDS if _ROOTS.query_type.fields[f].args])
def test_schema_violating_queries_are_refused_cleanly(scene: Service, field: str) -> None:
    operations = queries(SDL, fields=[field], custom_scalars=SCALARS, mode=Mode.NEGATIVE)
    fuzz(scene, operations, 2 * SCALE, "schema-violating queries", refused=True)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = st.sampled_from(["query", "variables", "operationName", "extensions"])
REQUEST_SHAPES = st.dictionaries(
    FIELDS, JSON_VALUES | st.just("{ nodeCounts { label } }"), max_size=4
)

HANDMADE: list[Any] = [
    ("empty", b"", {}),
    ("truncated", b'{"query": "{ nodeCounts', {}),
    ("null", b"null", {}),
    ("array", b"[]", {}),
    ("batch", b'[{"query": "{ nodeCounts { label } }"}]', {}),
    ("number query", b'{"query": 1}', {}),
    ("variables string", b'{"query": "{ nodeCounts { label } }", "variables": "x"}', {}),
    (
        "bad variable type",
        b'{"query": "query($a: Int) { nodeCounts { label } }", "variables": {"a": "x"}}',
        {},
    ),
    ("operationName list", b'{"query": "{ nodeCounts { label } }", "operationName": []}', {}),
    (
        "unknown operation",
        b'{"query": "query A { nodeCounts { label } }", "operationName": "B"}',
        {},
    ),
    ("extensions string", b'{"query": "{ nodeCounts { label } }", "extensions": "x"}', {}),
    ("bad persisted hash", b'{"extensions": {"persistedQuery": {"sha256Hash": 5}}}', {}),
    ("invalid utf-8", b'\xff\xfe{"query": "{ nodeCounts { label } }"}', {}),
    ("lone surrogate", b'{"query": "{ search(text: \\"\\ud800\\") { __typename } }"}', {}),
    ("nul in query", b'{"query": "{ nodeCounts\\u0000 { label } }"}', {}),
    pytest.param(
        "deep json",
        b"[" * 100_000 + b"]" * 100_000,
        {},
        id="deep json",
    ),
    pytest.param(
        "deep object",
        b'{"query": "{ nodeCounts { label } }", "variables": '
        + b'{"a":' * 50_000
        + b"1"
        + b"}" * 50_001,
        {},
        id="deep object",
    ),
    ("deep selection", json.dumps({"query": "{" + "a {" * 5000 + "b" + "}" * 5001}).encode(), {}),
    ("many tokens", json.dumps({"query": "{" + " nodeCounts { label }" * 3000 + "}"}).encode(), {}),
    ("over the body limit", b'{"query": "' + b" " * 2_000_000 + b'{ nodeCounts { label } }"}', {}),
    ("text/plain", b'{"query": "{ nodeCounts { label } }"}', {"content-type": "text/plain"}),
    ("form", b"query=%7B%7D", {"content-type": "application/x-www-form-urlencoded"}),
    ("multipart", b"--x\r\n\r\n--x--", {"content-type": "multipart/form-data; boundary=x"}),
    (
        "latin-1 charset",
        b'{"query": "{ nodeCounts { label } }"}',
        {"content-type": "application/json; charset=latin-1"},
    ),
    ("accept xml", b'{"query": "{ nodeCounts { label } }"}', {"accept": "application/xml"}),
    ("bad bearer", b'{"query": "{ nodeCounts { label } }"}', {"authorization": "Bearer \x7f"}),
    ("basic auth", b'{"query": "{ nodeCounts { label } }"}', {"authorization": "Basic YTpi"}),
    (
        "hostile request id",
        b'{"query": "{ nodeCounts { label } }"}',
        {"x-request-id": "a\tb" * 100},
    ),
]


@pytest.mark.parametrize(
    ("name", "body", "extra"),
    [h if hasattr(h, "marks") else pytest.param(*h, id=h[0]) for h in HANDMADE],
)
def test_malformed_bodies_are_refused_cleanly(
    scene: Service, name: str, body: bytes, extra: dict[str, str]
) -> None:
    headers = httpx.Headers(
        {"content-type": "application/json", "authorization": f"Bearer {token('admin')}"}
    )
    headers.update(extra)  # case-insensitively: a test's own Authorization replaces the token
    TRIED["malformed (by hand)"] += 1
    response = scene.client.post(scene.url, content=body, headers=headers)
    check(response, name)
    assert (
        response.status_code != 200
        or "errors" in response.json()
        or name
        in {
            "hostile request id",
            "batch",
        }
    )


def test_generated_bodies_are_refused_or_answered_cleanly(scene: Service) -> None:
    headers = {"content-type": "application/json", "Authorization": f"Bearer {token('admin')}"}
    printable = st.text(alphabet=string.printable, max_size=200).map(str.encode)

    @settings(FUZZ, max_examples=BODIES)
    @given(
        st.one_of(
            st.binary(max_size=300), printable, REQUEST_SHAPES.map(lambda d: json.dumps(d).encode())
        )
    )
    def run(body: bytes) -> None:
        TRIED["bodies"] += 1
        check(scene.client.post(scene.url, content=body, headers=headers), body[:200])

    run()
    assert TRIED["bodies"] >= BODIES


def test_get_requests_with_generated_parameters_are_answered_cleanly(scene: Service) -> None:
    headers = {"Authorization": f"Bearer {token('admin')}", "accept": "application/json"}

    @settings(FUZZ, max_examples=60 * SCALE)
    @given(
        st.dictionaries(
            FIELDS, st.text(max_size=40) | st.just("{ nodeCounts { label } }"), max_size=4
        )
    )
    def run(params: dict[str, Any]) -> None:
        TRIED["GET"] += 1
        check(scene.client.get(scene.url, params=params, headers=headers), params)

    run()
