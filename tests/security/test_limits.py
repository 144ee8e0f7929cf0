"""Limits refuse an operation before it runs, naming the limit; costs worked out by hand.

A tiny schema built here (an item with children, paged by `first`) keeps the arithmetic
visible; the same extensions guard the real schema (tests/security/test_service_limits.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

import pytest
import strawberry
from neo4j.exceptions import Neo4jError
from starlette.responses import Response

from gridlink.config import Settings, from_env
from schema.core.errors import is_timeout
from schema.core.limits import operation_hash
from schema.core.policy import request_policy
from schema.core.viewer import ANONYMOUS, SYSTEM, Grant, Viewer


@strawberry.type
class Item:
    name: str

    @strawberry.field
    def children(self, first: int | None = None) -> list[Item]:
        return [Item(name=f"{self.name}.{i}") for i in range(min(first or 2, 2))]

    @strawberry.field
    def parent(self) -> Item:
        return Item(name=self.name + "^")


@strawberry.type
class Query:
    @strawberry.field
    def items(self, first: int = 20) -> list[Item]:
        return [Item(name=str(i)) for i in range(min(first, 3))]

    @strawberry.field
    def everything(self) -> list[Item]:
        return [Item(name="e")]

    @strawberry.field
    def broken(self) -> str:
        raise RuntimeError("MATCH (n:Secret) RETURN n -- internal detail")


@strawberry.type
class Mutation:
    @strawberry.mutation
    def touch(self) -> str:
        return "touched"


@dataclass
class Ctx:
    viewer: Viewer
    response: Response
    request_id: str = "req-1"


def settings(**changes: Any) -> Settings:
    base = replace(
        from_env(),
        max_depth=4,
        max_aliases=3,
        max_tokens=200,
        max_cost=1000,
        max_page_size=50,
        introspection=True,
        require_persisted=False,
        persisted_path=None,
    )
    return replace(base, **changes)


async def run(
    query: str | None,
    s: Settings | None = None,
    viewer: Viewer = SYSTEM,
    variables: dict[str, Any] | None = None,
    extensions: dict[str, Any] | None = None,
) -> tuple[Any, Response]:
    schema = strawberry.Schema(
        query=Query, mutation=Mutation, extensions=request_policy(s or settings())
    )
    response = Response()
    result = await schema.execute(
        query,
        variable_values=variables,
        context_value=Ctx(viewer, response),
        operation_extensions=extensions,
    )
    return result, response


def messages(result: Any) -> list[str]:
    return [e.message for e in result.errors or []]


async def test_a_modest_operation_runs() -> None:
    # items(first: 3) → 3 × (1 + children(first: 2) → 2) = 3 × 3 = 9 objects: well under 1000.
    result, _ = await run("{ items(first: 3) { name children(first: 2) { name } } }")
    assert result.errors is None
    assert len(result.data["items"]) == 3


@pytest.mark.parametrize(
    ("query", "variables", "expected"),
    [
        # 50 × (1 + 50 × 1) = 2550 objects > 1000
        (
            "{ items(first: 50) { children(first: 50) { name } } }",
            None,
            "may return about 2550 objects",
        ),
        # the same through a variable
        (
            "query Q($n: Int!) { items(first: $n) { children(first: $n) { name } } }",
            {"n": 50},
            "may return about 2550 objects",
        ),
        # the default first (20) counts, and a pageable list under a page is a list of its
        # own: 20 × (1 + 20 × (1 + 10 × 1)) = 20 × 221 = 4420
        (
            "{ items { children(first: 20) { everything: children { name } } } }",
            None,
            "may return about 4420 objects",
        ),
        # a list without `first` counts as 10 per level: 10 × (1 + 10 × (1 + 10)) = 1110
        (
            "{ everything { children { children { name } } } }",
            None,
            "may return about 1110 objects",
        ),
    ],
    ids=["literal", "variable", "default", "unpaged"],
)
async def test_costly_operations_are_refused_with_the_estimate(
    query: str, variables: dict[str, Any] | None, expected: str
) -> None:
    result, _ = await run(query, variables=variables)
    assert result.data is None
    assert any(expected in m and "GRIDLINK_MAX_COST" in m for m in messages(result)), messages(
        result
    )


async def test_fragments_count_once_per_spread_without_blowing_up() -> None:
    # Each level spreads the next one 3 times: 3^6 leaves if expanded naively; measured once each.
    fragments = "\n".join(
        f"fragment F{i} on Item {{ name parent {{ ...F{i + 1} ...F{i + 1} ...F{i + 1} }} }}"
        for i in range(6)
    )
    query = f"{{ items(first: 3) {{ ...F0 }} }}\nfragment F6 on Item {{ name }}\n{fragments}"
    result, _ = await run(query, settings(max_depth=50, max_tokens=2000))
    # Fi costs ci = 1 (its parent) + 3 spreads × c(i+1): c6 = 0, c5 = 1, c4 = 4, c3 = 13,
    # c2 = 40, c1 = 121, c0 = 364; items(first: 3) → 3 × (1 + 364) = 1095 > 1000.
    assert any("about 1095 objects" in m for m in messages(result)), messages(result)


async def test_page_size_above_the_maximum_is_refused() -> None:
    result, _ = await run("{ items(first: 51) { name } }")
    assert messages(result) == [
        "`first` on `items` is 51; at most 50 per page (GRIDLINK_MAX_PAGE_SIZE)."
    ]
    result, _ = await run("{ items(first: -1) { name } }")
    assert messages(result) == ["`first` on `items` is -1; it must not be negative."]


async def test_depth_aliases_and_tokens_are_bounded() -> None:
    deep = "{ everything { parent { parent { parent { parent { name } } } } } }"  # 5 levels
    result, _ = await run(deep, settings(max_cost=10**9))
    assert "The operation is 5 levels deep; at most 4 (GRIDLINK_MAX_DEPTH)." in messages(result)
    aliased = "{ a: items(first: 1) { name } b: items(first: 1) { name } c: everything { x: name y: name } }"
    result, _ = await run(aliased)
    assert "The operation uses 5 aliases; at most 3 (GRIDLINK_MAX_ALIASES)." in messages(result)
    result, _ = await run("{ " + "items(first: 1) { name } " * 60 + "}")
    assert any("more than 200 tokens" in m for m in messages(result)), messages(result)


async def test_a_cached_document_is_measured_again_with_each_operations_variables() -> None:
    # One schema, so the second and third operations reuse the parsed, validated text:
    # the cost still follows the variables. n=2: 2 × (1 + 2 × 1) = 6; n=50: 50 × 51 = 2550.
    schema = strawberry.Schema(
        query=Query, mutation=Mutation, extensions=request_policy(settings())
    )
    text = "query Q($n: Int!) { items(first: $n) { children(first: $n) { name } } }"

    async def cost_errors(n: int) -> list[str]:
        result = await schema.execute(
            text, variable_values={"n": n}, context_value=Ctx(SYSTEM, Response())
        )
        return messages(result)

    # Each verdict is kept per page-size value: both are given again from what was kept.
    for _ in range(2):
        assert await cost_errors(2) == []
        assert any("about 2550 objects" in m for m in await cost_errors(50))
    # A value of another type that Python finds equal is kept apart: `true` is no page size,
    # so items counts as a list of 10: 10 × (1 + 50 + 50) = 1010, refused (and coercion
    # refuses `true` too). n=1: 1 × 101 = 101, which must not get the verdict kept for true.
    wide = """query W($n: Int!) { items(first: $n) {
      a: children(first: 50) { name } b: children(first: 50) { name } } }"""
    ctx = Ctx(SYSTEM, Response())
    refused = await schema.execute(wide, variable_values={"n": True}, context_value=ctx)
    assert any("about 1010 objects" in m for m in messages(refused))
    result = await schema.execute(wide, variable_values={"n": 1}, context_value=ctx)
    assert messages(result) == []
    # An invalid text is refused the same way the second time, from the cache.
    invalid = "{ items(first: 1) { nope } }"
    for _ in range(2):
        result = await schema.execute(invalid, context_value=Ctx(SYSTEM, Response()))
        assert result.data is None
        [message] = messages(result)
        assert message.startswith("Cannot query field 'nope' on type 'Item'."), message


async def test_introspection_can_be_switched_off() -> None:
    result, _ = await run("{ __schema { queryType { name } } }", settings(introspection=False))
    assert result.data is None and "introspection" in messages(result)[0].lower()
    result, _ = await run("{ __schema { queryType { name } } }")
    assert result.data == {"__schema": {"queryType": {"name": "Query"}}}


async def test_anonymous_callers_get_401_except_for_the_schema() -> None:
    result, response = await run("{ items(first: 1) { name } }", viewer=ANONYMOUS)
    assert response.status_code == 401 and result.data is None
    assert result.errors[0].extensions == {"code": "UNAUTHENTICATED"}
    result, response = await run("{ __schema { queryType { name } } }", viewer=ANONYMOUS)
    assert result.errors is None
    result, response = await run(
        "{ __schema { queryType { name } } }", settings(introspection=False), viewer=ANONYMOUS
    )
    assert response.status_code == 401


async def test_roles_that_read_only_are_refused_every_mutation_with_403() -> None:
    planner = Viewer("u-plan", (Grant("planner", None),))
    result, response = await run("mutation { touch }", viewer=planner)
    assert response.status_code == 403 and result.data is None
    assert result.errors[0].extensions == {"code": "FORBIDDEN"}
    result, _ = await run("{ items(first: 1) { name } }", viewer=planner)  # reading is fine
    assert result.errors is None
    worker = Viewer("p-wang", (Grant("grid_worker", "g-1"),))
    result, response = await run("mutation { touch }", viewer=worker)
    assert result.data == {"touch": "touched"} and response.status_code != 403


async def test_lone_surrogates_are_refused_naming_where_they_are() -> None:
    query = "query($f: Int) { items(first: $f) { name } }"
    result, _ = await run(query, variables={"f": 1, "x": {"deep": ["ok", "bad\ud800"]}})
    assert messages(result) == [
        "variables.x.deep[1] is not valid Unicode text: it holds a lone surrogate (U+D800-U+DFFF)."
    ]
    result, _ = await run("{ items(first: 1) { name } } # \udc00")
    assert messages(result)[0].startswith("the query is not valid Unicode text")


@pytest.mark.parametrize(
    ("code", "timeout"),
    [
        ("Neo.ClientError.Transaction.TransactionTimedOut", True),
        ("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", True),
        ("Neo.ClientError.Transaction.LockClientStopped", True),
        ("Neo.ClientError.Statement.SyntaxError", False),
    ],
)
def test_transactions_stopped_by_the_time_limit_are_told_apart(code: str, timeout: bool) -> None:
    assert is_timeout(Neo4jError._hydrate_neo4j(code=code, message="stopped")) is timeout


async def test_faults_are_masked_with_the_request_id() -> None:
    result, response = await run("{ broken }")
    assert messages(result) == ["Internal error (request id req-1)."]
    assert "MATCH" not in str(result.errors[0].formatted)
    assert response.headers["x-request-id"] == "req-1"


ALLOWED = "{ items(first: 1) { name } }"


@pytest.fixture
def allow_list(tmp_path: Any) -> str:
    path = tmp_path / "persisted.json"
    path.write_text(json.dumps({operation_hash(ALLOWED): ALLOWED}))
    return str(path)


async def test_persisted_operations_run_by_hash_and_others_are_refused(allow_list: str) -> None:
    strict = settings(require_persisted=True, persisted_path=allow_list)
    by_hash = {"persistedQuery": {"version": 1, "sha256Hash": operation_hash(ALLOWED)}}
    result, _ = await run(None, strict, extensions=by_hash)
    assert result.errors is None and result.data == {"items": [{"name": "0"}]}
    result, _ = await run(ALLOWED, strict)  # the same text, sent in full, is on the list
    assert result.errors is None
    result, _ = await run("{ items(first: 2) { name } }", strict)
    assert result.errors[0].extensions == {"code": "PERSISTED_QUERY_REQUIRED"}
    unknown = {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}
    result, _ = await run(None, strict, extensions=unknown)
    assert result.errors[0].extensions == {"code": "PERSISTED_QUERY_NOT_FOUND"}
    result, _ = await run("{ everything { name } }", strict, extensions=by_hash)
    assert "does not match" in messages(result)[0]


def test_require_persisted_without_a_list_refuses_to_start() -> None:
    with pytest.raises(SystemExit, match="GRIDLINK_PERSISTED_OPERATIONS"):
        request_policy(settings(require_persisted=True))
