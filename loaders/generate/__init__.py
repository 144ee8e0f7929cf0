"""A deterministic generator of governance graphs at the seed articles' proportions.

`generate("district" | "county" | "city", seed, out)` writes an import dataset (the format
loaders/load.py reads) to `out/nodes/*.jsonl` and `out/relationships/*.jsonl`. The same
preset and seed give the same bytes: one `random.Random(seed)` drives every choice, lists
are walked in order, and no clock is read. docs/SEED.md lists each preset's counts.
"""

from __future__ import annotations

import random
from pathlib import Path

from loaders.generate.cases import build_cases
from loaders.generate.lists import build_lists
from loaders.generate.orgs import build_organisations
from loaders.generate.people import build_people
from loaders.generate.places import build_places
from loaders.generate.presets import PRESETS, Preset
from loaders.generate.world import World, read_categories
from loaders.generate.writer import DatasetWriter

__all__ = ["PRESETS", "Preset", "generate"]


def generate(preset: str | Preset, seed: int, out: Path) -> dict[str, int]:
    """Write the dataset; returns the number of records per label and relationship type."""
    chosen = PRESETS[preset] if isinstance(preset, str) else preset
    categories = read_categories()
    with DatasetWriter(Path(out)) as writer:
        # Reproducible demo data, not secrets: a seeded PRNG is the point.
        world = World(chosen, random.Random(seed), writer, categories)  # noqa: S311
        for label, record in categories.records:
            if label in ("Category", "TimeLimit"):
                props = {k: v for k, v in record.items() if k != "id"}
                writer.node(label, str(record["id"]), props)
            else:
                writer.rel(label, str(record["from"]), str(record["to"]))
        build_places(world)
        build_organisations(world)
        build_people(world)
        build_lists(world)
        build_cases(world)
        return dict(sorted(writer.counts.items()))
