"""Queries answered a level at a time: every field of one level resolved as one batch.

graphql-core executes an operation depth-first, one field of one object at a time: for each
it builds a resolve info, coerces the field's arguments, calls the resolver through
strawberry's wrapper (which converts the arguments again) and completes the value through
several layers of awaitables. A nested list asks the same field of hundreds of objects, so
that work is repeated for each: about 17 ms of CPU for the street > communities > grids >
grid workers list (issue 9, benchmarks/profile_nested.py), ten times what reading the data
costs.

`BatchedExecutor` runs a query breadth-first instead. All objects reached at one level by
the same selection are one batch: the field's arguments are coerced and converted once for
the batch, its resolver is called for every object of the batch together (so the
DataLoaders still send one statement per level), plain fields are read as attributes, and
the values are completed into the answer with the schema's own serialisers, type
resolvers and `is_type_of` checks. The answer is the same document graphql-core would build:
the same resolvers run with the same arguments, keys in the same order.

What it does not do, it leaves to graphql-core: mutations and subscriptions, introspection
(`__schema`, `__type`), `@defer`/`@stream`, fields with strawberry field extensions or
permission classes, resolvers asking for `root`/`parent`, middleware, an abort signal. And
any error on the way (a resolver raising, a null in a non-null position, a value of the
wrong type) makes it hand the whole operation to graphql-core, which runs it again and
reports the errors with their paths as the spec says. Queries only read, so running one a
second time changes nothing; it costs a second pass only when the answer holds an error.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graphql import (
    ExecutionResult,
    GraphQLAbstractType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    OperationType,
    Undefined,
    is_abstract_type,
    is_leaf_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetailsList, collect_fields
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField

F = TypeVar("F", bound=Callable[..., Any])
DEFINITION = "strawberry-definition"  # where strawberry links a GraphQLField to its field


BATCH = "__gridlink_batch__"  # a resolver's function for a whole batch of parents


def answers_batches(many: Callable[..., Awaitable[Sequence[Any]]]) -> Callable[[F], F]:
    """Give a resolver a form for a whole batch: `many(parents, selection=..., **arguments)`
    returns one value per parent, in order, what the resolver returns for each. The batched
    executor calls it once per batch instead of the resolver once per parent (each call a
    coroutine, a task, a DataLoader future and a key); graphql-core keeps calling the
    resolver. `selection` says what the query reads below the field, so the form may read
    no more than that. A batch form reads nothing of its parents but their external ids, so
    an object whose only resolver fields are batch forms may be read with only the
    properties its plain fields show (schema/core/relay.py `read_props`)."""

    def mark(resolver: F) -> F:
        setattr(resolver, BATCH, many)
        return resolver

    return mark


@dataclass(frozen=True, slots=True)
class Completed:
    """A batch form's value already in the answer's shape (schema/core/projection.py): the
    executor puts it in the answer as it is, resolving nothing below it."""

    answer: Any


class Selection:
    """What a query reads below one field, through fragments, for the field's batch form."""

    def __init__(
        self,
        executor: BatchedExecutor,
        return_type: GraphQLOutputType,
        details: FieldDetailsList,
    ) -> None:
        self.executor = executor
        self.return_type = return_type
        self.details = details

    def names_at(self, *path: str) -> set[str] | None:
        """The names of the fields selected at `path` below the field (`"edges", "node"`);
        None when that cannot be told from the types (an interface or union on the way)."""
        return self._names(self.return_type, self.details, path)

    def _names(
        self, gtype: GraphQLOutputType, details: FieldDetailsList, path: tuple[str, ...]
    ) -> set[str] | None:
        while isinstance(gtype, GraphQLNonNull | GraphQLList):
            gtype = gtype.of_type
        if not isinstance(gtype, GraphQLObjectType):
            return None
        grouped, defer_usages, _ = self.executor.collect_subfields(gtype, details)
        if defer_usages:
            return None
        if not path:
            return {d[0].node.name.value for d in grouped.values()}
        out: set[str] = set()
        for sub in grouped.values():
            name = sub[0].node.name.value
            if name == path[0]:
                found = self._names(gtype.fields[name].type, sub, path[1:])
                if found is None:
                    return None
                out |= found
        return out


