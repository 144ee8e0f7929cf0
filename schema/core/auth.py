"""Who is asking, from the request: a signed bearer token, an API key, or nobody.

- Bearer JWTs: HS256 with the configured secret (`GRIDLINK_JWT_SECRET`; in development a
  random one under .gridlink/), or RS256/ES256 verified against a JWKS file
  (`GRIDLINK_JWKS_FILE`). Claims: `sub` (the actor every write records), `exp`, and
  `grants`, a list of `{"role": ..., "scope": ...}` (schema/core/viewer.py).
- API keys for scripts: `Authorization: Bearer glk_...` or `X-API-Key: glk_...`, looked up
  by SHA-256 in `GRIDLINK_API_KEYS_FILE` (only hashes are stored; see docs/SECURITY.md).
- No credential: the anonymous viewer, which reaches nothing but the health endpoints, the
  playground page and (when introspection is on) the schema; or, with `GRIDLINK_PUBLIC_API`,
  a planner's view. A credential that does not verify is refused with 401, never downgraded.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cross_web import HTTPException
from starlette.exceptions import WebSocketException
from starlette.requests import HTTPConnection

from schema.core.viewer import ANONYMOUS, Grant, GrantError, Viewer, public_viewer

log = logging.getLogger("gridlink.auth")

API_KEY_PREFIX = "glk_"
SECRET_ALGORITHM = "HS256"  # noqa: S105 (an algorithm name)
JWKS_ALGORITHMS = frozenset({"RS256", "ES256"})
MAX_CREDENTIAL_LENGTH = 8192
MAX_GRANTS = 50
LEEWAY_S = 30
WS_POLICY_VIOLATION = 4401  # graphql-transport-ws closes with 44xx codes; 4401 = unauthorised


class AuthError(Exception):
    """A credential was sent and does not verify; the reason is safe to show the caller."""


class AuthenticationFailed(HTTPException):
    """401 for a bad credential over HTTP, with the challenge header clients expect."""

    def __init__(self, reason: str) -> None:
        super().__init__(401, reason)
        self.headers = {"WWW-Authenticate": 'Bearer error="invalid_token"'}


# ---- key material, re-read when its file changes (so a revoked key stops working) --------


@dataclass(frozen=True)
class _Loaded:
    mtime_ns: int
    value: Any


_file_cache: dict[tuple[str, str], _Loaded] = {}


def _load(path: str, kind: str, parse: Any) -> Any:
    stat = Path(path).stat()
    cached = _file_cache.get((kind, path))
    if cached is not None and cached.mtime_ns == stat.st_mtime_ns:
        return cached.value
    value = parse(Path(path).read_text(encoding="utf-8"))
    _file_cache[(kind, path)] = _Loaded(stat.st_mtime_ns, value)
    return value


def _parse_jwks(text: str) -> jwt.PyJWKSet:
    return jwt.PyJWKSet.from_json(text)


@dataclass(frozen=True)
class ApiKeyEntry:
    name: str
    sub: str
    grants: tuple[Grant, ...]


def _parse_api_keys(text: str) -> dict[str, ApiKeyEntry]:
    raw = json.loads(text)
    entries = raw.get("keys") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise ValueError('an API keys file is {"keys": [{"name", "sha256", "sub", "grants"}]}')
    out: dict[str, ApiKeyEntry] = {}
    for i, entry in enumerate(entries):
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(digest, str) or len(digest) != 64:
            raise ValueError(f"keys[{i}]: sha256 must be 64 hex digits")
        grants = tuple(Grant.parse(g) for g in entry.get("grants") or [])
        out[digest.lower()] = ApiKeyEntry(
            str(entry.get("name") or f"key {i}"), str(entry.get("sub") or f"key:{i}"), grants
        )
    return out


# ---- making credentials -----------------------------------------------------------------


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_api_key() -> tuple[str, str]:
    """A fresh key and its SHA-256; only the hash belongs in the keys file."""
    key = API_KEY_PREFIX + secrets.token_urlsafe(32)
    return key, hash_api_key(key)


def mint_token(
    secret: str,
    sub: str,
    grants: Sequence[Grant],
    ttl_s: int = 12 * 3600,
    issuer: str | None = None,
    audience: str | None = None,
) -> str:
    """An HS256 token for `sub` with `grants`, valid for `ttl_s` seconds."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": sub,
        "grants": [g.as_claim() for g in grants],
        "iat": now,
        "exp": now + ttl_s,
    }
    if issuer:
        claims["iss"] = issuer
    if audience:
        claims["aud"] = audience
    return jwt.encode(claims, secret, algorithm=SECRET_ALGORITHM)


