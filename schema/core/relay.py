"""The Relay `Node` interface, the registry of entity types, and the root `node`, `nodes`
and `search` fields.

Every entity type is named as its label in loaders/model.py, implements `Node` and is
registered with `@entity`; `entity_of(row)` turns a row read by graph/nodes.py into the
registered type with `from_node(props)`, which fills the plain fields from the node's
property map in one pass (no resolver per leaf field: STACK_NOTES, cost of resolvers).
"""

from __future__ import annotations

import asyncio
import datetime
import re
import typing
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from types import NoneType, UnionType
from typing import Annotated, Any, Self, TypeVar, cast, get_args, get_origin

import strawberry

from graph.nodes import Hop, NodeFilter, NodeRow, Order, Window, list_nodes, search_names
from schema.core.access import read_access
from schema.core.batched import BATCH, Completed, Selection, answers_batches
from schema.core.connection import Connection, connection, window_of
from schema.core.context import Info
from schema.core.dataloaders import NeighbourKey, PageKey
from schema.core.errors import PublicError
from schema.core.ids import BadId, expect, from_global, to_global
from schema.core.privacy import mask

E = TypeVar("E")
P = TypeVar("P")
ENTITY_TYPES: dict[str, type[Node]] = {}
MAX_NODES = 100  # ids one `nodes` call may ask for


@strawberry.interface(description="Anything with a global id (Relay Node). 节点")
class Node:
    id: strawberry.ID = strawberry.field(
        description="Opaque global id, stable across requests (Relay). 全局标识"
    )
    external_id: str = strawberry.field(
        description="The source system's key for this entity. 外部编号"
    )

    @classmethod
    def from_node(cls, props: Mapping[str, Any]) -> Self:
        """The object for a node's property map: plain fields straight from its props."""
        external = str(props["id"])
        values: dict[str, Any] = {}
        for attr, prop, enum in _plan(cast("type[Node]", cls)):
            value = props.get(prop)
            values[attr] = enum(value) if enum is not None and value is not None else value
        return cls(
            id=strawberry.ID(to_global(cls.__name__, external)), external_id=external, **values
        )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def _enum_in(hint: Any) -> type[Enum] | None:
    args = get_args(hint) if get_origin(hint) in (typing.Union, UnionType) else (hint,)
    for arg in args:
        if arg is not NoneType and isinstance(arg, type) and issubclass(arg, Enum):
            return arg
    return None


_PLANS: dict[type[Node], tuple[tuple[str, str, type[Enum] | None], ...]] = {}


def _plan(cls: type[Node]) -> tuple[tuple[str, str, type[Enum] | None], ...]:
    """(attribute, property, enum) for every plain field, worked out once per type;
    `x_raw` private fields keep prop x for a resolver that masks it."""
    if cls in _PLANS:
        return _PLANS[cls]
    definition: Any = cls.__strawberry_definition__  # type: ignore[attr-defined]
    resolved = {f.python_name for f in definition.fields if f.base_resolver is not None}
    plan = []
    for attr, hint in typing.get_type_hints(cls).items():
        if attr in ("id", "external_id") or attr in resolved or attr.startswith("_"):
            continue
        if get_origin(hint) is typing.ClassVar:
            continue
        plan.append((attr, _camel(attr.removesuffix("_raw")), _enum_in(hint)))
    _PLANS[cls] = tuple(plan)
    return _PLANS[cls]


