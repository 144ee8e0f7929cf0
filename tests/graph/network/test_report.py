"""`gridlink analyze` on the district scene: a self-contained report, readable exports,
progress shown step by step."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import networkx as nx

from graph.database import Database
from graph.network import draw
from graph.network.command import Options, Progress, comparison_windows, run
from graph.network.window import Window
from tests.graph.network.scenes import AS_OF

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


async def test_the_report_of_a_street(district_db: Database, tmp_path: Path) -> None:
    stream = io.StringIO()
    options = Options("s-cliques", tmp_path, "partnership", Window(None, AS_OF), compare=True)

    target = await run(district_db, options, Progress(stream))

    html = target.read_text(encoding="utf-8")
    assert "西街街道" in html
    assert "单位x" in html and "西z社区" in html  # the broker and the isolated community
    assert "g-z老人助餐" in html  # z's open need, listed under gaps
    # Self-contained: pictures inline, nothing fetched from elsewhere.
    assert html.count('src="data:image/png;base64,') == 3
    assert not re.search(r'(src|href)="(https?:)?//', html)
    for picture in ("network.png", "groups.png", "brokers.png"):
        assert (tmp_path / picture).read_bytes().startswith(PNG_MAGIC)
    if draw.cjk_font() is None:
        assert "fonts-noto-cjk" in html  # the report says how to get Chinese labels

    steps = [line for line in stream.getvalue().splitlines() if line.startswith("[analyze")]
    assert len(steps) >= 10
    assert any("read the partnership network: 12 nodes, 16 links" in s for s in steps)
    assert any("betweenness" in s for s in steps) and "report.html" in steps[-1]


async def test_graphml_and_gexf_carry_the_measures(district_db: Database, tmp_path: Path) -> None:
    options = Options("s-cliques", tmp_path, "partnership", Window(None, AS_OF), compare=False)
    await run(district_db, options, Progress(io.StringIO()))

    graphml = nx.read_graphml(tmp_path / "network.graphml")
    gexf = nx.read_gexf(tmp_path / "network.gexf")

    assert graphml.number_of_nodes() == gexf.number_of_nodes() == 12
    assert graphml.number_of_edges() == gexf.number_of_edges() == 16
    assert graphml.nodes["x"]["cut_off"] == 5 and graphml.nodes["x"]["label"] == "单位x"
    assert graphml.nodes["q1"]["open_needs"] == 1
    assert graphml.nodes["q1"]["open_need_titles"] == "g-q1老人助餐"
    assert gexf.nodes["x"]["label"] == "单位x" and "viz" in gexf.nodes["x"]
    assert graphml.edges["b1", "q1"]["projects"] == 1


def test_without_a_start_the_report_compares_the_last_twelve_months_with_the_same_before() -> None:
    earlier, later = comparison_windows(Window(None, AS_OF), AS_OF)

    assert (later.start, later.end) == (dt.date(2024, 7, 1), AS_OF)
    # The same 365 days just before; 2024 has a 29 February, so it starts on 2 July 2023.
    assert (earlier.start, earlier.end) == (dt.date(2023, 7, 2), dt.date(2024, 6, 30))
