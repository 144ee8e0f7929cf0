"""Named scenes of the domain shared by the coordination tests (graph and GraphQL layers).

Each scene is a function returning an unwritten Scene, so a test can add to it first.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.graph.coordination.scene import Scene, day
from tests.graph.coordination.scene import at as at_


def fenghuang() -> Scene:
    s = Scene()
    s.place("District", "d-jingxiu", kind="district", name="竞秀区")
    s.place("District", "d-other", kind="district", name="双滦区")
    s.place("Street", "s-xianfeng", "d-jingxiu", kind="street", name="先锋街道")
    s.place("Street", "s-dongfeng", "d-jingxiu", kind="street", name="东风街道")
    s.place("Community", "c-fenghuang", "s-xianfeng", kind="community", name="凤凰社区")
    s.place("Community", "c-qingning", "s-xianfeng", kind="community", name="清宁社区")
    s.place("Community", "c-east", "s-dongfeng", kind="community", name="东风社区")
    s.place("Grid", "g-fh1", "c-fenghuang", level=3, name="凤凰一网格")
    s.place("Grid", "g-fh2", "c-fenghuang", level=3, name="凤凰二网格")
    s.place("Household", "h-li", "g-fh2", name="李家")

    s.node("Category", "k-care", name="民生服务", nameEn="livelihood")
    s.node("Category", "k-elder", name="养老服务", nameEn="elderly care")
    s.node("Category", "k-meal", name="助餐服务", nameEn="meal help")
    s.node("Category", "k-legal", name="法律服务", nameEn="legal aid")
    s.node("Category", "k-lonely", name="心理疏导", nameEn="counselling")
    s.rel("SUBCATEGORY_OF", "k-elder", "k-care")
    s.rel("SUBCATEGORY_OF", "k-meal", "k-elder")

    need = dict(quantity=40, unit="hours", status="open", raisedOn=day("2025-05-01"))
    s.node("Need", "n-elder", title="独居老人照护", urgency=3, **need)
    s.rel("IN_CATEGORY", "n-elder", "k-elder")
    s.rel("CONCERNS", "n-elder", "g-fh1")
    s.node("Need", "n-lonely", title="心理疏导", **need)
    s.rel("IN_CATEGORY", "n-lonely", "k-lonely")
    s.rel("CONCERNS", "n-lonely", "g-fh1")
    # Commitments on the need: an active 10 counts, a withdrawn 20 does not.
    s.person("p-wang", name="王芳")
    claim(s, "cl-n1", "p-wang", "n-elder", quantity=10, status="active")
    claim(s, "cl-n2", "p-wang", "n-elder", quantity=20, status="withdrawn")

    # 市二院 in the need's own grid: same category, 50 h of which 30 h are in active use
    # (a fulfilled 15 h claim no longer holds any), an agreement with 凤凰社区 and one done
    # project claimed through its party branch. Its second resource is in the parent
    # category and scores less, so it is not the one proposed.
    s.node("MemberUnit", "u-hospital", name="市第二医院", kind="hospital")
    s.rel("LOCATED_IN", "u-hospital", "g-fh1")
    resource(s, "r-h1", "u-hospital", "k-elder", capacity=50)
    resource(s, "r-h2", "u-hospital", "k-care", capacity=100)
    uses(s, "cl-u1", "u-hospital", "r-h1", quantity=30, status="active")
    uses(s, "cl-u2", "u-hospital", "r-h1", quantity=15, status="fulfilled")
    s.node("Agreement", "ag-h", title="医院社区共建协议", signedOn=day("2024-01-01"))
    s.rel("SIGNED", "u-hospital", "ag-h")
    s.rel("WITH", "ag-h", "c-fenghuang")
    s.node("PartyOrganisation", "po-hospital", name="市二院党支部", kind="branch")
    s.rel("BELONGS_TO", "po-hospital", "u-hospital")
    s.node("Project", "pj-h1", title="健康义诊", status="done")
    s.rel("IN_CATEGORY", "pj-h1", "k-elder")
    claim(s, "cl-h1", "po-hospital", "pj-h1", quantity=1, status="fulfilled", kind="project")

    # Two volunteer teams at community level with enough capacity: a tie at 66.
    for team in ("t-amber", "t-blue"):
        s.node("VolunteerTeam", team, name=team)
        s.rel("LOCATED_IN", team, "c-fenghuang")
        resource(s, f"r-{team}", team, "k-elder", capacity=30 if team == "t-amber" else 40)

    # 实验小学 in a neighbouring community: child category, a seat on 凤凰社区's enlarged
    # committee; its agreement with 凤凰社区 ended last year, so it does not count.
    s.node("MemberUnit", "u-school", name="实验小学", kind="school")
    s.rel("LOCATED_IN", "u-school", "c-qingning")
    resource(s, "r-s1", "u-school", "k-meal", capacity=100)
    s.node("PartyOrganisation", "po-fenghuang", name="凤凰社区大党委", kind="enlarged_committee")
    s.rel("GOVERNS", "po-fenghuang", "c-fenghuang")
    s.rel("HOLDS_SEAT", "u-school", "po-fenghuang")
    s.node(
        "Agreement", "ag-s", title="旧协议", signedOn=day("2020-01-01"), endsOn=day("2024-12-31")
    )
    s.rel("SIGNED", "u-school", "ag-s")
    s.rel("WITH", "ag-s", "c-fenghuang")

    # A volunteer living in the second grid, 5 h to give.
    s.person("p-li", name="李明", partyMember=True)
    s.rel("LIVES_IN", "p-li", "h-li")
    resource(s, "r-li", "p-li", "k-elder", capacity=5)

    # 远方公司, another district, no resource but three done projects in the category
    # (one claimed, two agreed); an unfinished one does not count.
    s.node("MemberUnit", "u-firm", name="远方公司", kind="enterprise")
    s.rel("LOCATED_IN", "u-firm", "d-other")
    for pj, status in (
        ("pj-f1", "done"),
        ("pj-f2", "done"),
        ("pj-f3", "done"),
        ("pj-f4", "in_progress"),
    ):
        s.node("Project", pj, title=pj, status=status)
        s.rel("IN_CATEGORY", pj, "k-elder")
    claim(s, "cl-f1", "u-firm", "pj-f1", quantity=1, status="fulfilled", kind="project")
    s.node("Agreement", "ag-f", title="远方共建", signedOn=day("2023-01-01"))
    s.rel("SIGNED", "u-firm", "ag-f")
    s.rel("WITH", "ag-f", "c-east")
    for pj in ("pj-f2", "pj-f3", "pj-f4"):
        s.rel("AGREES", "ag-f", pj)

    # Never proposed: a used-up resource (its owner's only project claim was withdrawn),
    # an expired one, a withdrawn one, one in an unrelated category, and one offered by a
    # party organisation (not a member unit, team or volunteer).
    s.node("MemberUnit", "u-bank", name="农商银行", kind="enterprise")
    s.rel("LOCATED_IN", "u-bank", "g-fh1")
    resource(s, "r-bank", "u-bank", "k-elder", capacity=10)
    uses(s, "cl-b1", "u-bank", "r-bank", quantity=10, status="active")
    claim(s, "cl-b2", "u-bank", "pj-h1", quantity=1, status="withdrawn", kind="project")
    s.node("MemberUnit", "u-shop", name="超市", kind="market_entity")
    s.rel("LOCATED_IN", "u-shop", "g-fh1")
    resource(s, "r-shop", "u-shop", "k-elder", capacity=10, availableTo=day("2025-05-31"))
    s.node("MemberUnit", "u-co", name="物流公司", kind="enterprise")
    s.rel("LOCATED_IN", "u-co", "g-fh1")
    resource(s, "r-co", "u-co", "k-elder", capacity=10, status="withdrawn")
    s.node("MemberUnit", "u-law", name="律所", kind="enterprise")
    s.rel("LOCATED_IN", "u-law", "g-fh1")
    resource(s, "r-law", "u-law", "k-legal", capacity=10)
    resource(s, "r-po", "po-fenghuang", "k-elder", capacity=10)
    return s


def resource(s: Scene, id_: str, owner: str, category: str, **props: object) -> None:
    props.setdefault("status", "active")
    s.node("Resource", id_, title=id_, kind="service", unit="hours", **props)
    s.rel("OFFERS", owner, id_)
    s.rel("IN_CATEGORY", id_, category)


def claim(s: Scene, id_: str, by: str, on: str, kind: str = "need", **props: object) -> None:
    s.node("Claim", id_, kind=kind, claimedOn=day("2025-05-02"), **props)
    s.rel("MADE_CLAIM", by, id_)
    s.rel("CLAIMS", id_, on)


def uses(s: Scene, id_: str, by: str, res: str, **props: object) -> None:
    s.node("Claim", id_, kind="need", claimedOn=day("2025-05-02"), **props)
    s.rel("MADE_CLAIM", by, id_)
    s.rel("USES", id_, res)


def yuxiangyuan() -> Scene:
    """御祥园社区 (双塔山街道, 双滦区): one grid over a managed compound, and an old compound
    straight under the community, in no grid."""
    s = Scene()
    s.place("District", "d-sl", kind="district", name="双滦区")
    s.place("Street", "s-st", "d-sl", kind="street", name="双塔山街道")
    s.place("Community", "c-yxy", "s-st", kind="community", name="御祥园社区")
    s.place("Community", "c-other", "s-st", kind="community", name="双安社区")
    s.place("Grid", "g-1", "c-yxy", level=3, name="御祥园一网格")
    s.place("Compound", "cp-1", "g-1", name="御祥园小区")
    s.place("Building", "b-3", "cp-1", name="3号楼")
    s.place("EntranceUnit", "e-3-1", "b-3", name="3号楼1单元")
    s.place("Household", "hh-301", "e-3-1", name="301户")
    s.place("Building", "b-4", "cp-1", name="4号楼")
    s.place("Compound", "cp-old", "c-yxy", name="老旧楼院", lat=40.96, lon=117.79)
    s.place("Building", "b-o1", "cp-old", name="老1号楼")
    s.place("Household", "hh-o", "b-o1", name="老楼101户")
    # Stations: a post in the grid; two under the community, the farther with the smaller id.
    s.place("ServiceStation", "st-g", "g-1", kind="post", name="网格驿站")
    s.place("ServiceStation", "st-c-a", "c-yxy", kind="station", name="北站", lat=40.99, lon=117.79)
    s.place(
        "ServiceStation",
        "st-c-b",
        "c-yxy",
        kind="centre",
        name="党群服务中心",
        lat=40.97,
        lon=117.79,
    )

    for pid, name in (
        ("p-zhang", "张伟"),
        ("p-liu", "刘洋"),
        ("p-wu", "吴敏"),
        ("p-old", "老周"),
        ("p-chen", "陈静"),
        ("p-zhao", "赵磊"),
        ("p-sun", "孙丽"),
        ("p-qian", "钱军"),
    ):
        s.person(pid, name=name, phone="13800001234")
    s.role("p-zhang", "grid_leader", "g-1", fullTime=True)
    s.role("p-liu", "grid_worker", "g-1", fullTime=False)
    s.role("p-wu", "grid_worker", "g-1", claimed=True)
    s.role("p-old", "grid_worker", "g-1", until=day("2024-12-31"))
    s.role("p-chen", "building_leader", "b-3", claimed=True, since=day("2023-03-01"))
    s.role("p-zhao", "entrance_leader", "e-3-1")
    s.role("p-sun", "building_leader", "b-4")
    s.node("PartyOrganisation", "po-g1", name="御祥园一网格党支部", kind="grid_branch")
    s.rel("GOVERNS", "po-g1", "g-1")
    s.node("PartyOrganisation", "po-c", name="御祥园社区党委", kind="committee")
    s.rel("GOVERNS", "po-c", "c-yxy")
    s.node("ResidentsCommittee", "rc-yxy", name="御祥园社区居委会", kind="residents")
    s.rel("GOVERNS", "rc-yxy", "c-yxy")

    # 红色物业 by an assigned instructor; another by its own party organisation; one neither.
    s.node("PropertyCompany", "pc-red", name="祥和物业", hasPartyOrganisation=False)
    s.rel("MANAGES", "pc-red", "cp-1")
    s.role("p-qian", "party_instructor", "pc-red")
    s.node("OwnersCommittee", "oc-1", name="御祥园业委会")
    s.rel("GOVERNS", "oc-1", "cp-1")
    s.node("PropertyCompany", "pc-own", name="安居物业")
    s.node("PartyOrganisation", "po-pc", name="安居物业党支部", kind="branch")
    s.rel("BELONGS_TO", "po-pc", "pc-own")
    s.rel("MANAGES", "pc-own", "cp-old")
    s.node("PropertyCompany", "pc-plain", name="普通物业")
    s.rel("MANAGES", "pc-plain", "cp-old")
    return s


def noise_dispute() -> Scene:
    """御祥园 again, with the case categories, their time limits, departments, mediators and
    a history of closed cases around 一网格."""
    s = yuxiangyuan()
    s.place("Street", "s-x", "d-sl", kind="street", name="西地街道")
    s.place("Community", "c-x", "s-x", kind="community", name="西地社区")
    s.place("District", "d-far", kind="district", name="远方区")
    s.node("Category", "k-dispute", name="矛盾纠纷")
    s.node("Category", "k-nbr", name="邻里纠纷")
    s.node("Category", "k-noise", name="噪音扰民")
    s.node("Category", "k-build", name="违章搭建")
    s.rel("SUBCATEGORY_OF", "k-nbr", "k-dispute")
    s.rel("SUBCATEGORY_OF", "k-noise", "k-nbr")
    # Disputes have limits from the grid up; illegal building only from the street up.
    for tl, level, cat in (
        ("tl-1", "grid", "k-dispute"),
        ("tl-2", "community", "k-dispute"),
        ("tl-3", "street", "k-build"),
        ("tl-4", "district", "k-build"),
    ):
        s.node("TimeLimit", tl, level=level, acceptHours=2, handleHours=24, verifyHours=4)
        s.rel("IN_CATEGORY", tl, cat)

    s.node("Department", "dep-le", name="双塔山综合执法队", kind="law_enforcement")
    s.rel("HANDLES", "dep-le", "k-noise")
    s.rel("LOCATED_IN", "dep-le", "s-st")
    s.node("Department", "dep-police", name="双滦公安分局", kind="public_security")
    s.rel("HANDLES", "dep-police", "k-nbr")
    s.rel("LOCATED_IN", "dep-police", "d-sl")
    s.node("Department", "dep-justice", name="司法局", kind="justice")
    s.rel("HANDLES", "dep-justice", "k-dispute")
    s.node("Department", "dep-far", name="远方公安", kind="public_security")
    s.rel("HANDLES", "dep-far", "k-noise")
    s.rel("LOCATED_IN", "dep-far", "d-far")
    s.node("Department", "dep-health", name="卫健局", kind="health")
    s.rel("HANDLES", "dep-health", "k-build")
    s.rel("LOCATED_IN", "dep-health", "d-far")

    s.person("p-ma", name="马调解")
    s.role("p-ma", "grid_mediator", "g-1")
    s.person("p-he", name="何调解")
    s.role("p-he", "mediator", "c-yxy")
    s.node("MediationCentre", "mc-1", name="御祥园调委会")
    s.rel("LOCATED_IN", "mc-1", "c-yxy")
    s.person("p-tang", name="唐调解")
    s.role("p-tang", "mediator", "mc-1")

    def case(id_: str, at: str, category: str | None, **props: object) -> None:
        props.setdefault("kind", "dispute")
        props.setdefault("severity", 1)
        props.setdefault("status", "reported")
        props.setdefault("level", "grid")
        s.node("Case", id_, title=id_, reportedAt=at_("2025-01-10 09:00"), version=1, **props)
        s.rel("AT", id_, at)
        if category:
            s.rel("IN_CATEGORY", id_, category)

    case("case-a", "hh-301", "k-noise")
    case("case-b", "hh-301", "k-build", kind="report")
    case("case-c", "hh-o", "k-noise")
    case("case-d", "hh-301", None, kind="petition", level="community")
    case("case-e", "hh-301", "k-noise", severity=4)
    closed = dict(status="closed")
    case("o1", "b-3", "k-noise", closedAt=at_("2025-03-01 10:00"), **closed)
    case("o2", "e-3-1", "k-noise", closedAt=at_("2025-04-01 10:00"), **closed)
    case("o3", "cp-old", "k-noise", closedAt=at_("2025-05-01 10:00"), **closed)
    case("o4", "c-other", "k-noise", closedAt=at_("2025-05-02 10:00"), **closed)
    case("o5", "b-3", "k-noise", status="in_progress")
    case("o6", "b-3", "k-build", closedAt=at_("2025-05-03 10:00"), **closed)
    case("o7", "c-x", "k-noise", closedAt=at_("2025-05-04 10:00"), **closed)
    # o1 was closed by 吴敏, reopened, then closed by 刘洋; 刘洋 and 吴敏 handled it.
    for seq, to_state, by in (
        (1, "closed", "p-wu"),
        (2, "reopened", "p-wu"),
        (3, "closed", "p-liu"),
    ):
        ev = f"ev-o1-{seq}"
        s.node(
            "CaseEvent",
            ev,
            seq=seq,
            at=at_(f"2025-0{seq}-01 10:00"),
            action=to_state,
            toState=to_state,
            level="grid",
        )
        s.rel("HAS_EVENT", "o1", ev)
        s.rel("BY", ev, by)
    s.rel("HANDLED_BY", "o1", "p-liu")
    s.rel("HANDLED_BY", "o1", "p-wu")
    # o2's closing step came through the API: the actor is named by id only.
    s.node(
        "CaseEvent",
        "ev-o2-1",
        seq=1,
        at=at_("2025-04-01 10:00"),
        action="close",
        toState="closed",
        level="grid",
        actorId="p-zhang",
    )
    s.rel("HAS_EVENT", "o2", "ev-o2-1")
    return s


def qinghe_cases() -> Scene:
    """清河街道 in March 2025: 甲社区 (with a grid), 乙社区 (no grid), 丙社区 (no cases), and
    cases of every kind around them; a few just outside the month."""
    s = Scene()
    s.place("Street", "st", kind="street", name="清河街道")
    s.place("Community", "c-a", "st", kind="community", name="甲社区")
    s.place("Community", "c-b", "st", kind="community", name="乙社区")
    s.place("Community", "c-empty", "st", kind="community", name="丙社区")
    s.place("Grid", "g-a1", "c-a", level=3, name="甲一网格")
    s.place("Household", "hh-a", "g-a1", name="甲户")
    s.place("Household", "hh-b", "c-b", name="乙户")
    s.node("Category", "k-n", name="噪音")
    s.node("Category", "k-sub", name="夜间噪音")
    s.node("Category", "k-none", name="其他")
    s.rel("SUBCATEGORY_OF", "k-sub", "k-n")
    s.node("TimeLimit", "tl-grid", level="grid", acceptHours=2, handleHours=20, verifyHours=2)
    s.node("TimeLimit", "tl-com", level="community", acceptHours=4, handleHours=40, verifyHours=4)
    s.rel("IN_CATEGORY", "tl-grid", "k-n")
    s.rel("IN_CATEGORY", "tl-com", "k-n")

    def case(
        id_: str, at: str, kind: str, category: str | None, reported: object, **props: object
    ) -> None:
        props.setdefault("level", "grid")
        s.node(
            "Case", id_, title=id_, kind=kind, severity=1, reportedAt=reported, version=1, **props
        )
        s.rel("AT", id_, at)
        if category:
            s.rel("IN_CATEGORY", id_, category)

    closed = "closed"
    case(
        "c1",
        "hh-a",
        "report",
        "k-n",
        at_("2025-03-01 08:00"),
        status=closed,
        closedAt=at_("2025-03-01 20:00"),
        satisfaction=5,
    )
    case(
        "c2",
        "hh-a",
        "dispute",
        "k-sub",
        at_("2025-03-02 08:00"),
        status=closed,
        closedAt=at_("2025-03-03 14:00"),
        satisfaction=3,
    )
    case(
        "c3",
        "g-a1",
        "dispute",
        "k-n",
        at_("2025-03-05 08:00"),
        status=closed,
        level="community",
        closedAt=at_("2025-03-07 08:00"),
    )
    case("c4", "hh-b", "dispute", "k-none", at_("2025-03-06 08:00"), status="in_progress")
    case(
        "c5",
        "hh-b",
        "report",
        "k-n",
        at_("2025-03-10 08:00"),
        status=closed,
        closedAt=at_("2025-03-10 14:00"),
    )
    case(
        "c6",
        "st",
        "booking",
        None,
        at_("2025-03-12 08:00"),
        status=closed,
        level="street",
        closedAt=at_("2025-03-12 10:00"),
        satisfaction=4,
    )
    case("c7", "hh-a", "report", "k-n", at_("2025-02-28 23:59"), status="reported")
    case("c8", "hh-a", "report", "k-n", at_("2025-04-01 00:00"), status="reported")
    case("c9", "hh-a", "report", "k-n", at_("2025-03-31 23:30"), status="reported")
    # Stored in UTC: 16:30Z on 28 Feb is 00:30 on 1 March in China, so it is in March.
    case(
        "c10", "hh-b", "report", None, datetime(2025, 2, 28, 16, 30, tzinfo=UTC), status="withdrawn"
    )

    for case_id, seq, level in (("c1", 1, "grid"), ("c2", 1, "grid"), ("c2", 2, "community")):
        ev = f"ev-{case_id}-{seq}"
        s.node("CaseEvent", ev, seq=seq, at=at_("2025-03-02 09:00"), action="step", level=level)
        s.rel("HAS_EVENT", case_id, ev)
    for m, case_id, outcome in (
        ("m2", "c2", "settled"),
        ("m3", "c3", "not_settled"),
        ("m4", "c4", "pending"),
    ):
        s.node("Mediation", m, outcome=outcome)
        s.rel("MEDIATES", m, case_id)
    # c2 got 4 more hours; a refused request for 100 does not count.
    for x, hours, status in (("x1", 4, "approved"), ("x2", 100, "refused")):
        s.node(
            "ExtensionRequest",
            x,
            hours=hours,
            reason="r",
            status=status,
            requestedAt=at_("2025-03-02 12:00"),
        )
        s.rel("HAS_EXTENSION", "c2", x)
    return s


def qinghe_lists() -> Scene:
    """清河街道's needs and projects in April 2025 (same places as qinghe_cases)."""
    s = Scene()
    s.place("Street", "st", kind="street", name="清河街道")
    s.place("Community", "c-a", "st", kind="community", name="甲社区")
    s.place("Community", "c-b", "st", kind="community", name="乙社区")
    s.place("Community", "c-empty", "st", kind="community", name="丙社区")
    s.place("Grid", "g-a1", "c-a", level=3, name="甲一网格")
    s.place("Household", "hh-a", "g-a1", name="甲户")
    s.place("Household", "hh-b", "c-b", name="乙户")
    s.node("VolunteerTeam", "t", name="志愿队")

    def need(id_: str, at: str, quantity: float, status: str, raised: str) -> None:
        s.node("Need", id_, title=id_, quantity=quantity, status=status, raisedOn=day(raised))
        s.rel("CONCERNS", id_, at)

    def claim(
        id_: str,
        on: str,
        status: str,
        claimed: str,
        quantity: float = 1,
        delivered: float = 0,
        kind: str = "need",
    ) -> None:
        s.node(
            "Claim",
            id_,
            kind=kind,
            quantity=quantity,
            delivered=delivered,
            status=status,
            claimedOn=day(claimed),
        )
        s.rel("MADE_CLAIM", "t", id_)
        s.rel("CLAIMS", id_, on)

    need("n1", "hh-a", 10, "met", "2025-04-01")
    claim("cl1", "n1", "fulfilled", "2025-04-03", 10, 10)
    need("n2", "hh-a", 20, "partly_met", "2025-04-05")
    claim("cl2", "n2", "active", "2025-04-15", 8, 5)
    claim("cl3", "n2", "withdrawn", "2025-04-06", 12, 3)
    need("n3", "g-a1", 4, "open", "2025-04-10")
    need("n4", "hh-b", 5, "open", "2025-04-20")
    claim("cl4", "n4", "withdrawn", "2025-04-21")
    need("n5", "hh-b", 6, "withdrawn", "2025-04-25")
    need("n6", "hh-b", 3, "met", "2025-04-28")
    claim("cl6", "n6", "fulfilled", "2025-05-08", 3, 5)
    need("n7", "hh-a", 1, "open", "2025-03-31")
    need("n8", "hh-a", 1, "open", "2025-05-01")
    need("n9", "st", 0, "open", "2025-04-02")

    def project(id_: str, at: str, status: str, **props: object) -> None:
        s.node("Project", id_, title=id_, status=status, **props)
        s.rel("CONCERNS", id_, at)

    project("pj1", "g-a1", "claimed")
    claim("cp1", "pj1", "active", "2025-04-10", kind="project")
    project("pj2", "hh-b", "done", doneOn=day("2025-04-20"))
    claim("cp2", "pj2", "fulfilled", "2025-03-15", kind="project")
    project("pj3", "c-a", "open_pool")
    project("pj4", "c-b", "done", doneOn=day("2025-05-05"))
    claim("cp4", "pj4", "fulfilled", "2025-04-02", kind="project")
    project("pj5", "c-b", "open_pool")
    return s


