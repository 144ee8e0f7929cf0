"""Settings from the environment, read once at start-up into a frozen dataclass."""

from __future__ import annotations

import os
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


def from_env() -> Settings:
    origins = tuple(o for o in os.environ.get("GRIDLINK_CORS_ORIGINS", "").split(",") if o)
    return Settings(
        neo4j=neo4j_from_env(),
        host=os.environ.get("GRIDLINK_HOST", "127.0.0.1"),
        port=_int("GRIDLINK_PORT", 8000),
        playground=_bool("GRIDLINK_PLAYGROUND", True),
        introspection=_bool("GRIDLINK_INTROSPECTION", True),
        cors_origins=origins,
        max_page_size=_int("GRIDLINK_MAX_PAGE_SIZE", 100),
        max_depth=_int("GRIDLINK_MAX_DEPTH", 10),
        max_aliases=_int("GRIDLINK_MAX_ALIASES", 30),
        max_tokens=_int("GRIDLINK_MAX_TOKENS", 5000),
        max_cost=_int("GRIDLINK_MAX_COST", 50_000),
        max_body_bytes=_int("GRIDLINK_MAX_BODY_BYTES", 1_000_000),
        require_persisted=_bool("GRIDLINK_REQUIRE_PERSISTED", False),
        persisted_path=os.environ.get("GRIDLINK_PERSISTED_OPERATIONS") or None,
        jwt_secret=os.environ.get("GRIDLINK_JWT_SECRET") or None,
        jwks_path=os.environ.get("GRIDLINK_JWKS_FILE") or None,
        api_keys_path=os.environ.get("GRIDLINK_API_KEYS_FILE") or None,
        public_api=_bool("GRIDLINK_PUBLIC_API", False),
    )
