"""The 双塔山 scene: a small piece of 承德市双滦区 where the cases tests happen.

    d-shuangluan 双滦区 (District)
    ├── s-shuangta 双塔山街道 (Street)
    │   ├── c-yuxiangyuan 御祥园社区 (Community)
    │   │   ├── g-yx-1 第一网格 (Grid) ── b-yx-3 3号楼 (Building)
    │   │   └── g-yx-2 第二网格 (Grid)
    │   └── c-shuangan 双安社区 (Community, no grids)
    └── s-xidi 西地镇 (Street, a town) ── c-xidi 西地村 (Community, a village)

Departments 住建局 dept-housing, 综合执法局 dept-enforce, 市场监管局 dept-market; people 王
(grid worker of g-yx-1), 陈 (community secretary), 李 (mediator), 赵 (resident of 3号楼101户,
h-yx-3-101 under b-yx-3); a mediation centre. Categories 城市管理 cat-city > 垃圾清运 cat-litter, and 建筑安全 cat-safety, with
time limits (hours: accept / handle / verify, yellow ratio):

    cat-city   at grid       2 / 24 / 12, 0.5   (cat-litter inherits it at grid level)
    cat-litter at community  4 / 48 / 24, none  (0.8 applies)
    cat-safety at street     1 / 72 / 24, 0.75  (nothing below the street)
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from graph.cases.steps import Actor
from graph.database import Database

PLACES = [
    ("District", "d-shuangluan", "承德市双滦区", {"kind": "district"}, None),
    ("Street", "s-shuangta", "双塔山街道", {"kind": "street"}, "d-shuangluan"),
    ("Community", "c-yuxiangyuan", "御祥园社区", {"kind": "community"}, "s-shuangta"),
    ("Grid", "g-yx-1", "御祥园第一网格", {"level": 1}, "c-yuxiangyuan"),
    ("Grid", "g-yx-2", "御祥园第二网格", {"level": 1}, "c-yuxiangyuan"),
    ("Building", "b-yx-3", "御祥园3号楼", {}, "g-yx-1"),
    ("Household", "h-yx-3-101", "3号楼101户", {}, "b-yx-3"),
    ("Community", "c-shuangan", "双安社区", {"kind": "community"}, "s-shuangta"),
    ("Street", "s-xidi", "西地镇", {"kind": "town"}, "d-shuangluan"),
    ("Community", "c-xidi", "西地村", {"kind": "village"}, "s-xidi"),
]
DEPARTMENTS = [
    ("dept-housing", "住建局", "housing"),
    ("dept-enforce", "综合执法局", "law_enforcement"),
    ("dept-market", "市场监管局", "market_regulation"),
]
PEOPLE = [("p-wang", "王网格员"), ("p-chen", "陈书记"), ("p-li", "李调解员"), ("p-zhao", "赵居民")]
CATEGORIES = [
    ("cat-city", "城市管理", None),
    ("cat-litter", "垃圾清运", "cat-city"),
    ("cat-safety", "建筑安全", None),
]
TIME_LIMITS = [
    (
        "tl-city-grid",
        "cat-city",
        {
            "level": "grid",
            "acceptHours": 2.0,
            "handleHours": 24.0,
            "verifyHours": 12.0,
            "yellowRatio": 0.5,
        },
    ),
    (
        "tl-litter-community",
        "cat-litter",
        {"level": "community", "acceptHours": 4.0, "handleHours": 48.0, "verifyHours": 24.0},
    ),
    (
        "tl-safety-street",
        "cat-safety",
        {
            "level": "street",
            "acceptHours": 1.0,
            "handleHours": 72.0,
            "verifyHours": 24.0,
            "yellowRatio": 0.75,
        },
    ),
]

ADMIN = Actor("admin-1", ("admin",), None, None)
WANG = Actor("p-wang", ("grid_worker",), ["g-yx-1"], ["g-yx-1"])
CHEN = Actor("p-chen", ("coordinator",), ["c-yuxiangyuan"], ["c-yuxiangyuan"])
SUN = Actor("sun-street", ("coordinator",), ["s-shuangta"], ["s-shuangta"])
XIDI = Actor("xidi-town", ("coordinator",), ["s-xidi"], ["s-xidi"])
PLANNER = Actor("planner-1", ("planner",), None, [])


async def _nodes(db: Database, labels: list[str], rows: list[dict[str, Any]]) -> None:
    await db.write("load/merge_nodes", {"labels": labels, "rows": rows})


async def _rels(db: Database, rel: str, rows: list[tuple[str, str, dict[str, Any]]]) -> None:
    await db.write(
        "load/merge_relationships",
        {"type": rel, "rows": [{"from": a, "to": b, "props": p} for a, b, p in rows]},
    )


async def build_scene(db: Database) -> None:
    for label, pid, name, extra, _ in PLACES:
        await _nodes(db, ["Place", label], [{"id": pid, "props": {"name": name, **extra}}])
    await _rels(db, "PART_OF", [(pid, parent, {}) for _, pid, _, _, parent in PLACES if parent])
    await _nodes(
        db,
        ["Organisation", "Department"],
        [{"id": i, "props": {"name": n, "kind": k}} for i, n, k in DEPARTMENTS],
    )
    await _nodes(
        db,
        ["Organisation", "MediationCentre"],
        [{"id": "org-mediation", "props": {"name": "双滦区矛调中心"}}],
    )
    await _nodes(db, ["Person"], [{"id": i, "props": {"name": n}} for i, n in PEOPLE])
    await _rels(db, "LIVES_IN", [("p-zhao", "h-yx-3-101", {})])
    await _rels(
        db,
        "HOLDS_ROLE",
        [
            ("p-wang", "g-yx-1", {"role": "grid_worker"}),
            ("p-chen", "c-yuxiangyuan", {"role": "community_secretary"}),
            ("p-li", "c-yuxiangyuan", {"role": "mediator"}),
        ],
    )
    await _nodes(db, ["Category"], [{"id": i, "props": {"name": n}} for i, n, _ in CATEGORIES])
    await _rels(db, "SUBCATEGORY_OF", [(i, p, {}) for i, _, p in CATEGORIES if p])
    await _nodes(db, ["TimeLimit"], [{"id": i, "props": p} for i, _, p in TIME_LIMITS])
    await _rels(db, "IN_CATEGORY", [(i, cat, {}) for i, cat, _ in TIME_LIMITS])


HOLDERS = {
    "grid": "g-yx-1",
    "community": "c-yuxiangyuan",
    "street": "s-shuangta",
    "district": "d-shuangluan",
}


async def put_cases(
    db: Database,
    case_ids: list[str],
    status: str,
    *,
    level: str = "community",
    kind: str = "dispute",
    version: int = 3,
    place: str = "b-yx-3",
    category: str | None = "cat-litter",
    due_at: datetime | None = None,
) -> None:
    """Cases already in `status`, as an import would bring them (no history of their own)."""
    props: dict[str, Any] = {
        "title": f"{status} case",
        "kind": kind,
        "severity": 2,
        "status": status,
        "level": level,
        "version": version,
        "reportedAt": datetime(2026, 11, 1, 8, 0, tzinfo=UTC),
    }
    if due_at is not None:
        props.update(
            phase="handle", dueAt=due_at, yellowAt=due_at, phaseStartedAt=props["reportedAt"]
        )
    await _nodes(db, ["Case"], [{"id": i, "props": props} for i in case_ids])
    await _rels(db, "AT", [(i, place, {}) for i in case_ids])
    await _rels(db, "HELD_BY", [(i, HOLDERS[level], {}) for i in case_ids])
    if category:
        await _rels(db, "IN_CATEGORY", [(i, category, {}) for i in case_ids])


async def put_case(db: Database, case_id: str, status: str, **options: Any) -> None:
    await put_cases(db, [case_id], status, **options)


async def put_whistle(
    db: Database, case_id: str, department: str, deadline: datetime, answer: str = "pending"
) -> None:
    await _rels(db, "WHISTLED", [(case_id, department, {"deadline": deadline, "answer": answer})])


async def put_mediation(db: Database, case_id: str, mediation_id: str) -> None:
    await _nodes(
        db,
        ["Mediation"],
        [{"id": mediation_id, "props": {"outcome": "pending", "sessions": 1, "notarised": False}}],
    )
    await _rels(db, "MEDIATES", [(mediation_id, case_id, {})])
    await _rels(db, "MEDIATOR_IN", [("p-li", mediation_id, {})])


async def put_extension(
    db: Database, case_id: str, request_id: str, requester: str = "p-wang", hours: float = 6.0
) -> None:
    await _nodes(
        db,
        ["ExtensionRequest"],
        [
            {
                "id": request_id,
                "props": {
                    "hours": hours,
                    "reason": "等待配件",
                    "status": "pending",
                    "requestedAt": datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
                    "requesterId": requester,
                },
            }
        ],
    )
    await _rels(db, "HAS_EXTENSION", [(case_id, request_id, {})])
