"""A nested selection of relationship lists answered by one statement (issue 9).

A query like street > communities > grids > grid workers, answered a level at a time
(schema/core/batched.py), sends a statement per level and turns every row into a row
object, an entity object, an edge and a connection before the executor reads them back
field by field: for 690 objects about 13 ms of CPU, most of it Python's
(benchmarks/profile_nested.py). When every field below a relationship list is one the
graph answers as it is, the list is *projected* instead: planned once from the selection,
read with every level below it in one statement (graph/tree.py), and turned straight into
the answer's maps, which the executor takes as they are (`Completed`).

What can be projected, and is otherwise left to the level-by-level path:

- lists whose resolver says what it lists for its arguments (`listing_form`: relationship,
  filter, order, window; the listed type fixed by one label), and whose field has no
  extension or permission;
- on a connection: `totalCount`, `pageInfo`, `edges { cursor node }`, `nodes`;
- on a listed entity: `id`, `externalId`, the type's plain fields (the ones `from_node`
  fills from properties, scalar or enum) and further lists of the same kind;
- on a role listed from its place (`role=True`): the role's facts and its `person`.

The root `node(id:)` is projected too (`project_node`): the id names the type, so the node
is planned as a listed item is, and read with its lists in one statement (graph/tree.py
`node_tree`, the access clauses of nodes/get_nodes).

Anything else below the list (a field with a resolver of its own, such as a masked phone, or
an interface field) leaves it to the other path, so the answer is always the one the
resolvers would give: the same statement text per level, the same access clauses, and the
values completed with the same GraphQL serialisers (tests/schema/core/test_projection.py
compares both for three viewers).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphql import (
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from strawberry.types.field import StrawberryField

from graph.nodes import (
    Hop,
    NodeFilter,
    NodeRow,
    Order,
    Window,
    concrete_label,
    native,
    page_flags,
)
from graph.tree import Level, node_tree, related_tree
from schema.core.batched import (
    BATCH,
    DEFINITION,
    BatchedExecutor,
    Completed,
    Selection,
    arguments,
)
from schema.core.connection import Connection, encode_cursor, window_of
from schema.core.context import Info
from schema.core.ids import BadId, from_global, to_global
from schema.core.relay import ENTITY_TYPES, Node, _plan, read_props, related_many
from schema.people.roles import ROLE_FACTS

LISTING = "__gridlink_listing__"  # on a batch form: what its field lists, for its arguments
MAX_LISTS = 12  # lists one statement reads at most; a larger selection goes level by level


@dataclass(frozen=True)
class Listing:
    """What a relationship list lists, its arguments applied: the step, filter, order and
    window; the listed type when one label fixes it (else nothing can be projected); and
    `role`: the items are roles held at the parent place, each the person at the far end
    with the relationship's facts (schema/people/roles.py PlaceRole)."""

    hop: Hop
    flt: NodeFilter
    order: Order
    window: Window
    kind: type[Node] | None
    role: bool = False


# `listing_of(info, **arguments)`: what a list lists for the arguments its field was given.
ListingOf = Callable[..., Listing]


class _Parent(Protocol):
    external_id: str


def listing_form(
    listing_of: ListingOf, make: Callable[[NodeRow, Any], Any] | None = None
) -> Callable[..., Awaitable[list[Any]]]:
    """The batch form (`answers_batches`) of a relationship list: `listing_of(info,
    **arguments)` says what it lists; `make(row, parent)` builds an item (entity_of when
    None). Projected when the selection allows, else read a level at a time."""

    async def many(
        parents: Sequence[_Parent],
        info: Info,
        selection: Selection | None = None,
        **given: Any,
    ) -> list[Any]:
        listing = listing_of(info, **given)
        if selection is not None:
            projected = await project(info, parents, listing, selection)
            if projected is not None:
                return projected
        paths = (
            (("edges", "node", "person"), ("nodes", "person"))
            if listing.role
            else (("edges", "node"), ("nodes",))
        )
        return await related_many(
            info,
            parents,
            _external_id,
            listing.hop,
            listing.window,
            listing.flt,
            listing.order,
            make,
            props=read_props(listing.kind, selection, *paths),
        )

    setattr(many, LISTING, listing_of)
    return many


