"""Root fields for points."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.nodes import NodeFilter, Order
from schema.core.connection import After, Before, Connection, First, Last
from schema.core.context import Info
from schema.core.relay import family_page
from schema.points.enums import PointAccountKind
from schema.points.types import PointAccount


@strawberry.type
class PointsQueries:
    """Root query fields of this domain (composed into Query in schema/api.py)."""

    @strawberry.field(description="Points accounts, by id. 积分账户列表")
    async def point_accounts(
        self,
        info: Info,
        kind: Annotated[
            PointAccountKind | None, strawberry.argument(description="Only this kind. 账户类型")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PointAccount]:
        flt = NodeFilter(equals=(("kind", (kind.value,)),) if kind else ())
        return await family_page(info, "PointAccount", flt, Order("id"), first, after, last, before)
