from __future__ import annotations

import strawberry


@strawberry.type(description="How many nodes of one type the graph holds. 节点计数")
class NodeCount:
    label: str = strawberry.field(description="The node type (label), e.g. Grid 网格.")
    count: int = strawberry.field(description="How many there are. 数量")