# ---- checking credentials ---------------------------------------------------------------


def _key_for(token: str, settings: Any) -> tuple[Any, str]:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise AuthError("the bearer token is not a JWT") from None
    alg = header.get("alg")
    if alg == SECRET_ALGORITHM and settings.jwt_secret:
        return settings.jwt_secret, alg
    if alg in JWKS_ALGORITHMS and settings.jwks_path:
        try:
            keys: jwt.PyJWKSet = _load(settings.jwks_path, "jwks", _parse_jwks)
        except (OSError, ValueError, jwt.PyJWTError):
            log.exception("cannot read the JWKS file %s", settings.jwks_path)
            raise AuthError("token keys are unavailable; ask the operator") from None
        kid = header.get("kid")
        matches = [k for k in keys.keys if kid is None or k.key_id == kid]
        if len(matches) != 1:
            raise AuthError("the token's key id is not among the configured keys")
        return matches[0].key, str(alg)
    raise AuthError(f"tokens signed with {alg!r} are not accepted here")


# ---- tokens already verified -------------------------------------------------------------
#
# Clients send the same bearer token with every request until it expires, and checking it
# (header, key, signature, claims) is ~120 µs of a ~2 ms request. A token that verified is
# kept with its viewer until its `exp` (plus the leeway the check itself allows), and only
# while the key that verified it is still the configured one: a changed secret or a re-read
# JWKS file (a key rotated out) sends every token through the full check again. A token
# whose check failed is never kept, so each refusal gives its reason afresh.

MAX_VERIFIED = 1024


@dataclass(frozen=True)
class _Verified:
    viewer: Viewer
    usable_until: float  # exp + leeway, as time.time()
    alg: str
    source: Any  # the secret or the JWKS set it verified against (compared by identity)
    audience: Any  # issuer and audience checked, as configured then


_verified: OrderedDict[str, _Verified] = OrderedDict()


def _key_source(alg: str, settings: Any) -> Any:
    """What a token of `alg` is verified against now; None when it cannot be read."""
    if alg == SECRET_ALGORITHM:
        return settings.jwt_secret
    if not settings.jwks_path:
        return None
    try:
        return _load(settings.jwks_path, "jwks", _parse_jwks)
    except (OSError, ValueError, jwt.PyJWTError):
        return None  # the full check reports it


def _known_viewer(token: str, settings: Any) -> Viewer | None:
    hit = _verified.get(token)
    if hit is None:
        return None
    if (
        time.time() < hit.usable_until
        and hit.audience == (settings.jwt_issuer, settings.jwt_audience)
        and _key_source(hit.alg, settings) is hit.source
        and hit.source is not None
    ):
        _verified.move_to_end(token)
        return hit.viewer
    del _verified[token]
    return None


def _remember(token: str, viewer: Viewer, exp: Any, alg: str, settings: Any) -> None:
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        return
    _verified[token] = _Verified(
        viewer,
        float(exp) + LEEWAY_S,
        alg,
        _key_source(alg, settings),
        (settings.jwt_issuer, settings.jwt_audience),
    )
    while len(_verified) > MAX_VERIFIED:
        _verified.popitem(last=False)


def viewer_from_token(token: str, settings: Any) -> Viewer:
    known = _known_viewer(token, settings)
    if known is not None:
        return known
    key, alg = _key_for(token, settings)
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[alg],
            leeway=LEEWAY_S,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            options={
                "require": ["exp", "sub"],
                "verify_aud": settings.jwt_audience is not None,
            },
        )
    except jwt.ExpiredSignatureError:
        raise AuthError("the bearer token has expired") from None
    except jwt.MissingRequiredClaimError as exc:
        raise AuthError(f"the bearer token lacks the {exc.claim!r} claim") from None
    except (jwt.InvalidIssuerError, jwt.InvalidAudienceError):
        raise AuthError("the bearer token was issued for another service") from None
    except jwt.InvalidSignatureError:
        raise AuthError("the bearer token's signature does not verify") from None
    except (jwt.PyJWTError, ValueError, TypeError):
        raise AuthError("the bearer token is invalid") from None
    viewer = _viewer_of(claims.get("sub"), claims.get("grants"), "token")
    _remember(token, viewer, claims.get("exp"), alg, settings)
    return viewer


def _viewer_of(sub: Any, grants: Any, method: Any) -> Viewer:
    if not isinstance(sub, str) or not sub or len(sub) > 200:
        raise AuthError("the credential's subject (sub) must be a non-empty id")
    if not isinstance(grants, list) or not grants or len(grants) > MAX_GRANTS:
        raise AuthError("the credential carries no grants (a list of {role, scope})")
    try:
        parsed = tuple(Grant.parse(g) for g in grants)
    except GrantError as exc:
        raise AuthError(f"the credential carries a bad grant: {exc}") from None
    return Viewer(actor_id=sub, grants=parsed, method=method)


