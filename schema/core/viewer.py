"""Who is asking: the authenticated actor and the places their roles reach.

The scope rules (docs/SECURITY.md) are applied in Cypher: every read statement that
returns governed data takes `$scopes` (a list of place ids, or null for all places) and
keeps only nodes whose place lies under one of them, after the indexed lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RoleName = Literal["admin", "coordinator", "grid_worker", "secretary", "planner", "volunteer"]


@dataclass(frozen=True)
class Grant:
    role: RoleName
    scope: str | None  # a place id (or a party organisation id for a secretary); None = everywhere


@dataclass(frozen=True)
class Viewer:
    actor_id: str | None
    grants: tuple[Grant, ...] = field(default_factory=tuple)

    @property
    def authenticated(self) -> bool:
        return self.actor_id is not None

    @property
    def is_admin(self) -> bool:
        return any(g.role == "admin" for g in self.grants)

    def has(self, *roles: RoleName) -> bool:
        return any(g.role in roles for g in self.grants)

    def place_scopes(self) -> list[str] | None:
        """Place ids this viewer may read under; None = every place (admin, planner aggregates)."""
        if self.is_admin:
            return None
        return sorted({g.scope for g in self.grants if g.scope is not None})

    @property
    def sees_personal_data(self) -> bool:
        return any(
            g.role in ("admin", "coordinator", "grid_worker", "secretary") for g in self.grants
        )


ANONYMOUS = Viewer(actor_id=None)
SYSTEM = Viewer(actor_id="system", grants=(Grant("admin", None),))
