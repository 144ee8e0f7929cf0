"""The lists' writes that check and write in one statement (graph/lists.write_checked), with
a refusal turned into the same typed errors the separate checks gave (schema/core/payloads:
refuse_taken, then require)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from neo4j import AsyncManagedTransaction

from graph import lists
from graph.nodes import Ref
from schema.core.access import write_access
from schema.core.context import Info
from schema.core.payloads import ErrorCode, Rejected, UserError, written

ID_FIELD = "input.externalId"


async def create_checked(
    tx: AsyncManagedTransaction,
    info: Info,
    name: str,
    params: Mapping[str, Any],
    refs: Sequence[Ref],
) -> Mapping[str, Any]:
    """Inside the write's transaction: the row written by `lists/<name>`; Rejected, with
    nothing written, when `params["id"]` is taken (DUPLICATE, alone, as it was checked
    first) or some ref is missing, of another kind or outside what the viewer may change
    (NOT_FOUND for each: scope hides what exists)."""
    made = await lists.write_checked(tx, name, params, refs, write_access(info.context.viewer))
    if made.taken:
        raise Rejected.one(ID_FIELD, ErrorCode.DUPLICATE, f"{ID_FIELD}: {params['id']!r} is taken")
    return _written(made)


async def update_checked(
    tx: AsyncManagedTransaction,
    info: Info,
    name: str,
    params: Mapping[str, Any],
    refs: Sequence[Ref],
) -> Mapping[str, Any]:
    """Inside the write's transaction: the row `lists/<name>` wrote; Rejected (NOT_FOUND for
    each ref missing, of another kind or outside what the viewer may change), with nothing
    written."""
    return _written(
        await lists.write_checked(tx, name, params, refs, write_access(info.context.viewer))
    )


def _written(made: lists.Checked) -> Mapping[str, Any]:
    if made.refused:
        raise Rejected(
            [
                UserError(
                    field=r.field,
                    code=ErrorCode.NOT_FOUND,
                    message=f"{r.field}: no such entity ({r.id!r})",
                )
                for r in made.refused
            ]
        )
    return written(made.row)
