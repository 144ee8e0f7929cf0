"""One masker for the unexpected: faults become opaque errors carrying a request id.

Errors a user can fix are not GraphQL errors at all but typed payload errors (see each
mutation). What reaches here is either a GraphQL validation error (kept: it names the
user's own query), the database being unavailable (a clear message, HTTP 503), or a fault
(masked: no stack trace, no Cypher, no internal names; the log carries the details).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from graph.database import DatabaseUnavailable

log = logging.getLogger("gridlink.errors")

UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly."


class PublicError(Exception):
    """An error whose message is written for users and may pass the masker as it is."""


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


class MaskFaults(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if not errors:
            return
        context = self.execution_context.context
        request_id = getattr(context, "request_id", "-")
        unavailable = False
        out: list[GraphQLError] = []
        for error in errors:
            original = error.original_error
            if original is None or isinstance(original, PublicError):
                out.append(error)  # parse/validation errors and messages written for users
            elif isinstance(original, DatabaseUnavailable):
                unavailable = True
                out.append(_masked(error, UNAVAILABLE_MESSAGE, "DATABASE_UNAVAILABLE"))
            else:
                log.error("request %s: fault in %s", request_id, error.path, exc_info=original)
                out.append(
                    _masked(error, f"Internal error (request id {request_id}).", "INTERNAL_ERROR")
                )
        result.errors = out  # type: ignore[union-attr]
        response = getattr(context, "response", None)
        if unavailable and response is not None and not getattr(result, "data", None):
            response.status_code = 503
