"""The typed per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import strawberry

from graph.database import Database
from schema.core.dataloaders import Loaders, build_loaders

if TYPE_CHECKING:
    from schema.core.viewer import Viewer


@dataclass
class Context:
    db: Database
    viewer: Viewer
    request_id: str
    settings: Any
    request: Any = None
    response: Any = None
    # A WebSocket's graphql-transport-ws `connection_init` payload (strawberry sets it).
    connection_params: dict[str, Any] | None = None
    # Built per request, bound to the viewer's scopes: caches never cross viewers.
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.renew_loaders()

    def renew_loaders(self) -> None:
        """Fresh, empty loaders. A WebSocket connection keeps one context for all its
        operations, so subscriptions renew them per operation to read current data."""
        self.loaders = build_loaders(self.db, self.viewer)


Info = strawberry.Info[Context, None]
