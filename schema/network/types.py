"""The partnership network as planners read it (共建网络分析): metrics, rankings, groups,
brokers, gaps and suggestions, filled from one cached `NetworkAnalysis`.

Leaf fields are plain attributes; the few fields with arguments (how many rows) slice
lists already computed, so nothing here touches the database except `comparedWith`.
Ids are the Relay global ids of the entities themselves (`node(id:)` fetches them).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, cast

import strawberry

from graph.network import structure, window
from graph.network.analysis import NetworkAnalysis, NodeMetrics
from graph.network.compare import LinkChange, NetworkChange
from graph.network.suggest import Suggestion
from schema.core.ids import to_global


@strawberry.enum(description="Which network to analyse. 网络类型")
class NetworkKind(Enum):
    PARTNERSHIP = strawberry.enum_value(
        "partnership",
        description="Member units and communities linked by joint-building agreements, "
        "project claims and dual reporting. 共建网络(单位—社区)",
    )
    UNITS = strawberry.enum_value(
        "units",
        description="Member units linked when they serve the same community. 共建单位协作网",
    )
    ALLIANCES = strawberry.enum_value(
        "alliances",
        description="Party-building alliances and their members. 党建联盟网络",
    )


@strawberry.enum(description="What a node is in the network. 节点角色")
class NetworkSide(Enum):
    UNIT = strawberry.enum_value("unit", description="A member unit 共建单位 (驻区单位)")
    COMMUNITY = strawberry.enum_value("community", description="A community or village 社区/村")
    ALLIANCE = strawberry.enum_value("alliance", description="A party-building alliance 党建联盟")
    MEMBER = strawberry.enum_value("member", description="A member of an alliance 联盟成员")


@strawberry.enum(description="Why a community shows up as a gap. 薄弱类型")
class GapKind(Enum):
    ISOLATED = strawberry.enum_value(
        "isolated", description="No partner at all in the window. 孤立社区"
    )
    WEAKLY_SERVED = strawberry.enum_value(
        "weakly_served",
        description="One partner only, or little partnership weight. 服务薄弱社区",
    )


@strawberry.enum(description="A measure to rank nodes by. 排名指标")
class NetworkMetric(Enum):
    DEGREE = strawberry.enum_value("degree", description="Number of partners. 度")
    WEIGHTED_DEGREE = strawberry.enum_value(
        "weighted_degree", description="Sum of link weights. 加权度"
    )
    BETWEENNESS = strawberry.enum_value(
        "betweenness", description="Share of shortest paths through the node. 中介中心性"
    )
    EIGENVECTOR = strawberry.enum_value(
        "eigenvector", description="Connected to the well connected. 特征向量中心性"
    )
    CORE = strawberry.enum_value("core", description="k-core number. k-核")


@strawberry.type(description="An entity named in the network (unit, community, alliance). 网络实体")
class NetworkEntity:
    id: strawberry.ID = strawberry.field(description="Relay global id of the entity. 全局标识")
    external_id: str = strawberry.field(description="The source system's key. 外部编号")
    type_name: str = strawberry.field(description="Its type (MemberUnit, Community ...). 类型")
    name: str = strawberry.field(description="Its name. 名称")
    side: NetworkSide = strawberry.field(description="What it is in the network. 节点角色")


@strawberry.type(description="A node with its measures. 网络节点及其指标")
class NetworkNode:
    id: strawberry.ID = strawberry.field(description="Relay global id of the entity. 全局标识")
    external_id: str = strawberry.field(description="The source system's key. 外部编号")
    type_name: str = strawberry.field(description="Its type (MemberUnit, Community ...). 类型")
    name: str = strawberry.field(description="Its name. 名称")
    kind: str = strawberry.field(description="Its kind (enterprise, school, village ...). 种类")
    side: NetworkSide = strawberry.field(description="What it is in the network. 节点角色")
    degree: int = strawberry.field(description="Number of partners. 度")
    weighted_degree: float = strawberry.field(description="Sum of its link weights. 加权度")
    betweenness: float = strawberry.field(
        description="Share of shortest paths between others through it, 0..1. 中介中心性"
    )
    eigenvector: float = strawberry.field(description="Eigenvector centrality. 特征向量中心性")
    core_number: int = strawberry.field(description="The deepest k-core it lies in. k-核数")
    group: int = strawberry.field(
        description="Index of its Louvain group in `groups` (-1: none). 所属社群"
    )
    cut_off: int = strawberry.field(
        description="Nodes that lose touch with the main part if it goes (0: not a cut "
        "point). 割点影响范围"
    )


@strawberry.type(description="Figures of the whole network. 网络总体指标")
class NetworkMetrics:
    nodes: int = strawberry.field(description="Nodes. 节点数")
    units: int = strawberry.field(description="Member units (or alliance members). 单位数")
    communities: int = strawberry.field(description="Communities (or alliances). 社区数")
    links: int = strawberry.field(description="Links. 连接数")
    density: float = strawberry.field(
        description="Links over possible links (unit × community pairs). 网络密度"
    )
    components: int = strawberry.field(description="Connected parts. 连通分量数")
    largest_component: int = strawberry.field(description="Nodes in the largest part. 最大连通分量")
    isolated: int = strawberry.field(description="Nodes with no link. 孤立节点数")
    average_degree: float = strawberry.field(description="Average partners per node. 平均度")
    groups: int = strawberry.field(description="Louvain groups of two or more. 社群数")
    modularity: float = strawberry.field(description="Modularity of the groups. 模块度")
    main_core: int = strawberry.field(description="Largest k with a non-empty k-core. 最大k-核")
    betweenness_sampled: int | None = strawberry.field(
        description="Source nodes sampled for betweenness on a large network (null: exact). "
        "中介中心性抽样数"
    )


@strawberry.type(description="Nodes ranked by one measure. 排名")
class NetworkRanking:
    metric: NetworkMetric = strawberry.field(description="The measure. 指标")
    nodes: list[NetworkNode] = strawberry.field(description="Highest first. 由高到低")


@strawberry.type(description="A Louvain group of closely tied partners. 社群(Louvain)")
class NetworkGroup:
    index: int = strawberry.field(description="Its index (largest group first). 序号")
    size: int = strawberry.field(description="Nodes in it. 规模")
    units: int = strawberry.field(description="Member units in it. 单位数")
    communities: int = strawberry.field(description="Communities in it. 社区数")
    leaders: list[NetworkNode] = strawberry.field(
        description="Its most connected nodes (by weighted degree). 核心成员"
    )


@strawberry.type(description="A link whose loss splits the network. 桥")
class NetworkBridge:
    a: NetworkEntity = strawberry.field(description="One end. 一端")
    b: NetworkEntity = strawberry.field(description="The other end. 另一端")
    cut_off: int = strawberry.field(description="Nodes on the smaller side. 断开后分离节点数")


@strawberry.type(description="An open need of a community (需求清单). 待解决需求")
class NetworkNeed:
    id: strawberry.ID = strawberry.field(description="Relay global id of the need. 全局标识")
    external_id: str = strawberry.field(description="The source system's key. 外部编号")
    title: str = strawberry.field(description="Title. 标题")
    category: str | None = strawberry.field(description="Its category. 分类")
    urgency: int | None = strawberry.field(description="1 low .. 3 urgent. 紧急程度")


@strawberry.type(description="A community left out or thinly served. 薄弱社区")
class CommunityGap:
    community: NetworkEntity = strawberry.field(description="The community. 社区")
    kind: GapKind = strawberry.field(description="Isolated or weakly served. 薄弱类型")
    partners: int = strawberry.field(description="Partner units. 共建单位数")
    weighted_degree: float = strawberry.field(description="Partnership weight. 加权度")
    open_needs: list[NetworkNeed] = strawberry.field(description="Its open needs. 待解决需求")


@strawberry.type(
    description="A path behind a suggestion: the unit already works with "
    "`viaCommunity` alongside `viaUnit`, who serves the suggested community. 共同邻居"
)
class SharedNeighbour:
    via_community: NetworkEntity = strawberry.field(description="Shared community. 共同社区")
    via_unit: NetworkEntity = strawberry.field(description="Fellow unit. 共同单位")
    contribution: float = strawberry.field(description="Its share of the score. 贡献分")


@strawberry.type(description="A suggested new partnership. 推荐共建")
class PartnershipSuggestion:
    unit: NetworkEntity = strawberry.field(description="The member unit. 共建单位")
    community: NetworkEntity = strawberry.field(description="The community. 社区")
    score: float = strawberry.field(description="Link-prediction score. 推荐分")
    method: str = strawberry.field(
        description="resource_allocation or adamic_adar. 算法(资源分配/Adamic-Adar)"
    )
    paths: int = strawberry.field(description="Paths supporting it. 支撑路径数")
    shared_neighbours: list[SharedNeighbour] = strawberry.field(
        description="The strongest paths that justify it. 共同邻居"
    )
    fitting_needs: list[NetworkNeed] = strawberry.field(
        description="Open needs of the community the unit's resources fit. 资源匹配的需求"
    )


@strawberry.type(description="A link that appeared, vanished or changed weight. 连接变化")
class NetworkLinkChange:
    a: NetworkEntity = strawberry.field(description="One end. 一端")
    b: NetworkEntity = strawberry.field(description="The other end. 另一端")
    before: float = strawberry.field(description="Weight in the earlier window. 之前权重")
    after: float = strawberry.field(description="Weight in this window. 之后权重")


@strawberry.type(description="How the network changed since an earlier window. 网络变化")
class NetworkChangeReport:
    earlier_from: dt.date | None = strawberry.field(description="Earlier window start. 对比起")
    earlier_to: dt.date | None = strawberry.field(description="Earlier window end. 对比止")
    links_before: int = strawberry.field(description="Links in the earlier window. 之前连接数")
    links_after: int = strawberry.field(description="Links in this window. 之后连接数")
    gained: list[NetworkLinkChange] = strawberry.field(description="New links. 新增连接")
    lost: list[NetworkLinkChange] = strawberry.field(description="Links gone. 消失连接")
    strengthened: list[NetworkLinkChange] = strawberry.field(description="Stronger links. 增强")
    weakened: list[NetworkLinkChange] = strawberry.field(description="Weaker links. 减弱")
    joined: list[NetworkEntity] = strawberry.field(description="Newly linked nodes. 新加入")
    left: list[NetworkEntity] = strawberry.field(description="Nodes with no link now. 退出")
    newly_isolated: list[NetworkEntity] = strawberry.field(
        description="Communities that lost every partner. 新孤立社区"
    )
    no_longer_isolated: list[NetworkEntity] = strawberry.field(
        description="Communities that found a partner. 摆脱孤立的社区"
    )


def kind_value(kind: NetworkKind) -> window.NetworkKind:
    """The graph layer's name of a network kind (enum values are those names)."""
    return cast(window.NetworkKind, str(kind.value))