def viewer_from_api_key(key: str, settings: Any) -> Viewer:
    if not settings.api_keys_path:
        raise AuthError("API keys are not enabled on this service")
    try:
        keys: dict[str, ApiKeyEntry] = _load(settings.api_keys_path, "api_keys", _parse_api_keys)
    except (OSError, ValueError, GrantError):
        log.exception("cannot read the API keys file %s", settings.api_keys_path)
        raise AuthError("API keys are unavailable; ask the operator") from None
    digest = hash_api_key(key)
    for known, entry in keys.items():
        if hmac.compare_digest(known, digest):
            return _viewer_of(entry.sub, [g.as_claim() for g in entry.grants], "api_key")
    raise AuthError("the API key is not known (revoked or mistyped)")


def viewer_from_credentials(
    authorization: str | None, api_key: str | None, settings: Any
) -> Viewer:
    """The viewer for an Authorization header value and/or an X-API-Key value.

    Also what a WebSocket's connection_init payload goes through. AuthError when a
    credential is present and does not verify.
    """
    if authorization and api_key:
        raise AuthError("send one credential: an Authorization header or an X-API-Key, not both")
    if api_key:
        if len(api_key) > MAX_CREDENTIAL_LENGTH:
            raise AuthError("the API key is too long")
        return viewer_from_api_key(api_key.strip(), settings)
    if not authorization:
        return public_viewer() if settings.public_api else ANONYMOUS
    if len(authorization) > MAX_CREDENTIAL_LENGTH:
        raise AuthError("the Authorization header is too long")
    scheme, _, credential = authorization.strip().partition(" ")
    credential = credential.strip()
    if scheme.lower() not in {"bearer", "apikey"} or not credential:
        raise AuthError("use Authorization: Bearer <token or API key>")
    if credential.startswith(API_KEY_PREFIX) or scheme.lower() == "apikey":
        return viewer_from_api_key(credential, settings)
    return viewer_from_token(credential, settings)


async def viewer_for(connection: HTTPConnection, settings: Any) -> Viewer:
    """The viewer of an HTTP request or WebSocket handshake; refuses bad credentials."""
    try:
        viewer = viewer_from_credentials(
            connection.headers.get("authorization"), connection.headers.get("x-api-key"), settings
        )
    except AuthError as exc:
        log.info("request %s refused: %s", connection.headers.get("x-request-id", "-"), exc)
        if connection.scope["type"] == "websocket":
            raise WebSocketException(WS_POLICY_VIOLATION, str(exc)) from None
        raise AuthenticationFailed(f"Not authenticated: {exc}.") from None
    return viewer


def connection_init_viewer(params: Mapping[str, Any], handshake: Viewer, settings: Any) -> Viewer:
    """The viewer of a WebSocket once its graphql-transport-ws `connection_init` arrives.

    Browsers cannot set headers on a WebSocket, so they send their credential in the
    payload, `{"authorization": "Bearer <token>"}` or `{"x-api-key": "<key>"}` (any case),
    checked exactly as the header would be. Without one the handshake's viewer stays.
    AuthError when it does not verify, is not a string, or the handshake carried one too.
    """
    given = {str(k).lower(): v for k, v in params.items()}
    authorization, api_key = given.get("authorization"), given.get("x-api-key")
    if authorization is None and api_key is None:
        return handshake
    if not all(v is None or isinstance(v, str) for v in (authorization, api_key)):
        raise AuthError("the connection_init credential must be a string")
    if handshake.authenticated:
        raise AuthError("send one credential: in the handshake's headers or in connection_init")
    return viewer_from_credentials(authorization, api_key, settings)


def dev_notice(settings: Any, base_url: str) -> str | None:
    """What `gridlink serve` prints when it signs with the generated development secret."""
    if settings.jwt_secret_source != "dev" or not settings.jwt_secret:  # noqa: S105
        return None
    token = mint_token(
        settings.jwt_secret,
        "dev-admin",
        [Grant("admin", None)],
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
    )
    return (
        "[gridlink] development signing secret in .gridlink/dev-jwt-secret (set GRIDLINK_JWT_SECRET "
        "in production). An admin token for the next 12 hours; paste it into the playground's "
        "Headers tab:\n"
        f'{{"Authorization": "Bearer {token}"}}\n'
        f"[gridlink] then query {base_url}; other roles: "
        "gridlink token --role coordinator --scope <place id>"
    )