def filtered_listing(
    hop: Hop,
    filter_of: Callable[[Any], NodeFilter],
    order_of: Callable[[Any], Order],
    label: str | None,
) -> ListingOf:
    """The listing of a list with the usual arguments (`first`, `after`, `last`, `before`,
    `filter`, `order_by`): `filter_of(filter)` and `order_of(order_by)` make its filter and
    order; `label`, the listed type's, when one label fixes it."""

    def listing_of(
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: Any = None,
        order_by: Any = None,
    ) -> Listing:
        return Listing(
            hop,
            filter_of(filter),
            order_of(order_by),
            window_of(info, first, after, last, before),
            # Looked up here: the types register as their modules load, after this is made.
            ENTITY_TYPES.get(label) if label else None,
        )

    return listing_of


async def listed(
    info: Info, parent: _Parent, listing: Listing, make: Callable[[NodeRow, Any], Any] | None = None
) -> Connection[Any]:
    """What a list's resolver answers for one parent (graphql-core's path, mutations and
    subscriptions): the page its listing names, through the DataLoader, so both paths read
    the same list."""
    pages = await related_many(
        info, [parent], _external_id, listing.hop, listing.window, listing.flt, listing.order, make
    )
    return pages[0]


def _external_id(parent: _Parent) -> str:
    return parent.external_id


async def project(
    info: Info, parents: Sequence[_Parent], listing: Listing, selection: Selection
) -> list[Any] | None:
    """Every parent's answer for the list, read in one statement; None when the selection
    holds anything the projection does not answer."""
    try:
        plan = _Planner(selection.executor, info).connection(
            selection.return_type, selection.details, listing
        )
    except _NotProjectable:
        return None
    ids = [p.external_id for p in parents]
    pages = await related_tree(info.context.db, plan.level, ids, info.context.loaders.access)
    return [Completed(plan.answer(pages.get(i, _EMPTY))) for i in ids]


async def project_node(info: Info, global_id: str, selection: Selection) -> Completed | None:
    """The `node(id:)` answer with every list below it read in the same statement as the
    node; None when the selection holds anything the projection does not answer."""
    try:
        type_name, external = from_global(global_id)
    except BadId:
        return None
    kind = ENTITY_TYPES.get(type_name)
    gtype = selection.executor.schema.get_type(type_name)
    if kind is None or not isinstance(gtype, GraphQLObjectType):
        return None
    item, children = _Item(type_name), list[Level]()
    try:
        _Planner(selection.executor, info)._entity(gtype, selection.details, kind, item, children)
    except _NotProjectable:
        return None
    props = ("id", *sorted(item.props - {"id"}))
    _index(item, {(PROP, p): n for n, p in enumerate(props)}, len(props))
    found = await node_tree(
        info.context.db, [external], props, children, info.context.loaders.access
    )
    row = found.get(external)
    # Unknown, out of scope, or of another type than the id says: null, as node_by_global_id.
    if row is None or concrete_label(row[-1]) != type_name:
        return Completed(None)
    return Completed(_item_answer(item, row))


def project_hits(
    info: Info, hits: Sequence[tuple[NodeRow, float]], selection: Selection
) -> list[dict[str, Any]] | None:
    """`search`'s answer built straight from its rows when every field selected on the
    hits is the score, `__typename` or a plain field of the entity found; None otherwise
    (a list below a hit, a masked field), and the executor resolves the hits instead.
    Each concrete type met among the hits is planned once, from the fields its type
    condition selects, as `node(id:)` is."""
    hit_type = _object_type(selection.return_type)
    planner = _Planner(selection.executor, info)
    try:
        fields: list[tuple[str, int, Any]] = []
        for key, sub in planner._fields(hit_type, selection.details):
            name = sub[0].node.name.value
            if name == "__typename":
                fields.append((key, TYPENAME, hit_type.name))
            elif name == "score":
                fields.append((key, SCORE, _leaf(hit_type.fields["score"].type, None)))
            elif name == "node":
                fields.append((key, NODE, sub))
            else:
                raise _NotProjectable
        plans: dict[str, tuple[_Item, tuple[str, ...]]] = {}
        out: list[dict[str, Any]] = []
        for row, score in hits:
            answer: dict[str, Any] = {}
            for key, what, arg in fields:
                if what == TYPENAME:
                    answer[key] = arg
                elif what == SCORE:
                    answer[key] = arg(score)
                else:
                    plan = plans.get(row.label)
                    if plan is None:
                        plan = plans[row.label] = _flat_plan(planner, row.label, arg)
                    item, props = plan
                    answer[key] = _item_answer(item, [row.id, *(row.props.get(p) for p in props)])
            out.append(answer)
        return out
    except (_NotProjectable, _Required):
        return None


