"""The root schema, composed from each domain's Queries/Mutations/Subscriptions."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig

from schema.core.errors import MaskFaults
from schema.system.queries import SystemQueries


@strawberry.type(description="The root of every read. 查询")
class Query(SystemQueries):
    pass


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        config=StrawberryConfig(disable_field_suggestions=True),
        extensions=[MaskFaults],
    )
