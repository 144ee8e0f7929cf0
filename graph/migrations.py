"""Versioned, idempotent schema migrations; the applied version is kept in the graph.

Each migration is a list of named statements (queries/schema/*.cypher), all written with
IF NOT EXISTS, so running them again changes nothing. A migration only adds: to change an
index, add a new version that drops and recreates it.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database


@dataclass(frozen=True)
class Migration:
    version: int
    summary: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "ids unique, names searchable, list and case indexes",
        (
            "schema/create_entity_id_constraint",
            "schema/create_meta_key_constraint",
            "schema/create_name_fulltext_index",
            "schema/create_place_name_index",
            "schema/create_org_name_index",
            "schema/create_person_name_index",
            "schema/create_need_status_index",
            "schema/create_resource_status_index",
            "schema/create_project_status_index",
            "schema/create_case_status_index",
            "schema/create_case_reported_index",
            "schema/create_role_index",
        ),
    ),
    Migration(
        2,
        "case clocks and the case-event log (live updates, overdue cases)",
        (
            "schema/create_case_event_log_index",
            "schema/create_case_yellow_index",
            "schema/create_whistle_deadline_index",
        ),
    ),
)

LATEST = MIGRATIONS[-1].version


async def current_version(db: Database) -> int:
    rows = await db.read("schema/get_schema_version")
    return int(rows[0]["version"]) if rows and rows[0]["version"] is not None else 0


async def migrate(db: Database) -> list[int]:
    """Apply every migration newer than the graph's version; return the versions applied."""
    applied: list[int] = []
    version = await current_version(db)
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        for name in migration.statements:
            # Schema changes cannot share a transaction with data writes: one each.
            await db.write(name)
        await db.write("schema/set_schema_version", {"version": migration.version})
        applied.append(migration.version)
    if applied:
        await db.read("schema/await_indexes")
    return applied
