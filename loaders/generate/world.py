"""The generator's shared state: one `random.Random`, the writer, and the ids made so far.

Places, organisations and people are kept as parallel lists indexed by position (a place's
street is `street_of[i]`), which is compact enough for the city preset and iterates in a
fixed order: nothing here depends on set or hash order, only on the seed.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from loaders.generate.presets import Preset
from loaders.generate.writer import DatasetWriter

SEED_DIR = Path(__file__).resolve().parent.parent / "data" / "seed"
TZ = "+08:00"
# The generated activity happens in this window (fixed, never "now", so output is stable).
START = date(2024, 1, 1)
END = date(2026, 10, 31)
RECENT = date(2026, 10, 1)  # open cases and open needs are raised after this


def spread(rng: random.Random, total: int, parts: int, minimum: int = 1) -> list[int]:
    """`total` split into `parts` counts, each at least `minimum`, the rest at random."""
    if parts == 0:
        if total:
            raise ValueError(f"cannot spread {total} over nothing")
        return []
    if total < parts * minimum:
        raise ValueError(f"cannot give {parts} parts at least {minimum} from {total}")
    counts = [minimum] * parts
    for _ in range(total - parts * minimum):
        counts[rng.randrange(parts)] += 1
    return counts


def weighted_spread(rng: random.Random, total: int, parts: int) -> list[int]:
    """Like `spread` for large totals (population): proportional to random weights."""
    weights = [0.5 + rng.random() for _ in range(parts)]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % parts] += 1
    return counts


def pick_count(rng: random.Random, n: int, k: int) -> list[int]:
    """`k` distinct indices below `n`, in ascending order."""
    return sorted(rng.sample(range(n), k))


@dataclass
class Categories:
    """The shared taxonomy, read from the seed dataset so both use the same ids."""

    names: dict[str, str]
    parent: dict[str, str]
    leaves_under: dict[str, list[str]]  # root id -> its leaf ids, in file order
    limits: dict[tuple[str, str], tuple[float, float, float, float]]
    records: list[tuple[str, dict[str, Any]]]  # (label or type, record) to copy

    def root(self, cat: str) -> str:
        while cat in self.parent:
            cat = self.parent[cat]
        return cat

    def limit(self, cat: str, level: str) -> tuple[float, float, float, float] | None:
        c: str | None = cat
        while c is not None:
            found = self.limits.get((c, level))
            if found:
                return found
            c = self.parent.get(c)
        return None


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_categories() -> Categories:
    cats = _jsonl(SEED_DIR / "nodes" / "Category.jsonl")
    subs = _jsonl(SEED_DIR / "relationships" / "SUBCATEGORY_OF.jsonl")
    limits = _jsonl(SEED_DIR / "nodes" / "TimeLimit.jsonl")
    limit_ids = {str(t["id"]) for t in limits}
    in_cat = _jsonl(SEED_DIR / "relationships" / "IN_CATEGORY.jsonl")
    limit_cats = [r for r in in_cat if r["from"] in limit_ids]
    names = {str(c["id"]): str(c["name"]) for c in cats}
    parent = {str(r["from"]): str(r["to"]) for r in subs}
    has_child = set(parent.values())
    out = Categories(names, parent, {}, {}, [])
    for c in cats:
        cid = str(c["id"])
        if cid not in has_child:
            out.leaves_under.setdefault(out.root(cid), []).append(cid)
    cat_of_limit = {str(r["from"]): str(r["to"]) for r in limit_cats}
    for t in limits:
        key = (cat_of_limit[str(t["id"])], str(t["level"]))
        out.limits[key] = (
            float(t["acceptHours"]),
            float(t["handleHours"]),
            float(t["verifyHours"]),
            float(t.get("yellowRatio", 0.8)),
        )
    out.records = [
        *(("Category", c) for c in cats),
        *(("SUBCATEGORY_OF", r) for r in subs),
        *(("TimeLimit", t) for t in limits),
        *(("IN_CATEGORY", r) for r in limit_cats),
    ]
    return out


@dataclass
class World:
    preset: Preset
    rng: random.Random
    out: DatasetWriter
    categories: Categories
    # Places, by index.
    district_ids: list[str] = field(default_factory=list)
    district_names: list[str] = field(default_factory=list)
    street_ids: list[str] = field(default_factory=list)
    street_names: list[str] = field(default_factory=list)
    street_kinds: list[str] = field(default_factory=list)
    street_district: list[int] = field(default_factory=list)
    place_ids: list[str] = field(default_factory=list)  # communities and villages
    place_names: list[str] = field(default_factory=list)
    place_kinds: list[str] = field(default_factory=list)
    place_street: list[int] = field(default_factory=list)
    grid_ids: list[str] = field(default_factory=list)
    grid_names: list[str] = field(default_factory=list)
    grid_place: list[int] = field(default_factory=list)
    grid_level: list[int] = field(default_factory=list)
    lowest_grids: list[int] = field(default_factory=list)
    compound_ids: list[str] = field(default_factory=list)
    compound_place: list[int] = field(default_factory=list)
    building_ids: list[str] = field(default_factory=list)
    building_place: list[int] = field(default_factory=list)
    household_ids: list[str] = field(default_factory=list)
    household_building: list[int] = field(default_factory=list)
    # Organisations.
    district_po: list[str] = field(default_factory=list)
    street_po: list[str] = field(default_factory=list)
    place_po: list[str] = field(default_factory=list)
    place_rc: list[str] = field(default_factory=list)
    grid_orgs_of_place: dict[int, list[str]] = field(default_factory=dict)
    unit_ids: list[str] = field(default_factory=list)
    unit_names: list[str] = field(default_factory=list)
    unit_place: list[int] = field(default_factory=list)
    unit_org: list[str | None] = field(default_factory=list)
    team_ids: list[str] = field(default_factory=list)
    team_place: list[int] = field(default_factory=list)
    centre_of_street: dict[int, str] = field(default_factory=dict)  # mediation centres
    departments: list[dict[str, str]] = field(default_factory=list)  # per district: kind -> id
    instructed_companies: list[str] = field(default_factory=list)
    # People.
    persons: int = 0
    members_of_place: list[list[int]] = field(default_factory=list)
    worker_of_grid: dict[int, str] = field(default_factory=dict)
    mediator_of_place: dict[int, str] = field(default_factory=dict)
    volunteers: list[int] = field(default_factory=list)
    volunteer_team: list[int] = field(default_factory=list)
    _counters: dict[str, int] = field(default_factory=dict)

    def next_id(self, prefix: str) -> str:
        n = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = n
        return f"{prefix}-{n}"

    def district_of_place(self, place: int) -> int:
        return self.street_district[self.place_street[place]]

    def day(self, start: date = START, end: date = END) -> date:
        return start + timedelta(days=self.rng.randrange((end - start).days + 1))

    def moment(self, start: date = START, end: date = END) -> datetime:
        d = self.day(start, end)
        return datetime(d.year, d.month, d.day, self.rng.randrange(7, 21), self.rng.randrange(60))


def stamp(t: datetime) -> str:
    return t.isoformat(timespec="seconds") + TZ
