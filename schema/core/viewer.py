"""Who is asking: the authenticated actor, their roles, and the places those roles reach.

The scope rules (docs/SECURITY.md) are applied in Cypher, after the indexed lookup: every
read statement that returns governed data takes `$scopes` (`place_scopes()`: a list of place
ids, or null for all places) and keeps only nodes whose place lies under one of them. The
other scope lists below follow the same shape and feed statements that need them.

| role          | grant scope        | reads                                   | personal data | writes            |
|---------------|--------------------|-----------------------------------------|---------------|-------------------|
| admin         | none (everywhere)  | everything                              | yes           | everywhere        |
| coordinator   | a district, street | everything under the place              | under it      | under the place   |
|               | or community       |                                         |               |                   |
| grid_worker   | a grid             | everything under her grid               | in her grid   | in her grid       |
| secretary     | a party org        | his organisation, its members, claims   | his members   | his org's claims  |
| planner       | none (everywhere)  | everything, aggregates and analyses     | never         | nothing           |
| volunteer     | a community        | own profile, open needs under the place | own only      | own claims        |
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

RoleName = Literal["admin", "coordinator", "grid_worker", "secretary", "planner", "volunteer"]
ROLES: tuple[RoleName, ...] = get_args(RoleName)

# Roles whose grant names a place (or, for a secretary, a party organisation) they act in.
SCOPED_ROLES: frozenset[RoleName] = frozenset(
    {"coordinator", "grid_worker", "secretary", "volunteer"}
)
# Roles that read governed data (people, cases, organisations, lists) under their place.
_PLACE_READERS: frozenset[RoleName] = frozenset({"coordinator", "grid_worker"})
# Roles that may see phone, ID number and exact address where they read.
_PERSONAL_DATA_ROLES: frozenset[RoleName] = frozenset(
    {"admin", "coordinator", "grid_worker", "secretary"}
)

AuthMethod = Literal["token", "api_key", "system", "anonymous", "public"]


class GrantError(ValueError):
    """A grant that names no known role, or lacks (or wrongly carries) a scope."""


@dataclass(frozen=True)
class Grant:
    role: RoleName
    scope: str | None  # a place id (a party organisation id for a secretary); None = everywhere

    @classmethod
    def parse(cls, raw: Any) -> Grant:
        """A grant from a token claim or a key file entry: {"role": ..., "scope": ...}."""
        if not isinstance(raw, dict):
            raise GrantError("a grant must be an object with a role (and a scope)")
        role = raw.get("role")
        scope = raw.get("scope")
        if role not in ROLES:
            raise GrantError(f"unknown role {role!r}; known roles: {', '.join(ROLES)}")
        if scope is not None and (not isinstance(scope, str) or not scope or len(scope) > 200):
            raise GrantError(f"the scope of role {role!r} must be an id")
        if role in SCOPED_ROLES and scope is None:
            raise GrantError(f"role {role!r} needs a scope (the place or organisation it acts in)")
        if role not in SCOPED_ROLES and scope is not None:
            raise GrantError(f"role {role!r} reaches everywhere and takes no scope")
        return cls(role, scope)

    def as_claim(self) -> dict[str, str]:
        return (
            {"role": self.role} if self.scope is None else {"role": self.role, "scope": self.scope}
        )


@dataclass(frozen=True)
class Viewer:
    actor_id: str | None
    grants: tuple[Grant, ...] = field(default_factory=tuple)
    method: AuthMethod = "token"

    @property
    def authenticated(self) -> bool:
        return self.actor_id is not None

    @property
    def is_admin(self) -> bool:
        return any(g.role == "admin" for g in self.grants)

    def has(self, *roles: RoleName) -> bool:
        return any(g.role in roles for g in self.grants)

    def _scopes(self, roles: Iterable[RoleName]) -> list[str]:
        wanted = frozenset(roles)
        return sorted({g.scope for g in self.grants if g.role in wanted and g.scope is not None})

    def place_scopes(self) -> list[str] | None:
        """Places under which this viewer reads governed data; None = every place.

        Admins and planners read everywhere (planners with personal data masked);
        coordinators and grid workers under their place. Secretaries reach their
        organisation through `org_scopes()`, volunteers open needs through `need_scopes()`;
        neither adds places here, so `[]` (nothing) is the answer for them alone.
        """
        if self.is_admin or self.has("planner"):
            return None
        return self._scopes(_PLACE_READERS)

    def need_scopes(self) -> list[str] | None:
        """Places whose needs (需求) this viewer may list: `place_scopes()` plus volunteers'."""
        places = self.place_scopes()
        if places is None:
            return None
        return sorted({*places, *self._scopes(("volunteer",))})

    @property
    def open_needs_only(self) -> bool:
        """True when this viewer reaches needs only as a volunteer: show open ones only."""
        return self.has("volunteer") and self.place_scopes() == []

    def org_scopes(self) -> list[str] | None:
        """Organisations read directly (a secretary's own, its members, its claims); None = all."""
        if self.is_admin or self.has("planner"):
            return None
        return self._scopes(("secretary",))

    def personal_scopes(self) -> list[str] | None:
        """Places where phone, ID number and address are shown unmasked; None = everywhere."""
        if self.is_admin:
            return None
        return self._scopes(_PLACE_READERS)

    @property
    def sees_personal_data(self) -> bool:
        """True when every place this viewer reads may show personal data unmasked.

        A planner grant reads everywhere, so beside it nothing is shown unmasked (a grid
        worker who is also a planner sees no phone numbers outside her grid; as a single
        flag, that means none). Use `personal_scopes()` to mask per place.
        """
        if self.is_admin:
            return True
        if self.has("planner"):
            return False
        return any(g.role in _PERSONAL_DATA_ROLES for g in self.grants)

    def write_scopes(self) -> list[str] | None:
        """Places under which this viewer may create or change governed data; None = all."""
        if self.is_admin:
            return None
        return self._scopes(_PLACE_READERS)

    @property
    def may_write(self) -> bool:
        """Whether any write at all is open to this viewer (planners and anonymous: none)."""
        return self.has("admin", "coordinator", "grid_worker", "secretary", "volunteer")

    def may_write_under(self, place_chain: Iterable[str]) -> bool:
        """Whether a write at a place is allowed, given the place id and its ancestors' ids."""
        scopes = self.write_scopes()
        if scopes is None:
            return True
        return not set(scopes).isdisjoint(place_chain)

    def may_act_for(self, org_id: str) -> bool:
        """Whether this viewer may write on behalf of an organisation (a secretary's claims)."""
        return self.is_admin or org_id in self._scopes(("secretary",))

    def scope_params(self) -> dict[str, Any]:
        """The scope parameters every scoped Cypher statement may take, by their names."""
        return {
            "scopes": self.place_scopes(),
            "needScopes": self.need_scopes(),
            "orgScopes": self.org_scopes(),
            "personalScopes": self.personal_scopes(),
            "actorId": self.actor_id,
        }

    def describe(self) -> str:
        """A short description for logs: who, how, with which grants (never the token)."""
        grants = ",".join(g.role if g.scope is None else f"{g.role}@{g.scope}" for g in self.grants)
        return f"{self.actor_id or '-'} via {self.method} [{grants}]"


ANONYMOUS = Viewer(actor_id=None, method="anonymous")
SYSTEM = Viewer(actor_id="system", grants=(Grant("admin", None),), method="system")


def public_viewer() -> Viewer:
    """The viewer an anonymous request gets when configuration opens the API to the public.

    Planner rights: aggregates and analyses everywhere, no personal data, no writes.
    """
    return Viewer(actor_id="public", grants=(Grant("planner", None),), method="public")
