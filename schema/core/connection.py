"""Relay connections whose pages are cut in Cypher by keyset cursors (graph/nodes.py).

A cursor is the opaque position (order key, tie-breaker) of an item, not an offset, so a
list that changes while a client pages neither skips nor repeats items. `first`/`last`
may be at most `settings.max_page_size` (100 unless GRIDLINK_MAX_PAGE_SIZE says otherwise);
with neither, a page holds DEFAULT_PAGE_SIZE items.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Generic, TypeVar

import strawberry

from graph.nodes import DateRange, NodeRow, Page, Window
from schema.core.context import Info
from schema.core.errors import PublicError

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 20

First = Annotated[
    int | None,
    strawberry.argument(
        description="Items from the start, at most the documented maximum (100). 取前N条"
    ),
]
After = Annotated[
    str | None, strawberry.argument(description="Start after this cursor. 起始游标之后")
]
Last = Annotated[
    int | None,
    strawberry.argument(description="Items from the end, at most the documented maximum. 取后N条"),
]
Before = Annotated[
    str | None, strawberry.argument(description="End before this cursor. 截止游标之前")
]


@strawberry.enum(description="Ascending or descending order. 排序方向")
class OrderDirection(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.input(description="An inclusive range of dates; either end may be open. 日期范围")
class DateRangeInput:
    start: datetime.date | None = strawberry.field(
        default=None, name="from", description="First day included. 开始日期"
    )
    end: datetime.date | None = strawberry.field(
        default=None, name="to", description="Last day included. 结束日期"
    )


def date_range(prop: str, given: DateRangeInput | None) -> tuple[DateRange, ...]:
    if given is None:
        return ()
    if given.start and given.end and given.start > given.end:
        raise PublicError(f"date range on {prop}: start {given.start} is after end {given.end}")
    return (DateRange(prop, given.start, given.end),)


@strawberry.type(description="Where a page sits in its list (Relay). 分页信息")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Items follow this page. 有下一页")
    has_previous_page: bool = strawberry.field(description="Items precede this page. 有上一页")
    start_cursor: str | None = strawberry.field(
        description="Cursor of the first item on the page. 首项游标"
    )
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last item on the page. 末项游标"
    )


@strawberry.type(description="One item of a page with its cursor (Relay edge). 分页条目")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque position of this item. 游标")
    node: T = strawberry.field(description="The item. 条目")


@strawberry.type(
    description="A page of a list that can grow, with cursors (Relay connection). 分页列表"
)
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items with cursors. 条目")
    nodes: list[T] = strawberry.field(description="The items alone. 条目（无游标）")
    page_info: PageInfo = strawberry.field(description="Where the page sits. 分页信息")
    total_count: int = strawberry.field(
        description="How many items the whole filtered list holds. 总数"
    )


def encode_cursor(key: str, tie: str) -> str:
    raw = json.dumps([key, tie], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, argument: str) -> tuple[str, str]:
    padded = cursor + "=" * (-len(cursor) % 4)
    try:
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (binascii.Error, UnicodeError, ValueError):
        value = None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise PublicError(f"`{argument}`: {cursor!r} is not a cursor of this list")
    return value[0], value[1]


def window_of(
    info: Info,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Window:
    """The page asked for; a clear error naming the argument when it cannot be served."""
    maximum = int(getattr(info.context.settings, "max_page_size", 100))
    if first is not None and last is not None:
        raise PublicError("give `first` or `last`, not both")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= maximum:
            raise PublicError(f"`{name}` must be between 0 and {maximum}, got {value}")
    size = first if first is not None else last if last is not None else DEFAULT_PAGE_SIZE
    return Window(
        limit=min(size, maximum),
        last=last is not None,
        after=decode_cursor(after, "after") if after is not None else None,
        before=decode_cursor(before, "before") if before is not None else None,
    )


class _PositionedEdge(Edge[T]):
    """An edge that encodes its cursor when a query reads it, not before: nested lists
    seldom select `cursor`, and encoding is a JSON dump and a base64 for every item."""

    def __init__(self, node: T, key: str, tie: str) -> None:
        self.node = node
        self._position = (key, tie)
        self._cursor: str | None = None

    @property
    def cursor(self) -> str:
        if self._cursor is None:
            self._cursor = encode_cursor(*self._position)
        return self._cursor

    @cursor.setter
    def cursor(self, value: str) -> None:
        self._cursor = value


class _WindowedConnection(Connection[T]):
    """A connection whose page info is built when a query reads it (two cursors encoded)."""

    def __init__(self, edges: list[Edge[T]], nodes: list[T], page: Page) -> None:
        self.edges = edges
        self.nodes = nodes
        self.total_count = page.total
        self._page = page
        self._page_info: PageInfo | None = None

    @property
    def page_info(self) -> PageInfo:
        if self._page_info is None:
            edges = self.edges
            self._page_info = PageInfo(
                has_next_page=self._page.has_next,
                has_previous_page=self._page.has_previous,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            )
        return self._page_info

    @page_info.setter
    def page_info(self, value: PageInfo) -> None:
        self._page_info = value


def connection(page: Page, make: Callable[[NodeRow], T]) -> Connection[T]:
    nodes = [make(r) for r in page.rows]
    edges: list[Edge[T]] = [
        _PositionedEdge(n, r.key or "", r.tie or r.id)
        for n, r in zip(nodes, page.rows, strict=True)
    ]
    return _WindowedConnection(edges, nodes, page)
