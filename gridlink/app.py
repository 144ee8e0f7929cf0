"""The ASGI application: GraphQL, the playground, health; one driver per process."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route, WebSocketRoute

from graph.database import Database, DatabaseUnavailable
from graph.migrations import LATEST, current_version, migrate
from gridlink.body_limit import BodyLimit
from gridlink.config import Settings
from gridlink.playground import static_asset
from schema.api import build_schema
from schema.core.errors import RequestIds
from schema.core.policy import request_policy
from schema.view import GridlinkGraphQL

log = logging.getLogger("gridlink")


def database_for(settings: Settings) -> Database:
    n = settings.neo4j
    return Database(
        n.effective_uri,
        n.user,
        n.password,
        n.database,
        auth=n.external,
        tx_timeout_s=n.tx_timeout_s,
    )


def create_app(settings: Settings, db: Database | None = None, seed: bool = True) -> Starlette:
    """The app; `db` is injected by tests, otherwise made from settings in the lifespan."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        owned = db is None
        database = db or database_for(settings)
        await database.verify()
        applied = await migrate(database)
        if applied:
            log.info("applied migrations %s", applied)
        if seed:
            from loaders.seed import load_seed_if_empty

            loaded = await load_seed_if_empty(database)
            if loaded:
                log.info("loaded the seed dataset into an empty graph")
        app.state.db = database
        if settings.gc_freeze:
            # Start-up leaves tens of thousands of objects that live as long as the process
            # (the schema's types and fields, modules, the loaded statements), and every
            # full collection walks them all again: Python's collector ran for about a fifth
            # of a nested list's CPU (benchmarks/server_cpu.py). Collected once here, then
            # frozen, they are never walked again; later objects are collected as before.
            gc.collect()
            gc.freeze()
        try:
            yield
        finally:
            if owned:
                await database.close()

    async def healthz(_: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    async def readyz(request: Request) -> JSONResponse:
        database: Database = request.app.state.db
        try:
            # A probe must answer fast even while the driver is still retrying a dead server.
            version = await asyncio.wait_for(current_version(database), timeout=3.0)
        except (DatabaseUnavailable, TimeoutError):
            return JSONResponse({"ready": False, "reason": "Neo4j is unreachable"}, status_code=503)
        if version < LATEST:
            return JSONResponse(
                {
                    "ready": False,
                    "reason": f"migrations not applied (graph at {version}, need {LATEST})",
                },
                status_code=503,
            )
        return JSONResponse({"ready": True, "schemaVersion": version})

    graphql = GridlinkGraphQL(build_schema(request_policy(settings)), settings=settings)
    routes = [
        # First: the router tries routes in order, and nearly every request is a query.
        # Every method reaches the view, which answers 405 with an Allow header itself.
        Route("/graphql", graphql),
        WebSocketRoute("/graphql", graphql),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
    ]
    if settings.playground:
        routes.append(Route("/graphql/static/{asset:path}", static_asset, methods=["GET"]))
    return Starlette(routes=routes, middleware=middleware(settings), lifespan=lifespan)


def middleware(settings: Settings) -> list[Middleware]:
    """Request ids outermost (every answer, a 413 or a 401 too, carries its x-request-id),
    then CORS, so that even a 413 reaches a browser page that may read it, then the body limit."""
    stack = [Middleware(RequestIds)]
    if settings.cors_origins:
        stack.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type", "X-Api-Key", "X-Request-Id"],
                max_age=600,
            )
        )
    stack.append(Middleware(BodyLimit, max_bytes=settings.max_body_bytes))
    return stack


def app_from_env() -> Starlette:
    """For process managers: `uvicorn --factory gridlink.app:app_from_env --workers N`.

    Uses NEO4J_URI (it starts no Neo4j of its own); GRIDLINK_SEED=0 skips the seed dataset.
    """
    import os

    from gridlink import config

    return create_app(config.from_env(), seed=os.environ.get("GRIDLINK_SEED", "1") != "0")
