"""Enumerations of points, equal to the value lists of loaders/model.py (a test checks)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(
    description="Whose account: a person's, the issuer's (who awards points) or a shop's "
    "(雷锋超市, where points are exchanged). 积分账户类型"
)
class PointAccountKind(Enum):
    PERSON = "person"
    ISSUER = "issuer"
    SHOP = "shop"
