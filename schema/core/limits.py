"""What one operation may cost, checked before anything runs (docs/SECURITY.md, "Limits").

- tokens: the parser stops past `settings.max_tokens`;
- depth, aliases, page size and cost: one walk over the operation in `OperationLimits`,
  which also parses and validates each document text once (schema/core/documents.py);
  the cost is the estimated number of objects the operation may return: a field with
  `first`/`last`/`limit` multiplies what it selects by that number, a list without one
  by `LIST_ESTIMATE`; `first` above `settings.max_page_size` is refused;
- persisted operations: an allow-list of sha256 → query text; clients may send only the
  hash, and with `settings.require_persisted` nothing else runs;
- introspection off with `settings.introspection = False`;
- anonymous callers refused (schema/core/permissions.py), unless the API is public.

Errors name the limit, the value found and the setting that raises it; they are request
errors, so nothing runs and the database is not touched.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
)
from graphql.type.definition import GraphQLInterfaceType, GraphQLNamedType, GraphQLObjectType
from strawberry.schema.schema import validate_document

from schema.core.documents import DocumentCache, Prepared, Tallies

PAGE_ARGUMENTS = ("first", "last", "limit")
# What a list without a page argument is assumed to hold: small lists (a case's events, a
# grid's workers) are the ones that come without paging.
LIST_ESTIMATE = 10


@dataclass(frozen=True)
class Limits:
    max_depth: int
    max_aliases: int
    max_cost: int
    max_page_size: int

    @classmethod
    def of(cls, settings: Any) -> Limits:
        return cls(
            settings.max_depth, settings.max_aliases, settings.max_cost, settings.max_page_size
        )


@dataclass
class Tally:
    cost: int = 0
    depth: int = 0
    aliases: int = 0
    problems: list[str] = field(default_factory=list)
    # The variables the page sizes were read from: the tally holds for any request giving
    # them the same values (OperationLimits keeps it per document).
    variables: tuple[str, ...] = ()


class _Walk:
    """Measures one operation; each fragment is measured once (no blow-up on nesting)."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        max_page_size: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.max_page_size = max_page_size
        self.problems: list[str] = []
        self.consulted: dict[str, None] = {}
        self._memo: dict[tuple[str, bool], Tally] = {}

    def page_size(self, node: FieldNode, args: Mapping[str, Any]) -> int | None:
        given = {a.name.value: a.value for a in node.arguments or ()}
        for name in PAGE_ARGUMENTS:
            # Every page variable counts, also those the loop below may not reach: the
            # walk's outcome depends on the variables through these alone.
            raw = given.get(name)
            if isinstance(raw, VariableNode):
                self.consulted[raw.name.value] = None
        for name in PAGE_ARGUMENTS:
            if name not in args:
                continue
            value: Any = None
            if name in given:
                raw = given[name]
                if isinstance(raw, IntValueNode):
                    value = int(raw.value)
                elif isinstance(raw, VariableNode):
                    value = self.variables.get(raw.name.value)
            else:
                value = args[name].default_value
            if isinstance(value, bool) or not isinstance(value, int):
                continue  # null, absent or mistyped: GraphQL coercion reports the latter
            if value < 0:
                self.problems.append(
                    f"`{name}` on `{node.name.value}` is {value}; it must not be negative."
                )
                return 0
            if value > self.max_page_size:
                self.problems.append(
                    f"`{name}` on `{node.name.value}` is {value}; at most {self.max_page_size} "
                    "per page (GRIDLINK_MAX_PAGE_SIZE)."
                )
                return self.max_page_size
            return value
        return None

    def selections(
        self, nodes: Any, parent: GraphQLNamedType | None, paged: bool, stack: frozenset[str]
    ) -> Tally:
        total = Tally()
        for node in nodes:
            part = self.selection(node, parent, paged, stack)
            total.cost += part.cost
            total.depth = max(total.depth, part.depth)
            total.aliases += part.aliases
        return total

    def selection(
        self,
        node: SelectionNode,
        parent: GraphQLNamedType | None,
        paged: bool,
        stack: frozenset[str],
    ) -> Tally:
        if isinstance(node, FieldNode):
            return self.field(node, parent, paged, stack)
        if isinstance(node, InlineFragmentNode):
            condition = node.type_condition
            target = self.schema.get_type(condition.name.value) if condition else parent
            return self.selections(node.selection_set.selections, target, paged, stack)
        if isinstance(node, FragmentSpreadNode):
            name = node.name.value
            fragment = self.fragments.get(name)
            if fragment is None or name in stack:
                return Tally()  # unknown or cyclic: validation reports it
            key = (name, paged)
            if key not in self._memo:
                target = self.schema.get_type(fragment.type_condition.name.value)
                self._memo[key] = self.selections(
                    fragment.selection_set.selections, target, paged, stack | {name}
                )
            return self._memo[key]
        return Tally()

    def field(
        self, node: FieldNode, parent: GraphQLNamedType | None, paged: bool, stack: frozenset[str]
    ) -> Tally:
        aliases = 1 if node.alias else 0
        name = node.name.value
        if name.startswith("__") or node.selection_set is None:
            return Tally(aliases=aliases)  # the schema itself and leaves cost nothing here
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return Tally(aliases=aliases)
        definition = parent.fields.get(name)
        if definition is None:
            return Tally(aliases=aliases)  # unknown field: validation reports it
        size = self.page_size(node, definition.args)
        if size is not None:
            factor, child_paged = size, True
        elif is_list_type(get_nullable_type(definition.type)):
            # The list right under a paged field (edges, nodes: no page argument of its own)
            # is that page, not more.
            page_itself = paged and not any(a in definition.args for a in PAGE_ARGUMENTS)
            factor, child_paged = (1 if page_itself else LIST_ESTIMATE), False
        else:
            factor, child_paged = 1, paged
        child = self.selections(
            node.selection_set.selections, get_named_type(definition.type), child_paged, stack
        )
        return Tally(
            cost=factor * (1 + child.cost), depth=1 + child.depth, aliases=aliases + child.aliases
        )


