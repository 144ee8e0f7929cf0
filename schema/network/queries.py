"""Root query fields of the network domain (composed into Query in schema/api.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.network.projection import scope_place
from graph.network.service import analysed
from loaders.model import SUPER_LABELS
from schema.core.context import Info
from schema.core.errors import PublicError
from schema.core.ids import BadId, expect
from schema.network.partnership import PartnershipNetwork, window_of
from schema.network.types import NetworkKind, kind_value

PLACE_TYPES = SUPER_LABELS["Place"]


@strawberry.type
class NetworkQueries:
    @strawberry.field(
        description="The joint-building partnership network under a place, analysed for "
        "planners: metrics, rankings, Louvain groups, brokers, gaps and suggested "
        "partnerships; cached per graph version. 共建网络分析 (null when no such place)"
    )
    async def partnership_network(
        self,
        info: Info,
        scope_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="The place (district, street ...) analysed. 分析范围"),
        ],
        from_: Annotated[
            dt.date | None,
            strawberry.argument(
                name="from",
                description="Window start: links alive on or after it (null: from the "
                "beginning). 起始日期",
            ),
        ] = None,
        to: Annotated[
            dt.date | None,
            strawberry.argument(description="Window end (null: today). 截止日期"),
        ] = None,
        kind: Annotated[
            NetworkKind,
            strawberry.argument(description="Which network (default the partnership). 网络类型"),
        ] = NetworkKind.PARTNERSHIP,
    ) -> PartnershipNetwork | None:
        try:
            place_id = expect(scope_id, *PLACE_TYPES)
        except BadId as exc:
            raise PublicError(f"scopeId: {exc}") from None
        window = window_of(from_, to, "partnershipNetwork")
        db = info.context.db
        place = await scope_place(db, place_id)
        if place is None:
            return None
        scopes = info.context.viewer.place_scopes()
        result = await analysed(db, kind_value(kind), place_id, window, scopes)
        return PartnershipNetwork(
            kind=kind,
            scope_id=scope_id,
            scope_name=place["name"],
            from_=from_,
            to=window.bounds()[1],
            version=result.version,
            result=result,
            scope_external_id=place_id,
            scopes=scopes,
        )
