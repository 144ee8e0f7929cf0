"""Reading entities generically: by id, as pages of a family, as pages across a relationship.

Every read takes the viewer's `Access` (docs/SECURITY.md) and the optional "anywhere under
this place" filter, both turned into `$access`: a list of clauses, each a list of grants;
a node is kept when every clause holds a grant that reaches it. A grant reaches:

- `places`: what sits under one of the places (with `openNeedsOnly`: open needs only);
- `orgs`: the organisations themselves, their members and the claims they made;
- `actingOrgs` (writes on an organisation's behalf): the organisations, the claims they made
  and resources they offer, and needs in the places they govern, sit in or report to;
- `self`: the person themselves, and the claims they made and resources they offer.

Where a node sits:

- a place: itself (and so under each of its ancestors);
- an organisation: the places it GOVERNS or is LOCATED_IN;
- a person: their household (LIVES_IN), places they HOLD a ROLE at or REPORT_TO, and the
  places of organisations they hold a role in or are a MEMBER_OF;
- a need, project or task: the place it CONCERNS; a task also its project's place;
  an agreement: its community (WITH); a case: where it happened (AT);
- a claim: the place of the need or project it CLAIMS;
- a resource or points account: where it is LOCATED_IN, or where its provider / owner sits;
- a category: everywhere (a shared taxonomy, not governed data).

Pages are windows of a stable order (a property, then the id) bounded by keyset cursors,
never offsets: a row added or removed while a client pages does not shift the next page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal

from neo4j import AsyncManagedTransaction
from neo4j.time import Date, DateTime

from graph.cypher import typed
from graph.database import Database, Row, run_rows
from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE, SUPER_LABELS

FAMILIES = frozenset(
    {"Place", "Organisation", "Person", "Category", "Need", "Resource", "Project", "Task"}
    | {"Claim", "Agreement", "PointAccount", "PointTransfer"}
)
KNOWN_LABELS = frozenset(NODES_BY_LABEL) | frozenset(SUPER_LABELS)


@dataclass(frozen=True)
class NodeRow:
    """One entity as read: its external id, concrete label (model's), and native properties."""

    id: str
    label: str
    props: Mapping[str, Any]
    rel: Mapping[str, Any] | None = None  # properties of the relationship it was reached by
    key: str | None = None  # its order key and tie-breaker: what its cursor encodes
    tie: str | None = None


@dataclass(frozen=True)
class Page:
    rows: list[NodeRow]
    total: int
    has_previous: bool
    has_next: bool


EMPTY_PAGE = Page([], 0, False, False)


@dataclass(frozen=True)
class Window:
    """Which slice of the ordered list: `limit` rows from the start (or the end when `last`)
    of what lies strictly between the `after` and `before` cursor positions (key, tie)."""

    limit: int
    last: bool = False
    after: tuple[str, str] | None = None
    before: tuple[str, str] | None = None


@dataclass(frozen=True)
class Order:
    prop: str = "name"
    desc: bool = False


@dataclass(frozen=True)
class DateRange:
    prop: str
    start: Any = None  # datetime.date or datetime.datetime, inclusive
    end: Any = None


@dataclass(frozen=True)
class NodeFilter:
    """Conditions on the listed nodes. Property names come from code, never from user text."""

    labels: tuple[str, ...] | None = None
    text: str | None = None  # full-text on root lists (two characters or more), else substring
    equals: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    includes: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    category_id: str | None = None
    dates: tuple[DateRange, ...] = ()
    under_id: str | None = None
    rel_equals: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    current_only: bool = False  # relationships whose `until` date has not passed (roles)

    def __post_init__(self) -> None:
        for label in self.labels or ():
            if label not in KNOWN_LABELS:
                raise ValueError(f"{label!r} is not a label of loaders/model.py")

    def __hash__(self) -> int:
        # Part of every DataLoader key, hashed for each parent of a nested list: computed once.
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached


@dataclass(frozen=True)
class Hop:
    """A relationship step: its types (from the model) and which way it points from the parent."""

    types: tuple[str, ...]
    direction: Literal["out", "in"]

    def __post_init__(self) -> None:
        for rel_type in self.types:
            if rel_type not in RELS_BY_TYPE:
                raise ValueError(f"{rel_type!r} is not a relationship type of loaders/model.py")


def native(value: Any) -> Any:
    if isinstance(value, Date | DateTime):
        return value.to_native()
    return value


def concrete_label(labels: Sequence[str]) -> str:
    for label in labels:
        if label in NODES_BY_LABEL:
            return label
    raise ValueError(f"no label of the model among {list(labels)}")


def natives(values: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a property map with Neo4j dates as Python ones. Called for every row read
    (hundreds per nested list), so a plain loop rather than a call per value."""
    out = dict(values)
    for k, v in out.items():
        if isinstance(v, _TEMPORAL):
            out[k] = v.to_native()
    return out


_TEMPORAL = (Date, DateTime)


def row_of(r: Mapping[str, Any], keys: Sequence[str] | None = None) -> NodeRow:
    """The row as read; `keys`: it holds `values` of those properties only, not `props`
    (a property the node lacks is absent, as in a full property map)."""
    rel = r.get("rel")
    if keys is None:
        props = natives(r["props"])
    else:
        props = natives({k: v for k, v in zip(keys, r["values"], strict=True) if v is not None})
    return NodeRow(
        id=str(r["id"]),
        label=concrete_label(r["labels"]),
        props=props,
        rel=natives(rel) if rel is not None else None,
        key=r.get("key"),
        tie=r.get("tie"),
    )


@dataclass(frozen=True)
class Access:
    """What a viewer reaches. `places` None: everywhere (nothing else matters then)."""

    places: tuple[str, ...] | None = None
    open_needs_in: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    acting_orgs: tuple[str, ...] = ()
    self_id: str | None = None

    def grants(self) -> list[dict[str, Any]] | None:
        """The grants of one clause; None when the viewer reaches everything."""
        if self.places is None:
            return None
        out: list[dict[str, Any]] = []
        if self.places:
            out.append({"places": list(self.places)})
        if self.open_needs_in:
            out.append({"places": list(self.open_needs_in), "openNeedsOnly": True})
        if self.orgs:
            out.append({"orgs": list(self.orgs)})
        if self.acting_orgs:
            out.append({"actingOrgs": list(self.acting_orgs)})
        if self.self_id:
            out.append({"self": self.self_id})
        return out


EVERYWHERE = Access()


def access_clauses(under_id: str | None, access: Access) -> list[list[dict[str, Any]]]:
    clauses: list[list[dict[str, Any]]] = []
    if under_id is not None:
        clauses.append([{"places": [under_id]}])
    grants = access.grants()
    if grants is not None:
        clauses.append(grants)
    return clauses


def lucene_phrase(text: str) -> str:
    """A Lucene phrase query matching `text` as typed: every special character escaped."""
    escaped = "".join("\\" + ch if ch in '+-&|!(){}[]^"~*?:\\/' else ch for ch in text)
    return f'"{escaped}"'


def _filter_params(flt: NodeFilter, access: Access) -> dict[str, Any]:
    return {
        "labels": list(flt.labels) if flt.labels else None,
        "equals": [{"prop": p, "values": list(v)} for p, v in flt.equals],
        "includes": [{"prop": p, "values": list(v)} for p, v in flt.includes],
        "categoryId": flt.category_id,
        "dates": [{"prop": d.prop, "from": d.start, "to": d.end} for d in flt.dates],
        "access": access_clauses(flt.under_id, access),
        "relEquals": [{"prop": p, "values": list(v)} for p, v in flt.rel_equals],
        "currentOnly": flt.current_only,
    }


def _window_params(order: Order, window: Window) -> dict[str, Any]:
    after = window.after or (None, None)
    before = window.before or (None, None)
    return {
        "orderProp": order.prop,
        "desc": order.desc,
        "reverse": order.desc != window.last,
        "afterKey": after[0],
        "afterTie": after[1],
        "beforeKey": before[0],
        "beforeTie": before[1],
        "limit": window.limit,
    }


def page_flags(
    before_window: int, after_window: int, in_window: int, shown: int, last: bool
) -> tuple[bool, bool]:
    """(has_previous, has_next) of a page of `shown` rows taken from the `in_window` rows
    between the cursors (from the far end when `last`), with the counts before and after."""
    offset = in_window - shown if last else 0  # the page's place in the window, list order
    return before_window + offset > 0, after_window + (in_window - offset - shown) > 0


def page_params(flt: NodeFilter, order: Order, window: Window, access: Access) -> dict[str, Any]:
    """The filter, order, window and access parameters of nodes/list_related_in/out's body
    (graph/tree.py numbers them for each level of a tree)."""
    text = (flt.text or "").strip()
    return {
        "contains": text.lower() or None,
        **_filter_params(flt, access),
        **_window_params(order, window),
    }


def _page_of(r: Mapping[str, Any], window: Window, keys: Sequence[str] | None = None) -> Page:
    rows = [row_of(x, keys) for x in r["page"]]
    if window.last:
        rows.reverse()  # read from the far end; hand back in the list's order
    has_previous, has_next = page_flags(
        int(r["beforeWindow"]), int(r["afterWindow"]), int(r["inWindow"]), len(rows), window.last
    )
    return Page(rows=rows, total=int(r["total"]), has_previous=has_previous, has_next=has_next)


async def get_nodes(db: Database, ids: Sequence[str], access: Access) -> dict[str, NodeRow]:
    """The nodes with these external ids that the access reaches, by id (missing ones absent)."""
    if not ids:
        return {}
    rows = await db.read(
        "nodes/get_nodes",
        {"ids": list(ids), "access": access_clauses(None, access)},
        values_only=True,
    )
    return {str(r["id"]): row_of(r) for r in rows[0]["nodes"]} if rows else {}


async def list_nodes(
    db: Database,
    family: str,
    flt: NodeFilter,
    order: Order,
    window: Window,
    access: Access,
) -> Page:
    """One page of a family (a root connection). Text of two characters or more goes
    through the CJK full-text index (as a phrase); one character through CONTAINS."""
    if family not in FAMILIES:
        raise ValueError(f"{family!r} is not a listable family")
    text = (flt.text or "").strip()
    params = {
        "family": family,
        "lucene": lucene_phrase(text) if len(text) >= 2 else None,
        "contains": text.lower() if len(text) == 1 else None,
        **_filter_params(flt, access),
        **_window_params(order, window),
    }
    rows = await db.read("nodes/list_nodes", params)
    return _page_of(rows[0], window) if rows else EMPTY_PAGE


async def related_pages(
    db: Database,
    hop: Hop,
    parent_ids: Sequence[str],
    flt: NodeFilter,
    order: Order,
    window: Window,
    access: Access,
    props: Sequence[str] | None = None,
) -> dict[str, Page]:
    """A page per parent across one relationship step, all parents in one round trip.
    `props`: the property keys to read (the id always among them), or None for all."""
    if not parent_ids:
        return {}
    keys = None if props is None else ["id", *(k for k in props if k != "id")]
    params = {
        "parents": list(parent_ids),
        "types": list(hop.types),
        "props": keys,
        **page_params(flt, order, window, access),
    }
    rows = await db.read(
        typed(f"nodes/list_related_{hop.direction}", hop.types), params, values_only=True
    )
    return {str(r["parent"]): _page_of(r, window, keys) for r in rows[0]["pages"]} if rows else {}


async def neighbours(
    db: Database,
    hop: Hop,
    parent_ids: Sequence[str],
    labels: tuple[str, ...] | None,
    access: Access,
) -> dict[str, list[NodeRow]]:
    """The few nodes one step away from each parent (a parent place, a category), unpaged."""
    out: dict[str, list[NodeRow]] = {pid: [] for pid in parent_ids}
    if not parent_ids:
        return out
    rows: list[Row] = await db.read(
        typed(f"nodes/list_neighbours_{hop.direction}", hop.types),
        {
            "parents": list(parent_ids),
            "types": list(hop.types),
            "labels": list(labels) if labels else None,
            "access": access_clauses(None, access),
        },
        values_only=True,
    )
    for r in rows[0]["rows"] if rows else ():
        out[str(r["parent"])].append(row_of(r))
    return out


async def search_names(
    db: Database,
    text: str,
    labels: tuple[str, ...] | None,
    limit: int,
    access: Access,
) -> list[tuple[NodeRow, float]]:
    """Entities by name or title, best first: full-text phrase for two characters or more,
    CONTAINS through the TEXT indexes for one (the CJK analyzer indexes pairs only)."""
    text = text.strip()
    if not text:
        return []
    common = {
        "labels": list(labels) if labels else None,
        "access": access_clauses(None, access),
        "limit": limit,
    }
    if len(text) >= 2:
        name, params = "nodes/search_names", {"lucene": lucene_phrase(text), **common}
    else:
        name, params = "nodes/search_names_containing", {"text": text, **common}
    rows = await db.read(name, params, values_only=True)
    return [(row_of(r), float(r["score"])) for r in rows[0]["hits"]] if rows else []


@dataclass(frozen=True)
class Ref:
    """An entity an input names: the input field, its external id, the labels it may carry."""

    field: str
    id: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class RefState:
    field: str
    id: str
    exists: bool
    found: bool  # exists, of a kind asked, and reached by the access
    props: Mapping[str, Any] | None


async def check_refs(
    tx: AsyncManagedTransaction, refs: Sequence[Ref], access: Access
) -> list[RefState]:
    """Inside a write transaction: which of the named entities can the write use?"""
    if not refs:
        return []
    rows = await run_rows(
        tx,
        "nodes/check_refs",
        {
            "refs": [{"field": r.field, "id": r.id, "labels": list(r.labels)} for r in refs],
            "access": access_clauses(None, access),
        },
    )
    return [
        RefState(
            field=str(r["field"]),
            id=str(r["id"]),
            exists=bool(r["exists"]),
            found=bool(r["found"]),
            props={k: native(v) for k, v in r["props"].items()} if r["props"] else None,
        )
        for r in rows
    ]
