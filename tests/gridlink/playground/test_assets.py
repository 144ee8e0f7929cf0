"""The playground's assets: the pinned npm files are the very bytes strawberry's CDN page
names (its integrity hashes hold), the page names no outside address, and a missing or
wrong install is reported by name."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
import strawberry

from gridlink.playground import ASSETS, TEMPLATE, Example, assets_dir, missing_assets, render_page

STRAWBERRY_PAGE = Path(strawberry.__file__).parent / "static" / "graphiql.html"
ASSET_TAG = re.compile(r'(?:src|href)="([^"]+)"\s+integrity="(sha384-[^"]+)"')


def pinned(page: str, prefix: str) -> dict[str, str]:
    """package@version/file -> integrity, for each asset the page loads from `prefix`."""
    return {
        url.removeprefix(prefix): integrity
        for url, integrity in ASSET_TAG.findall(page)
        if url.startswith(prefix)
    }


def installed_or_skip() -> Path:
    if missing_assets():
        pytest.skip(f"playground assets not installed ({missing_assets()[0]}): run `npm ci`")
    return assets_dir()


def test_the_page_loads_what_strawberrys_page_loads_from_its_cdn() -> None:
    ours = pinned(TEMPLATE.read_text(encoding="utf-8"), "__GRIDLINK_STATIC__")
    theirs = pinned(STRAWBERRY_PAGE.read_text(encoding="utf-8"), "https://unpkg.com/")
    assert ours == theirs
    assert set(ours) == {a.url_path for a in ASSETS}


def test_package_json_pins_exactly_the_served_versions() -> None:
    manifest = json.loads((TEMPLATE.parents[2] / "package.json").read_text(encoding="utf-8"))
    for asset in ASSETS:
        assert manifest["dependencies"][asset.package] == asset.version


def test_the_installed_files_match_the_integrity_hashes() -> None:
    root = installed_or_skip()
    ours = pinned(TEMPLATE.read_text(encoding="utf-8"), "__GRIDLINK_STATIC__")
    for asset in ASSETS:
        digest = hashlib.sha384((root / asset.package / asset.file).read_bytes()).digest()
        assert ours[asset.url_path] == "sha384-" + base64.b64encode(digest).decode()


def test_the_rendered_page_names_no_outside_address() -> None:
    html = render_page("/graphql/static/", [Example("Q", "query Q { a }", None)])
    addresses = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert addresses[0] == "data:,"  # the icon: no favicon.ico request either
    assert sorted(addresses[1:]) == sorted(f"/graphql/static/{a.url_path}" for a in ASSETS)
    assert "unpkg" not in html and "https://" not in html


def test_an_example_cannot_end_the_script_element_early() -> None:
    html = render_page(
        "/s/", [Example("Q", "# </script><script>alert(1)</script>\nquery Q { a }", None)]
    )
    data = html.split('<script id="gridlink-examples" type="application/json">')[1].split(
        "</script>"
    )[0]
    assert json.loads(data)[0]["query"].startswith("# </script><script>")


def test_a_missing_or_wrong_install_is_named(tmp_path: Path) -> None:
    assert "react@18.2.0 is not installed" in missing_assets(tmp_path)
    (tmp_path / "react").mkdir()
    (tmp_path / "react" / "package.json").write_text('{"version": "18.3.1"}')
    assert "react is 18.3.1, the playground needs 18.2.0" in missing_assets(tmp_path)
