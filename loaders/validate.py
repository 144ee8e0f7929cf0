"""Validating an import dataset against loaders/model.py before anything is written.

Two steps. `check_records` looks at the dataset alone: labels and types exist, every
property is known, typed and in range, required ones are there, ids are unique, no
relationship is repeated or a loop, a place has one parent, and a relationship whose ends
are in the dataset joins labels its type allows. `finish` then takes the labels the graph
gives to the ids the dataset names (one batched lookup, by loaders/load.py) and checks the
rest: ends that only the graph holds exist and fit, and an id already in the graph keeps
its label. Every problem is collected, so one run lists every bad record.
"""

from __future__ import annotations

import difflib
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from loaders.checks import show
from loaders.model import REL_TYPES, RELS_BY_TYPE, expand
from loaders.records import Problem, RawDataset, Source
from loaders.specs import NODE_SPECS, REL_ENDS, REL_SPECS, Spec, diagnose, fast

Row = dict[str, Any]
RelRow = tuple[str, str, Row]  # from, to, properties
# label or type -> property -> (most UTF-8 bytes its index takes, the index's name)
Limits = Mapping[str, Mapping[str, tuple[int, str]]]
# Several relationships of these types may join the same two nodes; the key tells them apart.
MERGE_KEYS: dict[str, tuple[str, ...]] = {r.type: r.key for r in REL_TYPES if r.key}
# Shared by every relationship without properties; never changed after it is made.
_NO_PROPS: Row = {}
SINGLE_PARENT = "PART_OF"  # a place has one parent (docs/ARCHITECTURE.md, "Places and scope")
REPEATS = "repeats an earlier relationship of this type between the same nodes"
_ENDS = {t: (expand(r.sources), expand(r.targets)) for t, r in RELS_BY_TYPE.items()}
_END_NAMES = {t: (" or ".join(r.sources), " or ".join(r.targets)) for t, r in RELS_BY_TYPE.items()}


def _pack(source: int, line: int) -> int:
    return source << 32 | line


@dataclass
class Group:
    """The valid records of one label or type, with where each came from (packed)."""

    rows: list[Any] = field(default_factory=list)
    where: array[int] = field(default_factory=lambda: array("q"))


@dataclass
class Checked:
    """The outcome of `check_records`: valid rows plus everything found wrong so far."""

    sources: list[Source]
    problems: list[Problem] = field(default_factory=list)
    nodes: dict[str, Group] = field(default_factory=dict)
    rels: dict[str, Group] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # id -> label of its first record
    first: dict[str, int] = field(default_factory=dict)  # id -> where its first record is
    bad_ids: dict[str, str] = field(default_factory=dict)  # id -> "file:line" of its bad record
    external: set[str] = field(default_factory=set)  # ends named but not in the dataset
    deferred: dict[str, list[int]] = field(default_factory=dict)  # type -> rows to look at again
    totals: dict[str, int] = field(default_factory=dict)  # label/type -> records, valid or not

    def lookup_ids(self) -> list[str]:
        """Ids whose labels the graph must tell: the dataset's own and the ends it names."""
        return [*self.labels, *sorted(self.external)]

    def bad(self, where: int, field_: str, message: str) -> None:
        source, line = self.sources[where >> 32], where & 0xFFFFFFFF
        self.problems.append(Problem(source.file, line, field_, message))

    def end_problem(self, type_: str, end: int, id_: str, label: str | None) -> str | None:
        """What is wrong with `id_` (known as `label`) at end 0 (from) or 1 (to) of `type_`."""
        if id_ in self.bad_ids:
            return f"node {show(id_)} is not loaded: its record at {self.bad_ids[id_]} is invalid"
        if label is None:
            return f"no node with id {show(id_)} in the dataset or the graph"
        if label not in _ENDS[type_][end]:
            side = "starts" if end == 0 else "ends"
            return f"{show(id_)} is a {label}; {type_} {side} at {_END_NAMES[type_][end]}"
        return None


