"""Streaming writers for GraphML, GEXF and node-link JSON, readable by networkx and Gephi.

The graph can be far larger than memory wants to hold as a networkx graph, so each writer
streams nodes and edges to temporary files and assembles the document at the end, when
the attribute keys (which XML formats declare up front) are known. Every node carries
`type` (its model label, "Grid") and every edge `type` (its relationship type); dates and
date-times are written as ISO 8601 text, lists in XML as JSON text.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, Protocol, Self
from xml.sax.saxutils import escape, quoteattr

# XML 1.0 cannot carry these at all, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_ENTITIES = {"\r": "&#13;"}  # a bare CR would come back as LF


class Writer(Protocol):
    node_count: int
    edge_count: int

    def __enter__(self) -> Writer: ...

    def __exit__(self, *exc: object) -> None: ...

    def node(self, id_: str, type_: str, props: Mapping[str, Any]) -> None: ...

    def edge(self, source: str, target: str, type_: str, props: Mapping[str, Any]) -> None: ...

    def finish(self, out: Path, graph: Mapping[str, str]) -> None: ...


def plain(value: Any) -> tuple[str, str]:
    """(kind, text) of a property value: kind is long, double, boolean or string."""
    if isinstance(value, bool):
        return "boolean", "true" if value else "false"
    if isinstance(value, int):
        return "long", str(value)
    if isinstance(value, float):
        return "double", repr(value)
    if isinstance(value, str):
        return "string", value
    if isinstance(value, list):
        return "string", json.dumps([jsonable(v) for v in value], ensure_ascii=False)
    return "string", iso(value)


def iso(value: Any) -> str:
    fmt = getattr(value, "iso_format", None) or getattr(value, "isoformat", None)
    return str(fmt()) if fmt else str(value)


def jsonable(value: Any) -> Any:
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return iso(value)


def xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text), _TEXT_ENTITIES)


def xml_attr(text: str) -> str:
    return quoteattr(_NOT_XML.sub("\ufffd", text))


class _Keys:
    """Attribute names seen in one domain (nodes or edges), each with an id and its kinds."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.ids: dict[str, str] = {}
        self.kinds: dict[str, set[str]] = {}

    def see(self, name: str, kind: str) -> str:
        key = self.ids.get(name)
        if key is None:
            key = self.ids[name] = f"{self.prefix}{len(self.ids)}"
            self.kinds[name] = set()
        self.kinds[name].add(kind)
        return key

    def declared(self) -> list[tuple[str, str, str]]:
        """(id, name, kind) per attribute, by name."""
        # A name whose values differ in kind across labels (Grid.level is a number,
        # Case.level a word) is declared as string, so every value still reads back.
        return [
            (self.ids[n], n, next(iter(k)) if len(k) == 1 else "string")
            for n, k in sorted(self.kinds.items())
        ]


class _Spooled:
    """Nodes and edges streamed to two temporary files until the document is assembled."""

    def __init__(self) -> None:
        # Closed by finish() or close(); the writer is used as a context manager.
        self.nodes: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.edges: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.node_keys = _Keys("n")
        self.edge_keys = _Keys("e")
        self.node_count = 0
        self.edge_count = 0

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.nodes.close()
        self.edges.close()

    def copy(self, spool: IO[str], out: IO[str]) -> None:
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        spool.close()


class GraphMLWriter(_Spooled):
    def node(self, id_: str, type_: str, props: Mapping[str, Any]) -> None:
        data = self._data(self.node_keys, {"type": type_, **props})
        self.nodes.write(f"<node id={xml_attr(id_)}>{data}</node>\n")
        self.node_count += 1

    def edge(self, source: str, target: str, type_: str, props: Mapping[str, Any]) -> None:
        data = self._data(self.edge_keys, {"type": type_, **props})
        ends = f"source={xml_attr(source)} target={xml_attr(target)}"
        self.edges.write(f"<edge {ends}>{data}</edge>\n")
        self.edge_count += 1

    @staticmethod
    def _data(keys: _Keys, props: Mapping[str, Any]) -> str:
        parts = []
        for name, value in props.items():
            kind, text = plain(value)
            parts.append(f'<data key="{keys.see(name, kind)}">{xml_text(text)}</data>')
        return "".join(parts)

    def finish(self, out: Path, graph: Mapping[str, str]) -> None:
        with out.open("w", encoding="utf-8") as fh:
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            fh.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
            graph_keys = [(f"g{i}", name, "string") for i, name in enumerate(sorted(graph))]
            for domain, declared in (
                ("node", self.node_keys.declared()),
                ("edge", self.edge_keys.declared()),
                ("graph", graph_keys),
            ):
                for key, name, kind in declared:
                    fh.write(
                        f'<key id="{key}" for="{domain}" attr.name={xml_attr(name)} '
                        f'attr.type="{kind}"/>\n'
                    )
            fh.write('<graph edgedefault="directed">\n')
            for key, name, _ in graph_keys:
                fh.write(f'<data key="{key}">{xml_text(graph[name])}</data>\n')
            self.copy(self.nodes, fh)
            self.copy(self.edges, fh)
            fh.write("</graph>\n</graphml>\n")


