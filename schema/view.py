"""Strawberry's ASGI view, given our context, error masking and HTTP behaviour."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from schema.core.auth import viewer_for
from schema.core.context import Context


class GridlinkGraphQL(GraphQL[Context, None]):
    def __init__(self, schema: Any, settings: Any) -> None:
        super().__init__(schema, graphql_ide="graphiql" if settings.playground else None)
        self.settings = settings

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return Context(
            db=request.app.state.db,
            viewer=await viewer_for(request, self.settings),
            request_id=request.headers.get("x-request-id") or uuid.uuid4().hex[:16],
            settings=self.settings,
            request=request,
            response=response,
        )