def _flat_plan(
    planner: _Planner, type_name: str, details: FieldDetailsList
) -> tuple[_Item, tuple[str, ...]]:
    """One entity type's plain fields, for a row holding its id and then `props`."""
    kind = ENTITY_TYPES.get(type_name)
    gtype = planner.ex.schema.get_type(type_name)
    if kind is None or not isinstance(gtype, GraphQLObjectType):
        raise _NotProjectable
    item, children = _Item(type_name), list[Level]()
    planner._entity(gtype, details, kind, item, children)
    if children:
        raise _NotProjectable  # the hits' statement reads no lists
    props = tuple(sorted(item.props - {"id"}))
    _index(item, {(PROP, p): n for n, p in enumerate(props, start=1)}, 0)
    return item, props


# The page of a parent not found or not reached.
_EMPTY: tuple[int, int, int, int, list[Any]] = (0, 0, 0, 0, [])


class _NotProjectable(Exception):
    pass


class _Required(Exception):
    """A null where the schema promises a value: the other path reports it as an error."""


# What a key of a connection, edge or page info answers.
TYPENAME, TOTAL, EDGES, NODES, PAGE_INFO, CURSOR, NODE = range(7)
HAS_NEXT, HAS_PREVIOUS, START, END = range(7, 11)
# What a key of a listed item answers.
ID, EXTERNAL_ID, PROP, CHILD, FACT, PERSON = range(11, 17)
# What a key of a search hit answers (besides __typename and NODE).
SCORE = 17

_CONNECTION_FIELDS = {"totalCount": TOTAL, "edges": EDGES, "nodes": NODES, "pageInfo": PAGE_INFO}
_PAGE_INFO_FIELDS = {
    "hasNextPage": HAS_NEXT,
    "hasPreviousPage": HAS_PREVIOUS,
    "startCursor": START,
    "endCursor": END,
}


def _object_type(gtype: GraphQLOutputType) -> GraphQLObjectType:
    while isinstance(gtype, GraphQLNonNull | GraphQLList):
        gtype = gtype.of_type
    if not isinstance(gtype, GraphQLObjectType):
        raise _NotProjectable
    return gtype


