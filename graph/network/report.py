"""The planners' report as one self-contained HTML file (共建网络分析报告).

Pictures are embedded as data URIs and the style is inline, so the file can be mailed or
opened offline. Every text that comes from the graph is escaped.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

import networkx as nx

from graph.network.analysis import Metric, NetworkAnalysis, NodeMetrics
from graph.network.compare import LinkChange, NetworkChange
from graph.network.window import UNIT, Window

ROWS = 15
SIDE_NAMES = {"unit": "单位", "community": "社区", "alliance": "联盟", "member": "成员"}
KIND_NAMES = {
    "partnership": "共建网络 (单位—社区) partnership network",
    "units": "共建单位协作网 unit-to-unit network",
    "alliances": "党建联盟网络 alliance network",
}

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2rem auto;
max-width:1100px;color:#222;line-height:1.5;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #c00;padding-bottom:.2rem;
margin-top:2.2rem}h3{margin-top:1.4rem}.meta{color:#666;font-size:.9rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
td:nth-child(3),th{white-space:nowrap}
th{background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;flex-wrap:wrap;gap:.6rem}.card{border:1px solid #ddd;border-radius:6px;
padding:.5rem .8rem;min-width:8rem}.card b{display:block;font-size:1.3rem}
img{max-width:100%;border:1px solid #eee;margin:.5rem 0}.grid{display:grid;
grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem}.note{color:#555;font-size:.88rem}
.tag{display:inline-block;background:#fde;border-radius:3px;padding:0 .3rem;font-size:.8rem}
"""


