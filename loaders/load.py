"""Loading a dataset into the graph: read, validate everything, then write in batches.

Nothing is written until the whole dataset has been checked, the graph included (one
batched lookup of every id it names). Without `skip_invalid` an invalid dataset writes
nothing; with it the valid records are written and the rest reported. Writes go label by
label in the model's order, relationships after nodes, `batch_size` rows per transaction,
a few transactions at a time. Nodes the graph lacks are created outright, and so are
relationships touching them (they cannot exist yet); everything else is compared with the
graph and written only when it differs, so loading the same data again changes nothing.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database, run_rows
from loaders.model import NODE_TYPES, NODES_BY_LABEL, REL_TYPES, RELS_BY_TYPE, SUPER_LABELS
from loaders.records import Problem, RawDataset, read_bundle, read_dataset, read_directory
from loaders.validate import MERGE_KEYS, Checked, Limits, Plan, RelRow, check_records, finish

Row = dict[str, Any]
Progress = Callable[[int, int, str], None]  # (records written, records to write, label/type)
DEFAULT_BATCH = 5_000  # city preset: 5k beat 10k and 25k (benchmarks/README.md)
LOOKUP_BATCH = 20_000
NO_MODEL_LABEL = "node without a model label"
# Just under what Neo4j takes in one index entry (it refuses 8,167 bytes in a range index
# and 32,767 in a text index), so an oversized value fails validation, not a batch.
INDEX_BYTES = {"RANGE": 8_000, "TEXT": 32_000}


class InvalidDataset(Exception):
    """The dataset has problems; nothing was written. `problems` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the dataset:\n{shown}{more}")
        self.problems = problems


class LoadConflict(RuntimeError):
    """The graph changed between validation and writing (a node vanished); batch rolled back."""


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    seconds: float = 0.0  # spent in its write transactions (overlapping when concurrent)

    def add(self, row: Mapping[str, Any]) -> None:
        self.created += int(row.get("created") or 0)
        self.updated += int(row.get("updated") or 0)
        self.unchanged += int(row.get("unchanged") or 0)


@dataclass
class LoadReport:
    counts: dict[str, Counts] = field(default_factory=dict)  # label or type, model order
    problems: list[Problem] = field(default_factory=list)
    written: bool = False
    records: int = 0  # records written or compared
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # read, check, graph, finish, write

    @property
    def ok(self) -> bool:
        return not self.problems

    def total(self) -> Counts:
        out = Counts()
        for c in self.counts.values():
            out.created += c.created
            out.updated += c.updated
            out.unchanged += c.unchanged
            out.invalid += c.invalid
        return out

    def raise_for_problems(self) -> None:
        if self.problems:
            raise InvalidDataset(self.problems)

    def summary(self) -> str:
        """A table of created / updated / unchanged / invalid per label and type."""
        width = max([len(k) for k in self.counts] + [5])
        head = f"{'':{width}}  {'created':>9} {'updated':>9} {'unchanged':>9} {'invalid':>9}"
        lines = [head]
        for name, c in [*self.counts.items(), ("total", self.total())]:
            lines.append(
                f"{name:{width}}  {c.created:>9} {c.updated:>9} {c.unchanged:>9} {c.invalid:>9}"
            )
        rate = self.records / self.seconds if self.seconds else 0.0
        state = "written" if self.written else "NOTHING written"
        lines.append(f"{self.records} records in {self.seconds:.1f}s ({rate:,.0f}/s); {state}")
        if self.phases:
            lines.append(", ".join(f"{k} {v:.1f}s" for k, v in self.phases.items()))
        return "\n".join(lines)


async def load_path(
    db: Database,
    path: Path | str,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH,
    concurrency: int = 2,
) -> LoadReport:
    """Load a dataset directory or a JSON bundle file, whichever `path` is."""
    return await _load(
        db, lambda: read_dataset(Path(path)), skip_invalid, progress, batch_size, concurrency
    )


async def load_directory(
    db: Database,
    path: Path | str,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH,
    concurrency: int = 2,
) -> LoadReport:
    return await _load(
        db, lambda: read_directory(Path(path)), skip_invalid, progress, batch_size, concurrency
    )


