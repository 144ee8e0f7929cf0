"""The playground in a real browser with the network closed: it loads everything from the
service, shows the example tabs, runs a query and shows the answer."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from graphql import OperationDefinitionNode, parse

from gridlink.playground import EXAMPLES
from tests.http.conftest import Service, node_tools_or_skip
from tests.support.auth import headers

SCRIPT = Path(__file__).with_name("playground_browser.mjs")
SMOKE = """query PlaygroundSmoke {
  __type(name: "Query") { description }
  nodeCounts { label count }
}"""

pytestmark = pytest.mark.browser


def chromium_or_skip() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium is not installed (./run test installs it as root)")
    return path


def test_the_playground_runs_a_query_with_no_internet(service: Service, tmp_path: Path) -> None:
    chromium = chromium_or_skip()
    node = node_tools_or_skip("playwright-core", "graphiql")
    screenshot = tmp_path / "playground.png"
    run = subprocess.run(
        [node, str(SCRIPT), service.url, str(screenshot), SMOKE, json.dumps(headers())],
        capture_output=True,
        text=True,
        timeout=120,
        env={"CHROMIUM_PATH": chromium, "PATH": str(Path(node).parent)},
    )
    assert run.returncode == 0, run.stderr
    page = json.loads(run.stdout)
    print(f"playground: {len(page['requests'])} requests, screenshot {screenshot}")

    # Everything came from the service; the one outside address tried was refused.
    assert page["requests"], "the page asked for nothing"
    outside = [u for u in page["requests"] if not u.startswith(f"{service.base}/")]
    assert outside == []
    assert f"{service.base}/graphql/static/graphiql@3.8.3/graphiql.min.js" in page["requests"]
    assert page["outside"].startswith("blocked"), page["outside"]
    assert page["errors"] == [] and page["failed"] == []

    # One tab per example operation, named as the operation.
    written = [
        d.name.value
        for d in parse(EXAMPLES.read_text(encoding="utf-8")).definitions
        if isinstance(d, OperationDefinitionNode) and d.name
    ]
    assert page["tabs"] == written

    # The answer in the page: the schema's own words, and the graph's counts as the service
    # gives them to any client.
    shown = json.loads(page["response"])
    assert shown["data"]["__type"]["description"] == "The root of every read. 查询"
    direct = httpx.post(service.url, json={"query": SMOKE}, headers=headers(), timeout=30).json()
    assert shown == direct
    assert any(c["label"] == "District" and c["count"] >= 1 for c in shown["data"]["nodeCounts"])
    assert screenshot.stat().st_size > 10_000
