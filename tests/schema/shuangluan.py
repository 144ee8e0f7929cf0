"""The scene most schema tests read: a corner of 双滦区 (seed 001) with its lists.

    双滦区 d1
    ├── 双塔山街道 s1 (street)
    │   ├── 御祥园社区 c1 ── 御祥园第一网格 g1 (王芳 p1 grid_worker, 李强 p2 grid_leader)
    │   │                └─ 御祥园第二网格 g2 (张敏 p3 grid_worker)
    │   └── 双安社区 c2 ──── 双安网格 g3 (刘洋 p4 grid_worker)
    ├── 元宝山街道 s2 (street)
    │   └── 元宝山社区 c3 ── 元宝山网格 g4
    └── 西地满族乡 s3 (town)
        └── 西地村 c4 (village)

Categories: 养老服务 cat-elder > 助餐 cat-meal; 环境整治 cat-env.
Needs (title, place, category, status, quantity, raisedOn, urgency):
    n1 老年助餐    c1  cat-meal  open        10  2024-03-01  3
    n2 楼道清理    g1  cat-env   open         5  2024-02-10  1
    n3 老人陪护    c3  cat-elder partly_met   4  2024-03-15  2
    n4 社区助餐点  c4  cat-meal  closed       2  2023-12-01  -
Organisations: 双滦区人民医院 u1 (member unit, hospital) in c1, offering 食堂场地 r1 (venue,
capacity 20); 御祥园社区党委 po1 governs c1.
Name order by code point of the first characters: 元 U+5143 < 双 U+53CC < 西 U+897F.
"""

from __future__ import annotations

import pytest

from graph.database import Database
from schema.core.viewer import Grant, Viewer
from tests.schema.scene import Scene, day

PHONE = "13812345678"


def shuangluan() -> Scene:
    s = Scene()
    s.place("District", "d1", "双滦区", kind="district")
    s.place("Street", "s1", "双塔山街道", "d1", kind="street")
    s.place("Street", "s2", "元宝山街道", "d1", kind="street")
    s.place("Street", "s3", "西地满族乡", "d1", kind="town")
    s.place("Community", "c1", "御祥园社区", "s1", kind="community")
    s.place("Community", "c2", "双安社区", "s1", kind="community")
    s.place("Community", "c3", "元宝山社区", "s2", kind="community")
    s.place("Community", "c4", "西地村", "s3", kind="village")
    s.place("Grid", "g1", "御祥园第一网格", "c1", level=1)
    s.place("Grid", "g2", "御祥园第二网格", "c1", level=1)
    s.place("Grid", "g3", "双安网格", "c2", level=1)
    s.place("Grid", "g4", "元宝山网格", "c3", level=1)
    for pid, name in (("p1", "王芳"), ("p2", "李强"), ("p3", "张敏"), ("p4", "刘洋")):
        s.node("Person", pid, name=name, phone=PHONE, partyMember=pid in ("p1", "p2"))
    s.rel("HOLDS_ROLE", "p1", "g1", role="grid_worker", fullTime=True, since=day("2021-05-01"))
    s.rel("HOLDS_ROLE", "p2", "g1", role="grid_leader", fullTime=True)
    s.rel("HOLDS_ROLE", "p3", "g2", role="grid_worker", fullTime=False)
    s.rel("HOLDS_ROLE", "p4", "g3", role="grid_worker", fullTime=False)
    s.node("Category", "cat-elder", name="养老服务")
    s.node("Category", "cat-meal", name="助餐")
    s.node("Category", "cat-env", name="环境整治")
    s.rel("SUBCATEGORY_OF", "cat-meal", "cat-elder")
    needs = (
        ("n1", "老年助餐", "c1", "cat-meal", "open", 10.0, "2024-03-01", 3),
        ("n2", "楼道清理", "g1", "cat-env", "open", 5.0, "2024-02-10", 1),
        ("n3", "老人陪护", "c3", "cat-elder", "partly_met", 4.0, "2024-03-15", 2),
        ("n4", "社区助餐点", "c4", "cat-meal", "closed", 2.0, "2023-12-01", None),
    )
    for nid, title, place, cat, status, qty, raised, urgency in needs:
        props = {"title": title, "status": status, "quantity": qty, "raisedOn": day(raised)}
        if urgency is not None:
            props["urgency"] = urgency
        s.node("Need", nid, **props)
        s.rel("CONCERNS", nid, place)
        s.rel("IN_CATEGORY", nid, cat)
    s.node("MemberUnit", "u1", name="双滦区人民医院", kind="hospital", phone=PHONE)
    s.rel("LOCATED_IN", "u1", "c1")
    s.node("PartyOrganisation", "po1", name="御祥园社区党委", kind="committee")
    s.rel("GOVERNS", "po1", "c1")
    s.node("Resource", "r1", title="食堂场地", kind="venue", capacity=20.0, status="active")
    s.rel("OFFERS", "u1", "r1")
    s.rel("LOCATED_IN", "r1", "c1")
    return s


COORDINATOR_S1 = Viewer(actor_id="u-coord-s1", grants=(Grant("coordinator", "s1"),))
PLANNER = Viewer(actor_id="u-planner", grants=(Grant("planner", None),))


@pytest.fixture
async def scene(db: Database) -> Scene:
    """The 双滦区 scene written to a clean graph (conftests re-export this fixture)."""
    s = shuangluan()
    await s.write(db)
    return s
