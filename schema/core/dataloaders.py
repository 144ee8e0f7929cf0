"""Per-request DataLoaders: every relationship a query walks costs one round trip per level.

Each loader is named for what it returns and what it is keyed by (`XByYLoader`), batches
its keys into one `UNWIND $ids` statement, and returns results in key order. They are
built once per request (Context.__post_init__), bound to what the viewer may read
(schema/core/access.py), so a cached answer never crosses viewers.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from strawberry.dataloader import DataLoader

from graph import lists, points
from graph.database import Database
from graph.nodes import (
    EMPTY_PAGE,
    EVERYWHERE,
    Access,
    Hop,
    NodeFilter,
    NodeRow,
    Order,
    Page,
    Window,
    get_nodes,
    neighbours,
    related_pages,
)
from schema.core.access import read_access
from schema.core.viewer import Viewer


@dataclass(frozen=True)
class PageKey:
    """One parent's page across one relationship step, with its filter, order and window."""

    parent_id: str
    hop: Hop
    flt: NodeFilter
    order: Order
    window: Window
    props: tuple[str, ...] | None = None  # the property keys a query reads; None: all


@dataclass(frozen=True)
class NeighbourKey:
    parent_id: str
    hop: Hop
    labels: tuple[str, ...] | None = None


class NodeByIdLoader(DataLoader[str, NodeRow | None]):
    def __init__(self, db: Database, access: Access) -> None:
        async def load(ids: list[str]) -> list[NodeRow | None]:
            found = await get_nodes(db, ids, access)
            return [found.get(i) for i in ids]

        super().__init__(load_fn=load)


class PageByParentLoader(DataLoader[PageKey, Page]):
    """Keys asking the same question of different parents share one statement."""

    def __init__(self, db: Database, access: Access) -> None:
        async def load(keys: list[PageKey]) -> list[Page]:
            Spec = tuple[Hop, NodeFilter, Order, Window, tuple[str, ...] | None]
            groups: dict[Spec, list[str]] = defaultdict(list)
            for k in keys:
                groups[(k.hop, k.flt, k.order, k.window, k.props)].append(k.parent_id)
            specs = list(groups)
            answers = await asyncio.gather(
                *(related_pages(db, s[0], groups[s], s[1], s[2], s[3], access, s[4]) for s in specs)
            )
            by_spec = dict(zip(specs, answers, strict=True))
            return [
                by_spec[(k.hop, k.flt, k.order, k.window, k.props)].get(k.parent_id, EMPTY_PAGE)
                for k in keys
            ]

        super().__init__(load_fn=load)


class NeighboursByParentLoader(DataLoader[NeighbourKey, list[NodeRow]]):
    def __init__(self, db: Database, access: Access) -> None:
        async def load(keys: list[NeighbourKey]) -> list[list[NodeRow]]:
            groups: dict[tuple[Hop, tuple[str, ...] | None], list[str]] = defaultdict(list)
            for k in keys:
                groups[(k.hop, k.labels)].append(k.parent_id)
            specs = list(groups)
            answers = await asyncio.gather(
                *(neighbours(db, s[0], groups[s], s[1], access) for s in specs)
            )
            by_spec = dict(zip(specs, answers, strict=True))
            return [by_spec[(k.hop, k.labels)].get(k.parent_id, []) for k in keys]

        super().__init__(load_fn=load)


class CommitmentByNeedLoader(DataLoader[str, float]):
    """Quantity committed by active claims on each need (认领承诺数量)."""

    def __init__(self, db: Database) -> None:
        async def load(ids: list[str]) -> list[float]:
            found = await lists.need_commitments(db, ids)
            return [found.get(i, 0.0) for i in ids]

        super().__init__(load_fn=load)


class CommitmentByResourceLoader(DataLoader[str, float]):
    """Quantity of each resource drawn on by active claims (已承诺资源)."""

    def __init__(self, db: Database) -> None:
        async def load(ids: list[str]) -> list[float]:
            found = await lists.resource_commitments(db, ids)
            return [found.get(i, 0.0) for i in ids]

        super().__init__(load_fn=load)


class BalanceByAccountLoader(DataLoader[str, int]):
    """Each account's balance, derived from the ledger: credits minus debits (积分余额)."""

    def __init__(self, db: Database) -> None:
        async def load(ids: list[str]) -> list[int]:
            found = await points.balances(db, ids)
            return [found.get(i, 0) for i in ids]

        super().__init__(load_fn=load)


class Loaders:
    """One request's loaders, each built when first used: most requests use one or two, and
    building all of them showed in a lookup's CPU profile."""

    def __init__(self, db: Database, access: Access) -> None:
        self.db = db
        # What the loaders read with: a read outside them (schema/core/projection.py) uses it too.
        self.access = access
        # Other domains' loaders, built on first use for this request (name -> loader).
        self.extra: dict[str, Any] = {}

    @cached_property
    def node_by_id(self) -> NodeByIdLoader:
        return NodeByIdLoader(self.db, self.access)

    @cached_property
    def page_by_parent(self) -> PageByParentLoader:
        return PageByParentLoader(self.db, self.access)

    @cached_property
    def neighbours_by_parent(self) -> NeighboursByParentLoader:
        return NeighboursByParentLoader(self.db, self.access)

    @cached_property
    def commitment_by_need(self) -> CommitmentByNeedLoader:
        return CommitmentByNeedLoader(self.db)

    @cached_property
    def commitment_by_resource(self) -> CommitmentByResourceLoader:
        return CommitmentByResourceLoader(self.db)

    @cached_property
    def balance_by_account(self) -> BalanceByAccountLoader:
        return BalanceByAccountLoader(self.db)


def build_loaders(db: Database, viewer: Viewer | Sequence[str] | None) -> Loaders:
    """Loaders for one request. Given only place scopes (an older call), they read as a
    coordinator of those places would; prefer the viewer (`Context.renew_loaders()`)."""
    if isinstance(viewer, Viewer):
        # By id and along links a viewer also reaches their own profile (root lists do not
        # list it: schema/core/relay.py family_page).
        access = read_access(viewer, with_self=True)
    else:
        access = EVERYWHERE if viewer is None else Access(places=tuple(viewer))
    return Loaders(db, access)
