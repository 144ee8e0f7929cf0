"""Batching: a nested list query costs one Cypher round trip per level, whatever the number
of items (per-request DataLoaders, one `UNWIND $ids` statement per batch)."""

from __future__ import annotations

from typing import Any

from graph.database import Database, track_round_trips
from loaders.seed import load_seed_if_empty
from tests.schema.scene import Scene
from tests.support.graphql import data

# district > streets > communities > grids > grid workers: five levels.
NESTED = """{ districts(first: 100) { nodes { name
  streets(first: 100) { nodes { name
    communities(first: 100) { nodes { name
      grids(first: 100) { nodes { name
        workers(first: 100) { nodes { role person { name } } } } } } } } } } } }"""
DEPTH = 5


def tree(branching: int) -> Scene:
    """One district; each place has `branching` children down to grids, each grid as many
    grid workers."""
    s = Scene()
    s.place("District", "d", "区", kind="district")
    for a in range(branching):
        s.place("Street", f"s{a}", f"街道{a}", "d", kind="street")
        for b in range(branching):
            s.place("Community", f"c{a}{b}", f"社区{a}{b}", f"s{a}", kind="community")
            for c in range(branching):
                grid = s.place("Grid", f"g{a}{b}{c}", f"网格{a}{b}{c}", f"c{a}{b}", level=1)
                for w in range(branching):
                    person = s.node("Person", f"p{a}{b}{c}{w}", name=f"网格员{a}{b}{c}{w}")
                    s.rel("HOLDS_ROLE", person, grid, role="grid_worker")
    return s


def counts(answer: dict[str, Any]) -> tuple[int, int, int, int]:
    streets = [s for d in answer["districts"]["nodes"] for s in d["streets"]["nodes"]]
    communities = [c for s in streets for c in s["communities"]["nodes"]]
    grids = [g for c in communities for g in c["grids"]["nodes"]]
    workers = [w for g in grids for w in g["workers"]["nodes"]]
    return len(streets), len(communities), len(grids), len(workers)


async def round_trips_of(db: Database) -> tuple[int, dict[str, Any]]:
    counter = track_round_trips()
    answer = await data(db, NESTED)
    return counter.count, answer


async def test_round_trips_grow_with_depth_not_with_items(db: Database) -> None:
    await tree(2).write(db)
    small_trips, small = await round_trips_of(db)
    assert counts(small) == (2, 4, 8, 16)
    await db.driver.execute_query("MATCH (n:Entity) DETACH DELETE n")
    await tree(3).write(db)
    large_trips, large = await round_trips_of(db)
    assert counts(large) == (3, 9, 27, 81)
    assert small_trips == large_trips
    assert large_trips <= DEPTH + 1


async def test_round_trips_over_the_seed_dataset(db: Database) -> None:
    assert await load_seed_if_empty(db)
    trips, answer = await round_trips_of(db)
    assert answer["districts"]["nodes"], "the seed dataset holds no district"
    assert trips <= DEPTH + 1, f"{trips} round trips for {counts(answer)} items"
