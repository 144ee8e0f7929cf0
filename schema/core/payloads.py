"""Typed user errors for mutations: what a client can fix is data in the payload, never a
GraphQL error, and never a partial write.

A mutation validates its input into `Problems`, then runs one write transaction; a rule
broken inside the transaction raises `Rejected`, which rolls the whole transaction back
and comes out of `write_or_errors` as the payload's errors.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, TypeVar

import strawberry
from neo4j import AsyncManagedTransaction

from graph.nodes import EVERYWHERE, Access, Ref, check_refs
from schema.core.access import write_access
from schema.core.context import Info
from schema.core.ids import BadId, expect, from_global

T = TypeVar("T")
MAX_TEXT = 2000


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

    def typed_id_of(
        self, field: str, global_id: str | None, *type_names: str
    ) -> tuple[str, str] | None:
        """(type name, external id) of an id that may name one of several types."""
        external = self.id_of(field, global_id, *type_names)
        if external is None or global_id is None:
            return None
        return from_global(global_id)[0], external

    def text(self, field: str, value: str | None, required: bool = False) -> str | None:
        """Trimmed text, at most MAX_TEXT characters; blank counts as missing."""
        cleaned = value.strip() if value is not None else ""
        if not cleaned:
            if required:
                self.add(field, ErrorCode.REQUIRED, f"{field} is required")
            return None
        if len(cleaned) > MAX_TEXT:
            self.add(field, ErrorCode.OUT_OF_RANGE, f"{field}: at most {MAX_TEXT} characters")
        return cleaned

    def positive(self, field: str, value: float | None, required: bool = True) -> float | None:
        if value is None:
            if required:
                self.add(field, ErrorCode.REQUIRED, f"{field} is required")
            return None
        if not value > 0:
            self.add(field, ErrorCode.OUT_OF_RANGE, f"{field} must be more than 0, got {value}")
        return value

    def between(self, field: str, value: int | None, low: int, high: int) -> int | None:
        if value is not None and not low <= value <= high:
            self.add(field, ErrorCode.OUT_OF_RANGE, f"{field} must be {low} to {high}, got {value}")
        return value

    def ordered(self, field: str, start: date | None, end: date | None) -> None:
        if start is not None and end is not None and end < start:
            self.add(field, ErrorCode.INVALID, f"{field} ({end}) is before {start}")

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


async def require(
    tx: AsyncManagedTransaction, info: Info, refs: list[Ref], access: Access | None = None
) -> dict[str, Mapping[str, Any]]:
    """Inside the write's transaction: the properties of every entity the input names, by
    field; Rejected (NOT_FOUND for each) when some do not exist, are of another kind, or lie
    outside what the viewer may change (`write_access` unless another access is given; the
    same answer for all three: scope hides what exists)."""
    states = await check_refs(tx, refs, access or write_access(info.context.viewer))
    missing = [s for s in states if not s.found]
    if missing:
        raise Rejected(
            [
                UserError(
                    field=s.field,
                    code=ErrorCode.NOT_FOUND,
                    message=f"{s.field}: no such entity ({s.id!r})",
                )
                for s in missing
            ]
        )
    return {s.field: s.props or {} for s in states}


async def refuse_taken(tx: AsyncManagedTransaction, field: str, external_id: str) -> None:
    """Rejected (DUPLICATE) when an entity already has this external id."""
    states = await check_refs(tx, [Ref(field, external_id, ())], EVERYWHERE)
    if states and states[0].exists:
        raise Rejected.one(field, ErrorCode.DUPLICATE, f"{field}: {external_id!r} is taken")


def new_id(kind: str, given: str | None) -> str:
    """The external id of a new entity: the client's own key, or a fresh one."""
    return given.strip() if given and given.strip() else f"{kind}-{uuid.uuid4().hex[:12]}"


def audit(info: Info) -> dict[str, Any]:
    """Who and when, for every write: the actor from the token, never from the input.

    The time goes as ISO 8601 text, made a datetime by the statement (`datetime($now)`): the
    driver's conversion of a Python datetime (through its own DateTime and pytz, in Python)
    cost more than a twelfth of a need's create (`./run bench instructions --only 5`)."""
    return {"actorId": info.context.viewer.actor_id, "now": datetime.now(UTC).isoformat()}


def today() -> date:
    return datetime.now(UTC).date()


def written(row: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """The row a write returned; its absence after every reference was checked in the same
    transaction is a fault, not a user error."""
    if row is None:
        raise RuntimeError("a checked write returned no row")
    return row
