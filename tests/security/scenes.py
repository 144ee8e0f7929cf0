"""A small district to guard: one street, two communities, a grid in each, and their people.

承德市双滦区 d-1
└── 双塔山街道 s-1
    ├── 御祥园社区 c-1 ── 御祥园一网格 g-1 ── household h-1: 王芳 p-1 (resident, party member)
    │     governed by 御祥园社区党委 po-1 (p-1 its member; 刘洋 p-sec its secretary)
    │     grid worker 张敏 p-w holds her role at g-1
    │     needs: n-1 楼道清理 (open), n-3 助老陪护 (met); case k-1 噪音扰民
    └── 双安社区 c-2 ── 双安一网格 g-2 ── household h-2: 李强 p-2 (resident)
          needs: n-2 垃圾清运 (open); case k-2 占道经营
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.security.conftest import Node, Rel, build

PHONE_1 = "13812345678"
ID_NUMBER_1 = "130802198001011234"
ADDRESS_1 = "御祥园3号楼2单元501"
PHONE_2 = "13998765432"

REPORTED = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)


def _case(title: str) -> dict[str, Any]:
    return {
        "title": title,
        "kind": "report",
        "severity": 2,
        "status": "reported",
        "level": "grid",
        "reportedAt": REPORTED,
        "version": 0,
    }


def _need(title: str, status: str, quantity: float = 2.0) -> dict[str, Any]:
    return {
        "title": title,
        "quantity": quantity,
        "unit": "people",
        "urgency": 2,
        "status": status,
        "raisedOn": dt.date(2026, 11, 1),
    }


NODES: list[Node] = [
    ("District", "d-1", {"name": "承德市双滦区", "kind": "district"}),
    ("Street", "s-1", {"name": "双塔山街道", "kind": "street"}),
    ("Community", "c-1", {"name": "御祥园社区", "kind": "community"}),
    ("Community", "c-2", {"name": "双安社区", "kind": "community"}),
    ("Grid", "g-1", {"name": "御祥园一网格", "level": 1}),
    ("Grid", "g-2", {"name": "双安一网格", "level": 1}),
    ("Household", "h-1", {"name": "3-2-501", "address": ADDRESS_1}),
    ("Household", "h-2", {"name": "7-1-302", "address": "双安小区7号楼1单元302"}),
    (
        "Person",
        "p-1",
        {
            "name": "王芳",
            "phone": PHONE_1,
            "idNumber": ID_NUMBER_1,
            "address": ADDRESS_1,
            "partyMember": True,
        },
    ),
    ("Person", "p-2", {"name": "李强", "phone": PHONE_2}),
    ("Person", "p-w", {"name": "张敏", "phone": "13700001111"}),
    ("Person", "p-sec", {"name": "刘洋", "phone": "13600002222", "partyMember": True}),
    ("Person", "p-vol", {"name": "赵丽", "phone": "13500003333", "skills": ["陪护"]}),
    ("PartyOrganisation", "po-1", {"name": "御祥园社区党委", "kind": "committee"}),
    ("Category", "cat-1", {"name": "环境卫生", "nameEn": "sanitation"}),
    ("Need", "n-1", _need("楼道清理", "open", quantity=50.0)),  # room for many claims
    ("Need", "n-2", _need("垃圾清运", "open")),
    ("Need", "n-3", _need("助老陪护", "met")),
    ("Case", "k-1", _case("噪音扰民")),
    ("Case", "k-2", _case("占道经营")),
]

RELS: list[Rel] = [
    ("PART_OF", "s-1", "d-1", {}),
    ("PART_OF", "c-1", "s-1", {}),
    ("PART_OF", "c-2", "s-1", {}),
    ("PART_OF", "g-1", "c-1", {}),
    ("PART_OF", "g-2", "c-2", {}),
    ("PART_OF", "h-1", "g-1", {}),
    ("PART_OF", "h-2", "g-2", {}),
    ("LIVES_IN", "p-1", "h-1", {}),
    ("LIVES_IN", "p-2", "h-2", {}),
    ("LIVES_IN", "p-vol", "h-1", {}),
    ("HOLDS_ROLE", "p-w", "g-1", {"role": "grid_worker", "fullTime": True}),
    ("HOLDS_ROLE", "p-sec", "po-1", {"role": "secretary"}),
    ("GOVERNS", "po-1", "c-1", {}),
    ("MEMBER_OF", "p-1", "po-1", {}),
    ("MEMBER_OF", "p-sec", "po-1", {}),
    ("CONCERNS", "n-1", "g-1", {}),
    ("CONCERNS", "n-2", "g-2", {}),
    ("CONCERNS", "n-3", "g-1", {}),
    ("IN_CATEGORY", "n-1", "cat-1", {}),
    ("IN_CATEGORY", "n-2", "cat-1", {}),
    ("IN_CATEGORY", "k-1", "cat-1", {}),
    ("AT", "k-1", "g-1", {}),
    ("AT", "k-2", "g-2", {}),
    ("HELD_BY", "k-1", "g-1", {}),
    ("HELD_BY", "k-2", "g-2", {}),
    ("REPORTED", "p-1", "k-1", {}),
    ("REPORTED", "p-2", "k-2", {}),
]

# The GraphQL type of each scene id, for global ids.
TYPES: dict[str, str] = {id_: label for label, id_, _ in NODES}


def build_two_grids(uri: str) -> None:
    build(uri, NODES, RELS)