def measure(
    schema: GraphQLSchema,
    document: Any,
    variables: Mapping[str, Any] | None,
    operation_name: str | None,
    max_page_size: int,
) -> Tally:
    """Cost, depth and aliases of the operation that will run, plus page-size problems."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    walk = _Walk(schema, fragments, variables or {}, max_page_size)
    total = Tally()
    roots = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }
    for operation in operations:
        tally = walk.selections(
            operation.selection_set.selections, roots.get(operation.operation), False, frozenset()
        )
        total.cost = max(total.cost, tally.cost)
        total.depth = max(total.depth, tally.depth)
        total.aliases = max(total.aliases, tally.aliases)
    total.problems = list(dict.fromkeys(walk.problems))
    total.variables = tuple(walk.consulted)
    return total


def limit_errors(tally: Tally, limits: Limits) -> list[str]:
    errors = list(tally.problems)
    if tally.depth > limits.max_depth:
        errors.append(
            f"The operation is {tally.depth} levels deep; at most {limits.max_depth} (GRIDLINK_MAX_DEPTH)."
        )
    if tally.aliases > limits.max_aliases:
        errors.append(
            f"The operation uses {tally.aliases} aliases; at most {limits.max_aliases} (GRIDLINK_MAX_ALIASES)."
        )
    if tally.cost > limits.max_cost:
        errors.append(
            f"The operation may return about {tally.cost} objects (`first` multiplies what it selects); "
            f"at most {limits.max_cost} (GRIDLINK_MAX_COST). Ask for smaller pages or fewer levels."
        )
    return errors


class OperationLimits:
    """Parses and validates each document text once (schema/core/documents.py), and checks
    the limits of every operation with its own variables (schema/core/policy.py calls it
    around strawberry's parse and validate steps).

    It validates with the rules the request carries by then (introspection off adds one),
    and a cached result is reused only for the same rules.
    """

    def __init__(self, limits: Limits, documents: DocumentCache) -> None:
        self.limits = limits
        self.documents = documents

    def before_parse(self, ec: Any) -> Prepared | None:
        """The cached document of this text, set on the context so strawberry does not
        parse it again."""
        text = ec.query
        entry = self.documents.get(text) if text else None
        if entry is not None:
            ec.graphql_document = entry.document  # strawberry parses only when none is set
        return entry

    def after_parse(self, ec: Any, entry: Prepared | None) -> None:
        if ec.query and entry is None and ec.graphql_document is not None:
            self.documents.put(ec.query, ec.graphql_document)

    def validate(self, ec: Any) -> None:
        document = ec.graphql_document
        if document is None:
            return
        schema = ec.schema._schema
        entry = self.documents.get(ec.query) if ec.query else None
        tally = self._measure(schema, ec, entry if entry and entry.document is document else None)
        found = [
            GraphQLError(message, extensions={"code": "LIMIT_EXCEEDED"})
            for message in limit_errors(tally, self.limits)
        ]
        rules = ec.validation_rules
        if entry is None or entry.document is not document or entry.rules != rules:
            errors = tuple(validate_document(schema, document, rules))
            if entry is not None and entry.document is document:
                entry.rules, entry.errors = rules, errors
        else:
            errors = entry.errors
        # Set even when empty: strawberry then skips its own (uncached) validation.
        ec.pre_execution_errors = [*found, *errors]

    def _measure(self, schema: GraphQLSchema, ec: Any, entry: Prepared | None) -> Tally:
        """The operation's tally, kept on the document's cache entry per operation name and
        values of the variables the page sizes come from: the same text sent again with
        the same page sizes is not walked again."""
        variables = ec.variables if isinstance(ec.variables, dict) else {}
        name = ec.operation_name
        if entry is None:
            return measure(schema, ec.graphql_document, variables, name, self.limits.max_page_size)
        known = entry.tallies.get(name)
        if known is not None:
            key = _values_key(variables, known.variables)
            found = known.by_values.get(key) if key is not None else None
            if isinstance(found, Tally):
                return found
        tally = measure(schema, ec.graphql_document, variables, name, self.limits.max_page_size)
        if known is None:
            known = entry.tallies[name] = Tallies(tally.variables)
        key = _values_key(variables, known.variables)
        if key is not None and len(known.by_values) < MAX_TALLIES:
            known.by_values[key] = tally
        return tally


# Per document and operation: a client paging through with other page sizes gets a few
# entries; past this many the tally is simply measured each time.
MAX_TALLIES = 16


def _values_key(variables: Mapping[str, Any], names: tuple[str, ...]) -> tuple[Any, ...] | None:
    """The page-size variables' values as a key; None when one is not hashable (a client
    sent a list for an Int: coercion will refuse it, and nothing is kept). Each value goes
    with its type: `true` and `1.0` equal `1` in Python, yet the walk reads only an int as
    a page size."""
    key = tuple((type(v), v) for v in (variables.get(n) for n in names))
    try:
        hash(key)
    except TypeError:
        return None
    return key


# ---- text that is not Unicode -------------------------------------------------------------

# JSON may carry "\ud800" escapes that decode to lone surrogates: not text, and the driver
# cannot send them to Neo4j. Refused up front, by name, instead of failing deep inside.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _bad_text(value: Any, path: str) -> str | None:
    if isinstance(value, str):
        return path if _SURROGATE.search(value) else None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        where = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
        found = _bad_text(item, where)
        if found is not None:
            return found
    return None


def check_text(ec: Any) -> None:
    """Refuses an operation whose query or variables hold lone UTF-16 surrogates."""
    where = _bad_text(ec.query, "the query")
    if where is None and isinstance(ec.variables, dict):
        where = _bad_text(ec.variables, "variables")
    if where is not None:
        raise GraphQLError(
            f"{where} is not valid Unicode text: it holds a lone surrogate (U+D800-U+DFFF).",
            extensions={"code": "BAD_USER_INPUT"},
        )


# ---- persisted operations ----------------------------------------------------------------

_SHA256 = re.compile(r"[0-9a-f]{64}")


def operation_hash(query: str) -> str:
    return hashlib.sha256(query.encode("utf-8")).hexdigest()


def load_allow_list(path: str | None) -> dict[str, str]:
    """sha256 → query text from a JSON object file; `gridlink persist` writes one."""
    if not path:
        return {}
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise ValueError(f"{path}: a persisted operations file maps sha256 hashes to query text")
    allowed: dict[str, str] = {}
    for digest, text in raw.items():
        if operation_hash(text) != digest.lower():
            raise ValueError(f"{path}: the hash {digest} is not the sha256 of its query text")
        allowed[digest.lower()] = text
    return allowed


class PersistedOperations:
    """Apollo-style `extensions.persistedQuery.sha256Hash`, checked against an allow-list."""

    def __init__(self, allowed: Mapping[str, str], required: bool) -> None:
        self.allowed = allowed
        self.required = required

    def _refuse(self, message: str, code: str) -> GraphQLError:
        return GraphQLError(message, extensions={"code": code})

    def apply(self, ec: Any) -> None:
        """Puts the allow-listed text in place of a bare hash; refuses what may not run."""
        extensions = ec.operation_extensions if isinstance(ec.operation_extensions, dict) else {}
        persisted = extensions.get("persistedQuery")
        digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
        if digest is not None:
            if not isinstance(digest, str) or not _SHA256.fullmatch(digest.lower()):
                raise self._refuse(
                    "persistedQuery.sha256Hash must be 64 hex digits.", "BAD_REQUEST"
                )
            digest = digest.lower()
            if ec.query:
                if operation_hash(ec.query) != digest:
                    raise self._refuse(
                        "The query text does not match persistedQuery.sha256Hash.", "BAD_REQUEST"
                    )
            elif digest in self.allowed:
                ec.query = self.allowed[digest]
            else:
                raise self._refuse(
                    "PersistedQueryNotFound: no operation with that sha256Hash is on the allow-list.",
                    "PERSISTED_QUERY_NOT_FOUND",
                )
        if self.required and ec.query and operation_hash(ec.query) not in self.allowed:
            raise self._refuse(
                "Only persisted operations run here, and this one is not on the allow-list.",
                "PERSISTED_QUERY_REQUIRED",
            )
