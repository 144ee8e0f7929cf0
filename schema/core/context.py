"""The typed per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import strawberry

from graph.database import Database

if TYPE_CHECKING:
    from schema.core.viewer import Viewer


@dataclass
class Context:
    db: Database
    viewer: Viewer
    request_id: str
    settings: Any
    loaders: dict[str, Any] = field(default_factory=dict)
    request: Any = None
    response: Any = None


Info = strawberry.Info[Context, None]
