"""Small named scenes of the partnership network, written to the real Neo4j through the
loader's own statements. Each scene's expected answers are worked out by hand in the tests.

    District 竞秀区 (d)
    ├── Street 东街 (s-star):   the star: unit 中心医院 (u-hub) partners with four communities
    └── Street 西街 (s-cliques): two cliques joined by one bridge unit, and one isolated community

AS_OF is the end of every window the tests read, so a link dated AS_OF weighs exactly 1.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from graph.database import Database
from loaders.load import load_bundle

AS_OF = dt.date(2025, 6, 30)
TWO_YEARS_BEFORE = AS_OF - dt.timedelta(days=730)  # weighs 0.5 with the 730-day half-life


class Scene:
    """Nodes and relationships of one scene, written in batches (one per label / type)."""

    def __init__(self) -> None:
        self.nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.rels: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def node(self, label: str, id_: str, **props: Any) -> str:
        self.nodes[label].append({"id": id_, "props": props})
        return id_

    def rel(self, type_: str, a: str, b: str, **props: Any) -> None:
        self.rels[type_].append({"from": a, "to": b, "props": props})

    def place(self, label: str, id_: str, name: str, parent: str | None, **props: Any) -> str:
        self.node(label, id_, name=name, **props)
        if parent is not None:
            self.rel("PART_OF", id_, parent)
        return id_

    def unit(self, id_: str, name: str, **props: Any) -> str:
        props.setdefault("kind", "enterprise")
        return self.node("MemberUnit", id_, name=name, **props)

    def agreement(
        self, unit: str, community: str, signed: dt.date = AS_OF, ends: dt.date | None = None
    ) -> str:
        id_ = f"ag-{unit}-{community}"
        props: dict[str, Any] = {"title": f"{unit} × {community} 共建协议", "signedOn": signed}
        if ends is not None:
            props["endsOn"] = ends
        self.node("Agreement", id_, **props)
        self.rel("SIGNED", unit, id_)
        self.rel("WITH", id_, community)
        return id_

    async def write(self, db: Database) -> None:
        """Through the loader itself (a JSON bundle, validated against the model first), so
        a scene that breaks the model fails here, naming the record."""
        bundle = {
            "nodes": {
                label: [{"id": r["id"], **_iso(r["props"])} for r in rows]
                for label, rows in self.nodes.items()
            },
            "relationships": {
                type_: [{"from": r["from"], "to": r["to"], **_iso(r["props"])} for r in rows]
                for type_, rows in self.rels.items()
            },
        }
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "scene.json"
            path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
            await load_bundle(db, path)


def _iso(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in props.items()}


def district(scene: Scene) -> None:
    scene.place("District", "d", "竞秀区", None, kind="district")
    scene.place("Street", "s-star", "东街街道", "d", kind="street")
    scene.place("Street", "s-cliques", "西街街道", "d", kind="street")


def star(scene: Scene) -> None:
    """u-hub (中心医院) partners with c1..c4 and nobody else does.

    c1: an agreement and dual reporting (双报到) of the hospital's party branch, with three
        in-service members reporting too: weight 1 + 1 + 0.5·log2(1+3) = 3.
    c2: one agreement signed AS_OF and an active claim on a need of a grid in c2 (认领需求),
        made AS_OF: weight 2.
    c3: one agreement signed AS_OF, co-signed by c3's residents' committee, which is c3's
        own body and no partner: weight 1.
    c4: one agreement signed two years before AS_OF, ended a year before: weight 0.5.
    """
    scene.unit("u-hub", "中心医院", kind="hospital", phone="13800001111")
    for i in (1, 2, 3, 4):
        scene.place("Community", f"c{i}", f"东{i}社区", "s-star", kind="community")
    scene.agreement("u-hub", "c1")
    scene.agreement("u-hub", "c2")
    scene.agreement("u-hub", "c3")
    scene.agreement("u-hub", "c4", signed=TWO_YEARS_BEFORE, ends=AS_OF - dt.timedelta(days=365))
    scene.place("Grid", "g-c2", "东2社区第一网格", "c2", level=1)
    scene.node(
        "Need",
        "n-c2",
        title="独居老人探访",
        quantity=4,
        urgency=2,
        status="partly_met",
        raisedOn=AS_OF,
    )
    scene.rel("CONCERNS", "n-c2", "g-c2")
    scene.node("Claim", "cl-hub-c2", kind="need", status="active", claimedOn=AS_OF, quantity=2)
    scene.rel("MADE_CLAIM", "u-hub", "cl-hub-c2")
    scene.rel("CLAIMS", "cl-hub-c2", "n-c2")
    scene.node("ResidentsCommittee", "rc-c3", name="东3社区居委会", kind="residents")
    scene.rel("GOVERNS", "rc-c3", "c3")
    scene.rel("SIGNED", "rc-c3", "ag-u-hub-c3")
    scene.node("PartyOrganisation", "po-hub", name="中心医院党支部", kind="branch")
    scene.rel("BELONGS_TO", "po-hub", "u-hub")
    scene.rel("REPORTS_TO", "po-hub", "c1", on=AS_OF)
    for i in (1, 2, 3):
        person = scene.node(
            "Person",
            f"p-hub-{i}",
            name=f"党员{i}",
            phone=f"1390000000{i}",
            idNumber=f"13060219800101000{i}",
            partyMember=True,
        )
        scene.rel("MEMBER_OF", person, "po-hub", inService=True)
        scene.rel("REPORTS_TO", person, "c1", on=AS_OF)


def cliques(scene: Scene) -> None:
    """Two cliques joined by one bridge unit, and one isolated community.

    Left:  units a1 a2 a3 each partner with communities p1 p2 (complete bipartite).
    Right: units b1 b2 b3 each partner with communities q1 q2; b1's tie to q1 is a project
           (认领) that its party branch claimed on a project concerning a grid inside q1.
    Bridge: unit x partners with p1 p2 q1 q2.
    Isolated: community z, with one open need (养老服务, under 社区服务); its only claim was
           withdrawn, and the one in-service member of a1 who reports there makes no tie. a2 offers an active resource in 社区服务, so a2's suggestions that
           reach q1 fit q1's open need of the same kind.
    """
    for c in ("p1", "p2", "q1", "q2", "z"):
        scene.place("Community", c, f"西{c}社区", "s-cliques", kind="community")
    scene.place("Grid", "g-q1", "西q1社区第一网格", "q1", level=1)
    scene.place("Grid", "g-z", "西z社区第一网格", "z", level=1)
    for u in ("a1", "a2", "a3", "b1", "b2", "b3", "x"):
        scene.unit(u, f"单位{u}")
    for u in ("a1", "a2", "a3", "x"):
        for c in ("p1", "p2"):
            scene.agreement(u, c)
    for u in ("b1", "b2", "b3", "x"):
        for c in ("q1", "q2"):
            if (u, c) != ("b1", "q1"):
                scene.agreement(u, c)
    scene.node("PartyOrganisation", "po-b1", name="单位b1党支部", kind="branch")
    scene.rel("BELONGS_TO", "po-b1", "b1")
    scene.node("Project", "pr-q1", title="q1加装电梯", status="in_progress")
    scene.rel("CONCERNS", "pr-q1", "g-q1")
    scene.node("Claim", "cl-b1-q1", kind="project", status="active", claimedOn=AS_OF, quantity=1)
    scene.rel("MADE_CLAIM", "po-b1", "cl-b1-q1")
    scene.rel("CLAIMS", "cl-b1-q1", "pr-q1")
    scene.node("Project", "pr-z", title="z楼道清理", status="proposed")
    scene.rel("CONCERNS", "pr-z", "g-z")
    scene.node("Claim", "cl-b2-z", kind="project", status="withdrawn", claimedOn=AS_OF)
    scene.rel("MADE_CLAIM", "b2", "cl-b2-z")
    scene.rel("CLAIMS", "cl-b2-z", "pr-z")
    scene.node("Category", "k-service", name="社区服务")
    scene.node("Category", "k-elderly", name="养老服务")
    scene.rel("SUBCATEGORY_OF", "k-elderly", "k-service")
    for need, where in (("n-q1", "g-q1"), ("n-z", "g-z")):
        scene.node(
            "Need",
            need,
            title=f"{where}老人助餐",
            quantity=10,
            urgency=3,
            status="open",
            raisedOn=AS_OF,
        )
        scene.rel("CONCERNS", need, where)
        scene.rel("IN_CATEGORY", need, "k-elderly")
    # An in-service member of a1 lives in z and reports there (双报到): that alone makes no tie.
    scene.node("PartyOrganisation", "po-a1", name="单位a1党支部", kind="branch")
    scene.rel("BELONGS_TO", "po-a1", "a1")
    scene.node("Person", "p-a1", name="张三", phone="13700000000", partyMember=True)
    scene.rel("MEMBER_OF", "p-a1", "po-a1", inService=True)
    scene.rel("REPORTS_TO", "p-a1", "z", on=AS_OF)
    scene.node("Resource", "r-a2", title="志愿者队伍", kind="labour", capacity=5, status="active")
    scene.rel("OFFERS", "a2", "r-a2")
    scene.rel("IN_CATEGORY", "r-a2", "k-service")
    scene.node("Resource", "r-a3", title="旧场地", kind="venue", capacity=1, status="withdrawn")
    scene.rel("OFFERS", "a3", "r-a3")
    scene.rel("IN_CATEGORY", "r-a3", "k-service")


def alliances(scene: Scene) -> None:
    """Alliance al1 (in 西街) has members a1, a2 and a branch; alliance al2 has a2 and b1."""
    scene.node("PartyOrganisation", "al1", name="西街党建联盟", kind="alliance")
    scene.rel("LOCATED_IN", "al1", "s-cliques")
    scene.node("PartyOrganisation", "al2", name="企业党建联盟", kind="alliance")
    scene.rel("LOCATED_IN", "al2", "s-cliques")
    scene.node("PartyOrganisation", "br1", name="第一党支部", kind="branch")
    for member, alliance in (
        ("a1", "al1"),
        ("a2", "al1"),
        ("br1", "al1"),
        ("a2", "al2"),
        ("b1", "al2"),
    ):
        scene.rel("MEMBER_OF", member, alliance, since=AS_OF - dt.timedelta(days=100))


def whole_district() -> Scene:
    scene = Scene()
    district(scene)
    star(scene)
    cliques(scene)
    alliances(scene)
    return scene
