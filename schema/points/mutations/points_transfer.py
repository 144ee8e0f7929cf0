"""pointsTransfer: move points between accounts as one double-entry transfer (积分流水).

One DEBIT and one CREDIT, amount above 0, never from an account to itself; a person's
account never goes below 0 (the issuer's may: it creates points). The balance is read in
the transfer's own transaction after the DEBIT is written, which locks the paying account,
so two transfers cannot both spend the same points; an overdraft rolls the transfer back.
"""

from __future__ import annotations

from typing import Any

import strawberry
from neo4j import AsyncManagedTransaction

from graph import points
from graph.nodes import Ref, row_of
from schema.core.context import Info
from schema.core.payloads import (
    ErrorCode,
    Problems,
    Rejected,
    audit,
    new_id,
    require,
    write_or_errors,
    written,
)
from schema.points.mutations.payloads import PointsTransferPayload
from schema.points.types import PointAccount, PointTransfer

MAX_AMOUNT = 1_000_000


@strawberry.input(description="Points to move from one account to another. 积分转账")
class PointsTransferInput:
    source: strawberry.ID = strawberry.field(
        name="from", description="The paying account. 转出账户"
    )
    target: strawberry.ID = strawberry.field(
        name="to", description="The receiving account. 转入账户"
    )
    amount: int = strawberry.field(description="Points, more than 0. 积分数")
    reason: str = strawberry.field(description="Earned for ... / exchanged at 雷锋超市 ... 事由")


async def points_transfer(info: Info, input: PointsTransferInput) -> PointsTransferPayload:
    p = Problems()
    source = p.id_of("input.from", input.source, "PointAccount")
    target = p.id_of("input.to", input.target, "PointAccount")
    if input.amount <= 0 or input.amount > MAX_AMOUNT:
        p.add(
            "input.amount",
            ErrorCode.OUT_OF_RANGE,
            f"input.amount must be 1 to {MAX_AMOUNT}, got {input.amount}",
        )
    reason = p.text("input.reason", input.reason, required=True)
    if source is not None and source == target:
        p.add("input.to", ErrorCode.SAME_ACCOUNT, "input.to: the same account as input.from")
    if p or source is None or target is None:
        return PointsTransferPayload(transfer=None, debited=None, credited=None, errors=p.errors)
    refs = [
        Ref("input.from", source, ("PointAccount",)),
        Ref("input.to", target, ("PointAccount",)),
    ]
    params = {
        "id": new_id("transfer", None),
        "fromId": source,
        "toId": target,
        "amount": input.amount,
        "reason": reason,
        **audit(info),
    }

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        found = await require(tx, info, refs)
        row = dict(written(await points.write_one(tx, "create_transfer", params)))
        if found["input.from"].get("kind") == "person" and int(row["fromBalance"]) < 0:
            before = int(row["fromBalance"]) + input.amount
            raise Rejected.one(
                "input.amount",
                ErrorCode.INSUFFICIENT_BALANCE,
                f"input.amount: the paying account holds {before} points",
            )
        return row

    result = await write_or_errors(info, work, "points/create_transfer")
    if isinstance(result, list):
        return PointsTransferPayload(transfer=None, debited=None, credited=None, errors=result)
    return PointsTransferPayload(
        transfer=PointTransfer.from_node(row_of(result["transfer"]).props),
        debited=PointAccount.from_node(row_of(result["from"]).props),
        credited=PointAccount.from_node(row_of(result["to"]).props),
        errors=[],
    )
