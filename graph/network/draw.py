"""Pictures of an analysed network for the report, as PNG bytes (matplotlib, Agg).

Chinese names need a CJK font. `cjk_font()` finds one installed on the machine (Debian:
`apt-get install fonts-noto-cjk`); without one the pictures label nodes by their ids
instead of drawing empty boxes, and the command says how to install the font.

A large network cannot be drawn node by node and stay readable, so the network picture
shows its most connected part (`DRAW_LIMIT` nodes, brokers always included) and the group
picture shows every Louvain group as one circle.
"""

from __future__ import annotations

import io
import math
import shutil
import subprocess
from collections import Counter, deque
from functools import cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display here; must precede any other matplotlib import

import networkx as nx
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from graph.network.analysis import NetworkAnalysis
from graph.network.window import ALLIANCE, COMMUNITY, UNIT

DRAW_LIMIT = 250
LABELLED_BROKERS = 8
LABELLED_TOP = 14  # on a picture too crowded to label every node
LABEL_ALL = 60
LAYOUT_SEED = 7
# Ten well-separated colours for the largest groups; the rest are grey.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#aec7e8",
)
OTHER = "#cccccc"
UNIT_BAR = "#1f77b4"
PLACE_BAR = "#ff7f0e"
BROKER = "#d62728"
FONT_HINT = (
    "Chinese labels need a CJK font: install one with `apt-get install fonts-noto-cjk` "
    "(Debian/Ubuntu); until then nodes are labelled by id."
)
_KNOWN_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


@cache
def cjk_font() -> str | None:
    """The family name of an installed font that covers Chinese, registered with matplotlib."""
    candidates = [Path(p) for p in _KNOWN_FONT_FILES]
    fc_list = shutil.which("fc-list")
    if fc_list is not None:
        try:
            found = subprocess.run(
                [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10
            ).stdout
            candidates += [Path(ln.split(":")[0].strip()) for ln in found.splitlines() if ln]
        except (OSError, subprocess.SubprocessError):
            pass  # fontconfig broken: the known paths are still tried
    for path in candidates:
        if not path.is_file():
            continue
        try:
            font_manager.fontManager.addfont(str(path))
            return str(font_manager.FontProperties(fname=str(path)).get_name())
        except (OSError, RuntimeError, ValueError):
            continue
    return None


def _figure(width: float, height: float) -> Figure:
    font = cjk_font()
    matplotlib.rcParams["font.family"] = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return Figure(figsize=(width, height), dpi=110, layout="constrained")


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor="white")
    return buffer.getvalue()


def _label(graph: nx.Graph, node: str) -> str:
    name = str(graph.nodes[node].get("name") or node)
    if cjk_font() is None and not name.isascii():
        return node
    return name if len(name) <= 14 else name[:13] + "…"


def _colour(group: int) -> str:
    return PALETTE[group] if 0 <= group < len(PALETTE) else OTHER


def drawn_part(graph: nx.Graph, analysis: NetworkAnalysis, limit: int = DRAW_LIMIT) -> nx.Graph:
    """The linked nodes (isolated ones are listed in the report, not drawn); of a larger
    network, the `limit` nodes around its leading brokers: a breadth-first walk out of the
    node of highest betweenness, strongest neighbours first, then out of the next one not
    reached yet, so the picture shows connected pieces of the network where it matters,
    not scattered unrelated hubs."""
    linked = [n for n in graph if graph.degree(n) > 0]
    if len(linked) <= limit:
        return graph.subgraph(linked)
    metrics = analysis.nodes
    # Seeds in order of betweenness: when a walk has used up its part of a fragmented
    # network, the next broker's part is walked, until the picture is full.
    seeds = iter(analysis.ranking("betweenness", limit=len(linked)))
    chosen: dict[str, None] = {}
    queue: deque[str] = deque()
    while len(chosen) < limit:
        if not queue:
            seed = next(seeds, None)
            if seed is None:
                break
            queue.append(seed.id)
        node = queue.popleft()
        if node in chosen or graph.degree(node) == 0:
            continue
        chosen[node] = None
        around = sorted(graph[node], key=lambda n: (-metrics[n].weighted_degree, n))
        queue.extend(n for n in around if n not in chosen)
    return graph.subgraph(chosen)


Point = tuple[float, float]