def yuanbaoshan_gaps() -> Scene:
    """元宝山街道: 完整社区 has all of the six and a partner; 半社区 (no grid) lacks pieces in
    its compounds; 空白村 has almost nothing."""
    s = Scene()
    s.place("Street", "s", kind="street", name="元宝山街道")
    today_ok, ended = day("2099-12-31"), day("2024-12-31")

    s.place("Community", "c-full", "s", kind="community", name="完整社区")
    s.place("Grid", "g-f", "c-full", level=3, name="完整一网格")
    s.place("Compound", "cp-f", "g-f", name="完整小区")
    s.place("Building", "b-f", "cp-f", name="完整1号楼")
    s.place("ServiceStation", "st-f", "c-full", kind="station", name="完整服务站")
    for org, label, target, extra in (
        ("po-full", "PartyOrganisation", "c-full", {"kind": "committee"}),
        ("rc-full", "ResidentsCommittee", "c-full", {"kind": "residents"}),
        ("po-gf", "PartyOrganisation", "g-f", {"kind": "grid_branch"}),
        ("oc-f", "OwnersCommittee", "cp-f", {}),
    ):
        s.node(label, org, name=org, **extra)
        s.rel("GOVERNS", org, target)
    s.node("PropertyCompany", "pc-flag", name="旗帜物业", hasPartyOrganisation=True)
    s.rel("MANAGES", "pc-flag", "cp-f")
    s.person("p-f", name="楼长甲")
    s.role("p-f", "building_leader", "b-f", until=today_ok)
    s.node("Agreement", "ag-f", title="共建", signedOn=day("2024-01-01"))
    s.rel("WITH", "ag-f", "c-full")

    s.place("Community", "c-half", "s", kind="community", name="半社区")
    s.place("Compound", "cp-h1", "c-half", name="半一小区")
    s.place("Compound", "cp-h2", "c-half", name="半二小区")
    s.place("Building", "b-h1", "cp-h1", name="半一1号楼")
    s.place("Building", "b-h2", "cp-h2", name="半二1号楼")
    s.place("ServiceStation", "st-h", "c-half", kind="post", name="半驿站")
    s.node("PartyOrganisation", "po-half", name="半社区党支部", kind="branch")
    s.rel("GOVERNS", "po-half", "c-half")
    s.node("ResidentsCommittee", "rc-half", name="半居委会", kind="residents")
    s.rel("GOVERNS", "rc-half", "c-half")
    s.node("PropertyCompany", "pc-plain", name="普通物业")
    s.rel("MANAGES", "pc-plain", "cp-h1")
    s.node("OwnersCommittee", "oc-h2", name="半二业委会")
    s.rel("LOCATED_IN", "oc-h2", "cp-h2")
    s.person("p-h", name="楼长乙")
    s.role("p-h", "building_leader", "b-h1")
    s.node("Agreement", "ag-h", title="共建", signedOn=day("2024-01-01"), endsOn=today_ok)
    s.rel("WITH", "ag-h", "c-half")

    s.place("Community", "c-bare", "s", kind="village", name="空白村")
    s.place("Grid", "g-b", "c-bare", level=3, name="空白网格")
    s.place("Alley", "al-1", "g-b", name="东胡同")
    s.place("Alley", "al-2", "g-b", name="西胡同")
    s.place("Building", "b-b", "g-b", name="村委楼")
    s.person("p-b", name="胡同长")
    s.role("p-b", "alley_leader", "al-2")
    s.person("p-gone", name="前楼长")
    s.role("p-gone", "building_leader", "b-b", until=ended)
    s.node("Agreement", "ag-b", title="旧共建", signedOn=day("2020-01-01"), endsOn=ended)
    s.rel("WITH", "ag-b", "c-bare")

    # Needs: stale (no provider, 92 days), exactly 30 days, too recent, matchable, met.
    s.node("Category", "k-x", name="无人类别")
    s.node("Category", "k-y", name="有人类别")
    s.node("VolunteerTeam", "t", name="志愿队")
    s.node("Resource", "r-y", title="r", kind="service", capacity=5, status="active")
    s.rel("OFFERS", "t", "r-y")
    s.rel("IN_CATEGORY", "r-y", "k-y")
    for need, raised, category, status in (
        ("n-old", "2025-03-01", "k-x", "open"),
        ("n-edge", "2025-05-02", "k-x", "partly_met"),
        ("n-recent", "2025-05-20", "k-x", "open"),
        ("n-matched", "2025-03-01", "k-y", "open"),
        ("n-met", "2025-01-01", "k-x", "met"),
    ):
        s.node("Need", need, title=need, quantity=1, status=status, raisedOn=day(raised))
        s.rel("IN_CATEGORY", need, category)
        s.rel("CONCERNS", need, "b-b")
    return s


