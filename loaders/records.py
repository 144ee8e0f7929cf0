"""Reading an import dataset into raw records, each with the file and line it came from.

A dataset is either a directory (`nodes/<Label>.jsonl`, `relationships/<TYPE>.jsonl`, or
`.csv` beside them) or one JSON bundle `{"nodes": {"Label": [...]}, "relationships":
{"TYPE": [...]}}`. Nothing here knows the model beyond the folder names: the records are
plain JSON values, checked afterwards by loaders/validate.py. Problems found while reading
(broken JSON, a stray file) are collected, never raised, so one run reports all of them.
"""

from __future__ import annotations

import bisect
import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Kind = Literal["node", "rel"]
FOLDERS: dict[str, Kind] = {"nodes": "node", "relationships": "rel"}
SUFFIXES = (".jsonl", ".csv")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, printed as `file:line: field: what is wrong`."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass
class Source:
    """The records of one label or relationship type from one file (or one bundle section).

    `items` holds (line, value) pairs; a value is whatever the JSON said (a dict when well
    formed). CSV cells arrive as strings in `items` with `csv=True`, typed by the validator.
    """

    kind: Kind
    name: str
    file: str
    items: list[tuple[int, Any]] = field(default_factory=list)
    csv: bool = False
    broken: int = 0  # lines that could not be read as a record at all


@dataclass
class RawDataset:
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def record_count(self) -> int:
        return sum(len(s.items) for s in self.sources)


def _reject_constant(name: str) -> Any:
    # json accepts NaN and Infinity by default; they are not JSON and Neo4j would store them.
    raise ValueError(f"{name} is not allowed in JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def read_dataset(path: Path) -> RawDataset:
    """Read a dataset directory or a JSON bundle file; names in problems are relative."""
    if path.is_dir():
        return read_directory(path)
    if path.is_file():
        return read_bundle(path)
    out = RawDataset()
    out.problems.append(Problem(str(path), 0, "path", "no such file or directory"))
    return out


def read_directory(root: Path) -> RawDataset:
    out = RawDataset()
    found = False
    for folder, kind in FOLDERS.items():
        base = root / folder
        if not base.is_dir():
            continue
        found = True
        for path in sorted(base.iterdir()):
            rel = f"{folder}/{path.name}"
            if path.is_dir() or path.name.startswith("."):
                continue
            if path.suffix not in SUFFIXES:
                out.problems.append(
                    Problem(rel, 1, "file", "not a .jsonl or .csv file (a typo would skip data)")
                )
                continue
            source = Source(kind, path.stem, rel, csv=path.suffix == ".csv")
            if source.csv:
                _read_csv(path, source, out.problems)
            else:
                _read_jsonl(path, source, out.problems)
            out.sources.append(source)
    if not found:
        out.problems.append(
            Problem(root.name or str(root), 0, "path", "holds neither nodes/ nor relationships/")
        )
    return out


def _read_jsonl(path: Path, source: Source, problems: list[Problem]) -> None:
    with path.open(encoding="utf-8", errors="strict") as fh:
        try:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    source.items.append((number, _DECODER.decode(line)))
                except ValueError:
                    problems.append(Problem(source.file, number, "json", _line_error(line)))
                    source.broken += 1
        except UnicodeDecodeError as exc:
            problems.append(Problem(source.file, 0, "encoding", f"not UTF-8: {exc.reason}"))


def _read_csv(path: Path, source: Source, problems: list[Problem]) -> None:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, restval=None)
            for row in reader:
                if None in row:
                    problems.append(
                        Problem(source.file, reader.line_num, "csv", "more cells than headers")
                    )
                    source.broken += 1
                    continue
                # An empty cell means "no value", like a missing key in JSON.
                item = {k: v for k, v in row.items() if v not in ("", None)}
                source.items.append((reader.line_num, item))
    except (UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(source.file, 0, "csv", str(exc)))


def _line_error(line: str) -> str:
    # Decoded again without the line break, so the column is the one an editor shows.
    try:
        _DECODER.decode(line.rstrip("\r\n"))
    except ValueError as exc:
        return _json_message(exc)
    return "invalid JSON"


def _json_message(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc.msg} (column {exc.colno})"
    return f"invalid JSON: {exc}"


# ---- bundles ---------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")


class _BundleError(Exception):
    def __init__(self, pos: int, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


class _Scanner:
    """Walks the bundle's outer structure so every record keeps the line it starts on.

    json.loads would lose the positions; the records themselves are decoded by the
    standard decoder (raw_decode), so only the brackets around them are scanned here.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.newlines, pos - 1) + 1

    def skip_ws(self) -> None:
        match = _WS.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos

    def peek(self) -> str:
        self.skip_ws()
        return self.text[self.pos : self.pos + 1]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            found = self.text[self.pos : self.pos + 1] or "end of file"
            raise _BundleError(self.pos, f"expected {char!r}, found {found!r}")
        self.pos += 1

    def value(self) -> tuple[int, Any]:
        self.skip_ws()
        start = self.pos
        try:
            obj, self.pos = _DECODER.raw_decode(self.text, self.pos)
        except ValueError as exc:
            raise _BundleError(getattr(exc, "pos", start), _json_message(exc)) from None
        return start, obj

    def key(self) -> tuple[int, str]:
        start, key = self.value()
        if not isinstance(key, str):
            raise _BundleError(start, "expected a string key")
        self.expect(":")
        return start, key

    def members(self, close: str) -> Iterator[None]:
        """Yield once per member of the object or array being read, consuming commas."""
        if self.peek() == close:
            self.pos += 1
            return
        while True:
            yield
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect(close)
            return


def read_bundle(path: Path) -> RawDataset:
    out = RawDataset()
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        out.problems.append(Problem(name, 0, "encoding", f"not UTF-8: {exc.reason}"))
        return out
    scan = _Scanner(text)
    try:
        scan.expect("{")
        for _ in scan.members("}"):
            at, section = scan.key()
            kind = FOLDERS.get(section)
            if kind is None:
                out.problems.append(
                    Problem(
                        name,
                        scan.line_of(at),
                        section,
                        "unknown section (expected nodes or relationships)",
                    )
                )
                scan.value()
                continue
            scan.expect("{")
            for _ in scan.members("}"):
                _, type_name = scan.key()
                source = Source(kind, type_name, name)
                scan.expect("[")
                for _ in scan.members("]"):
                    start, obj = scan.value()
                    source.items.append((scan.line_of(start), obj))
                out.sources.append(source)
        if scan.peek():
            raise _BundleError(scan.pos, "extra data after the bundle")
    except _BundleError as exc:
        out.problems.append(Problem(name, scan.line_of(exc.pos), "json", exc.message))
    return out
