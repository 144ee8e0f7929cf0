"""Settings from the environment, read once at start-up into a frozen dataclass."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STATE_DIR = Path(os.environ.get("GRIDLINK_STATE_DIR", PROJECT_ROOT / ".gridlink"))


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SystemExit(f"gridlink: {name} must be a whole number, got {raw!r}") from exc


@dataclass(frozen=True)
class Neo4jSettings:
    """Where the graph lives. uri=None means the project's own embedded Neo4j."""

    uri: str | None
    user: str
    password: str
    database: str
    local_port: int
    tx_timeout_s: int

    @property
    def external(self) -> bool:
        return self.uri is not None

    @property
    def effective_uri(self) -> str:
        return self.uri or f"bolt://127.0.0.1:{self.local_port}"


@dataclass(frozen=True)
class Settings:
    neo4j: Neo4jSettings
    host: str = "127.0.0.1"
    port: int = 8000
    playground: bool = True
    introspection: bool = True
    cors_origins: tuple[str, ...] = ()
    max_page_size: int = 100
    max_depth: int = 10
    max_aliases: int = 30
    max_tokens: int = 5000
    max_cost: int = 50_000
    max_body_bytes: int = 1_000_000
    require_persisted: bool = False
    persisted_path: str | None = None
    jwt_secret: str | None = None
    jwks_path: str | None = None
    api_keys_path: str | None = None
    public_api: bool = False
    # Freeze what start-up made out of the garbage collector's sight (gridlink/app.py).
    gc_freeze: bool = True
    # Security switches (docs/SECURITY.md). GRIDLINK_ENV=production turns the playground and
    # introspection off by default and refuses to start without a configured credential.
    production: bool = False
    jwt_issuer: str | None = None
    jwt_audience: str | None = None
    # Not a secret but where it came from: "env", "dev" (generated under .gridlink/) or "none".
    jwt_secret_source: str = "none"  # noqa: S105
    extra: dict[str, str] = field(default_factory=dict)


def neo4j_from_env() -> Neo4jSettings:
    return Neo4jSettings(
        uri=os.environ.get("NEO4J_URI") or None,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD", ""),
        database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        local_port=_int("GRIDLINK_NEO4J_PORT", 7687),
        tx_timeout_s=_int("GRIDLINK_TX_TIMEOUT", 30),
    )


DEV_SECRET_FILE = "dev-jwt-secret"  # noqa: S105 (a file name)
MIN_SECRET_LENGTH = 32


def dev_jwt_secret(state_dir: Path | None = None) -> str:
    """The development signing secret, made once under .gridlink/ (ignored by git).

    Written to a temporary file and linked into place, so two processes starting at once
    (serve and a test, serve and `gridlink token`) end up with the same secret.
    """
    directory = state_dir or STATE_DIR
    path = directory / DEV_SECRET_FILE
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        tmp = directory / f".{DEV_SECRET_FILE}.{os.getpid()}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secrets.token_urlsafe(48))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process won the race; its secret is the one
        finally:
            tmp.unlink()
    return path.read_text(encoding="utf-8").strip()


def _environment() -> bool:
    """True for production (GRIDLINK_ENV=production), False for development (the default)."""
    raw = (os.environ.get("GRIDLINK_ENV") or "development").strip().lower()
    if raw not in {"production", "development"}:
        raise SystemExit(f"gridlink: GRIDLINK_ENV must be production or development, got {raw!r}")
    return raw == "production"


def _signing_secret(production: bool) -> tuple[str | None, str]:
    secret = os.environ.get("GRIDLINK_JWT_SECRET") or None
    if secret is not None:
        if production and len(secret) < MIN_SECRET_LENGTH:
            raise SystemExit(
                f"gridlink: GRIDLINK_JWT_SECRET must be at least {MIN_SECRET_LENGTH} characters in production"
            )
        return secret, "env"
    if production:
        return None, "none"
    return dev_jwt_secret(), "dev"


def from_env() -> Settings:
    origins = tuple(o for o in os.environ.get("GRIDLINK_CORS_ORIGINS", "").split(",") if o)
    production = _environment()
    jwt_secret, secret_source = _signing_secret(production)
    jwks_path = os.environ.get("GRIDLINK_JWKS_FILE") or None
    api_keys_path = os.environ.get("GRIDLINK_API_KEYS_FILE") or None
    if production and not (jwt_secret or jwks_path or api_keys_path):
        raise SystemExit(
            "gridlink: production needs a credential source: set GRIDLINK_JWT_SECRET, "
            "GRIDLINK_JWKS_FILE or GRIDLINK_API_KEYS_FILE"
        )
    return Settings(
        neo4j=neo4j_from_env(),
        host=os.environ.get("GRIDLINK_HOST", "127.0.0.1"),
        port=_int("GRIDLINK_PORT", 8000),
        playground=_bool("GRIDLINK_PLAYGROUND", not production),
        introspection=_bool("GRIDLINK_INTROSPECTION", not production),
        cors_origins=origins,
        max_page_size=_int("GRIDLINK_MAX_PAGE_SIZE", 100),
        max_depth=_int("GRIDLINK_MAX_DEPTH", 10),
        max_aliases=_int("GRIDLINK_MAX_ALIASES", 30),
        max_tokens=_int("GRIDLINK_MAX_TOKENS", 5000),
        max_cost=_int("GRIDLINK_MAX_COST", 50_000),
        max_body_bytes=_int("GRIDLINK_MAX_BODY_BYTES", 1_000_000),
        require_persisted=_bool("GRIDLINK_REQUIRE_PERSISTED", False),
        persisted_path=os.environ.get("GRIDLINK_PERSISTED_OPERATIONS") or None,
        jwt_secret=jwt_secret,
        jwks_path=jwks_path,
        api_keys_path=api_keys_path,
        public_api=_bool("GRIDLINK_PUBLIC_API", False),
        gc_freeze=_bool("GRIDLINK_GC_FREEZE", True),
        production=production,
        jwt_issuer=os.environ.get("GRIDLINK_JWT_ISSUER") or None,
        jwt_audience=os.environ.get("GRIDLINK_JWT_AUDIENCE") or None,
        jwt_secret_source=secret_source,
    )
