"""One masker for the unexpected: faults become opaque errors carrying a request id.

Errors a user can fix are not GraphQL errors at all but typed payload errors (see each
mutation). What reaches here is one of:

- a GraphQL request error (syntax, validation, variables, limits): kept, it names the
  user's own query;
- an error our code raised on purpose: a `PublicError`, or a GraphQLError carrying an
  `extensions.code` (permissions, authentication): kept;
- the database being unavailable: a clear message, HTTP 503 with Retry-After;
- a Cypher transaction that ran past its time limit: a clear message, code TIMEOUT;
- anything else, a fault: masked. No stack trace, no Cypher, no internal names reach the
  client; the log carries the details under the same request id the client sees in the
  message and in the `x-request-id` response header (`RequestIds` below).
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from graphql import GraphQLError
from neo4j.exceptions import Neo4jError
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError

from graph.database import DatabaseUnavailable

log = logging.getLogger("gridlink.errors")
access_log = logging.getLogger("gridlink.requests")

UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly."
# A transaction past the limit is rolled back whole: nothing of it was written. It happens to
# an operation that asks too much, and to one that met the database still recovering.
TIMEOUT_MESSAGE = (
    "The operation did not finish within the database's time limit and was stopped; "
    "nothing of it was saved. Try again, or ask for less."
)
REQUEST_ID_HEADER = "x-request-id"
RETRY_AFTER_S = "5"
# A client may bring its own request id (a trace id); anything else is replaced, so a
# header cannot forge log lines.
_REQUEST_ID_SHAPE = re.compile(r"[A-Za-z0-9._-]{1,64}")

current_request_id: ContextVar[str] = ContextVar("gridlink_request_id", default="-")

# Exceptions strawberry turns into HTTP 400s itself; they must pass through untouched.
_PASS_THROUGH = (MissingQueryError, CannotGetOperationTypeError, InvalidOperationTypeError)


class PublicError(Exception):
    """An error whose message is written for users and may pass the masker as it is."""


def internal_message(request_id: str) -> str:
    return f"Internal error (request id {request_id})."


# Neo4j stops a transaction past db.transaction.timeout with one of these codes; the second
# when it was stopped while waiting for a lock another transaction held.
_TIMEOUT_CODES = ("TimedOut", "LockClientStopped")


def is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, Neo4jError) and any(c in (exc.code or "") for c in _TIMEOUT_CODES)


def _is_deliberate(original: BaseException) -> bool:
    if isinstance(original, PublicError):
        return True
    # A GraphQLError our code raised on purpose carries a code; graphql-core's own errors
    # during execution (serialising a bad value) carry none and may show internal values.
    return isinstance(original, GraphQLError) and bool((original.extensions or {}).get("code"))


def _masked(error: GraphQLError, message: str, code: str) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions={"code": code},
    )


def _http_response(context: Any) -> Response | None:
    response = getattr(context, "response", None)
    return response if isinstance(response, Response) else None


class MaskFaults(SchemaExtension):
    """Faults become masked errors naming the request id; deliberate errors pass as they are.

    `admit` runs first inside the mask: schema/core/policy.py's extension, a subclass,
    puts the request's checks there, so one extension does both (strawberry's cost is per
    extension and hook, paid for every request)."""

    def admit(self) -> None:
        """Checks before the document is parsed; raise GraphQLError to refuse."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context.context
        request_id = getattr(context, "request_id", None) or current_request_id.get()
        response = _http_response(context)
        if response is not None:
            response.headers[REQUEST_ID_HEADER] = request_id
        try:
            self.admit()
            yield
        except (GraphQLError, *_PASS_THROUGH):
            raise
        except DatabaseUnavailable:
            self._unavailable(response)
            raise GraphQLError(
                UNAVAILABLE_MESSAGE, extensions={"code": "DATABASE_UNAVAILABLE"}
            ) from None
        except Exception as exc:
            # A fault outside any resolver (an extension, a validation rule): mask it too.
            log.error("request %s: fault outside execution", request_id, exc_info=exc)
            raise GraphQLError(
                internal_message(request_id), extensions={"code": "INTERNAL_ERROR"}
            ) from None
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if not errors:
            return
        unavailable = False
        out: list[GraphQLError] = []
        for error in errors:
            original = error.original_error
            if original is None or _is_deliberate(original):
                out.append(error)
            elif isinstance(original, DatabaseUnavailable):
                unavailable = True
                out.append(_masked(error, UNAVAILABLE_MESSAGE, "DATABASE_UNAVAILABLE"))
            elif is_timeout(original):
                log.warning("request %s: transaction timed out in %s", request_id, error.path)
                out.append(_masked(error, TIMEOUT_MESSAGE, "TIMEOUT"))
            else:
                log.error("request %s: fault in %s", request_id, error.path, exc_info=original)
                out.append(_masked(error, internal_message(request_id), "INTERNAL_ERROR"))
        result.errors = out  # type: ignore[union-attr]
        if unavailable and not getattr(result, "data", None):
            self._unavailable(response)

    @staticmethod
    def _unavailable(response: Response | None) -> None:
        if response is not None:
            response.status_code = 503
            response.headers["Retry-After"] = RETRY_AFTER_S


def request_id_of(raw: str | None) -> str:
    if raw and _REQUEST_ID_SHAPE.fullmatch(raw):
        return raw
    return uuid.uuid4().hex[:16]


class RequestIds:
    """ASGI middleware: every request and WebSocket gets an id, echoed and logged.

    The id (the client's own `x-request-id` when it is a sane token, else a new one) is
    written back into the request's headers, so every layer reading the header sees the
    same value, and set on the response. An exception nothing else caught becomes a JSON
    500 that names the id and nothing else.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"] if k != b"x-request-id"]
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = request_id_of(incoming)
        headers.append((b"x-request-id", request_id.encode("ascii")))
        scope = {**scope, "headers": headers}
        token = current_request_id.set(request_id)
        started = time.monotonic()
        status: list[int] = []

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
                status.append(int(message["status"]))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("request %s: unhandled fault", request_id)
            if scope["type"] != "http" or status:
                raise
            body = json.dumps({"errors": [{"message": internal_message(request_id)}]}).encode()
            await send_with_id(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send_with_id({"type": "http.response.body", "body": body})
        finally:
            code = status[0] if status else 0
            # Refusals and faults at INFO and above; the ordinary success at DEBUG.
            level = (
                logging.WARNING if code >= 500 else logging.INFO if code >= 400 else logging.DEBUG
            )
            access_log.log(
                level,
                "request %s %s %s -> %s in %.1f ms",
                request_id,
                scope.get("method", "WS"),
                scope.get("path", "-"),
                code or "-",
                (time.monotonic() - started) * 1000,
            )
            current_request_id.reset(token)
