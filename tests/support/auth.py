"""Credentials for tests that go through real HTTP: a signed token for a role.

Tokens are signed with the secret the service under test uses: GRIDLINK_JWT_SECRET when
the environment sets one, else the development secret under .gridlink/ (the same file a
`gridlink serve` started by the test reads).
"""

from __future__ import annotations

from gridlink.config import from_env
from schema.core.auth import mint_token
from schema.core.viewer import Grant, RoleName


def token(
    role: RoleName = "admin",
    scope: str | None = None,
    sub: str | None = None,
    *more: Grant,
    secret: str | None = None,
    ttl_s: int = 3600,
) -> str:
    settings = from_env()
    key = secret or settings.jwt_secret
    assert key, "no signing secret: set GRIDLINK_JWT_SECRET or run in development"
    grants = [Grant(role, scope), *more]
    return mint_token(
        key,
        sub or f"test-{role}",
        grants,
        ttl_s=ttl_s,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
    )


def headers(
    role: RoleName = "admin", scope: str | None = None, sub: str | None = None
) -> dict[str, str]:
    """An Authorization header for httpx: `httpx.post(url, json=..., headers=headers("planner"))`."""
    return {"Authorization": f"Bearer {token(role, scope, sub)}"}
