"""graph/lists.write_checked: a create statement that checks before it writes gives the same
answers as nodes/check_refs on every reference, and writes nothing unless all pass."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from neo4j import AsyncManagedTransaction

from graph import lists
from graph.database import Database
from graph.nodes import EVERYWHERE, Access, Ref, RefState, check_refs
from tests.schema.counting import count_nodes
from tests.schema.scene import Scene


def project(id_: str) -> dict[str, Any]:
    return {
        "id": id_,
        "props": {"title": "长者食堂", "status": "proposed"},
        "placeId": "c1",
        "needIds": ["n1", "n9"],
        "categoryId": None,
        "agreementId": None,
        "actorId": "tester",
        "now": datetime.now(UTC).isoformat(),
    }


async def small_scene(db: Database) -> None:
    s = Scene()
    s.place("Street", "s1", "双塔山街道")
    s.place("Community", "c1", "御祥园社区", "s1")
    s.place("Community", "c2", "双安社区")
    s.node("Need", "n1", title="老年助餐", status="open", quantity=1.0)
    s.rel("CONCERNS", "n1", "c1")
    # A need without a status: the open-needs grant's test on it answers null, not false.
    s.node("Need", "n9", title="无状态需求", quantity=1.0)
    s.rel("CONCERNS", "n9", "c1")
    await s.write(db)


REFS = (
    Ref("input.place", "c1", ("Community",)),
    Ref("input.needs[0]", "n1", ("Need",)),
    Ref("input.needs[1]", "n9", ("Need",)),
)


async def both(db: Database, id_: str, access: Access) -> tuple[lists.Checked, list[RefState]]:
    async def work(tx: AsyncManagedTransaction) -> tuple[lists.Checked, list[RefState]]:
        checked = await check_refs(tx, REFS, access)
        made = await lists.write_checked(tx, "create_project", project(id_), REFS, access)
        return made, checked

    return await db.write_tx(work)


async def test_written_when_every_reference_is_found(db: Database) -> None:
    await small_scene(db)
    made, checked = await both(db, "pr-1", EVERYWHERE)
    assert all(s.found for s in checked)
    assert not made.taken and made.refused == ()
    assert made.row is not None and made.row["props"]["title"] == "长者食堂"
    assert await count_nodes(db, "Project") == 1


async def test_refused_exactly_where_check_refs_says_not_found(db: Database) -> None:
    await small_scene(db)
    # A volunteer's grant: open needs under c1 only. c1 itself is a place, not an open need:
    # refused; n1 is open: found; n9 has no status, so the rule answers null: refused, as
    # check_refs refuses it (found is false there).
    volunteer = Access(places=(), open_needs_in=("c1",))
    made, checked = await both(db, "pr-1", volunteer)
    assert [s.field for s in checked if not s.found] == ["input.place", "input.needs[1]"]
    assert [r.field for r in made.refused] == ["input.place", "input.needs[1]"]
    assert not made.taken and made.row is None
    # A coordinator of c2 reaches none of them.
    made, checked = await both(db, "pr-1", Access(places=("c2",)))
    assert [s.field for s in checked if not s.found] == [r.field for r in REFS]
    assert made.refused == REFS and made.row is None
    assert await count_nodes(db, "Project") == 0


async def test_a_taken_id_writes_nothing(db: Database) -> None:
    await small_scene(db)
    made, _ = await both(db, "n1", EVERYWHERE)
    assert made.taken and made.refused == () and made.row is None
    assert await count_nodes(db, "Project") == 0
