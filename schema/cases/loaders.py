"""Per-request DataLoaders of the cases domain (`XByYLoader`), one statement per batch.

Built on first use into the request's loader registry. Their caches are off: a WebSocket
connection keeps one context for all its operations (STACK_NOTES), and a mutation's answer
must show the case as the step left it, so each load reads the graph; batching within one
tick still makes one round trip per level of the query.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from graph.cases import history
from graph.database import Database, Row
from schema.core.context import Info

L = TypeVar("L", bound=DataLoader[Any, Any])
Rows = dict[str, list[Row]]


class CaseByIdLoader(DataLoader[str, Row | None]):
    """A visible case's row (the case, its place, holder, category, reporter, handlers)."""

    def __init__(self, db: Database, scopes: list[str] | None) -> None:
        async def load(ids: list[str]) -> list[Row | None]:
            found = await history.cases_by_id(db, ids, scopes)
            return [found.get(i) for i in ids]

        super().__init__(load_fn=load, cache=False)


class _ListByCaseLoader(DataLoader[str, list[Row]]):
    def __init__(self, read: Callable[[Sequence[str]], Awaitable[Rows]]) -> None:
        async def load(ids: list[str]) -> list[list[Row]]:
            found = await read(ids)
            return [found.get(i, []) for i in ids]

        super().__init__(load_fn=load, cache=False)


class EventsByCaseLoader(_ListByCaseLoader):
    """Each visible case's history, in order."""

    def __init__(self, db: Database, scopes: list[str] | None) -> None:
        super().__init__(lambda ids: history.events_by_case(db, ids, scopes))


# The lists below are reached only through a Case the viewer could already see.
class WhistlesByCaseLoader(_ListByCaseLoader):
    def __init__(self, db: Database, scopes: list[str] | None) -> None:
        super().__init__(lambda ids: history.whistles_by_case(db, ids))


class MediationsByCaseLoader(_ListByCaseLoader):
    def __init__(self, db: Database, scopes: list[str] | None) -> None:
        super().__init__(lambda ids: history.mediations_by_case(db, ids))


class ExtensionsByCaseLoader(_ListByCaseLoader):
    def __init__(self, db: Database, scopes: list[str] | None) -> None:
        super().__init__(lambda ids: history.extensions_by_case(db, ids))


def _get(info: Info, kind: Callable[[Database, list[str] | None], L]) -> L:
    loaders: Any = info.context.loaders
    registry: dict[str, Any] = loaders if isinstance(loaders, dict) else loaders.extra
    name = getattr(kind, "__name__", str(kind))
    found = registry.get(name)
    if found is None:
        found = registry[name] = kind(info.context.db, info.context.viewer.place_scopes())
    loader: L = found
    return loader


async def case_links(info: Info, case_id: str) -> Row | None:
    return await _get(info, CaseByIdLoader).load(case_id)


async def case_events(info: Info, case_id: str) -> list[Row]:
    return await _get(info, EventsByCaseLoader).load(case_id)


async def case_whistles(info: Info, case_id: str) -> list[Row]:
    return await _get(info, WhistlesByCaseLoader).load(case_id)


async def case_mediations(info: Info, case_id: str) -> list[Row]:
    return await _get(info, MediationsByCaseLoader).load(case_id)


async def case_extensions(info: Info, case_id: str) -> list[Row]:
    return await _get(info, ExtensionsByCaseLoader).load(case_id)
