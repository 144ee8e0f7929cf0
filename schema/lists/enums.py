"""Enumerations of the four lists, equal to the value lists of loaders/model.py (a test checks)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(
    description="Where a need stands: open, partly met (part committed), met (fully "
    "committed), closed, withdrawn. 需求状态"
)
class NeedStatus(Enum):
    OPEN = "open"
    PARTLY_MET = "partly_met"
    MET = "met"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


@strawberry.enum(description="What a resource is: venue, funding, training ... 资源类型")
class ResourceKind(Enum):
    VENUE = "venue"
    FUNDING = "funding"
    TRAINING = "training"
    LEGAL = "legal"
    LABOUR = "labour"
    GOODS = "goods"
    MEDICAL = "medical"
    SERVICE = "service"


@strawberry.enum(description="Whether a resource is on offer. 资源状态")
class ResourceStatus(Enum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


@strawberry.enum(
    description="Where a project stands; unclaimed by its deadline it goes to the open pool. 项目状态"
)
class ProjectStatus(Enum):
    PROPOSED = "proposed"
    OPEN_POOL = "open_pool"
    CLAIMED = "claimed"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


@strawberry.enum(description="Where a task stands. 任务状态")
class TaskStatus(Enum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    CANCELLED = "cancelled"


@strawberry.enum(description="What a claim is on: a need or a project. 认领对象类型")
class ClaimKind(Enum):
    NEED = "need"
    PROJECT = "project"


@strawberry.enum(description="Where a claim stands. 认领状态")
class ClaimStatus(Enum):
    ACTIVE = "active"
    FULFILLED = "fulfilled"
    WITHDRAWN = "withdrawn"