def read_props(
    kind: type[Node] | None, selection: Selection | None, *paths: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The properties of `kind` a query reads where `selection` reaches it along `paths`
    (`("edges", "node")`, `("nodes",)`), or None for all of them: when a field there has a
    resolver of its own (it may read any property: a masked phone reads `phone`), or what
    is selected cannot be told. Batch forms (schema/core/batched.py) read only the id."""
    if kind is None or selection is None:
        return None
    names: set[str] = set()
    for path in paths:
        found = selection.names_at(*path)
        if found is None:
            return None
        names |= found
    definition: Any = kind.__strawberry_definition__  # type: ignore[attr-defined]
    fields = {f.graphql_name or _camel(f.python_name): f for f in definition.fields}
    plan = {attr: prop for attr, prop, _ in _plan(kind)}
    props: set[str] = set()
    for name in names - {"__typename"}:
        found_field = fields.get(name)
        if found_field is None:
            return None
        if found_field.python_name in ("id", "external_id"):
            continue
        resolver = found_field.base_resolver
        if resolver is not None:
            if getattr(resolver.wrapped_func, BATCH, None) is None:
                return None
            continue
        prop = plan.get(found_field.python_name)
        if prop is None:
            return None
        props.add(prop)
    return tuple(sorted(props))


def entity(cls: type[E]) -> type[E]:
    """Register an entity type under its class name, which is its label."""
    ENTITY_TYPES[cls.__name__] = cast("type[Node]", cls)
    return cls


def entity_of(row: NodeRow) -> Any:
    kind = ENTITY_TYPES.get(row.label)
    if kind is None:
        raise LookupError(f"no GraphQL type registered for label {row.label}")
    return kind.from_node(row.props)


def personal(info: Info, value: str | None) -> str | None:
    """Personal data as the viewer may see it: whole, or masked (schema/core/privacy.py)."""
    return value if info.context.viewer.sees_personal_data else mask(value)


def day(value: Any) -> datetime.date | None:
    return value if isinstance(value, datetime.date) else None


# ---- Relationship resolvers' helpers: one DataLoader call each ---------------------------


async def related(
    info: Info,
    parent_id: str,
    hop: Hop,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
    flt: NodeFilter | None = None,
    order: Order | None = None,
    make: Callable[[NodeRow], E] = entity_of,
) -> Connection[E]:
    """A page of the nodes one relationship step away, batched across parents (the
    DataLoader gathers the parents that graphql-core resolves one at a time)."""
    pages = await related_many(
        info,
        [parent_id],
        str,
        hop,
        window_of(info, first, after, last, before),
        flt,
        order,
        lambda row, _: make(row),
    )
    return pages[0]


async def related_many(
    info: Info,
    parents: Sequence[P],
    parent_id: Callable[[P], str],
    hop: Hop,
    window: Window,
    flt: NodeFilter | None = None,
    order: Order | None = None,
    make: Callable[[NodeRow, P], E] | None = None,
    props: tuple[str, ...] | None = None,
) -> list[Connection[E]]:
    """`related` for a whole batch of parents at once (schema/core/batched.py): the same
    pages through the same DataLoader, one window and one key per parent; `props`, the
    properties of the listed nodes to read (`read_props`), None for all."""
    flt, order = flt or NodeFilter(), order or Order()
    keys = [PageKey(parent_id(p), hop, flt, order, window, props) for p in parents]
    pages = await info.context.loaders.page_by_parent.load_many(keys)
    if make is None:
        return [connection(page, entity_of) for page in pages]
    build = make

    def maker(parent: P) -> Callable[[NodeRow], E]:
        return lambda row: build(row, parent)

    return [connection(page, maker(parent)) for page, parent in zip(pages, parents, strict=True)]


async def neighbour_rows(
    info: Info, parent_id: str, hop: Hop, labels: tuple[str, ...] | None = None
) -> list[NodeRow]:
    return await info.context.loaders.neighbours_by_parent.load(
        NeighbourKey(parent_id, hop, labels)
    )


async def one(info: Info, parent_id: str, hop: Hop, kind: type[E]) -> E | None:
    """The single node of `kind` one step away (a parent place, a category), or null."""
    for row in await neighbour_rows(info, parent_id, hop):
        value = entity_of(row)
        if isinstance(value, kind):
            return value
    return None


async def one_of(info: Info, parent_id: str, hop: Hop) -> Any:
    """The single node one step away whatever its kind (a union field), or null."""
    rows = await neighbour_rows(info, parent_id, hop)
    return entity_of(rows[0]) if rows else None


async def many(
    info: Info, parent_id: str, hop: Hop, labels: tuple[str, ...] | None = None
) -> list[Any]:
    return [entity_of(r) for r in await neighbour_rows(info, parent_id, hop, labels)]


async def node_by_global_id(info: Info, global_id: str) -> Node | None:
    """The entity a global id names, or None when it is unknown, of an unregistered type,
    or out of the viewer's scope (not-found: scope never reveals what exists)."""
    try:
        type_name, external = from_global(global_id)
    except BadId:
        return None
    if type_name not in ENTITY_TYPES:
        return None
    row = await info.context.loaders.node_by_id.load(external)
    if row is None or row.label != type_name:
        return None
    found: Node = entity_of(row)
    return found


# ---- Search ------------------------------------------------------------------------------


@strawberry.enum(description="Kinds of entity to search among. 检索类型")
class SearchType(Enum):
    PLACE = "Place"
    ORGANISATION = "Organisation"
    DISTRICT = "District"
    STREET = "Street"
    COMMUNITY = "Community"
    GRID = "Grid"
    MICRO_GRID = "MicroGrid"
    FUNCTIONAL_GRID = "FunctionalGrid"
    COMPOUND = "Compound"
    BUILDING = "Building"
    ENTRANCE_UNIT = "EntranceUnit"
    ALLEY = "Alley"
    HOUSEHOLD = "Household"
    SERVICE_STATION = "ServiceStation"
    PARTY_ORGANISATION = "PartyOrganisation"
    MEMBER_UNIT = "MemberUnit"
    DEPARTMENT = "Department"
    PROPERTY_COMPANY = "PropertyCompany"
    OWNERS_COMMITTEE = "OwnersCommittee"
    RESIDENTS_COMMITTEE = "ResidentsCommittee"
    VOLUNTEER_TEAM = "VolunteerTeam"
    MEDIATION_CENTRE = "MediationCentre"
    LEGAL_OFFICE = "LegalOffice"
    PERSON = "Person"
    NEED = "Need"
    RESOURCE = "Resource"
    PROJECT = "Project"
    TASK = "Task"
    AGREEMENT = "Agreement"


@strawberry.type(description="One search result with its relevance. 检索结果")
class SearchHit:
    score: float = strawberry.field(
        description="Relevance, higher first (full-text score, or share of the name "
        "matched for one-character searches). 相关度"
    )
    node: Node = strawberry.field(description="The entity found. 检索到的实体")


MAX_SEARCH = 50
_SPACE = re.compile(r"\s+")


async def _node_many(
    roots: Sequence[Any], info: Info, id: str, selection: Selection | None = None
) -> list[Any]:
    """`node` as a batch form (schema/core/batched.py): the node and every list below it in
    one statement when the selection allows (schema/core/projection.py), else the node by
    its DataLoader and the lists a level at a time."""
    from schema.core.projection import project_node

    found: Any = await project_node(info, id, selection) if selection is not None else None
    if found is None:
        found = await node_by_global_id(info, id)
    return [found for _ in roots]


async def _search_rows(
    info: Info, text: str, types: list[SearchType] | None, first: int
) -> list[tuple[NodeRow, float]]:
    """The hits `search` answers with, best first: entities of the model only."""
    if not 0 <= first <= MAX_SEARCH:
        raise PublicError(f"`first` must be between 0 and {MAX_SEARCH}, got {first}")
    cleaned = _SPACE.sub(" ", text).strip()
    if not cleaned:
        raise PublicError("`text` is empty")
    labels = tuple(t.value for t in types) if types else None
    access = read_access(info.context.viewer)
    found = await search_names(info.context.db, cleaned, labels, first, access)
    return [(row, score) for row, score in found if row.label in ENTITY_TYPES]


async def _search_many(
    roots: Sequence[Any],
    info: Info,
    text: str,
    types: list[SearchType] | None = None,
    first: int = 10,
    selection: Selection | None = None,
) -> list[Any]:
    """`search` as a batch form: the hits' answer built from their rows when the selection
    reads only plain fields of them (schema/core/projection.py `project_hits`)."""
    from schema.core.projection import project_hits

    found = await _search_rows(info, text, types, first)
    answer = project_hits(info, found, selection) if selection is not None else None
    if answer is not None:
        return [Completed(answer) for _ in roots]
    hits = [SearchHit(score=score, node=entity_of(row)) for row, score in found]
    return [hits for _ in roots]


@strawberry.type
class RelayQueries:
    """Root fields for any entity by id, and search by name (composed in schema/api.py)."""

    @strawberry.field(
        description="The entity a global id names; null when unknown or outside the "
        "viewer's scope. 按全局标识取实体"
    )
    @answers_batches(_node_many)
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global id. 全局标识")],
    ) -> Node | None:
        return await node_by_global_id(info, id)

    @strawberry.field(
        description="The entities some global ids name, in the order asked; null for each "
        "unknown or out of scope (at most 100 ids). 批量取实体"
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="Global ids. 全局标识列表")
        ],
    ) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise PublicError(f"`ids`: at most {MAX_NODES} ids, got {len(ids)}")
        # gather, so the DataLoader sees every id in one tick: one round trip for all
        return list(await asyncio.gather(*(node_by_global_id(info, i) for i in ids)))

    @strawberry.field(
        description="Entities whose name or title matches, best first. Chinese works: two "
        "characters or more go through a CJK full-text index (as a phrase), one character "
        "through substring search. 名称检索"
    )
    @answers_batches(_search_many)
    async def search(
        self,
        info: Info,
        text: Annotated[str, strawberry.argument(description="What to look for. 检索词")],
        types: Annotated[
            list[SearchType] | None,
            strawberry.argument(description="Only these kinds (all when omitted). 类型"),
        ] = None,
        first: Annotated[
            int, strawberry.argument(description="How many results, at most 50. 条数")
        ] = 10,
    ) -> list[SearchHit]:
        found = await _search_rows(info, text, types, first)
        return [SearchHit(score=score, node=entity_of(row)) for row, score in found]


def id_arg(argument: str, global_id: str | None, *type_names: str) -> str | None:
    """The external id of a query argument's global id; a clear error naming the argument."""
    if global_id is None:
        return None
    try:
        return expect(global_id, *type_names)
    except BadId as exc:
        raise PublicError(f"`{argument}`: {exc}") from None


async def family_page(
    info: Info,
    family: str,
    flt: NodeFilter,
    order: Order,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[Any]:
    """A root connection: one page of a family of entities (one round trip)."""
    window = window_of(info, first, after, last, before)
    access = read_access(info.context.viewer)
    page = await list_nodes(info.context.db, family, flt, order, window, access)
    return connection(page, entity_of)