@dataclass
class Plan:
    """What to write: node rows by label (new ones apart), relationship rows by type."""

    new_nodes: dict[str, list[Row]]
    old_nodes: dict[str, list[Row]]
    new_rels: dict[str, list[RelRow]]  # an end is created by this load: cannot exist yet
    other_rels: dict[str, list[RelRow]]
    problems: list[Problem]
    totals: dict[str, int]

    def planned(self, name: str) -> int:
        groups = (self.new_nodes, self.old_nodes, self.new_rels, self.other_rels)
        return sum(len(g.get(name, ())) for g in groups)

    @property
    def record_count(self) -> int:
        return sum(self.planned(name) for name in self.totals)


def check_records(raw: RawDataset) -> Checked:
    """Check every record; consumes `raw` (each source's items are released once checked)."""
    out = Checked(raw.sources, list(raw.problems))
    for source in raw.sources:
        out.totals[source.name] = out.totals.get(source.name, 0) + len(source.items) + source.broken
    for index, source in enumerate(raw.sources):
        if source.kind == "node":
            _check_nodes(out, index, source)
            source.items = []
    for index, source in enumerate(raw.sources):
        if source.kind == "rel":
            _check_rels(out, index, source)
            source.items = []
    return out


def _unknown(out: Checked, index: int, source: Source, what: str, known: Mapping[str, Any]) -> None:
    close = difflib.get_close_matches(source.name, list(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    line = source.items[0][0] if source.items else 1
    out.bad(_pack(index, line), what, f"unknown {what} {source.name!r}{hint}")


def _check_nodes(out: Checked, index: int, source: Source) -> None:
    spec = NODE_SPECS.get(source.name)
    if spec is None:
        _unknown(out, index, source, "label", NODE_SPECS)
        for line, record in source.items:  # their ids exist, so relationships say why they fail
            id_ = record.get("id") if type(record) is dict else None
            if type(id_) is str and id_:
                out.bad_ids.setdefault(id_, f"{source.file}:{line}")
        return
    group = out.nodes.setdefault(source.name, Group())
    rows, where, labels, first = group.rows, group.where, out.labels, out.first
    label, base, csv = source.name, index << 32, source.csv
    for line, record in source.items:
        if not csv and fast(spec, record):
            id_ = record["id"]
            if id_ and id_ not in labels:
                labels[id_] = label
                first[id_] = base | line
                rows.append(record)
                where.append(base | line)
                continue
        _slow_node(out, spec, base | line, record, csv, rows, where)


def _slow_node(
    out: Checked, spec: Spec, at: int, record: Any, csv: bool, rows: list[Any], where: array[int]
) -> None:
    if type(record) is not dict:
        out.bad(at, "record", f"expected a JSON object, got {show(record)}")
        return
    id_ = record.get("id")
    problems = diagnose(spec, record, csv, ("id",))
    if not (type(id_) is str and id_):
        problems.insert(
            0,
            ("id", "required" if id_ is None else f"expected a non-empty string, got {show(id_)}"),
        )
    elif id_ in out.first:
        seen = out.first[id_]
        place = f"{out.sources[seen >> 32].file}:{seen & 0xFFFFFFFF}"
        out.bad(at, "id", f"{show(id_)} is already used at {place}")
        return  # the first record keeps the id; this one's other faults would be noise
    else:
        out.labels[id_] = spec.name
        out.first[id_] = at
    for field_, message in problems:
        out.bad(at, field_, message)
    if not problems:
        rows.append(record)
        where.append(at)
    elif type(id_) is str and id_:
        source = out.sources[at >> 32]
        out.bad_ids[id_] = f"{source.file}:{at & 0xFFFFFFFF}"


def _check_rels(out: Checked, index: int, source: Source) -> None:
    spec = REL_SPECS.get(source.name)
    if spec is None:
        _unknown(out, index, source, "type", REL_SPECS)
        return
    type_, base, csv = source.name, index << 32, source.csv
    group = out.rels.setdefault(type_, Group())
    rows, where = group.rows, group.where
    deferred = out.deferred.setdefault(type_, [])
    keys = MERGE_KEYS.get(type_, ())
    starts, ends = _ENDS[type_]
    labels, bad_ids, external = out.labels, out.bad_ids, out.external
    seen: set[tuple[Any, ...]] = set()
    parents: dict[str, int] | None = {} if type_ == SINGLE_PARENT else None
    bare = not spec.checks and not csv  # most relationships carry no properties at all
    for line, record in source.items:
        at = base | line
        if bare and type(record) is dict and len(record) == 2:
            start, end = record.get("from"), record.get("to")
            if type(start) is str and type(end) is str and start and end:
                record = _NO_PROPS
            else:
                record = {"from": start, "to": end}  # diagnosed below as any other record
                if not _slow_rel(out, spec, at, record, csv):
                    continue
                start, end = record.pop("from"), record.pop("to")
        else:
            fine = not csv and fast(spec, record) and record["from"] and record["to"]
            if not fine and not _slow_rel(out, spec, at, record, csv):
                continue
            start, end = record.pop("from"), record.pop("to")
        if parents is None and not keys and start != end:
            ident: tuple[Any, ...] = (start, end)
            problem = None
            if ident in seen:
                problem = ("to", REPEATS)
            seen.add(ident)
        else:
            problem = _shape_problem(start, end, keys, record, seen, parents, line)
        if problem is not None:
            out.bad(at, *problem)
            continue
        start_label, end_label = labels.get(start), labels.get(end)
        if start_label is None or end_label is None or start in bad_ids or end in bad_ids:
            if (start_label is None and start not in bad_ids) or (
                end_label is None and end not in bad_ids
            ):
                # The graph may hold it: look again once the graph has been asked.
                external.update(x for x in (start, end) if x not in labels)
                deferred.append(len(rows))
            else:
                _end_problems(out, type_, at, start, start_label, end, end_label)
                continue
        elif start_label not in starts or end_label not in ends:
            _end_problems(out, type_, at, start, start_label, end, end_label)
            continue
        rows.append((start, end, record))
        where.append(at)


def _shape_problem(
    start: str,
    end: str,
    keys: tuple[str, ...],
    record: Row,
    seen: set[tuple[Any, ...]],
    parents: dict[str, int] | None,
    line: int,
) -> tuple[str, str] | None:
    if start == end:
        return "to", f"{show(end)} is the same node as from"
    ident = (start, end, *(record[k] for k in keys)) if keys else (start, end)
    if ident in seen:
        return "to", REPEATS
    seen.add(ident)
    if parents is not None:
        if start in parents:
            return "from", f"{show(start)} already has a parent at line {parents[start]}"
        parents[start] = line
    return None


def _end_problems(
    out: Checked,
    type_: str,
    at: int,
    start: str,
    start_label: str | None,
    end: str,
    end_label: str | None,
) -> bool:
    found = False
    for side, (id_, label) in enumerate(((start, start_label), (end, end_label))):
        problem = out.end_problem(type_, side, id_, label)
        if problem is not None:
            out.bad(at, REL_ENDS[side], problem)
            found = True
    return found


def _slow_rel(out: Checked, spec: Spec, at: int, record: Any, csv: bool) -> bool:
    if type(record) is not dict:
        out.bad(at, "record", f"expected a JSON object, got {show(record)}")
        return False
    problems = diagnose(spec, record, csv, REL_ENDS)
    for side in REL_ENDS:
        value = record.get(side)
        if not (type(value) is str and value):
            what = "required" if value is None else f"expected a node id, got {show(value)}"
            problems.insert(0, (side, what))
    for field_, message in problems:
        out.bad(at, field_, message)
    return not problems


def too_large(row: Row, limits: Mapping[str, tuple[int, str]]) -> list[tuple[str, str]]:
    """The indexed values of `row` too large for their index, as (field, problem)."""
    out = []
    for prop, (most, index) in limits.items():
        value = row.get(prop)
        texts = [value] if type(value) is str else value if type(value) is list else []
        # UTF-8 takes at most 4 bytes a character: only long text needs encoding to measure.
        if sum(len(t) for t in texts if type(t) is str) * 4 <= most:
            continue
        size = sum(len(t.encode()) for t in texts if type(t) is str)
        if size > most:
            out.append((prop, f"too long to index: {size} bytes, at most {most} (index {index})"))
    return out


def finish(checked: Checked, graph_labels: Mapping[str, str], limits: Limits | None = None) -> Plan:
    """Checks that need the graph; `graph_labels` maps ids found there to their label and
    `limits` bounds the size of indexed values (Neo4j refuses larger ones mid-write)."""
    out = checked
    limits = limits or {}
    plan = Plan({}, {}, {}, {}, out.problems, out.totals)
    newly_bad: set[str] = set()
    for label, group in out.nodes.items():
        bounds = limits.get(label)
        if not graph_labels and not bounds:
            plan.new_nodes[label], plan.old_nodes[label] = group.rows, []
            continue
        new, old = plan.new_nodes.setdefault(label, []), plan.old_nodes.setdefault(label, [])
        for row, at in zip(group.rows, group.where, strict=True):
            there = graph_labels.get(row["id"])
            large = too_large(row, bounds) if bounds else []
            if large:
                for field_, message in large:
                    out.bad(at, field_, message)
                source = out.sources[at >> 32]
                out.bad_ids[row["id"]] = f"{source.file}:{at & 0xFFFFFFFF}"
                newly_bad.add(row["id"])
            elif there is None:
                new.append(row)
            elif there == label:
                old.append(row)
            else:
                out.bad(at, "id", f"{show(row['id'])} is a {there} in the graph, not a {label}")
                source = out.sources[at >> 32]
                out.bad_ids[row["id"]] = f"{source.file}:{at & 0xFFFFFFFF}"
                newly_bad.add(row["id"])
    created = {i for i in out.labels if i not in graph_labels and i not in out.bad_ids}
    for type_, group in out.rels.items():
        bounds = limits.get(type_, {})
        _finish_rels(out, plan, type_, group, graph_labels, newly_bad, created, bounds)
    plan.problems.sort(key=lambda p: (p.file, p.line))  # stable: a record's own order stays
    return plan


def _finish_rels(
    out: Checked,
    plan: Plan,
    type_: str,
    group: Group,
    graph_labels: Mapping[str, str],
    newly_bad: set[str],
    created: set[str],
    bounds: Mapping[str, tuple[int, str]],
) -> None:
    rows: list[RelRow] = group.rows
    recheck = set(out.deferred.get(type_, ()))
    if newly_bad:
        recheck.update(i for i, (a, b, _) in enumerate(rows) if a in newly_bad or b in newly_bad)
    if recheck or bounds:
        kept: list[RelRow] = []
        for i, (start, end, props) in enumerate(rows):
            large = too_large(props, bounds) if bounds else []
            for field_, message in large:
                out.bad(group.where[i], field_, message)
            if large:
                continue
            if i in recheck:
                start_label = out.labels.get(start) or graph_labels.get(start)
                end_label = out.labels.get(end) or graph_labels.get(end)
                if _end_problems(out, type_, group.where[i], start, start_label, end, end_label):
                    continue
            kept.append((start, end, props))
        rows = kept
    if not graph_labels:
        plan.new_rels[type_], plan.other_rels[type_] = rows, []
        return
    new, other = plan.new_rels.setdefault(type_, []), plan.other_rels.setdefault(type_, [])
    for row in rows:
        (new if row[0] in created or row[1] in created else other).append(row)
