"""The seed dataset, loaded by `gridlink serve` into an empty graph.

The dataset lives in loaders/data/seed/ in the import format (docs/SEED.md says what it
holds and which article each fact comes from). It goes in through the same loader as
anyone's data, so it is validated the same way and a bad edit to it fails loudly.
"""

from __future__ import annotations

from pathlib import Path

from graph.database import Database
from loaders.load import load_directory

SEED_DIR = Path(__file__).resolve().parent / "data" / "seed"


async def graph_is_empty(db: Database) -> bool:
    rows = await db.read("load/count_entities")
    return int(rows[0]["count"]) == 0


async def load_seed_if_empty(db: Database) -> bool:
    """Load the seed dataset when the graph has no :Entity; True when it was loaded."""
    if not await graph_is_empty(db):
        return False
    report = await load_directory(db, SEED_DIR)
    report.raise_for_problems()
    return True
