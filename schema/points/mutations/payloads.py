"""Payloads of the points mutations."""

from __future__ import annotations

import strawberry

from schema.core.payloads import UserError
from schema.points.types import PointAccount, PointTransfer

ERRORS = "What stopped the write; empty when it succeeded. 错误"


@strawberry.type(description="Result of opening a points account. 开户结果")
class PointAccountPayload:
    point_account: PointAccount | None = strawberry.field(description="The account. 积分账户")
    errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.type(description="Result of a points transfer. 积分转账结果")
class PointsTransferPayload:
    transfer: PointTransfer | None = strawberry.field(description="The transfer. 积分流水")
    debited: PointAccount | None = strawberry.field(description="The paying account. 转出账户")
    credited: PointAccount | None = strawberry.field(description="The receiving account. 转入账户")
    errors: list[UserError] = strawberry.field(description=ERRORS)
