"""Enumerations of people and roles, equal to the value lists of loaders/model.py (a test checks)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Gender. 性别")
class Gender(Enum):
    FEMALE = "female"
    MALE = "male"


@strawberry.enum(
    description="A role a person holds at a place or organisation: 网格长、网格员、网格指导员、"
    "楼栋长、单元长、胡同长、社区干部、社区书记、调解员、网格调解员、法律明白人、法律顾问、"
    "党建指导员、志愿者、书记、村贤、评议员、主任、成员. 角色"
)
class RoleKind(Enum):
    GRID_LEADER = "grid_leader"
    GRID_WORKER = "grid_worker"
    GRID_INSTRUCTOR = "grid_instructor"
    BUILDING_LEADER = "building_leader"
    ENTRANCE_LEADER = "entrance_leader"
    ALLEY_LEADER = "alley_leader"
    COMMUNITY_CADRE = "community_cadre"
    COMMUNITY_SECRETARY = "community_secretary"
    MEDIATOR = "mediator"
    GRID_MEDIATOR = "grid_mediator"
    LEGAL_SAVVY = "legal_savvy"
    LEGAL_ADVISER = "legal_adviser"
    PARTY_INSTRUCTOR = "party_instructor"
    VOLUNTEER = "volunteer"
    SECRETARY = "secretary"
    RESPECTED_ELDER = "respected_elder"
    ASSESSOR = "assessor"
    CHAIR = "chair"
    MEMBER = "member"


GRID_ROLES = (
    RoleKind.GRID_LEADER,
    RoleKind.GRID_WORKER,
    RoleKind.GRID_INSTRUCTOR,
    RoleKind.GRID_MEDIATOR,
)
