"""Run an operation against the real schema and a real Neo4j, as a given viewer.

Domain tests use this (no HTTP, no token): the viewer is explicit in the test, so a scope
rule is visible where it is tested. HTTP behaviour is tested in tests/http/.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import strawberry
from strawberry.types import ExecutionResult

from graph.database import Database
from gridlink.config import from_env
from schema.api import build_schema
from schema.core.context import Context
from schema.core.viewer import SYSTEM, Viewer


@cache
def schema() -> strawberry.Schema:
    return build_schema()


async def execute(
    db: Database, query: str, variables: dict[str, Any] | None = None, viewer: Viewer = SYSTEM
) -> ExecutionResult:
    context = Context(db=db, viewer=viewer, request_id="test", settings=from_env())
    return await schema().execute(query, variable_values=variables, context_value=context)


async def data(
    db: Database, query: str, variables: dict[str, Any] | None = None, viewer: Viewer = SYSTEM
) -> dict[str, Any]:
    """The `data` of a successful operation; fails the test with the errors otherwise."""
    result = await execute(db, query, variables, viewer)
    assert result.errors is None, [e.formatted for e in result.errors]
    assert result.data is not None
    return result.data
