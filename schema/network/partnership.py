"""`PartnershipNetwork`: one analysed network, its lists sliced on demand."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, cast

import strawberry

from graph.network.analysis import Metric
from graph.network.compare import compare
from graph.network.service import Analysed, analysed
from graph.network.suggest import suggest
from graph.network.window import BadWindow, Window
from schema.core.context import Info
from schema.core.errors import PublicError
from schema.network.types import (
    CommunityGap,
    GapKind,
    NetworkBridge,
    NetworkChangeReport,
    NetworkGroup,
    NetworkKind,
    NetworkMetric,
    NetworkMetrics,
    NetworkNode,
    NetworkRanking,
    NetworkSide,
    PartnershipSuggestion,
    bridge_of,
    change_of,
    gap_of,
    group_of,
    kind_value,
    metrics_of,
    node_of,
    suggestion_of,
)

MAX_LIMIT = 1000


def _side(side: NetworkSide | None) -> str | None:
    return None if side is None else str(side.value)


def check_limit(name: str, value: int) -> int:
    if value < 0 or value > MAX_LIMIT:
        raise PublicError(f"{name} must be between 0 and {MAX_LIMIT}; got {value}")
    return value


def window_of(start: dt.date | None, end: dt.date | None, what: str) -> Window:
    try:
        return Window(start, end)
    except BadWindow as exc:
        raise PublicError(f"{what}: {exc}") from None


@strawberry.type(
    description="A network analysed for planners: who holds it together, who is left out, "
    "where new partnerships would help. 共建网络分析"
)
class PartnershipNetwork:
    kind: NetworkKind = strawberry.field(description="Which network. 网络类型")
    scope_id: strawberry.ID = strawberry.field(description="The place analysed. 分析范围")
    scope_name: str = strawberry.field(description="Its name. 范围名称")
    from_: dt.date | None = strawberry.field(
        name="from", description="Window start (null: from the beginning). 起始日期"
    )
    to: dt.date = strawberry.field(description="Window end. 截止日期")
    version: str = strawberry.field(
        description="Version of the graph it was computed from (cache key). 图谱版本"
    )
    result: strawberry.Private[Analysed]
    scope_external_id: strawberry.Private[str]
    scopes: strawberry.Private[list[str] | None]

    @property
    def _nodes(self) -> dict[str, dict[str, Any]]:
        return dict(self.result.graph.nodes(data=True))

    @strawberry.field(description="Figures of the whole network. 网络总体指标")
    def metrics(self) -> NetworkMetrics:
        return metrics_of(self.result.analysis)

    @strawberry.field(description="Nodes ranked by each measure asked. 排名")
    def rankings(
        self,
        metrics: list[NetworkMetric] | None = None,
        side: NetworkSide | None = None,
        limit: int = 10,
    ) -> list[NetworkRanking]:
        check_limit("limit", limit)
        chosen = metrics or list(NetworkMetric)
        return [
            NetworkRanking(
                metric=m,
                nodes=[
                    node_of(n)
                    for n in self.result.analysis.ranking(
                        cast(Metric, str(m.value)), side=_side(side), limit=limit
                    )
                ],
            )
            for m in chosen
        ]

    @strawberry.field(description="Every node with its measures, by weighted degree. 全部节点")
    def nodes(self, side: NetworkSide | None = None, limit: int = 100) -> list[NetworkNode]:
        check_limit("limit", limit)
        ranked = self.result.analysis.ranking("weighted_degree", side=_side(side), limit=limit)
        return [node_of(n) for n in ranked]

    @strawberry.field(description="Louvain groups, largest first (seeded: repeatable). 社群")
    def groups(self, limit: int = 10, leaders: int = 5) -> list[NetworkGroup]:
        check_limit("limit", limit)
        check_limit("leaders", leaders)
        a = self.result.analysis
        return [group_of(a, i, leaders) for i, g in enumerate(a.groups[:limit]) if len(g) > 1]

    @strawberry.field(
        description="Units that hold the network together: cut points first (by how much "
        "they would cut off), then by betweenness. 关键枢纽单位"
    )
    def brokers(self, limit: int = 10) -> list[NetworkNode]:
        check_limit("limit", limit)
        return [node_of(m) for m in self.result.analysis.brokers(limit)]

    @strawberry.field(description="Links whose loss splits the network. 桥")
    def bridges(self, limit: int = 20) -> list[NetworkBridge]:
        check_limit("limit", limit)
        nodes = self._nodes
        return [bridge_of(nodes, b) for b in self.result.analysis.bridges[:limit]]

    @strawberry.field(
        description="Communities isolated or weakly served: isolated first, then by open "
        "needs. 孤立与薄弱社区"
    )
    def gaps(self, kind: GapKind | None = None, limit: int = 50) -> list[CommunityGap]:
        check_limit("limit", limit)
        nodes = self._nodes
        chosen = [g for g in self.result.analysis.gaps if kind is None or g.kind == str(kind.value)]
        return [gap_of(nodes, g) for g in chosen[:limit]]

    @strawberry.field(description="Nodes of the main k-core (the densest part). 最大k-核成员")
    def main_core(self, limit: int = 100) -> list[NetworkNode]:
        check_limit("limit", limit)
        a = self.result.analysis
        members = sorted((a.nodes[n] for n in a.main_core), key=lambda m: (m.name, m.id))
        return [node_of(m) for m in members[:limit]]

    @strawberry.field(
        description="Suggested new unit–community partnerships, each with the shared "
        "neighbours behind it and the open needs the unit's resources fit. 推荐共建"
    )
    def suggestions(
        self, limit: int = 20, adamic_adar: bool = False
    ) -> list[PartnershipSuggestion]:
        check_limit("limit", limit)
        nodes = self._nodes
        if adamic_adar or limit > len(self.result.analysis.suggestions):
            found = suggest(
                self.result.graph,
                method="adamic_adar" if adamic_adar else "resource_allocation",
                limit=limit,
            )
        else:
            found = self.result.analysis.suggestions[:limit]
        return [suggestion_of(nodes, s) for s in found]

    @strawberry.field(
        description="What grew and what was lost since an earlier window of the same "
        "network. 与较早时段对比"
    )
    async def compared_with(
        self,
        info: Info,
        to: Annotated[dt.date, strawberry.argument(description="Earlier window end. 对比截止")],
        from_: Annotated[
            dt.date | None,
            strawberry.argument(name="from", description="Earlier window start. 对比起始"),
        ] = None,
    ) -> NetworkChangeReport:
        start = from_
        earlier_window = window_of(start, to, "comparedWith")
        earlier = await analysed(
            info.context.db,
            kind_value(self.kind),
            self.scope_external_id,
            earlier_window,
            self.scopes,
        )
        nodes = dict(earlier.graph.nodes(data=True))
        nodes.update(self._nodes)
        return change_of(nodes, compare(earlier.graph, self.result.graph), start, to)