def packed_layout(graph: nx.Graph) -> tuple[dict[str, Point], dict[str, Point]]:
    """Each connected part laid out on its own (seeded spring layout) in a cell of its own:
    a giant part (two fifths of the nodes or more) gets a wide cell on top, the other parts
    equal cells in a grid below, each filling its cell. A network of many small stars stays
    readable instead of being squeezed by the repulsion between parts, and labels keep room.

    Returns node positions and, per node, the centre of its part (for placing labels).
    """
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    total = sum(len(c) for c in parts)
    giant = parts[0] if parts and len(parts) > 1 and len(parts[0]) >= 0.4 * total else None
    rest = parts[1:] if giant is not None else parts
    columns = max(1, min(4, math.ceil(len(rest) ** 0.5))) if rest else 1
    pos: dict[str, Point] = {}
    centre: dict[str, Point] = {}

    def place(nodes: set[str], cx: float, cy: float, rx: float, ry: float) -> None:
        if len(nodes) == 1:
            local = {next(iter(nodes)): (0.0, 0.0)}
        else:
            k = 1.6 / len(nodes) ** 0.5
            # Built in sorted order: a set's order changes with each process's string hashing,
            # and the layout follows node order, so the picture would change run to run.
            sub = nx.Graph()
            sub.add_nodes_from(sorted(nodes))
            sub.add_edges_from(sorted(graph.subgraph(nodes).edges(data=True)))
            local = nx.spring_layout(sub, seed=LAYOUT_SEED, weight="weight", k=k, iterations=80)
        for n, (x, y) in local.items():
            pos[n] = (cx + float(x) * rx, cy + float(y) * ry)
            centre[n] = (cx, cy)

    top = 0.0
    if giant is not None:
        height = columns * 0.75
        place(giant, columns / 2, -height / 2, columns * 0.4, height * 0.44)
        top = -height
    for index, nodes in enumerate(rest):
        row, column = divmod(index, columns)
        place(nodes, column + 0.5, top - row - 0.5, 0.26, 0.36)
    return pos, centre