def arguments(
    executor: BatchedExecutor,
    field_def: GraphQLField,
    definition: StrawberryField,
    details: FieldDetailsList,
    info: Any,
) -> dict[str, Any]:
    """A field's arguments as its resolver takes them: coerced by graphql-core, converted
    by strawberry (input types, enums, scalars)."""
    first = details[0]
    raw = (
        get_argument_values(
            field_def,
            first.node,
            executor.variable_values,
            first.fragment_variable_values,
            executor.hide_suggestions,
        )
        if field_def.args or first.node.arguments
        else {}
    )
    strawberry_schema = executor.schema._strawberry_schema  # type: ignore[attr-defined]
    return convert_arguments(
        raw,
        definition.arguments,
        scalar_registry=strawberry_schema.schema_converter.scalar_registry,
        config=strawberry_schema.config,
        info=info,
    )


class Fallback(Exception):
    """This operation, or this part of it, is for graphql-core's own executor."""


@dataclass
class _Batch:
    """The objects one level reaches through the same selection, with their answers."""

    parent_type: GraphQLObjectType
    fields: Mapping[str, FieldDetailsList]
    path: Path | None
    sources: list[Any] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)


class BatchedExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor with queries answered a level at a time (module doc)."""

    def execute_operation(self, serially: bool | None = None) -> Any:
        if (
            self.operation.operation is not OperationType.QUERY
            or self.abort_signal is not None
            or (self.middleware_manager is not None and self.middleware_manager.middlewares)
        ):
            return super().execute_operation(serially)
        return self._batched_or_default(serially)

    async def _batched_or_default(self, serially: bool | None) -> Any:
        try:
            data = await _Walk(self).run()
        except Exception:
            result = super().execute_operation(serially)
            return await result if inspect.isawaitable(result) else result
        return ExecutionResult(data, None)


class _Walk:
    def __init__(self, executor: BatchedExecutor) -> None:
        self.ex = executor
        strawberry_schema = executor.schema._strawberry_schema  # type: ignore[attr-defined]
        self.config = strawberry_schema.config

    async def run(self) -> dict[str, Any]:
        ex = self.ex
        root_type = ex.schema.query_type
        if root_type is None:
            raise Fallback
        grouped, defer_usages, _ = collect_fields(
            ex.schema,
            ex.fragments,
            ex.variable_values,
            root_type,
            ex.operation,
            ex.hide_suggestions,
        )
        if defer_usages:
            raise Fallback
        data: dict[str, Any] = {}
        level = [_Batch(root_type, grouped, None, [ex.root_value], [data])]
        while level:
            following: dict[tuple[str, int], _Batch] = {}
            work: list[Coroutine[Any, Any, None]] = []
            try:
                for batch in level:
                    self._run(batch, following, work)
            except BaseException:
                for pending in work:
                    pending.close()  # never started: nothing to cancel, nothing to warn of
                raise
            if len(work) == 1:
                await work[0]  # a level with one resolved field (a lookup) needs no task
            elif work:
                async with asyncio.TaskGroup() as group:
                    for pending in work:
                        group.create_task(pending)
            level = list(following.values())
        return data

    def _run(
        self,
        batch: _Batch,
        following: dict[tuple[str, int], _Batch],
        work: list[Coroutine[Any, Any, None]],
    ) -> None:
        # Every key is placed first, in the selection's order, so the answer's keys keep
        # that order whatever order the fields' values arrive in.
        keys = list(batch.fields)
        for answer in batch.answers:
            for key in keys:
                answer[key] = None
        for key, details in batch.fields.items():
            name = details[0].node.name.value
            if name == "__typename":
                for answer in batch.answers:
                    answer[key] = batch.parent_type.name
                continue
            field_def = batch.parent_type.fields.get(name)
            if name.startswith("__") or field_def is None:
                raise Fallback
            definition = field_def.extensions.get(DEFINITION)
            if not isinstance(definition, StrawberryField):
                raise Fallback
            path = Path(batch.path, key, batch.parent_type.name)
            if definition.is_basic_field:
                values = [definition.get_result(s, None, [], {}) for s in batch.sources]
                info = self.ex.build_resolve_info(
                    field_def, _nodes(details), batch.parent_type, path
                )
                self._complete_all(
                    field_def.type, details, info, path, key, batch, values, following
                )
            else:
                work.append(
                    self._resolve(batch, key, details, field_def, definition, path, following)
                )

    async def _resolve(
        self,
        batch: _Batch,
        key: str,
        details: FieldDetailsList,
        field_def: GraphQLField,
        definition: StrawberryField,
        path: Path,
        following: dict[tuple[str, int], _Batch],
    ) -> None:
        resolver = definition.base_resolver
        if (
            resolver is None
            or definition.extensions
            or resolver.parent_parameter is not None
            or resolver.root_parameter is not None
        ):
            raise Fallback
        info = self.ex.build_resolve_info(field_def, _nodes(details), batch.parent_type, path)
        strawberry_info = self.config.info_class(_raw_info=info, _field=definition)
        # Converted once for the whole batch: resolvers read their arguments, never change them.
        kwargs = arguments(self.ex, field_def, definition, details, strawberry_info)
        if resolver.info_parameter is not None:
            kwargs[resolver.info_parameter.name] = strawberry_info
        with_self = resolver.self_parameter is not None
        many = getattr(resolver.wrapped_func, BATCH, None)
        if many is not None and with_self:
            selection = Selection(self.ex, field_def.type, details)
            results = list(await many(batch.sources, selection=selection, **kwargs))
            if len(results) != len(batch.sources):
                raise Fallback
            self._complete_all(field_def.type, details, info, path, key, batch, results, following)
            return
        results = [
            resolver(s, **kwargs) if with_self else resolver(**kwargs) for s in batch.sources
        ]
        pending = [i for i, r in enumerate(results) if inspect.isawaitable(r)]
        if len(pending) == 1:
            results[pending[0]] = await results[pending[0]]
        elif pending:
            done = await asyncio.gather(*(results[i] for i in pending))
            for i, value in zip(pending, done, strict=True):
                results[i] = value
        self._complete_all(field_def.type, details, info, path, key, batch, results, following)

    def _complete_all(
        self,
        return_type: GraphQLOutputType,
        details: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        key: str,
        batch: _Batch,
        values: list[Any],
        following: dict[tuple[str, int], _Batch],
    ) -> None:
        inner = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
        if is_leaf_type(inner):
            # Most of an answer is leaves: one tight loop per field, not a call per value.
            coerce = inner.coerce_output_value
            required = inner is not return_type
            for answer, value in zip(batch.answers, values, strict=True):
                if value is None or value is Undefined:
                    if required:
                        raise Fallback
                    answer[key] = None
                    continue
                if isinstance(value, Exception):
                    raise Fallback
                coerced = coerce(value)
                if coerced is None or coerced is Undefined:
                    raise Fallback
                answer[key] = coerced
            return
        for answer, value in zip(batch.answers, values, strict=True):
            if type(value) is Completed:
                answer[key] = value.answer
                continue
            answer[key] = self._complete(return_type, details, info, path, value, following)

    def _complete(
        self,
        return_type: GraphQLOutputType,
        details: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        value: Any,
        following: dict[tuple[str, int], _Batch],
    ) -> Any:
        if isinstance(return_type, GraphQLNonNull):
            completed = self._complete(return_type.of_type, details, info, path, value, following)
            if completed is None:
                raise Fallback
            return completed
        if isinstance(value, Exception):
            raise Fallback
        if value is None or value is Undefined:
            return None
        if isinstance(return_type, GraphQLList):
            if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
                raise Fallback
            item_type = return_type.of_type
            return [self._complete(item_type, details, info, path, v, following) for v in value]
        if is_leaf_type(return_type):
            coerced = return_type.coerce_output_value(value)
            if coerced is None or coerced is Undefined:
                raise Fallback
            return coerced
        if is_abstract_type(return_type):
            return_type = self._runtime_type(return_type, info, value)
        if not is_object_type(return_type):
            raise Fallback
        object_type: GraphQLObjectType = return_type
        if object_type.is_type_of is not None:
            fits = object_type.is_type_of(value, info)
            if fits is not True:
                raise Fallback
        answer: dict[str, Any] = {}
        group_key = (object_type.name, id(details))
        batch = following.get(group_key)
        if batch is None:
            grouped, defer_usages, _ = self.ex.collect_subfields(object_type, details)
            if defer_usages:
                raise Fallback
            batch = following[group_key] = _Batch(object_type, grouped, path)
        batch.sources.append(value)
        batch.answers.append(answer)
        return answer

    def _runtime_type(
        self, return_type: GraphQLAbstractType, info: GraphQLResolveInfo[Any], value: Any
    ) -> GraphQLObjectType:
        resolve = return_type.resolve_type or self.ex.type_resolver
        name = resolve(value, info, return_type)
        if not isinstance(name, str):
            raise Fallback
        runtime = self.ex.schema.get_type(name)
        if not is_object_type(runtime) or not self.ex.schema.is_sub_type(return_type, runtime):
            raise Fallback
        return runtime


def _nodes(details: FieldDetailsList) -> list[Any]:
    return [d.node for d in details]