def _side(value: str) -> NetworkSide:
    return NetworkSide(value) if value in {str(s.value) for s in NetworkSide} else NetworkSide.UNIT


def entity(graph_nodes: dict[str, dict[str, Any]], node_id: str) -> NetworkEntity:
    attrs = graph_nodes.get(node_id, {})
    label = str(attrs.get("label") or "Organisation")
    return NetworkEntity(
        id=strawberry.ID(to_global(label, node_id)),
        external_id=node_id,
        type_name=label,
        name=str(attrs.get("name") or node_id),
        side=_side(str(attrs.get("side") or "")),
    )


def node_of(m: NodeMetrics) -> NetworkNode:
    return NetworkNode(
        id=strawberry.ID(to_global(m.label or "Organisation", m.id)),
        external_id=m.id,
        type_name=m.label,
        name=m.name,
        kind=m.kind,
        side=_side(m.side),
        degree=m.degree,
        weighted_degree=m.weighted_degree,
        betweenness=m.betweenness,
        eigenvector=m.eigenvector,
        core_number=m.core,
        group=m.group,
        cut_off=m.cut_off,
    )


def need_of(need: dict[str, Any]) -> NetworkNeed:
    return NetworkNeed(
        id=strawberry.ID(to_global("Need", str(need["id"]))),
        external_id=str(need["id"]),
        title=str(need.get("title") or ""),
        category=need.get("category"),
        urgency=need.get("urgency"),
    )


