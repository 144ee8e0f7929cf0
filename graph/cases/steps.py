"""Taking one step in a case's life: lock, check, write, append the event, in one transaction.

Every step runs the same way: `cases/lock_case` takes the case's write lock before reading
it, so of two steps racing with the same `version` the second waits, then reads the new
version and is refused (VERSION_CONFLICT). Under the lock the step is checked against the
transition table (graph/cases/machine.py) and the actor's scope, then the step's own
writes run, then `cases/append_case_event` moves the state and appends the event. A
refusal raises `CaseRejected` inside the transaction, which rolls it back: the case is
unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from neo4j import AsyncManagedTransaction

from graph.cases import feed
from graph.cases.machine import (
    RULES_BY_ACTION,
    Action,
    allowed_actions,
    allowed_next_states,
    applies,
    phase_of,
)
from graph.database import Database, Row, run_rows
from schema.core.viewer import RoleName

RejectCode = Literal[
    "NOT_FOUND", "VERSION_CONFLICT", "ILLEGAL_TRANSITION", "FORBIDDEN", "OUT_OF_SCOPE", "INVALID"
]


@dataclass(frozen=True)
class Actor:
    """Who takes a step: the id from the token (never from input), roles and scopes."""

    actor_id: str | None
    roles: tuple[RoleName, ...]
    read_scopes: list[str] | None  # places the actor reads under; None = everywhere
    write_scopes: list[str] | None  # places the actor acts under; None = everywhere


class CaseRejected(Exception):
    """A step refused for a reason the user can fix; carries what the client needs."""

    def __init__(
        self,
        code: RejectCode,
        message: str,
        *,
        field: str | None = None,
        status: str | None = None,
        version: int | None = None,
        allowed: Sequence[str] = (),
        next_states: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.status = status
        self.version = version
        self.allowed = list(allowed)
        self.next_states = list(next_states)


@dataclass(frozen=True)
class Locked:
    """A case as read under its write lock."""

    case: Row
    held_by_id: str | None
    may_act: bool
    is_above: bool
    whistles: list[Row]
    pending_mediations: list[str]
    pending_extensions: list[Row]

    @classmethod
    def of(cls, row: Row) -> Locked:
        return cls(
            case=row["case"],
            held_by_id=row["heldById"],
            may_act=bool(row["mayAct"]),
            is_above=bool(row["isAbove"]),
            whistles=list(row["whistles"]),
            pending_mediations=list(row["pendingMediations"]),
            pending_extensions=list(row["pendingExtensions"]),
        )

    @property
    def id(self) -> str:
        return str(self.case["id"])

    @property
    def status(self) -> str:
        return str(self.case["status"])

    @property
    def version(self) -> int:
        return int(self.case["version"])

    @property
    def level(self) -> str:
        return str(self.case["level"])

    @property
    def kind(self) -> str:
        return str(self.case["kind"])

    def reject(self, code: RejectCode, message: str, field: str | None = None) -> CaseRejected:
        """A refusal that names the case's state and what may be done with it now."""
        return CaseRejected(
            code,
            message,
            field=field,
            status=self.status,
            version=self.version,
            allowed=allowed_actions(self.status, self.level, self.kind),
            next_states=allowed_next_states(self.status, self.level, self.kind),
        )


@dataclass(frozen=True)
class Step:
    action: Action
    case_id: str
    version: int
    note: str | None = None
    attachments: tuple[str, ...] = ()
    event: Mapping[str, Any] = field(default_factory=dict)  # extra CaseEvent properties
    case_props: Mapping[str, Any] = field(default_factory=dict)
    restart: bool = False  # restart the clock even within the same phase (a new level)


@dataclass(frozen=True)
class StepDone:
    case: Row
    event: Row
    extra: Row


Check = Callable[[Locked], None]
Write = Callable[[AsyncManagedTransaction, Locked], Awaitable[Row]]