def _leaf(gtype: GraphQLOutputType, convert: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """The value as the executor completes it from the object the resolvers build: Neo4j's
    dates made Python's, `convert` applied (an enum, a role fact), then serialised."""
    required = isinstance(gtype, GraphQLNonNull)
    inner = gtype.of_type if isinstance(gtype, GraphQLNonNull) else gtype
    if not is_leaf_type(inner):
        raise _NotProjectable
    coerce = inner.coerce_output_value

    def value(raw: Any) -> Any:
        if raw is not None:
            raw = native(raw)
            if convert is not None:
                raw = convert(raw)
        if raw is None:
            if required:
                raise _Required
            return None
        return coerce(raw)

    return value


@dataclass
class _Item:
    """How one listed item's answer is built from its row."""

    type_name: str
    fields: list[tuple[str, int, Any]] = field(default_factory=list)
    props: set[str] = field(default_factory=set)
    rel: set[str] = field(default_factory=set)


@dataclass
class _Conn:
    """How a list's answer is built from its page (graph/tree.py `related_tree`)."""

    level: Level
    fields: list[tuple[str, int, Any]]
    cursor_at: int  # where a row holds its order key (its tie-breaker next); -1: not read

    def answer(self, page: Sequence[Any]) -> dict[str, Any]:
        total, before_window, after_window, in_window, rows = page
        last = self.level.window.last
        if last:
            rows = rows[::-1]  # read from the far end; answered in the list's order
        out: dict[str, Any] = {}
        for key, what, sub in self.fields:
            if what == EDGES:
                out[key] = [self.edge_answer(sub, r) for r in rows]
            elif what == NODES:
                out[key] = [_item_answer(sub, r) for r in rows]
            elif what == TOTAL:
                out[key] = int(total)
            elif what == PAGE_INFO:
                has_previous, has_next = page_flags(
                    before_window, after_window, in_window, len(rows), last
                )
                facts = {
                    HAS_NEXT: has_next,
                    HAS_PREVIOUS: has_previous,
                    START: self.cursor(rows[0]) if rows else None,
                    END: self.cursor(rows[-1]) if rows else None,
                }
                out[key] = {k: facts.get(w, s) for k, w, s in sub}
            else:
                out[key] = sub
        return out

    def cursor(self, row: Sequence[Any]) -> str:
        at = self.cursor_at
        return encode_cursor(row[at] or "", row[at + 1] or str(row[0]))

    def edge_answer(self, fields: list[tuple[str, int, Any]], row: Sequence[Any]) -> Any:
        return {
            k: self.cursor(row) if w == CURSOR else _item_answer(s, row) if w == NODE else s
            for k, w, s in fields
        }


def _item_answer(item: _Item, row: Sequence[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, what, arg in item.fields:
        if what in (PROP, FACT):
            index, convert = arg
            out[key] = convert(row[index])
        elif what == ID:
            out[key] = to_global(arg, str(row[0]))
        elif what == EXTERNAL_ID:
            out[key] = str(row[0])
        elif what == CHILD:
            index, child = arg
            out[key] = child.answer(row[index])
        elif what == PERSON:
            out[key] = _item_answer(arg, row)
        else:
            out[key] = arg
    return out


class _Planner:
    def __init__(self, executor: BatchedExecutor, info: Info) -> None:
        self.ex = executor
        self.info = info
        self.lists = 0

    def _fields(self, gtype: GraphQLObjectType, details: FieldDetailsList) -> Any:
        grouped, defer_usages, _ = self.ex.collect_subfields(gtype, details)
        if defer_usages:
            raise _NotProjectable
        return grouped.items()

    def _object_fields(
        self, gtype: GraphQLObjectType, details: FieldDetailsList, item: _Item
    ) -> Iterator[tuple[str, FieldDetailsList, GraphQLField, StrawberryField]]:
        """The fields selected on an item's type, `__typename` answered on the way."""
        for key, sub in self._fields(gtype, details):
            name = sub[0].node.name.value
            if name == "__typename":
                item.fields.append((key, TYPENAME, gtype.name))
                continue
            field_def = gtype.fields[name]
            definition = field_def.extensions.get(DEFINITION)
            if not isinstance(definition, StrawberryField):
                raise _NotProjectable
            yield key, sub, field_def, definition

    def connection(
        self, gtype: GraphQLOutputType, details: FieldDetailsList, listing: Listing
    ) -> _Conn:
        self.lists += 1
        if self.lists > MAX_LISTS or listing.kind is None:
            raise _NotProjectable
        conn_type = _object_type(gtype)
        edge_type = _object_type(conn_type.fields["edges"].type)
        info_type = _object_type(conn_type.fields["pageInfo"].type)
        item_gtype = _object_type(conn_type.fields["nodes"].type)
        items: list[_Item] = []  # every plan of this level's items: they share one row
        children: list[Level] = []
        fields: list[tuple[str, int, Any]] = []
        for key, sub in self._fields(conn_type, details):
            name = sub[0].node.name.value
            what = TYPENAME if name == "__typename" else _CONNECTION_FIELDS.get(name)
            if what is None:
                raise _NotProjectable
            if what == TYPENAME:
                fields.append((key, what, conn_type.name))
            elif what == TOTAL:
                fields.append((key, what, None))
            elif what == NODES:
                fields.append((key, what, self._item(item_gtype, sub, listing, items, children)))
            elif what == EDGES:
                edge_fields: list[tuple[str, int, Any]] = []
                for ekey, esub in self._fields(edge_type, sub):
                    ename = esub[0].node.name.value
                    if ename == "__typename":
                        edge_fields.append((ekey, TYPENAME, edge_type.name))
                    elif ename == "cursor":
                        edge_fields.append((ekey, CURSOR, None))
                    elif ename == "node":
                        node = self._item(item_gtype, esub, listing, items, children)
                        edge_fields.append((ekey, NODE, node))
                    else:
                        raise _NotProjectable
                fields.append((key, what, edge_fields))
            else:
                info_fields: list[tuple[str, int, Any]] = []
                for ikey, isub in self._fields(info_type, sub):
                    iname = isub[0].node.name.value
                    if iname == "__typename":
                        info_fields.append((ikey, TYPENAME, info_type.name))
                    elif iname in _PAGE_INFO_FIELDS:
                        info_fields.append((ikey, _PAGE_INFO_FIELDS[iname], None))
                    else:
                        raise _NotProjectable
                fields.append((key, what, info_fields))
        # A row: the id and the props, the cursor's key and tie, the role's facts, the
        # child pages (graph/tree.py); every item plan of this level reads the same row.
        props = ("id", *sorted({p for i in items for p in i.props} - {"id"}))
        cursor = _reads_cursor(fields)
        rel = tuple(sorted({r for i in items for r in i.rel}))
        at_rel = len(props) + (2 if cursor else 0)
        index = {
            **{(PROP, p): n for n, p in enumerate(props)},
            **{(FACT, r): at_rel + n for n, r in enumerate(rel)},
        }
        at_child = at_rel + len(rel)
        for item in items:
            _index(item, index, at_child)
        level = Level(
            hop=listing.hop,
            flt=listing.flt,
            order=listing.order,
            window=listing.window,
            props=props,
            cursor=cursor,
            rel=rel,
            children=tuple(children),
        )
        return _Conn(level, fields, len(props) if cursor else -1)

    def _item(
        self,
        gtype: GraphQLObjectType,
        details: FieldDetailsList,
        listing: Listing,
        items: list[_Item],
        children: list[Level],
    ) -> _Item:
        """The plan of an item (`edges.node` or `nodes`)."""
        item = _Item(gtype.name)
        items.append(item)
        kind = listing.kind
        assert kind is not None
        if not listing.role:
            self._entity(gtype, details, kind, item, children)
            return item
        for key, sub, field_def, definition in self._object_fields(gtype, details, item):
            if not definition.is_basic_field:
                raise _NotProjectable
            fact = ROLE_FACTS.get(definition.python_name)
            if fact is not None:
                prop, convert = fact
                item.rel.add(prop)
                item.fields.append((key, FACT, (prop, _leaf(field_def.type, convert))))
            elif definition.python_name == "person":
                person = _Item(_object_type(field_def.type).name)
                self._entity(_object_type(field_def.type), sub, kind, person, children)
                item.props |= person.props
                items.append(person)
                item.fields.append((key, PERSON, person))
            else:
                raise _NotProjectable
        return item

    def _entity(
        self,
        gtype: GraphQLObjectType,
        details: FieldDetailsList,
        kind: type[Node],
        item: _Item,
        children: list[Level],
    ) -> None:
        if gtype.name != kind.__name__:
            raise _NotProjectable
        plain = {attr: (prop, enum) for attr, prop, enum in _plan(kind)}
        for key, sub, field_def, definition in self._object_fields(gtype, details, item):
            if definition.extensions:
                raise _NotProjectable
            attr = definition.python_name
            if definition.is_basic_field:
                if attr == "id":
                    item.fields.append((key, ID, gtype.name))
                elif attr == "external_id":
                    item.fields.append((key, EXTERNAL_ID, None))
                elif attr in plain:
                    prop, enum = plain[attr]
                    item.props.add(prop)
                    item.fields.append((key, PROP, (prop, _leaf(field_def.type, enum))))
                else:
                    raise _NotProjectable
                continue
            resolver = definition.base_resolver
            many = getattr(resolver.wrapped_func, BATCH, None) if resolver else None
            listing_of = getattr(many, LISTING, None)
            if listing_of is None:
                raise _NotProjectable
            try:
                given = arguments(self.ex, field_def, definition, sub, self.info)
                listing = listing_of(self.info, **given)
            except Exception as exc:  # a bad argument: the other path reports it
                raise _NotProjectable from exc
            child = self.connection(field_def.type, sub, listing)
            item.fields.append((key, CHILD, (len(children), child)))
            children.append(child.level)


def _reads_cursor(fields: list[tuple[str, int, Any]]) -> bool:
    """Does the selection read a cursor (an edge's, or the page's first or last)?"""
    for _, _, sub in fields:
        if isinstance(sub, list) and any(w in (CURSOR, START, END) for _, w, _ in sub):
            return True
    return False


def _index(item: _Item, index: Mapping[tuple[int, str], int], at_child: int) -> None:
    """Names to places in the level's rows, once the level's whole selection is known."""
    for n, (key, what, arg) in enumerate(item.fields):
        if what in (PROP, FACT):
            item.fields[n] = (key, what, (index[(what, arg[0])], arg[1]))
        elif what == CHILD:
            item.fields[n] = (key, what, (at_child + arg[0], arg[1]))


__all__ = [
    "LISTING",
    "Completed",
    "Listing",
    "filtered_listing",
    "listed",
    "listing_form",
    "project",
    "project_hits",
    "project_node",
]