def metrics_of(a: NetworkAnalysis) -> NetworkMetrics:
    s = a.summary
    return NetworkMetrics(
        nodes=s.nodes,
        units=s.units,
        communities=s.communities,
        links=s.links,
        density=s.density,
        components=s.components,
        largest_component=s.largest_component,
        isolated=s.isolated,
        average_degree=s.average_degree,
        groups=s.groups,
        modularity=s.modularity,
        main_core=s.main_core,
        betweenness_sampled=s.betweenness_sampled,
    )


def group_of(a: NetworkAnalysis, index: int, leaders: int) -> NetworkGroup:
    members = [a.nodes[n] for n in a.groups[index]]
    members.sort(key=lambda m: (-m.weighted_degree, m.name, m.id))
    return NetworkGroup(
        index=index,
        size=len(members),
        units=sum(1 for m in members if m.side in ("unit", "member")),
        communities=sum(1 for m in members if m.side in ("community", "alliance")),
        leaders=[node_of(m) for m in members[:leaders]],
    )


def bridge_of(nodes: dict[str, dict[str, Any]], b: structure.Bridge) -> NetworkBridge:
    return NetworkBridge(a=entity(nodes, b.a), b=entity(nodes, b.b), cut_off=b.cut_off)


def gap_of(nodes: dict[str, dict[str, Any]], g: structure.Gap) -> CommunityGap:
    needs = nodes.get(g.community, {}).get("open_needs") or []
    return CommunityGap(
        community=entity(nodes, g.community),
        kind=GapKind(g.kind),
        partners=g.partners,
        weighted_degree=g.weighted_degree,
        open_needs=[need_of(n) for n in needs],
    )


