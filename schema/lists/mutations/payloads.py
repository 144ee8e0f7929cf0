"""Payloads of the lists' mutations: the changed object, or the errors that stopped the write."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry

from graph.nodes import native
from schema.core.payloads import UserError
from schema.lists.types import Agreement, Claim, Need, Project, Resource, Task
from schema.organisations.types import ORGANISATION_TYPES
from schema.places.filters import PLACE_LABELS

ORGANISATION_LABELS = tuple(t.__name__ for t in ORGANISATION_TYPES)
ACTOR_LABELS = (*ORGANISATION_LABELS, "Person")
ERRORS = "What stopped the write; empty when it succeeded. 错误"


def props_of(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: native(v) for k, v in row["props"].items()}


@strawberry.type(description="Result of a write to a need. 需求变更结果")
class NeedPayload:
    need: Need | None = strawberry.field(description="The need as written. 需求")
    errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.type(description="Result of a write to a resource. 资源变更结果")
class ResourcePayload:
    resource: Resource | None = strawberry.field(description="The resource as written. 资源")
    errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.type(description="Result of a write to a project. 项目变更结果")
class ProjectPayload:
    project: Project | None = strawberry.field(description="The project as written. 项目")
    errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.type(description="Result of a write to a task. 任务变更结果")
class TaskPayload:
    task: Task | None = strawberry.field(description="The task as written. 任务")
    errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.type(description="Result of recording an agreement. 共建协议变更结果")
class AgreementPayload:
    agreement: Agreement | None = strawberry.field(description="The agreement. 共建协议")
    errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.type(description="Result of a write to a claim. 认领变更结果")
class ClaimPayload:
    claim: Claim | None = strawberry.field(description="The claim as written. 认领")
    errors: list[UserError] = strawberry.field(description=ERRORS)


__all__ = ["PLACE_LABELS"]
