"""The seed dataset, loaded by `gridlink serve` into an empty graph.

Until the full dataset lands (issue 3) this is a minimal graph: one district from seed 001
with a street, two communities and a grid.
"""

from __future__ import annotations

from graph.database import Database

MINIMAL_PLACES = [
    ("District", "d-shuangluan", "承德市双滦区", "district", None),
    ("Street", "s-shuangta", "双塔山街道", "street", "d-shuangluan"),
    ("Community", "c-yuxiangyuan", "御祥园社区", "community", "s-shuangta"),
    ("Community", "c-shuangan", "双安社区", "community", "s-shuangta"),
]


async def graph_is_empty(db: Database) -> bool:
    rows = await db.read("load/count_entities")
    return int(rows[0]["count"]) == 0


async def load_seed_if_empty(db: Database) -> bool:
    if not await graph_is_empty(db):
        return False
    for label, id_, name, kind, _parent in MINIMAL_PLACES:
        await db.write(
            "load/merge_nodes",
            {
                "labels": ["Place", label],
                "rows": [{"id": id_, "props": {"name": name, "kind": kind}}],
            },
        )
    await db.write(
        "load/merge_relationships",
        {
            "type": "PART_OF",
            "rows": [{"from": c, "to": p, "props": {}} for _, c, _, _, p in MINIMAL_PLACES if p],
        },
    )
    return True
