"""Parsed documents and their validation errors, kept by query text (a bounded LRU).

Parsing and validating a document depend on its text alone (and on the schema and rules,
fixed per app), yet cost more CPU than everything else a simple operation does: about a
third of a `node(id)` lookup over HTTP. Clients send the same few texts again and again, so
each is parsed and validated once and the results are reused. What depends on the request
(variables, the viewer, the persisted-operation check) still runs every time; the cost
limits, measured with the variables, are kept per operation and page-size values; see
`OperationLimits` in schema/core/limits.py.

The cache is bounded by entries and by the characters of the texts it holds: a parsed
document takes about 130 bytes per character of text (tokens and nodes), so a client
sending many large distinct documents cannot make it grow past a few tens of MB.
Documents that do not parse are not kept: they are refused before this cache is asked.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from graphql import DocumentNode, GraphQLError

MAX_ENTRIES = 512
MAX_CHARS = 400_000


@dataclass
class Tallies:
    """One operation's measured limits (schema/core/limits.py `Tally`), by the values of
    the variables its page sizes come from."""

    # The variables the page sizes come from, the same for every request of this text.
    variables: tuple[str, ...]
    by_values: dict[tuple[Any, ...], Any] = field(default_factory=dict)


@dataclass
class Prepared:
    """One text's parsed document, its validation errors once validated, and its
    operations' measured limits."""

    document: DocumentNode
    # The rules the errors were found with (a tuple of rule classes; None: not validated yet).
    rules: tuple[Any, ...] | None = None
    errors: tuple[GraphQLError, ...] = ()
    # Operation name (None: the only one) -> its tallies.
    tallies: dict[str | None, Tallies] = field(default_factory=dict)


class DocumentCache:
    def __init__(self, max_entries: int = MAX_ENTRIES, max_chars: int = MAX_CHARS) -> None:
        self.max_entries = max_entries
        self.max_chars = max_chars
        self.chars = 0
        self._entries: OrderedDict[str, Prepared] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, text: str) -> Prepared | None:
        entry = self._entries.get(text)
        if entry is not None:
            self._entries.move_to_end(text)
        return entry

    def put(self, text: str, document: DocumentNode) -> Prepared:
        entry = Prepared(document)
        # A text larger than a quarter of the budget would push out many others for a
        # document that is most likely sent once: it is parsed per request instead.
        if len(text) > self.max_chars // 4:
            return entry
        old = self._entries.pop(text, None)
        if old is not None:
            self.chars -= len(text)
        self._entries[text] = entry
        self.chars += len(text)
        while len(self._entries) > self.max_entries or self.chars > self.max_chars:
            evicted, _ = self._entries.popitem(last=False)
            self.chars -= len(evicted)
        return entry
