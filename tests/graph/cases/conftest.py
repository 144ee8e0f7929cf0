"""The cases tests share one scene (tests/graph/cases/scene.py), built on a clean graph."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from graph.database import Database
from tests.graph.cases.scene import build_scene


@pytest.fixture
async def scene(db: Database) -> AsyncIterator[Database]:
    await build_scene(db)
    yield db
