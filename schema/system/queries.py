from __future__ import annotations

import strawberry

from graph import system
from schema.core.context import Info
from schema.system.types import NodeCount


@strawberry.type
class SystemQueries:
    @strawberry.field(description="Node counts of every type in the graph. 图谱节点统计")
    async def node_counts(self, info: Info) -> list[NodeCount]:
        counts = await system.node_counts(info.context.db)
        return [NodeCount(label=label, count=count) for label, count in counts.items()]