def network_picture(graph: nx.Graph, analysis: NetworkAnalysis, title: str) -> bytes:
    """Nodes coloured by Louvain group, communities round, units square, brokers ringed red."""
    part = drawn_part(graph, analysis)
    pos, centre = packed_layout(part)
    # The picture takes the shape of the layout, so cells stay square and labels keep room.
    xs, ys = [p[0] for p in pos.values()] or [0.0], [p[1] for p in pos.values()] or [0.0]
    shape = (max(ys) - min(ys) + 0.6) / (max(xs) - min(xs) + 0.6)
    fig = _figure(12, min(14.0, max(5.0, 12 * shape + 1.2)))
    ax = fig.add_subplot()
    ax.set_axis_off()
    shown = f"{part.number_of_nodes()} / {graph.number_of_nodes()}"
    isolated = sum(1 for n in graph if graph.degree(n) == 0)
    linked = graph.number_of_nodes() - isolated
    what = (
        f"孤立节点未画出 isolated not drawn: {isolated}"
        if part.number_of_nodes() == linked
        else "围绕关键枢纽的部分 the part around the leading brokers"
    )
    ax.set_title(
        f"{title}\n节点 nodes {shown} · 连接 links {part.number_of_edges()} · {what}",
        fontsize=13,
    )
    ax.margins(0.06)
    if part.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "无数据 no data", ha="center", va="center", fontsize=16)
        return _png(fig)
    strongest = max((w for _, _, w in part.edges(data="weight", default=1.0)), default=1.0)
    for a, b, w in part.edges(data="weight", default=1.0):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        width = 0.4 + 2.2 * float(w) / strongest
        ax.plot([xa, xb], [ya, yb], color="#999999", linewidth=width, alpha=0.5, zorder=1)
    metrics = analysis.nodes
    biggest = max((metrics[n].weighted_degree for n in part), default=1.0) or 1.0
    # Colours go to the groups most present in the picture, not the largest overall.
    present = Counter(metrics[n].group for n in part if metrics[n].group >= 0)
    rank = {g: i for i, (g, _) in enumerate(present.most_common())}
    for is_place, marker in ((True, "o"), (False, "s")):
        nodes = [
            n for n in part if (part.nodes[n].get("side") in (COMMUNITY, ALLIANCE)) == is_place
        ]
        if not nodes:
            continue
        ax.scatter(
            [pos[n][0] for n in nodes],
            [pos[n][1] for n in nodes],
            s=[40 + 460 * metrics[n].weighted_degree / biggest for n in nodes],
            c=[_colour(rank.get(metrics[n].group, -1)) for n in nodes],
            marker=marker,
            edgecolors="white",
            linewidths=0.8,
            zorder=2,
        )
    brokers = [m.id for m in analysis.brokers(LABELLED_BROKERS) if m.id in part]
    for n in brokers:
        size = 40 + 460 * metrics[n].weighted_degree / biggest
        ax.scatter(
            [pos[n][0]],
            [pos[n][1]],
            s=size * 2.2,
            facecolors="none",
            edgecolors=BROKER,
            linewidths=2.2,
            zorder=3,
        )
    labelled = set(brokers)
    if part.number_of_nodes() <= LABEL_ALL:
        labelled.update(part.nodes)
    else:
        inside = sorted(part, key=lambda n: (-metrics[n].betweenness, n))
        labelled.update(inside[:LABELLED_TOP])
    for n in sorted(labelled):
        x, y = pos[n]
        # Away from the middle of its component, so a star's labels fan out, not pile up.
        dx, dy = x - centre[n][0], y - centre[n][1]
        length = (dx * dx + dy * dy) ** 0.5
        dx, dy = (dx / length, dy / length) if length > 1e-9 else (0.0, 1.0)
        ax.annotate(
            _label(part, n),
            (x, y),
            xytext=(9 * dx, 9 * dy),
            ha="left" if dx > 0.3 else "right" if dx < -0.3 else "center",
            va="bottom" if dy > 0.3 else "top" if dy < -0.3 else "center",
            textcoords="offset points",
            fontsize=10,
            color=BROKER if n in brokers else "#222222",
            zorder=4,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
        )
    ax.legend(
        handles=[
            Line2D([], [], marker="o", ls="", color="#555555", label="社区 community"),
            Line2D([], [], marker="s", ls="", color="#555555", label="单位 unit"),
            Line2D(
                [], [], marker="o", ls="", mfc="none", mec=BROKER, mew=2, label="关键枢纽 broker"
            ),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=3,
        fontsize=10,
        frameon=False,
    )
    return _png(fig)


def groups_picture(graph: nx.Graph, analysis: NetworkAnalysis, title: str) -> bytes:
    """Each Louvain group as one circle sized by its members, linked by the links between them."""
    fig = _figure(10, 7.5)
    ax = fig.add_subplot()
    ax.set_axis_off()
    groups = [g for g in analysis.groups if len(g) > 1][:30]
    ax.set_title(f"{title}\n社群 groups: {len(groups)} 个 (Louvain)", fontsize=13)
    if not groups:
        ax.text(0.5, 0.5, "无社群 no groups", ha="center", va="center", fontsize=16)
        return _png(fig)
    index = {n: i for i, g in enumerate(groups) for n in g}
    between: Counter[tuple[int, int]] = Counter()
    for a, b in graph.edges():
        ga, gb = index.get(a), index.get(b)
        if ga is not None and gb is not None and ga != gb:
            between[(min(ga, gb), max(ga, gb))] += 1
    summary = nx.Graph()
    summary.add_nodes_from(range(len(groups)))
    for (ga, gb), count in between.items():
        summary.add_edge(ga, gb, weight=count)
    pos = (
        # Unweighted and widely spaced: many groups touch each other a little, and weights
        # would pull them into one knot.
        nx.spring_layout(summary, seed=LAYOUT_SEED, k=3.0 / len(groups) ** 0.5, iterations=100)
        if between
        else nx.circular_layout(summary)  # no links between groups: a tidy ring
    )
    ax.margins(0.18)
    heaviest = max(between.values(), default=1)
    for (ga, gb), count in between.items():
        (xa, ya), (xb, yb) = pos[ga], pos[gb]
        ax.plot(
            [xa, xb],
            [ya, yb],
            color="#999999",
            linewidth=0.5 + 4 * count / heaviest,
            alpha=0.6,
            zorder=1,
        )
    largest = len(groups[0])
    for i, g in enumerate(groups):
        x, y = pos[i]
        ax.scatter(
            [x],
            [y],
            s=120 + 1300 * len(g) / largest,
            c=_colour(i),
            alpha=0.85,
            edgecolors="white",
            zorder=2,
        )
        if i < 10:
            lead = max(g, key=lambda n: (analysis.nodes[n].weighted_degree, n))
            ax.annotate(
                f"社群 #{i + 1} · {len(g)} 节点\n{_label(graph, lead)}",
                (x, y),
                xytext=(0, -8 - 12 * len(g) / largest),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=9,
                zorder=3,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            )
    return _png(fig)


def brokers_picture(analysis: NetworkAnalysis, title: str, limit: int = 15) -> bytes:
    """Bars of the nodes with the highest betweenness, units and communities alike, cut
    points marked with how many nodes they would cut off."""
    top = [m for m in analysis.ranking("betweenness", limit=limit) if m.betweenness > 0]
    fig = _figure(10, 1.2 + 0.42 * max(len(top), 3))
    ax = fig.add_subplot()
    ax.set_title(f"{title}\n关键节点 key nodes: 中介中心性 betweenness", fontsize=13)
    if not top:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "无 none: no node lies between others", ha="center", va="center")
        return _png(fig)
    shown = list(reversed(top))
    names = [_label_metrics(m.name, m.id) for m in shown]
    colours = [UNIT_BAR if m.side in (UNIT, "member") else PLACE_BAR for m in shown]
    bars = ax.barh(range(len(shown)), [m.betweenness for m in shown], color=colours)
    ax.set_yticks(range(len(shown)), labels=names, fontsize=10)
    ax.set_xlabel("betweenness 中介中心性 (0–1)")
    for bar, m in zip(bars, shown, strict=True):
        note = f"  割点 cut point: 隔断 {m.cut_off}" if m.cut_off else ""
        ax.text(
            bar.get_width(),
            bar.get_y() + bar.get_height() / 2,
            f" {m.betweenness:.3f}{note}",
            va="center",
            fontsize=9,
            color=BROKER if m.cut_off else "#222222",
        )
    ax.set_xlim(0, max(m.betweenness for m in shown) * 1.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(
        handles=[
            Line2D([], [], color=UNIT_BAR, lw=8, label="单位 unit"),
            Line2D([], [], color=PLACE_BAR, lw=8, label="社区 community"),
        ],
        loc="lower right",
        fontsize=9,
    )
    return _png(fig)


def _label_metrics(name: str, node_id: str) -> str:
    if cjk_font() is None and not name.isascii():
        return node_id
    return name if len(name) <= 16 else name[:15] + "…"
