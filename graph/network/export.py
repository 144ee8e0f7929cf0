"""The projection with its measures, as GraphML and GEXF for Gephi (导出网络).

Both formats take only scalar attributes: lists are flattened (open needs become a count
and their titles), dates become ISO strings, missing values are left out. Every node also
carries its measures (degree, betweenness, group ...), and in GEXF its group's colour, so
Gephi opens it already coloured.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx

from graph.network.analysis import NetworkAnalysis
from graph.network.draw import PALETTE

_SCALARS = (str, int, float, bool)


def _scalar(value: Any) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list | tuple | set):
        return "; ".join(
            str(_scalar(v.get("title", v)) if isinstance(v, dict) else v) for v in value
        )
    return str(value)


def exportable(graph: nx.Graph, analysis: NetworkAnalysis, *, colours: bool = False) -> nx.Graph:
    """A copy with scalar attributes only and the measures added to each node."""
    out = nx.Graph()
    out.graph.update(
        {k: v for k, v in ((k, _scalar(v)) for k, v in graph.graph.items()) if v is not None}
    )
    for node, attrs in graph.nodes(data=True):
        clean: dict[str, Any] = {}
        for key, value in attrs.items():
            if key == "open_needs":
                clean["open_needs"] = len(value or ())
                value = [n.get("title", "") for n in value or ()]
                key = "open_need_titles"
            scalar = _scalar(value)
            if scalar is not None and scalar != "":
                clean[key] = scalar
        m = analysis.nodes[str(node)]
        clean.update(
            label=m.name,  # Gephi shows `label`; the entity's type stays in `type`
            type=m.label,
            degree=m.degree,
            weighted_degree=round(m.weighted_degree, 6),
            betweenness=round(m.betweenness, 6),
            eigenvector=round(m.eigenvector, 6),
            core=m.core,
            group=m.group,
            cut_off=m.cut_off,
        )
        if colours:
            hex_colour = PALETTE[m.group] if 0 <= m.group < len(PALETTE) else "#cccccc"
            r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
            clean["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
        out.add_node(node, **clean)
    for a, b, attrs in graph.edges(data=True):
        out.add_edge(
            a, b, **{k: s for k, s in ((k, _scalar(v)) for k, v in attrs.items()) if s is not None}
        )
    return out


def write_graphml(graph: nx.Graph, analysis: NetworkAnalysis, path: Path) -> Path:
    nx.write_graphml(exportable(graph, analysis), path, encoding="utf-8")
    return path


def write_gexf(graph: nx.Graph, analysis: NetworkAnalysis, path: Path) -> Path:
    nx.write_gexf(exportable(graph, analysis, colours=True), path, encoding="utf-8")
    return path


def write_both(graph: nx.Graph, analysis: NetworkAnalysis, folder: Path) -> tuple[Path, Path]:
    """network.graphml and network.gexf from one clean copy (GraphML first: it takes no
    colours, which GEXF then adds)."""
    clean = exportable(graph, analysis)
    graphml, gexf = folder / "network.graphml", folder / "network.gexf"
    nx.write_graphml(clean, graphml, encoding="utf-8")
    for node, m in analysis.nodes.items():
        hex_colour = PALETTE[m.group] if 0 <= m.group < len(PALETTE) else "#cccccc"
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        clean.nodes[node]["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
    nx.write_gexf(clean, gexf, encoding="utf-8")
    return graphml, gexf
