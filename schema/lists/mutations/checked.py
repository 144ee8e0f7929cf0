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


async def create_alone(
    info: Info, name: str, params: Mapping[str, Any], refs: Sequence[Ref]
) -> Mapping[str, Any] | list[UserError]:
    """A checked create as a transaction of its own (graph/lists.write_checked_alone): the
    row written; else, with nothing written, DUPLICATE (alone) when `params["id"]` is taken,
    or NOT_FOUND for each ref missing, of another kind or outside what the viewer may change
    (scope hides what exists)."""
    made = await lists.write_checked_alone(
        info.context.db, name, params, refs, write_access(info.context.viewer)
    )
    try:
        if made.taken:
            raise Rejected.one(
                ID_FIELD, ErrorCode.DUPLICATE, f"{ID_FIELD}: {params['id']!r} is taken"
            )
        return _written(made)
    except Rejected as rejected:
        return rejected.errors


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