@dataclass
class ReportInput:
    graph: nx.Graph
    analysis: NetworkAnalysis
    scope_name: str
    window: Window
    version: str
    pictures: dict[str, bytes] = field(default_factory=dict)  # title -> PNG
    change: NetworkChange | None = None
    change_windows: tuple[Window, Window] | None = None  # (earlier, later)
    change_names: dict[str, str] = field(default_factory=dict)
    files: Sequence[str] = ()
    timings: dict[str, float] = field(default_factory=dict)
    notes: Sequence[str] = ()
    generated: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(head: Sequence[str], rows: Iterable[Sequence[object]], numeric: set[int]) -> str:
    out = ["<table><thead><tr>", *(f"<th>{_e(h)}</th>" for h in head), "</tr></thead><tbody>"]
    count = 0
    for row in rows:
        count += 1
        cells = (
            f'<td class="n">{_e(v)}</td>' if i in numeric else f"<td>{v}</td>"
            for i, v in enumerate(row)
        )
        out += ["<tr>", *cells, "</tr>"]
    if count == 0:
        out.append(f'<tr><td colspan="{len(head)}">无 none</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _name(graph: nx.Graph, node: str, names: dict[str, str] | None = None) -> str:
    if node in graph:
        return _e(graph.nodes[node].get("name") or node)
    return _e((names or {}).get(node, node))


def _summary(a: NetworkAnalysis) -> str:
    s = a.summary
    cards = [
        ("节点 nodes", s.nodes),
        ("单位 units", s.units),
        ("社区 communities", s.communities),
        ("连接 links", s.links),
        ("密度 density", f"{s.density:.3f}"),
        ("连通分量 components", s.components),
        ("最大分量 largest", s.largest_component),
        ("孤立节点 isolated", s.isolated),
        ("平均度 avg degree", f"{s.average_degree:.2f}"),
        ("社群 groups", s.groups),
        ("模块度 modularity", f"{s.modularity:.3f}"),
        ("最大k-核 main core", s.main_core),
    ]
    body = "".join(f'<div class="card">{_e(k)}<b>{_e(v)}</b></div>' for k, v in cards)
    sampled = (
        f'<p class="note">中介中心性为抽样估计 betweenness estimated from {s.betweenness_sampled} '
        "sampled sources (fixed seed).</p>"
        if s.betweenness_sampled
        else ""
    )
    return f'<div class="cards">{body}</div>{sampled}'


def _ranking(a: NetworkAnalysis) -> str:
    parts = []
    metrics: tuple[tuple[Metric, str], ...] = (
        ("degree", "度 degree (partners)"),
        ("weighted_degree", "加权度 weighted degree"),
        ("betweenness", "中介中心性 betweenness"),
        ("eigenvector", "特征向量中心性 eigenvector"),
    )
    for metric, title in metrics:
        # Zeros rank nobody: leave them out rather than list arbitrary names.
        ranked = [m for m in a.ranking(metric, limit=ROWS) if getattr(m, metric) > 0]
        rows = [
            (i + 1, _e(m.name), SIDE_NAMES.get(m.side, m.side), _fmt(getattr(m, metric)))
            for i, m in enumerate(ranked)
        ]
        parts.append(
            f"<div><h3>{_e(title)}</h3>{_table(['#', '名称', '类型', '值'], rows, {0, 3})}</div>"
        )
    return f'<div class="grid">{"".join(parts)}</div>'


def _fmt(value: float | int) -> str:
    return str(value) if isinstance(value, int) else f"{value:.4f}"


def _brokers(a: NetworkAnalysis) -> str:
    cut_pieces = {c.node: c.pieces for c in a.cuts}
    rows = [
        (
            i + 1,
            _e(m.name),
            _e(m.label),
            _fmt(m.betweenness),
            m.cut_off,
            _e(" + ".join(str(p) for p in cut_pieces.get(m.id, ()))) or "—",
            m.degree,
        )
        for i, m in enumerate(a.brokers(ROWS))
    ]
    return _table(
        ["#", "单位 unit", "类型", "中介中心性", "隔断节点 cut off", "断开后各部分 pieces", "度"],
        rows,
        {0, 3, 4, 6},
    )


def _bridges(a: NetworkAnalysis, graph: nx.Graph) -> str:
    rows = [(_name(graph, b.a), _name(graph, b.b), b.cut_off) for b in a.bridges[:ROWS]]
    more = len(a.bridges) - ROWS
    tail = f'<p class="note">另有 {more} 条 and {more} more.</p>' if more > 0 else ""
    return _table(["一端", "另一端", "较小一侧节点数 smaller side"], rows, {2}) + tail


def _groups(a: NetworkAnalysis) -> str:
    rows = []
    for i, g in enumerate(a.groups[:ROWS]):
        if len(g) < 2:
            continue
        members = sorted((a.nodes[n] for n in g), key=lambda m: (-m.weighted_degree, m.name))
        units = sum(1 for m in members if m.side == UNIT)
        leads = "、".join(_e(m.name) for m in members[:5])
        rows.append((i + 1, len(g), units, len(g) - units, leads))
    return _table(
        ["#", "规模 size", "单位", "社区", "核心成员 leading members"], rows, {0, 1, 2, 3}
    )


def _gaps(a: NetworkAnalysis, graph: nx.Graph) -> str:
    rows = []
    for g in a.gaps[: ROWS * 2]:
        attrs = graph.nodes[g.community]
        needs = attrs.get("open_needs") or []
        titles = "<br>".join(_e(n.get("title", "")) for n in needs[:3])
        kind = "孤立 isolated" if g.kind == "isolated" else "薄弱 weakly served"
        rows.append(
            (
                _e(attrs.get("name") or g.community),
                _e(attrs.get("parent", "")),
                kind,
                g.partners,
                _fmt(g.weighted_degree),
                len(needs),
                titles,
            )
        )
    more = len(a.gaps) - ROWS * 2
    tail = f'<p class="note">另有 {more} 个 and {more} more.</p>' if more > 0 else ""
    return (
        _table(
            [
                "社区 community",
                "上级 parent",
                "类型",
                "共建单位数",
                "加权度",
                "待解决需求",
                "需求示例",
            ],
            rows,
            {3, 4, 5},
        )
        + tail
    )


def _suggestions(a: NetworkAnalysis, graph: nx.Graph) -> str:
    rows = []
    for i, s in enumerate(a.suggestions):
        via = "<br>".join(
            f"经 {_name(graph, e.via_community)} 与 {_name(graph, e.via_unit)}" for e in s.evidence
        )
        fits = "<br>".join(
            f'<span class="tag">{_e(n.get("category") or "")}</span> {_e(n.get("title", ""))}'
            for n in s.fitting_needs[:3]
        )
        rows.append(
            (
                i + 1,
                _name(graph, s.unit),
                _name(graph, s.community),
                f"{s.score:.4f}",
                s.paths,
                via,
                fits or "—",
            )
        )
    return _table(
        [
            "#",
            "单位 unit",
            "社区 community",
            "得分 score",
            "路径 paths",
            "共同邻居 shared neighbours",
            "资源匹配的需求 fitting needs",
        ],
        rows,
        {0, 3, 4},
    )


def _change(r: ReportInput) -> str:
    if r.change is None or r.change_windows is None:
        return ""
    c = r.change
    earlier, later = r.change_windows

    def links(items: Sequence[LinkChange]) -> str:
        rows = [
            (
                _name(r.graph, x.a, r.change_names),
                _name(r.graph, x.b, r.change_names),
                _fmt(x.before),
                _fmt(x.after),
            )
            for x in items[:ROWS]
        ]
        more = len(items) - ROWS
        tail = f'<p class="note">另有 {more} 条 and {more} more.</p>' if more > 0 else ""
        return _table(["一端", "另一端", "之前 before", "之后 after"], rows, {2, 3}) + tail

    def names(ids: Sequence[str]) -> str:
        shown = "、".join(_name(r.graph, n, r.change_names) for n in ids[:30])
        return shown + (f" … (+{len(ids) - 30})" if len(ids) > 30 else "") if ids else "无 none"

    return f"""
<h2>变化 What changed: {_e(earlier.label())} → {_e(later.label())}</h2>
<div class="cards"><div class="card">之前连接 links before<b>{c.links_before}</b></div>
<div class="card">之后连接 links after<b>{c.links_after}</b></div>
<div class="card">新增 gained<b>{len(c.gained)}</b></div><div class="card">消失 lost<b>{len(c.lost)}</b></div>
<div class="card">增强 stronger<b>{len(c.strengthened)}</b></div>
<div class="card">减弱 weaker<b>{len(c.weakened)}</b></div></div>
<p><b>新孤立社区 newly isolated:</b> {names(c.newly_isolated)}</p>
<p><b>摆脱孤立 no longer isolated:</b> {names(c.no_longer_isolated)}</p>
<h3>新增连接 links gained</h3>{links(c.gained)}
<h3>消失连接 links lost</h3>{links(c.lost)}
"""


def _pictures(pictures: dict[str, bytes]) -> str:
    return "".join(
        f'<h3>{_e(title)}</h3><img alt="{_e(title)}" '
        f'src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">'
        for title, png in pictures.items()
    )


def render(r: ReportInput) -> str:
    a = r.analysis
    title = f"{r.scope_name} · {KIND_NAMES.get(a.kind, a.kind)}"
    files = " · ".join(f'<a href="{_e(f)}">{_e(f)}</a>' for f in r.files)
    timings = ", ".join(f"{k} {v:.2f}s" for k, v in r.timings.items())
    notes = "".join(f'<p class="note">{_e(n)}</p>' for n in r.notes)
    brokers_first: list[NodeMetrics] = a.brokers(1)
    lead = (
        f"<p>最关键的枢纽单位是 <b>{_e(brokers_first[0].name)}</b>"
        f"{'(割点: 失去它将隔断 ' + str(brokers_first[0].cut_off) + ' 个节点)' if brokers_first[0].cut_off else ''}。"
        f" 孤立社区 {sum(1 for g in a.gaps if g.kind == 'isolated')} 个,"
        f" 服务薄弱社区 {sum(1 for g in a.gaps if g.kind == 'weakly_served')} 个。</p>"
        if brokers_first
        else ""
    )
    communities_side = a.summary.communities if a.kind != "units" else 0
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{_e(title)}</title>
<style>{STYLE}</style></head><body>
<h1>共建网络分析报告 · {_e(title)}</h1>
<p class="meta">时段 window: {_e(r.window.label())} · 图谱版本 graph version {_e(r.version)} ·
生成 generated {_e(r.generated.isoformat(sep=" "))}</p>
{notes}{lead}
<h2>总体 Overview</h2>{_summary(a)}
<h2>网络图 Pictures</h2>{_pictures(r.pictures)}
<h2>关键枢纽 Brokers: who holds the network together</h2>
<p class="note">割点 (cut point): a unit whose loss splits the network; 隔断节点 counts the nodes
that would lose touch with the main part.</p>{_brokers(a)}
<h3>桥 Bridges: single links whose loss splits the network</h3>{_bridges(a, r.graph)}
<h2>排名 Rankings</h2>{_ranking(a)}
<h2>社群 Groups (Louvain, seeded)</h2>{_groups(a)}
<h2>孤立与薄弱社区 Gaps</h2>{_gaps(a, r.graph) if communities_side else "<p>—</p>"}
<h2>推荐共建 Suggested partnerships</h2>
<p class="note">Resource allocation on paths unit → shared community → fellow unit → community;
each row lists the paths behind it and the community's open needs the unit's resources fit.</p>
{_suggestions(a, r.graph) if a.kind == "partnership" else "<p>—</p>"}
<h3>最大k-核 Main core (k = {a.summary.main_core})</h3>
<p>{"、".join(_e(a.nodes[n].name) for n in a.main_core[:60]) or "—"}{" …" if len(a.main_core) > 60 else ""}</p>
{_change(r)}
<h2>文件 Files</h2><p>{files or "—"}</p>
<p class="note">耗时 timings: {_e(timings)}</p>
</body></html>
"""
