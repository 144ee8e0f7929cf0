"""The root schema, composed from each domain's Queries / Mutations / Subscriptions."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.schema.config import StrawberryConfig

from schema.cases.mutations import CasesMutations
from schema.cases.queries import CasesQueries
from schema.cases.subscriptions import CasesSubscriptions
from schema.coordination.mutations import CoordinationMutations
from schema.coordination.queries import CoordinationQueries
from schema.core.batched import BatchedExecutor
from schema.core.errors import MaskFaults
from schema.core.relay import ENTITY_TYPES, RelayQueries
from schema.lists.mutations import ListsMutations
from schema.lists.queries import ListsQueries
from schema.network.mutations import NetworkMutations
from schema.network.queries import NetworkQueries
from schema.organisations.mutations import OrganisationsMutations
from schema.organisations.queries import OrganisationsQueries
from schema.people.mutations import PeopleMutations
from schema.people.queries import PeopleQueries
from schema.places.mutations import PlacesMutations
from schema.places.queries import PlacesQueries
from schema.points.mutations import PointsMutations
from schema.points.queries import PointsQueries
from schema.system.queries import SystemQueries


@strawberry.type(description="The root of every read. 查询")
class Query(
    SystemQueries,
    RelayQueries,
    PlacesQueries,
    OrganisationsQueries,
    PeopleQueries,
    ListsQueries,
    CasesQueries,
    CoordinationQueries,
    NetworkQueries,
    PointsQueries,
):
    pass


@strawberry.type(description="The root of every write. 变更")
class Mutation(
    PlacesMutations,
    OrganisationsMutations,
    PeopleMutations,
    ListsMutations,
    CasesMutations,
    CoordinationMutations,
    NetworkMutations,
    PointsMutations,
):
    pass


@strawberry.type(description="Live updates. 订阅")
class Subscription(CasesSubscriptions):
    pass


def _has_fields(root: type) -> bool:
    definition: Any = getattr(root, "__strawberry_definition__", None)
    return bool(definition and definition.fields)


def build_schema(extensions: list[Any] | None = None, batched: bool = True) -> strawberry.Schema:
    """The schema; `batched=False` keeps graphql-core's own executor for queries too (the
    tests compare the two). `extensions` replaces the default fault masking: the service's
    (schema/core/policy.py `request_policy`) masks faults itself."""
    return strawberry.Schema(
        query=Query,
        mutation=Mutation if _has_fields(Mutation) else None,
        subscription=Subscription if _has_fields(Subscription) else None,
        # Every entity type, also those reached only through an interface (Node, Place ...).
        types=list(ENTITY_TYPES.values()),
        config=StrawberryConfig(disable_field_suggestions=True),
        extensions=list(extensions) if extensions else [MaskFaults],
        # Queries a level at a time (schema/core/batched.py); the rest as graphql-core does.
        execution_context_class=BatchedExecutor if batched else None,
    )
