"""The app's start-up: what it leaves behind for the requests that follow."""

from __future__ import annotations

import dataclasses
import gc

from graph.database import Database
from gridlink.app import create_app
from gridlink.config import from_env


async def started_and_stopped(db: Database, gc_freeze: bool) -> int:
    """How many objects start-up froze out of the collector's sight."""
    settings = dataclasses.replace(from_env(), gc_freeze=gc_freeze)
    app = create_app(settings, db=db, seed=False)
    gc.unfreeze()
    try:
        async with app.router.lifespan_context(app):
            return gc.get_freeze_count()
    finally:
        gc.unfreeze()  # the test process is not a server: give its objects back


async def test_start_up_freezes_what_it_made(db: Database) -> None:
    # The schema alone is thousands of objects; every full collection would walk them again.
    assert await started_and_stopped(db, gc_freeze=True) > 10_000


async def test_the_freeze_can_be_turned_off(db: Database) -> None:
    assert await started_and_stopped(db, gc_freeze=False) == 0
