"""The playground (GraphiQL), served whole by the service: government networks are often closed.

GraphiQL's page loads pinned UMD builds of react, react-dom, js-cookie, graphiql and its
explorer plugin. They come from the npm registry at build time (package.json, `npm ci`, which
`./run` does) and are served from `/graphql/static/<package>@<version>/<file>`; only the files
listed in ASSETS are reachable, never the rest of node_modules. The page opens with the
example operations of examples.graphql as tabs.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphql import OperationDefinitionNode, parse
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response

from gridlink.config import PROJECT_ROOT

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "examples.graphql"
TEMPLATE = HERE / "graphiql.html"
STATIC_PREFIX = "/graphql/static/"


@dataclass(frozen=True)
class Asset:
    package: str
    version: str
    file: str

    @property
    def url_path(self) -> str:
        return f"{self.package}@{self.version}/{self.file}"


# The same files, versions and bytes as strawberry's CDN page (the page's integrity hashes hold).
ASSETS = (
    Asset("react", "18.2.0", "umd/react.production.min.js"),
    Asset("react-dom", "18.2.0", "umd/react-dom.production.min.js"),
    Asset("js-cookie", "3.0.5", "dist/js.cookie.min.js"),
    Asset("graphiql", "3.8.3", "graphiql.min.js"),
    Asset("graphiql", "3.8.3", "graphiql.min.css"),
    Asset("@graphiql/plugin-explorer", "1.0.2", "dist/index.umd.js"),
    Asset("@graphiql/plugin-explorer", "1.0.2", "dist/style.css"),
)
BY_URL_PATH = {a.url_path: a for a in ASSETS}


def assets_dir() -> Path:
    """node_modules of the project, or GRIDLINK_ASSETS_DIR for an install elsewhere."""
    return Path(os.environ.get("GRIDLINK_ASSETS_DIR") or PROJECT_ROOT / "node_modules")


def missing_assets(root: Path | None = None) -> list[str]:
    """What is absent or of another version than pinned; empty when the playground can load."""
    root = root or assets_dir()
    problems = []
    for package in sorted({a.package for a in ASSETS}):
        manifest = root / package / "package.json"
        pinned = next(a.version for a in ASSETS if a.package == package)
        if not manifest.is_file():
            problems.append(f"{package}@{pinned} is not installed")
            continue
        installed = json.loads(manifest.read_text(encoding="utf-8")).get("version")
        if installed != pinned:
            problems.append(f"{package} is {installed}, the playground needs {pinned}")
    problems += [
        f"{a.url_path} is missing" for a in ASSETS if not (root / a.package / a.file).is_file()
    ]
    return problems


async def static_asset(request: Request) -> Response:
    asset = BY_URL_PATH.get(request.path_params["asset"])
    if asset is None:
        return PlainTextResponse("Not Found", status_code=404)
    path = assets_dir() / asset.package / asset.file
    if not path.is_file():
        return PlainTextResponse(
            f"{asset.url_path} is not installed: run `npm ci` in {PROJECT_ROOT} (./run does it).",
            status_code=404,
        )
    # The version is in the path, so the bytes behind a URL never change.
    return FileResponse(path, headers={"Cache-Control": "public, max-age=31536000, immutable"})


@dataclass(frozen=True)
class Example:
    """One tab: the operation with the comments above it, and its variables (JSON text)."""

    name: str
    query: str
    variables: str | None


def parse_examples(text: str) -> list[Example]:
    """Each operation in `text` with its comment paragraph; a `# variables: {...}` line in
    that paragraph gives the tab's variables. A paragraph is the comment lines directly
    above the operation, so the file's own header (followed by a blank line) is left out."""
    document = parse(text)
    examples: list[Example] = []
    previous_end = 0
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode) or definition.name is None:
            raise ValueError("examples.graphql holds named operations only, one per tab")
        if definition.loc is None:
            raise ValueError("examples.graphql must be parsed with locations")
        before = text[previous_end : definition.loc.start].rstrip("\n").split("\n")
        paragraph: list[str] = []
        for line in reversed(before):
            if not line.startswith("#"):
                break
            paragraph.insert(0, line)
        variables = None
        comments = []
        for line in paragraph:
            if line.startswith("# variables:"):
                variables = json.dumps(
                    json.loads(line.removeprefix("# variables:")), ensure_ascii=False, indent=2
                )
            else:
                comments.append(line)
        body = text[definition.loc.start : definition.loc.end]
        examples.append(Example(definition.name.value, "\n".join([*comments, body]), variables))
        previous_end = definition.loc.end
    return examples


@cache
def examples() -> list[Example]:
    return parse_examples(EXAMPLES.read_text(encoding="utf-8"))


def render_page(static_prefix: str, tabs: list[Example]) -> str:
    tab_json = json.dumps(
        [{"query": t.query, "variables": t.variables} for t in tabs], ensure_ascii=False
    )
    # Inside <script> a "</" would end the element early.
    tab_json = tab_json.replace("</", "<\\/")
    html = TEMPLATE.read_text(encoding="utf-8")
    return html.replace("__GRIDLINK_STATIC__", static_prefix).replace("__GRIDLINK_TABS__", tab_json)


def playground_response(request: Request) -> Response:
    problems = missing_assets()
    if problems:
        return HTMLResponse(
            "<!doctype html><meta charset='utf-8'><title>gridlink playground</title>"
            "<h1>The playground's assets are not installed</h1><ul>"
            + "".join(f"<li>{p}</li>" for p in problems)
            + f"</ul><p>Run <code>npm ci</code> in {PROJECT_ROOT} (<code>./run</code> does it)."
            " GraphQL itself works: POST to this URL.</p>",
            status_code=503,
        )
    prefix = request.scope.get("root_path", "") + STATIC_PREFIX
    return HTMLResponse(render_page(prefix, examples()))


__all__ = [
    "ASSETS",
    "Example",
    "examples",
    "missing_assets",
    "parse_examples",
    "playground_response",
    "render_page",
    "static_asset",
]
