"""Root mutation fields of the points domain, one mutation per module."""

from __future__ import annotations

import strawberry

from schema.core.context import Info
from schema.points.mutations.payloads import PointAccountPayload, PointsTransferPayload
from schema.points.mutations.point_account_open import PointAccountOpenInput, point_account_open
from schema.points.mutations.points_transfer import PointsTransferInput, points_transfer


@strawberry.type
class PointsMutations:
    """Root mutation fields of this domain (composed into Mutation in schema/api.py)."""

    @strawberry.mutation(description="Open a points account. 开立积分账户")
    async def point_account_open(
        self, info: Info, input: PointAccountOpenInput
    ) -> PointAccountPayload:
        return await point_account_open(info, input)

    @strawberry.mutation(
        description="Move points between accounts: one debit, one credit. 积分转账"
    )
    async def points_transfer(
        self, info: Info, input: PointsTransferInput
    ) -> PointsTransferPayload:
        return await points_transfer(info, input)