class GEXFWriter(_Spooled):
    """GEXF 1.2: a node's label is its name or title (what Gephi shows), its type an attribute."""

    def node(self, id_: str, type_: str, props: Mapping[str, Any]) -> None:
        shown = str(props.get("name") or props.get("title") or id_)
        values = self._values(self.node_keys, {"type": type_, **props})
        self.nodes.write(f"<node id={xml_attr(id_)} label={xml_attr(shown)}>{values}</node>\n")
        self.node_count += 1

    def edge(self, source: str, target: str, type_: str, props: Mapping[str, Any]) -> None:
        values = self._values(self.edge_keys, {"type": type_, **props})
        self.edges.write(
            f'<edge id="{self.edge_count}" source={xml_attr(source)} target={xml_attr(target)} '
            f"label={xml_attr(type_)}>{values}</edge>\n"
        )
        self.edge_count += 1

    @staticmethod
    def _values(keys: _Keys, props: Mapping[str, Any]) -> str:
        parts = []
        for name, value in props.items():
            kind, text = plain(value)
            parts.append(f'<attvalue for="{keys.see(name, kind)}" value={xml_attr(text)}/>')
        return f"<attvalues>{''.join(parts)}</attvalues>" if parts else ""

    def finish(self, out: Path, graph: Mapping[str, str]) -> None:
        with out.open("w", encoding="utf-8") as fh:
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            fh.write('<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n')
            about = "; ".join(f"{k}={v}" for k, v in sorted(graph.items()))
            fh.write(
                "<meta><creator>gridlink</creator>"
                f"<description>{xml_text(about)}</description></meta>\n"
            )
            fh.write('<graph defaultedgetype="directed" mode="static">\n')
            for domain, keys in (("node", self.node_keys), ("edge", self.edge_keys)):
                fh.write(f'<attributes class="{domain}" mode="static">\n')
                for key, name, kind in keys.declared():
                    fh.write(f'<attribute id="{key}" title={xml_attr(name)} type="{kind}"/>\n')
                fh.write("</attributes>\n")
            fh.write("<nodes>\n")
            self.copy(self.nodes, fh)
            fh.write("</nodes>\n<edges>\n")
            self.copy(self.edges, fh)
            fh.write("</edges>\n</graph>\n</gexf>\n")


class JSONWriter(_Spooled):
    """networkx's node-link format: `networkx.node_link_graph(json.load(f))` reads it back."""

    def node(self, id_: str, type_: str, props: Mapping[str, Any]) -> None:
        self._line(self.nodes, self.node_count, {"id": id_, "type": type_, **props})
        self.node_count += 1

    def edge(self, source: str, target: str, type_: str, props: Mapping[str, Any]) -> None:
        obj = {"source": source, "target": target, "type": type_, **props}
        self._line(self.edges, self.edge_count, obj)
        self.edge_count += 1

    @staticmethod
    def _line(spool: IO[str], before: int, obj: Mapping[str, Any]) -> None:
        text = json.dumps({k: jsonable(v) for k, v in obj.items()}, ensure_ascii=False)
        spool.write(("," if before else "") + "\n" + text)

    def finish(self, out: Path, graph: Mapping[str, str]) -> None:
        head = {"directed": True, "multigraph": True, "graph": dict(graph)}
        with out.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps(head, ensure_ascii=False)[:-1] + ',\n"nodes": [')
            self.copy(self.nodes, fh)
            fh.write('\n],\n"edges": [')
            self.copy(self.edges, fh)
            fh.write("\n]}\n")


WRITERS: dict[str, type[GraphMLWriter] | type[GEXFWriter] | type[JSONWriter]] = {
    "graphml": GraphMLWriter,
    "gexf": GEXFWriter,
    "json": JSONWriter,
}