def suggestion_of(nodes: dict[str, dict[str, Any]], s: Suggestion) -> PartnershipSuggestion:
    return PartnershipSuggestion(
        unit=entity(nodes, s.unit),
        community=entity(nodes, s.community),
        score=s.score,
        method=s.method,
        paths=s.paths,
        shared_neighbours=[
            SharedNeighbour(
                via_community=entity(nodes, e.via_community),
                via_unit=entity(nodes, e.via_unit),
                contribution=e.contribution,
            )
            for e in s.evidence
        ],
        fitting_needs=[need_of(n) for n in s.fitting_needs],
    )


def change_of(
    nodes: dict[str, dict[str, Any]],
    c: NetworkChange,
    earlier_from: dt.date | None,
    earlier_to: dt.date | None,
) -> NetworkChangeReport:
    def link(x: LinkChange) -> NetworkLinkChange:
        return NetworkLinkChange(
            a=entity(nodes, x.a), b=entity(nodes, x.b), before=x.before, after=x.after
        )

    def entities(ids: tuple[str, ...]) -> list[NetworkEntity]:
        return [entity(nodes, n) for n in ids]

    return NetworkChangeReport(
        earlier_from=earlier_from,
        earlier_to=earlier_to,
        links_before=c.links_before,
        links_after=c.links_after,
        gained=[link(x) for x in c.gained],
        lost=[link(x) for x in c.lost],
        strengthened=[link(x) for x in c.strengthened],
        weakened=[link(x) for x in c.weakened],
        joined=entities(c.joined),
        left=entities(c.left),
        newly_isolated=entities(c.newly_isolated),
        no_longer_isolated=entities(c.no_longer_isolated),
    )