def illegal_message(action: str, locked: Locked) -> str:
    allowed = allowed_actions(locked.status, locked.level, locked.kind)
    states = allowed_next_states(locked.status, locked.level, locked.kind)
    why = ""
    rule = RULES_BY_ACTION[action]  # type: ignore[index]
    if locked.status in rule.allowed_from and locked.level in rule.not_at:
        why = f" at the {locked.level} level"
    elif locked.status in rule.allowed_from and rule.kinds and locked.kind not in rule.kinds:
        why = f" of kind {locked.kind} (only {', '.join(rule.kinds)})"
    return (
        f"cannot {action} case {locked.id}{why}: it is {locked.status} at the {locked.level} "
        f"level; allowed now: {', '.join(allowed) or 'nothing'}"
        f" (next states: {', '.join(states) or 'none'})"
    )


def refuse_role(actor: Actor, action: Action) -> CaseRejected | None:
    roles = RULES_BY_ACTION[action].roles
    if any(r in roles for r in actor.roles):
        return None
    return CaseRejected(
        "FORBIDDEN", f"{action} needs one of the roles {', '.join(roles)}", field=None
    )


async def take_step(
    db: Database,
    actor: Actor,
    step: Step,
    *,
    check: Check | None = None,
    write: Write | None = None,
) -> StepDone:
    """Take `step` on a case, or raise CaseRejected with nothing changed."""
    refused = refuse_role(actor, step.action)
    if refused is not None:
        raise refused
    rule = RULES_BY_ACTION[step.action]

    async def work(tx: AsyncManagedTransaction) -> StepDone:
        rows = await run_rows(
            tx,
            "cases/lock_case",
            {"id": step.case_id, "scopes": actor.read_scopes, "writeScopes": actor.write_scopes},
        )
        if not rows:
            raise CaseRejected("NOT_FOUND", f"no case {step.case_id}", field="id")
        locked = Locked.of(rows[0])
        if locked.version != step.version:
            raise locked.reject(
                "VERSION_CONFLICT",
                f"case {locked.id} changed since version {step.version}: it is now version "
                f"{locked.version}, {locked.status}; read it again and decide anew",
                field="version",
            )
        if not applies(step.action, locked.status, locked.level, locked.kind):
            raise locked.reject("ILLEGAL_TRANSITION", illegal_message(step.action, locked))
        if not locked.may_act:
            raise locked.reject(
                "OUT_OF_SCOPE",
                f"case {locked.id} is held by {locked.held_by_id}, outside the places you act in",
            )
        if check is not None:
            check(locked)
        extra = dict(await write(tx, locked)) if write is not None else {}
        # A write may learn event details only under the lock (the hours of a request).
        event = {**_event_props(step), **extra.pop("eventProps", {})}
        to = rule.to
        out = await run_rows(
            tx,
            "cases/append_case_event",
            {
                "id": locked.id,
                "action": step.action,
                "toState": to,
                "phase": phase_of(to or locked.status),
                "restart": step.restart,
                "caseProps": dict(step.case_props),
                "event": event,
                "actorId": actor.actor_id,
            },
        )
        return StepDone(case=out[0]["case"], event=out[0]["event"], extra=extra)

    done = await db.write_tx(work, f"cases/{step.action}")
    feed.nudge(db)
    return done


def _event_props(step: Step) -> dict[str, Any]:
    props: dict[str, Any] = {"note": step.note, "attachments": list(step.attachments)}
    props.update(step.event)
    return {k: v for k, v in props.items() if v is not None and v != []}


def native(value: Any) -> Any:
    """A driver temporal value as the standard library's (datetime, date); others unchanged."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def as_datetime(value: Any) -> datetime | None:
    out = native(value)
    return out if isinstance(out, datetime) else None


def checked_subjects(rows: list[Row], wanted: Sequence[str], field_name: str) -> None:
    """Refuse ids that name no node, or a node without one of the `wanted` labels."""
    wrong = [r["id"] for r in rows if not r["labels"] or not set(wanted) & set(r["labels"])]
    if wrong:
        raise CaseRejected(
            "INVALID",
            f"{field_name}: no {' or '.join(wanted)} with id {', '.join(map(str, wrong))}",
            field=field_name,
        )
