"""Typed user errors for mutations: what a client can fix is data in the payload, never a
GraphQL error, and never a partial write.

A mutation validates its input into `Problems`, then runs one write transaction; a rule
broken inside the transaction raises `Rejected`, which rolls the whole transaction back
and comes out of `write_or_errors` as the payload's errors.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import TypeVar

import strawberry
from neo4j import AsyncManagedTransaction

from schema.core.context import Info
from schema.core.ids import BadId, expect

T = TypeVar("T")


@strawberry.enum(description="What is wrong with a write, for code to act on. 错误代码")
class ErrorCode(Enum):
    REQUIRED = "required"
    INVALID = "invalid"
    INVALID_ID = "invalid_id"
    WRONG_ID_TYPE = "wrong_id_type"
    NOT_FOUND = "not_found"
    DUPLICATE = "duplicate"
    OUT_OF_RANGE = "out_of_range"
    INVALID_TRANSITION = "invalid_transition"
    NOT_OPEN = "not_open"
    EXCEEDS_NEED = "exceeds_need"
    EXCEEDS_CAPACITY = "exceeds_capacity"
    BELOW_COMMITTED = "below_committed"
    NOT_PROVIDER = "not_provider"
    INSUFFICIENT_BALANCE = "insufficient_balance"
    SAME_ACCOUNT = "same_account"
    ALREADY_HOLDS = "already_holds"
    NOT_ALLOWED = "not_allowed"


@strawberry.type(description="Something in the input a client can fix. 输入错误")
class UserError:
    field: str | None = strawberry.field(
        description="Path of the input field at fault, e.g. `input.quantity`; null when "
        "the whole input is. 出错字段"
    )
    code: ErrorCode = strawberry.field(description="Machine-readable reason. 错误代码")
    message: str = strawberry.field(description="Readable explanation. 错误说明")


class Problems:
    """User errors collected while validating one input."""

    def __init__(self) -> None:
        self.errors: list[UserError] = []

    def __bool__(self) -> bool:
        return bool(self.errors)

    def add(self, field: str | None, code: ErrorCode, message: str) -> None:
        self.errors.append(UserError(field=field, code=code, message=message))

    def id_of(self, field: str, global_id: str | None, *type_names: str) -> str | None:
        """The external id, or None with the error recorded (missing, malformed, wrong type)."""
        if global_id is None or global_id == "":
            self.add(field, ErrorCode.REQUIRED, f"{field} is required")
            return None
        try:
            return expect(global_id, *type_names)
        except BadId as exc:
            code = ErrorCode.WRONG_ID_TYPE if exc.code == "WRONG_ID_TYPE" else ErrorCode.INVALID_ID
            self.add(field, code, f"{field}: {exc}")
            return None

    def ids_of(self, field: str, global_ids: list[strawberry.ID], *type_names: str) -> list[str]:
        out: list[str] = []
        for i, gid in enumerate(global_ids):
            external = self.id_of(f"{field}[{i}]", gid, *type_names)
            if external is not None:
                out.append(external)
        return out


class Rejected(Exception):
    """Raised inside a write transaction when a rule is broken: the transaction rolls back."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

    @classmethod
    def one(cls, field: str | None, code: ErrorCode, message: str) -> Rejected:
        return cls([UserError(field=field, code=code, message=message)])


async def write_or_errors(
    info: Info, work: Callable[[AsyncManagedTransaction], Awaitable[T]], label: str
) -> T | list[UserError]:
    """Run `work` as one write transaction: its result, or the errors that rolled it back."""
    try:
        return await info.context.db.write_tx(work, label)
    except Rejected as rejected:
        return rejected.errors