async def load_bundle(
    db: Database,
    path: Path | str,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH,
    concurrency: int = 2,
) -> LoadReport:
    return await _load(
        db, lambda: read_bundle(Path(path)), skip_invalid, progress, batch_size, concurrency
    )


async def load_raw(
    db: Database,
    raw: RawDataset,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH,
    concurrency: int = 2,
) -> LoadReport:
    """Load records already read (check_records consumes them)."""
    return await _load(db, lambda: raw, skip_invalid, progress, batch_size, concurrency)


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Millions of small dicts make the cyclic collector walk the whole heap again and
    # again while they are built (reading a city took 3x longer); none of them form cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


async def _load(
    db: Database,
    read: Callable[[], RawDataset],
    skip_invalid: bool,
    progress: Progress | None,
    batch_size: int,
    concurrency: int,
) -> LoadReport:
    started = time.monotonic()
    phases: dict[str, float] = {}

    def timed(name: str, since: float) -> float:
        now = time.monotonic()
        phases[name] = now - since
        return now

    def prepare() -> Checked:
        with _gc_paused():
            t = time.monotonic()
            raw = read()
            t = timed("read", t)
            checked = check_records(raw)
            timed("check", t)
        return checked

    checked = await asyncio.to_thread(prepare)
    t = time.monotonic()
    element_ids: dict[str, str] = {}
    graph_labels = await lookup_labels(db, checked.lookup_ids(), concurrency, element_ids)
    limits = await index_limits(db)
    t = timed("graph", t)
    with _gc_paused():
        plan = await asyncio.to_thread(finish, checked, graph_labels, limits)
    t = timed("finish", t)
    report = LoadReport(problems=plan.problems, phases=phases)
    for name in _model_order(plan.totals):
        report.counts[name] = Counts(invalid=plan.totals[name] - plan.planned(name))
    if plan.problems and not skip_invalid:
        report.seconds = time.monotonic() - started
        return report
    writer = _Writer(db, plan.record_count, progress, max(1, batch_size), max(1, concurrency))
    writer.element_ids = element_ids
    gc.freeze()  # the plan's rows live until the end: keep the collector off them
    try:
        await writer.write(plan, report)
    finally:
        gc.unfreeze()
    timed("write", t)
    report.written = True
    report.records = writer.done
    report.seconds = time.monotonic() - started
    return report


def _model_order(names: Iterable[str]) -> list[str]:
    order = {n.label: i for i, n in enumerate(NODE_TYPES)}
    order.update({r.type: len(order) + i for i, r in enumerate(REL_TYPES)})
    return sorted(names, key=lambda n: (order.get(n, len(order)), n))


async def lookup_labels(
    db: Database, ids: list[str], concurrency: int = 2, element_ids: dict[str, str] | None = None
) -> dict[str, str]:
    """The model label of every id in `ids` the graph holds (one batched query); their
    element ids go into `element_ids` when given."""
    rows = await db.read("load/count_entities")
    if not ids or int(rows[0]["count"]) == 0:
        return {}  # an empty graph holds none of them: skip a million index lookups
    out: dict[str, str] = {}
    gate = asyncio.Semaphore(concurrency)

    async def one(chunk: list[str]) -> None:
        async with gate:
            found = await db.read("load/get_entity_labels", {"ids": chunk})
        for row in found:
            labels = [label for label in row["labels"] if label in NODES_BY_LABEL]
            label = labels[0] if labels else NO_MODEL_LABEL
            pairs = dict(row["nodes"])
            out.update(dict.fromkeys(pairs, label))
            if element_ids is not None:
                element_ids.update(pairs)

    await asyncio.gather(
        *(one(ids[i : i + LOOKUP_BATCH]) for i in range(0, len(ids), LOOKUP_BATCH))
    )
    return out


async def index_limits(db: Database) -> Limits:
    """For each label and type, its indexed properties with the bytes their index takes."""
    out: dict[str, dict[str, tuple[int, str]]] = {}
    for row in await db.read("load/list_indexed_properties"):
        most = INDEX_BYTES[row["type"]]
        for owner in row["labelsOrTypes"]:
            names = list(NODES_BY_LABEL) if owner == "Entity" else SUPER_LABELS.get(owner, (owner,))
            for name in names:
                for prop in row["properties"]:
                    known = out.setdefault(name, {}).get(prop)
                    if known is None or known[0] > most:
                        out[name][prop] = (most, row["name"])
    return out


