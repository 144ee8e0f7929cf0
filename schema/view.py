"""Strawberry's ASGI view, given our context, error masking and GraphQL over HTTP as the spec has it.

Strawberry parses the request and runs the operation; what this view adds, following the
GraphQL-over-HTTP specification (graphql.github.io/graphql-over-http):

- Accept negotiation between `application/graphql-response+json` and `application/json`
  (a missing Accept, `*/*` and `application/*` mean `application/json`); 406 when neither fits.
- A POST body must be `application/json` in UTF-8: 415 otherwise.
- A request error (the document does not parse or validate, or the variables do not coerce)
  never has a `data` entry, and under `application/graphql-response+json` it is a 400;
  under `application/json` it stays a 200, as legacy clients expect.
- A mutation over GET is a 405 with `Allow: POST`.
- Every error the view itself raises is a GraphQL response (`{"errors": [...]}`), not text.

WebSockets speak graphql-transport-ws only, and pages on other origins may open one only
when `settings.cors_origins` lists them.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from cross_web import HTTPException, StarletteRequestAdapter
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError, MissingQueryError
from strawberry.http import GraphQLRequestData, process_result
from strawberry.http.parse_content_type import parse_content_type
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UNSET, UnsetType

from schema.core.auth import AuthError, connection_init_viewer, viewer_for
from schema.core.context import Context

log = logging.getLogger("gridlink.auth")

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"


class RequestRefused(HTTPException):
    """An HTTP-level refusal (406, 415, 405 ...), optionally with response headers."""

    def __init__(self, status_code: int, reason: str, headers: Mapping[str, str] | None = None):
        super().__init__(status_code, reason)
        self.headers = dict(headers or {})


# Clients send the same few Accept and Content-Type values with every request, and parsing
# one costs 3-11 µs (email.message); the answers are kept per value, a bounded few.
@lru_cache(maxsize=64)
def negotiate(accept: str | None) -> str | None:
    """The response media type for an Accept header; None when nothing we speak is acceptable.

    Highest q wins; on a tie an explicitly named type beats a wildcard and
    graphql-response+json beats json (the spec's preferred type, and a client naming both
    understands it). Wildcards answer application/json, which every client understands.
    """
    if accept is None or not accept.strip():
        return JSON
    best: tuple[tuple[float, int], str] | None = None
    for part in accept.split(","):
        media, params = parse_content_type(part.strip())
        try:
            q = float(params.get("q", "1"))
        except ValueError:
            continue
        charset = params.get("charset", "utf-8").lower()
        if q <= 0 or charset not in {"utf-8", "utf8"}:
            continue
        if media == GRAPHQL_RESPONSE_JSON:
            choice, preference = GRAPHQL_RESPONSE_JSON, 2
        elif media == JSON:
            choice, preference = JSON, 1
        elif media in {"application/*", "*/*"}:
            choice, preference = JSON, 0
        else:
            continue
        if best is None or (q, preference) > best[0]:
            best = ((q, preference), choice)
    return best[1] if best else None


@lru_cache(maxsize=64)
def is_json_utf8(content_type: str | None) -> bool:
    media, params = parse_content_type(content_type or "")
    return media == JSON and params.get("charset", "utf-8").lower() in {"utf-8", "utf8"}


def is_request_error(result: ExecutionResult) -> bool:
    """True when execution never started: parse, validation or variable coercion failed.

    Such errors carry no `path`; an error raised while resolving always has one, and then
    `data` (even null) must be kept.
    """
    errors = result.errors or []
    return result.data is None and bool(errors) and all(e.path is None for e in errors)


def graphql_response(
    body: Mapping[str, Any],
    status_code: int,
    media_type: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        status_code=status_code,
        headers=dict(headers or {}),
        media_type=f"{media_type}; charset=utf-8",
    )


class GridlinkGraphQL(GraphQL[Context, None]):
    def __init__(self, schema: Any, settings: Any) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.playground else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            allowed_origins=tuple(settings.cors_origins),
        )
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

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """graphql-transport-ws `connection_init`: a credential in its payload sets the
        viewer (schema/core/auth.py `connection_init_viewer`); one that does not verify
        closes the socket with 4403, the protocol's code for a refused initialisation."""
        try:
            viewer = connection_init_viewer(
                context.connection_params or {}, context.viewer, self.settings
            )
        except AuthError as exc:
            log.info("request %s: connection_init refused: %s", context.request_id, exc)
            raise ConnectionRejectionError({"reason": str(exc)}) from None
        if viewer is not context.viewer:
            context.viewer = viewer
            context.renew_loaders()  # bound to the viewer's scopes
        ack: UnsetType = UNSET  # an ack without a payload
        return ack

    async def render_graphql_ide(self, request: Request) -> Response:
        # Imported here: the playground belongs to the service package, not the schema.
        from gridlink.playground import playground_response

        return playground_response(request)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        media_type = negotiate(request.headers.get("accept"))
        try:
            response = await self.handle_http(request, media_type)
        except HTTPException as exc:
            # RequestRefused and the 401 of schema/core/auth.py carry headers (Allow, WWW-Authenticate).
            headers = getattr(exc, "headers", None) or {}
            response = graphql_response(
                {"errors": [{"message": exc.reason}]},
                exc.status_code,
                media_type or JSON,
                headers,
            )
        await response(scope, receive, send)

    async def handle_http(self, request: Request, media_type: str | None) -> Response:
        if request.method not in {"GET", "POST"}:
            raise RequestRefused(
                405, "GraphQL is served over GET and POST.", {"Allow": "GET, POST"}
            )
        adapter = StarletteRequestAdapter(request)
        if self.graphql_ide and self.should_render_graphql_ide(adapter):
            return await self.render_graphql_ide(request)
        if media_type is None:
            raise RequestRefused(
                406,
                f"Cannot answer in any type the Accept header allows ({request.headers.get('accept')!r}); "
                f"ask for {GRAPHQL_RESPONSE_JSON} or {JSON}.",
            )
        if request.method == "POST":
            self.check_content_type(request.headers.get("content-type"))
        sub_response = await self.get_sub_response(request)
        context = await self.get_context(request, sub_response)
        request_data = await self.read_request(request)
        result = await self.execute(request, request_data, context)

        body = process_result(result)
        request_error = is_request_error(result)
        if request_error:
            body.pop("data", None)
        status_code = sub_response.status_code or (
            400 if request_error and media_type == GRAPHQL_RESPONSE_JSON else 200
        )
        response = graphql_response(dict(body), status_code, media_type)
        response.headers.raw.extend(
            (k, v) for k, v in sub_response.headers.raw if k.lower() != b"content-type"
        )
        if sub_response.background:
            response.background = sub_response.background
        return response

    @staticmethod
    def check_content_type(raw: str | None) -> None:
        if not is_json_utf8(raw):
            got = f"got {raw!r}" if raw else "none was given"
            raise RequestRefused(
                415,
                f"A POST to /graphql needs Content-Type: {JSON} in UTF-8 ({got}).",
                {"Accept-Post": f"{JSON}; charset=utf-8"},
            )

    async def execute(
        self, request: Request, data: GraphQLRequestData, context: Context
    ) -> ExecutionResult:
        allowed = OperationType.from_http("GET" if request.method == "GET" else "POST")
        try:
            return await self.schema.execute(
                data.query,
                variable_values=data.variables,
                context_value=context,
                root_value=None,
                operation_name=data.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=data.extensions,
            )
        except MissingQueryError as exc:
            raise RequestRefused(400, "The request has no `query` parameter.") from exc
        except CannotGetOperationTypeError as exc:
            raise RequestRefused(400, exc.as_http_error_reason()) from exc
        except InvalidOperationTypeError as exc:
            if request.method == "GET" and exc.operation_type == OperationType.MUTATION:
                raise RequestRefused(
                    405, "Mutations must be sent with POST, not GET.", {"Allow": "POST"}
                ) from exc
            raise RequestRefused(400, exc.as_http_error_reason(request.method)) from exc

    async def read_request(self, request: Request) -> GraphQLRequestData:
        """The operation's parameters from the query string (GET) or the JSON body (POST)."""
        params: Any
        if request.method == "GET":
            params = self.parse_query_params(request.query_params)
        else:
            body = await request.body()
            if not body:
                raise RequestRefused(400, "The request body is empty; send a JSON object.")
            try:
                params = json.loads(body)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise RequestRefused(400, f"The request body is not valid JSON: {exc}") from exc
            except RecursionError:
                raise RequestRefused(400, "The request body nests too deeply.") from None
            if isinstance(params, list):
                raise RequestRefused(
                    400, "Batched operations are not supported; send one at a time."
                )
            if not isinstance(params, dict):
                raise RequestRefused(400, "The request body must be a JSON object.")
        expected = {
            "query": (str, "a string"),
            "operationName": (str, "a string"),
            "variables": (dict, "an object"),
            "extensions": (dict, "an object"),
        }
        for name, (kind, wording) in expected.items():
            value = params.get(name)
            if value is not None and not isinstance(value, kind):
                raise RequestRefused(400, f"The `{name}` parameter must be {wording} or null.")
        return GraphQLRequestData(
            query=params.get("query"),
            variables=params.get("variables"),
            operation_name=params.get("operationName"),
            extensions=params.get("extensions"),
        )


__all__ = ["GridlinkGraphQL", "RequestRefused", "negotiate"]
