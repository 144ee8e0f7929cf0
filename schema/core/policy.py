"""Every request's checks as one strawberry extension, in the order they must run.

The checks themselves live with their subject: the anonymous gate in
schema/core/permissions.py, the persisted operations, the text check, the token limit and
the cost limits (with the cache of parsed and validated documents) in
schema/core/limits.py. They ran as six extensions; strawberry builds, for every request,
each extension and a context manager for each of its hooks (inspecting the class, wrapping
the generator), a visible share of a short query's CPU (`./run bench instructions` counts
it). One extension with four hooks does the same work in the same order:

1. on_operation: the anonymous gate, the persisted-operation check (which may put the
   allow-listed text in place of a bare hash), the text check, the token limit for the
   parser and, with introspection off, the rule that refuses it;
2. on_parse: the cached document of this text, if any; the parsed one kept otherwise;
3. on_validate: the cost limits with the request's variables, and validation (cached);
4. on_execute: anonymous callers may read only the schema; read-only roles no mutation.

The extension is fault masking's own (schema/core/errors.py `MaskFaults`, whose
on_operation runs `admit` inside the mask), so every check here is masked too, and a schema
built with it needs no other extension.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension

from schema.core.documents import DocumentCache
from schema.core.errors import MaskFaults
from schema.core.limits import (
    Limits,
    OperationLimits,
    PersistedOperations,
    check_text,
    load_allow_list,
)
from schema.core.permissions import admit_execution, admit_operation


@dataclass(frozen=True)
class Policy:
    """What the checks need, made once per app from the settings."""

    allow_introspection: bool
    max_tokens: int
    persisted: PersistedOperations
    limits: OperationLimits


class RequestPolicy(MaskFaults):
    """Fault masking (its on_operation, from MaskFaults) with every check inside it."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def admit(self) -> None:
        ec = self.execution_context
        policy = self.policy
        admit_operation(ec, policy.allow_introspection)
        policy.persisted.apply(ec)
        check_text(ec)
        ec.parse_options["max_tokens"] = policy.max_tokens
        if not policy.allow_introspection:
            ec.validation_rules = (*ec.validation_rules, NoSchemaIntrospectionCustomRule)

    def on_parse(self) -> Iterator[None]:
        ec = self.execution_context
        entry = self.policy.limits.before_parse(ec)
        yield
        self.policy.limits.after_parse(ec, entry)

    def on_validate(self) -> Iterator[None]:
        self.policy.limits.validate(self.execution_context)
        yield

    def on_execute(self) -> Iterator[None]:
        admit_execution(self.execution_context)
        yield


def request_policy(settings: Any) -> list[Callable[[], SchemaExtension]]:
    """The extensions every request runs with, from the settings (see the module doc), fault
    masking included: strawberry makes one per request from the factory returned here."""
    allowed = load_allow_list(settings.persisted_path)
    if settings.require_persisted and not allowed:
        raise SystemExit(
            "gridlink: GRIDLINK_REQUIRE_PERSISTED needs GRIDLINK_PERSISTED_OPERATIONS (an allow-list file)"
        )
    policy = Policy(
        allow_introspection=settings.introspection,
        max_tokens=settings.max_tokens,
        persisted=PersistedOperations(allowed, settings.require_persisted),
        # One cache per app, shared by its requests (the texts, not the viewers: a document
        # holds no answer, only the parsed text and whether it is valid against the schema).
        limits=OperationLimits(Limits.of(settings), DocumentCache()),
    )
    return [lambda: RequestPolicy(policy)]
