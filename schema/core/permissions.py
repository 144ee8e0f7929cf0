"""Who may call what: small permission classes with messages, and the anonymous gate.

Reads are scoped in Cypher (`viewer.place_scopes()`, docs/SECURITY.md) and never refuse:
out of scope is simply absent. Writes refuse, in two steps:

1. A field-level permission here (`CanWrite`, `role_required(...)`) refuses a viewer whose
   role may never make that kind of change (a planner creating a case). This is a
   GraphQL error with `extensions.code` FORBIDDEN, as nothing was attempted.
2. A write whose target lies outside the viewer's scope is refused by the mutation itself,
   as a typed payload error `{field, code: OUT_OF_SCOPE, message}`: the scope check
   runs in the write's Cypher after the indexed lookup of the target (or with
   `viewer.may_write_under(place_chain)`), and a refused write changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
)
from starlette.responses import Response
from strawberry.permission import BasePermission
from strawberry.types.graphql import OperationType

from schema.core.viewer import RoleName

if TYPE_CHECKING:  # the context imports every domain's loaders; the CLI needs none of them
    from schema.core.context import Info

UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"
OUT_OF_SCOPE = "OUT_OF_SCOPE"

AUTHENTICATE_MESSAGE = (
    "Not authenticated: send Authorization: Bearer <token> (gridlink token --role ...) "
    "or an API key."
)


def out_of_scope_message(what: str) -> str:
    """The message of a typed OUT_OF_SCOPE error: names the target, never what lies there."""
    return f"{what} is outside the places your role may change, or does not exist."


class IsAuthenticated(BasePermission):
    message = AUTHENTICATE_MESSAGE
    error_extensions = {"code": UNAUTHENTICATED}  # noqa: RUF012 (strawberry reads it per class)

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return bool(info.context.viewer.authenticated)


class CanWrite(BasePermission):
    message = "Your role reads only; it may not change data."
    error_extensions = {"code": FORBIDDEN}  # noqa: RUF012

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return bool(info.context.viewer.may_write)


class IsAdmin(BasePermission):
    message = "Only an administrator may do this."
    error_extensions = {"code": FORBIDDEN}  # noqa: RUF012

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return bool(info.context.viewer.is_admin)


def role_required(*roles: RoleName) -> type[BasePermission]:
    """A permission that lets through the given roles (and administrators)."""
    names = ", ".join(roles)

    class HasRole(BasePermission):
        message = f"This needs one of the roles: {names}."
        error_extensions = {"code": FORBIDDEN}  # noqa: RUF012

        def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            viewer = info.context.viewer
            return bool(viewer.is_admin or viewer.has(*roles))

    HasRole.__name__ = f"HasRole_{'_'.join(roles)}"
    return HasRole


# ---- the anonymous gate ------------------------------------------------------------------


def _introspection_only(execution_context: Any) -> bool:
    """Whether the operation asks only for the schema (__schema, __type, __typename)."""
    document = execution_context.graphql_document
    if document is None:
        return False
    name = execution_context.operation_name
    fragments = {
        d.name.value: d for d in document.definitions if not isinstance(d, OperationDefinitionNode)
    }
    operations = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
        and (name is None or (d.name and d.name.value == name))
    ]
    if len(operations) != 1:
        return False

    def only_meta(selections: Any, seen: frozenset[str]) -> bool:
        for sel in selections:
            if isinstance(sel, FieldNode):
                if not sel.name.value.startswith("__"):
                    return False
            elif isinstance(sel, InlineFragmentNode):
                if not only_meta(sel.selection_set.selections, seen):
                    return False
            elif isinstance(sel, FragmentSpreadNode):
                fragment = fragments.get(sel.name.value)
                if fragment is None or sel.name.value in seen:
                    return False
                if not only_meta(fragment.selection_set.selections, seen | {sel.name.value}):
                    return False
        return True

    return only_meta(operations[0].selection_set.selections, frozenset())


def _anonymous(execution_context: Any) -> bool:
    viewer = getattr(execution_context.context, "viewer", None)
    return viewer is None or not viewer.authenticated


def _refuse(execution_context: Any) -> GraphQLError:
    response = getattr(execution_context.context, "response", None)
    if isinstance(response, Response):
        response.status_code = 401
        response.headers["WWW-Authenticate"] = "Bearer"
    return GraphQLError(AUTHENTICATE_MESSAGE, extensions={"code": UNAUTHENTICATED})


def _forbid(execution_context: Any) -> GraphQLError:
    response = getattr(execution_context.context, "response", None)
    if isinstance(response, Response):
        response.status_code = 403
    return GraphQLError(CanWrite.message, extensions={"code": FORBIDDEN})


def admit_operation(execution_context: Any, allow_introspection: bool) -> None:
    """The gate every operation passes first (schema/core/policy.py runs it).

    An anonymous viewer is refused with 401, the schema itself excepted: with introspection
    on, an anonymous client may read the schema, so the playground page can show its
    documentation before a token is pasted in. With introspection off, nothing at all runs
    without a credential.
    """
    if _anonymous(execution_context) and not allow_introspection:
        raise _refuse(execution_context)


def admit_execution(execution_context: Any) -> None:
    """Once the operation is parsed: anonymous callers may read only the schema, and a
    viewer whose roles may not write at all (a planner, the public) is refused any mutation
    with 403, before a resolver runs: no domain's mutation has to remember it."""
    if _anonymous(execution_context) and not _introspection_only(execution_context):
        raise _refuse(execution_context)
    viewer = getattr(execution_context.context, "viewer", None)
    if (
        execution_context.operation_type == OperationType.MUTATION
        and viewer is not None
        and not viewer.may_write
    ):
        raise _forbid(execution_context)