def shuangta_reporting() -> Scene:
    """双塔山街道's dual reporting in the first quarter of 2025."""
    s = Scene()
    s.place("Street", "s", kind="street", name="双塔山街道")
    s.place("Community", "c1", "s", kind="community", name="御祥园社区")
    s.place("Community", "c2", "s", kind="community", name="兴工社区")
    s.place("Community", "c3", "s", kind="village", name="偏远村")
    s.place("Grid", "g1", "c1", level=3, name="网格")
    s.place("Building", "b1", "g1", name="1号楼")

    s.node("MemberUnit", "mu-1", name="供电公司", kind="state_enterprise")
    for org, on in (("po-u1", "2024-06-01"), ("po-u2", "2025-02-15"), ("po-u3", "2025-05-01")):
        s.node("PartyOrganisation", org, name=org, kind="branch")
        s.rel("REPORTS_TO", org, "c1", on=day(on))
    s.rel("BELONGS_TO", "po-u1", "mu-1")

    def claim(id_: str, by: str, on: str) -> None:
        s.node("Claim", id_, kind="need", status="active", claimedOn=day(on))
        s.rel("MADE_CLAIM", by, id_)

    claim("cl-u1", "mu-1", "2025-02-01")
    claim("cl-u2", "po-u1", "2025-04-05")

    for person, community, on in (
        ("p-a", "c1", "2024-03-01"),
        ("p-b", "c1", "2025-01-20"),
        ("p-c", "c1", "2025-03-01"),
        ("p-d", "c1", "2025-04-10"),
        ("p-e", "c2", "2025-01-05"),
    ):
        s.person(person, name=person, phone="13900001111")
        s.rel("REPORTS_TO", person, community, on=day(on))
    s.role("p-a", "building_leader", "b1", claimed=True, since=day("2024-03-05"))
    s.role("p-b", "volunteer", "c1", claimed=True, since=day("2025-01-21"))
    s.role("p-c", "building_leader", "b1", claimed=True, until=day("2024-12-31"))

    # p-a: one record of each kind; p-b and p-c: nothing inside the quarter.
    claim("cl-a", "p-a", "2025-01-10")
    claim("cl-b", "p-b", "2024-12-31")
    claim("cl-e", "p-e", "2025-03-15")
    for ev, by, when in (("ev-a", "p-a", "2025-03-31 23:00"), ("ev-c", "p-c", "2025-04-01 00:00")):
        s.node("CaseEvent", ev, seq=1, at=at_(when), action="accept")
        s.rel("BY", ev, by)
    for task, who, status in (("t-a", "p-a", "done"), ("t-b", "p-b", "todo")):
        s.node("Task", task, title=task, status=status, dueOn=day("2025-02-01"))
        s.rel("ASSIGNED_TO", task, who)
    s.node("PointAccount", "acc-a", kind="person")
    s.rel("HAS_ACCOUNT", "p-a", "acc-a")
    s.node("PointAccount", "acc-shop", kind="shop")
    s.node("PointTransfer", "pt-in", amount=10, at=at_("2025-01-05 10:00"), reason="服务")
    s.rel("CREDIT", "pt-in", "acc-a")
    s.node("PointTransfer", "pt-out", amount=5, at=at_("2025-01-06 10:00"), reason="兑换")
    s.rel("DEBIT", "pt-out", "acc-a")
    s.rel("CREDIT", "pt-out", "acc-shop")
    return s
