"""The district scene (a star, two cliques joined by a bridge unit, an isolated community,
two alliances), written once per test module: the tests that use it only read."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from graph.database import Database
from tests.conftest import wipe
from tests.graph.network.scenes import whole_district


def _database(uri: str) -> Database:
    return Database(uri, "neo4j", "", "neo4j", auth=False)


@pytest.fixture(scope="module")
def district_uri(migrated: str) -> str:
    async def write() -> None:
        db = _database(migrated)
        try:
            await whole_district().write(db)
        finally:
            await db.close()

    wipe(migrated)
    asyncio.run(write())
    return migrated


@pytest.fixture
async def district_db(district_uri: str) -> AsyncIterator[Database]:
    """The district scene, read-only: a test that writes uses `db` and its own scene."""
    db = _database(district_uri)
    try:
        yield db
    finally:
        await db.close()
