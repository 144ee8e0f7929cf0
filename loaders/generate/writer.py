"""Streaming the generated records to `DIR/nodes/<Label>.jsonl` and
`DIR/relationships/<TYPE>.jsonl`, one JSON object per line, as they are made.

Nothing is kept in memory but the open files and the counts. Records keep the order the
generator made them in, which depends on the seed alone, so a rerun writes the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
BUFFER = 1 << 20
_PLAIN = re.compile(r"[A-Za-z0-9_/.-]+")


class DatasetWriter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.counts: dict[str, int] = {}
        self._files: dict[str, IO[str]] = {}
        for sub in ("nodes", "relationships"):
            folder = out / sub
            folder.mkdir(parents=True, exist_ok=True)
            # A file left from an earlier run would otherwise join this dataset.
            for stale in sorted(folder.glob("*.jsonl")):
                stale.unlink()

    def _open(self, folder: str, name: str) -> IO[str]:
        known = NODES_BY_LABEL if folder == "nodes" else RELS_BY_TYPE
        if name not in known:
            raise KeyError(f"no {folder[:-1]} type {name!r} in loaders/model.py")
        path = self.out / folder / f"{name}.jsonl"
        fh = self._files[name] = path.open("w", encoding="utf-8", buffering=BUFFER)
        self.counts[name] = 0
        return fh

    def node(self, label: str, id_: str, props: Mapping[str, Any]) -> str:
        fh = self._files.get(label) or self._open("nodes", label)
        fh.write(_encode({"id": id_, **props}) + "\n")
        self.counts[label] += 1
        return id_

    def rel(self, type_: str, start: str, end: str, props: Mapping[str, Any] | None = None) -> None:
        fh = self._files.get(type_) or self._open("relationships", type_)
        if props:
            fh.write(_encode({"from": start, "to": end, **props}) + "\n")
        elif _PLAIN.fullmatch(start) and _PLAIN.fullmatch(end):
            # The generator's ids need no escaping: format them directly, the hot path.
            fh.write('{"from":"' + start + '","to":"' + end + '"}\n')
        else:
            fh.write(_encode({"from": start, "to": end}) + "\n")
        self.counts[type_] += 1

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._files.clear()

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