class _Writer:
    def __init__(
        self,
        db: Database,
        total: int,
        progress: Progress | None,
        batch_size: int,
        concurrency: int,
    ) -> None:
        self.db = db
        self.total = total
        self.progress = progress
        self.batch_size = batch_size
        self.gate = asyncio.Semaphore(concurrency)
        self.done = 0
        self.element_ids: dict[str, str] = {}  # external id -> element id, to link by

    async def write(self, plan: Plan, report: LoadReport) -> None:
        for node in NODE_TYPES:
            counts = report.counts.get(node.label)
            if counts is None:
                continue
            # The labels sent to Cypher are the model's strings, never the file's.
            params = {"labels": list(node.labels)}
            new = plan.new_nodes.get(node.label, [])
            await self._batches("load/create_nodes", params, new, counts, node.label)
            old = plan.old_nodes.get(node.label, [])
            await self._batches("load/merge_nodes", params, old, counts, node.label, _id_rows)
        for rel in REL_TYPES:
            counts = report.counts.get(rel.type)
            if counts is None:
                continue
            rel_params = {"type": RELS_BY_TYPE[rel.type].type}
            fresh = plan.new_rels.get(rel.type, [])
            await self._batches(
                "load/create_relationships", rel_params, fresh, counts, rel.type, self._linked
            )
            other = plan.other_rels.get(rel.type, [])
            keyed = _keyed_rows(MERGE_KEYS.get(rel.type, ()))
            await self._batches(
                "load/merge_relationships", rel_params, other, counts, rel.type, keyed
            )

    def _linked(self, batch: Sequence[RelRow]) -> list[Row]:
        known = self.element_ids
        return [
            {"from": a, "to": b, "fromElement": known[a], "toElement": known[b], "props": p}
            for a, b, p in batch
        ]

    async def _batches(
        self,
        name: str,
        params: Row,
        rows: Sequence[Any],
        counts: Counts,
        what: str,
        shape: Callable[[Sequence[Any]], list[Row]] = list,
    ) -> None:
        async def one(batch: Sequence[Any]) -> None:
            async with self.gate:
                # Shaped only now, so a million relationships wait as compact tuples.
                shaped = {**params, "rows": shape(batch)}
                started = time.monotonic()
                result = await self.db.write_tx(_work(name, shaped), name)
                counts.seconds += time.monotonic() - started
            counts.add(result)
            self.element_ids.update(result.get("made") or ())
            self.done += len(batch)
            if self.progress is not None:
                self.progress(self.done, self.total, what)

        size = self.batch_size
        await asyncio.gather(*(one(rows[i : i + size]) for i in range(0, len(rows), size)))


def _id_rows(batch: Sequence[Row]) -> list[Row]:
    return [{"id": row["id"], "props": row} for row in batch]


def _rel_rows(batch: Sequence[RelRow]) -> list[Row]:
    return [{"from": a, "to": b, "props": p} for a, b, p in batch]


def _keyed_rows(keys: tuple[str, ...]) -> Callable[[Sequence[RelRow]], list[Row]]:
    def shape(batch: Sequence[RelRow]) -> list[Row]:
        if not keys:
            return _rel_rows(batch)
        return [
            {"from": a, "to": b, "props": p, "key": {k: p[k] for k in keys}} for a, b, p in batch
        ]

    return shape


def _work(name: str, params: Row) -> Callable[[AsyncManagedTransaction], Any]:
    expected = len(params["rows"])

    async def work(tx: AsyncManagedTransaction) -> Row:
        rows = await run_rows(tx, name, params)
        row = rows[0]
        written = sum(int(row.get(k) or 0) for k in ("created", "updated", "unchanged"))
        if written != expected or row.get("missing"):
            # Raising inside the transaction function rolls the batch back.
            raise LoadConflict(
                f"{name}: {expected - written} of {expected} rows name a node that is no longer "
                "in the graph (changed since validation); this batch was rolled back"
            )
        return row

    return work
