"""Points (积分): accounts and the double-entry transfers between them. A balance is derived
from the ledger, never stored."""

from __future__ import annotations

import datetime

import strawberry

from graph.nodes import Hop, Order
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import Node, entity, one, one_of, related
from schema.organisations.unions import Actor
from schema.points.enums import PointAccountKind

OWNER = Hop(("HAS_ACCOUNT",), "in")
ENTRIES = Hop(("DEBIT", "CREDIT"), "in")
DEBIT = Hop(("DEBIT",), "out")
CREDIT = Hop(("CREDIT",), "out")
NEWEST_FIRST = Order("at", desc=True)


@entity
@strawberry.type(
    description="A points account: a person's, the issuer's or a shop's (雷锋超市). 积分账户"
)
class PointAccount(Node):
    kind: PointAccountKind = strawberry.field(description="Whose account. 账户类型")
    name: str | None = strawberry.field(description="Name. 名称")
    recorded_at: datetime.datetime | None = strawberry.field(
        description="When the API opened it. 记录时间"
    )
    actor_id: str | None = strawberry.field(description="Who opened it through the API. 记录人")

    @strawberry.field(description="Credits in minus debits out, from the ledger. 积分余额")
    async def balance(self, info: Info) -> int:
        return await info.context.loaders.balance_by_account.load(self.external_id)

    @strawberry.field(description="Who owns it. 账户所有人")
    async def owner(self, info: Info) -> Actor | None:
        found: Actor | None = await one_of(info, self.external_id, OWNER)
        return found

    @strawberry.field(description="Transfers in and out, newest first. 积分流水")
    async def transfers(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PointTransfer]:
        return await related(
            info, self.external_id, ENTRIES, first, after, last, before, order=NEWEST_FIRST
        )


@entity
@strawberry.type(
    description="One double-entry transfer: points debited from one account and credited "
    "to another. 积分流水"
)
class PointTransfer(Node):
    amount: int = strawberry.field(description="Points moved, always positive. 积分数")
    at: datetime.datetime = strawberry.field(description="When. 时间")
    reason: str = strawberry.field(description="Earned for ... / exchanged at 雷锋超市 ... 事由")
    actor_id: str | None = strawberry.field(description="Who recorded it. 记录人")

    @strawberry.field(description="The account points were taken from. 转出账户")
    async def debited(self, info: Info) -> PointAccount | None:
        return await one(info, self.external_id, DEBIT, PointAccount)

    @strawberry.field(description="The account points were given to. 转入账户")
    async def credited(self, info: Info) -> PointAccount | None:
        return await one(info, self.external_id, CREDIT, PointAccount)
