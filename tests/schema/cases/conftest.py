"""The cases API tests run on the 双塔山 scene (tests/graph/cases/scene.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from graph.database import Database
from tests.graph.cases.scene import build_scene


@pytest.fixture
async def scene(db: Database) -> AsyncIterator[Database]:
    await build_scene(db)
    yield db
