"""`gridlink load` and `gridlink export` as a user runs them, against the real Neo4j."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gridlink.cli import main
from loaders.cli import ProgressBar
from tests.loaders.conftest import dump
from tests.loaders.scenes import shuangan, write_dir
from tests.loaders.test_load_invalid import EXPECTED, write_bad_dataset


@pytest.fixture
def neo4j_env(clean_uri: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("NEO4J_URI", clean_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", "")
    return clean_uri


def test_load_prints_a_summary_and_a_second_run_changes_nothing(
    neo4j_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = write_dir(tmp_path / "scene", shuangan(every_type=False))

    assert main(["load", str(dataset), "--batch-size", "7"]) == 0
    first = capsys.readouterr().out.splitlines()
    assert main(["load", str(dataset)]) == 0
    second = capsys.readouterr().out.splitlines()

    assert first[0].split() == ["created", "updated", "unchanged", "invalid"]
    assert "Grid 1 0 0 0" in [" ".join(line.split()) for line in first]
    assert " ".join(first[-3].split()) == "total 97 0 0 0"  # 41 nodes + 56 relationships
    assert first[-2].startswith("97 records in ") and first[-2].endswith("; written")
    assert first[-1].startswith("read ") and ", write " in first[-1]
    assert " ".join(second[-3].split()) == "total 0 0 97 0"


def test_load_of_a_bad_dataset_lists_every_problem_and_fails(
    neo4j_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["load", str(write_bad_dataset(tmp_path / "bad"))])

    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [*EXPECTED, f"{len(EXPECTED)} problem(s); nothing was written"]
    assert out.splitlines()[-2].endswith("NOTHING written")
    assert dump(neo4j_env) == ({}, [])


def test_load_skip_invalid_writes_the_rest(
    neo4j_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["load", "--skip-invalid", str(write_bad_dataset(tmp_path / "bad"))])

    err = capsys.readouterr().err
    assert code == 0
    assert err.splitlines()[-1] == f"{len(EXPECTED)} problem(s); skipped"
    assert sorted(dump(neo4j_env)[0]) == ["g-a", "g-b", "g-ok", "p-1"]


def test_export_writes_a_file_networkx_reads(
    neo4j_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["load", str(write_dir(tmp_path / "scene", shuangan(every_type=False)))])
    capsys.readouterr()
    out = tmp_path / "scene.json"

    assert main(["export", "--format", "json", "--out", str(out), "--scope", "c-shuangan"]) == 0

    assert capsys.readouterr().out.startswith(f"wrote 30 nodes and 48 edges to {out} (json)")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (len(data["nodes"]), len(data["edges"]), data["graph"]["scope"]) == (
        30,
        48,
        "c-shuangan",
    )


def test_export_of_an_unknown_place_fails_clearly(
    neo4j_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["export", "--format", "gexf", "--out", str(tmp_path / "x.gexf"), "--scope", "nowhere"]
    )

    assert code == 1
    assert capsys.readouterr().err.strip() == "gridlink: no place with id 'nowhere' to export"


def test_the_progress_bar_shows_share_count_and_rate() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, width=10)
    bar.started -= 2.0  # as if two seconds had passed

    bar(500, 1000, "Grid")
    bar.end()

    line = stream.getvalue()
    assert line.startswith("\r[#####.....]  50% 500/1,000 records ")
    assert " 250/s " in line or " 249/s " in line
    assert line.rstrip().endswith("Grid") and line.endswith("\n")
