"""The four lists and the points ledger: resources, needs (met, partly met, open) and the
claims that meet them, joint-building agreements with their projects, tasks, and a
double-entry ledger of volunteer points that never goes below zero."""

from __future__ import annotations

from datetime import date, timedelta

from loaders.generate.world import END, RECENT, START, World, pick_count, spread, stamp

LIST_ROOTS = (
    "cat-elderly",
    "cat-env",
    "cat-infra",
    "cat-employment",
    "cat-legal",
    "cat-services",
    "cat-health",
    "cat-culture",
    "cat-safety",
)
# Per root: unit of quantity, smallest and largest ask, and the kind of resource offered.
ROOT_TERMS = {
    "cat-elderly": ("人", 2, 30, "service"),
    "cat-env": ("次", 1, 12, "labour"),
    "cat-infra": ("处", 1, 20, "goods"),
    "cat-employment": ("人次", 10, 200, "training"),
    "cat-legal": ("次", 1, 10, "legal"),
    "cat-services": ("件", 5, 60, "service"),
    "cat-health": ("人", 10, 100, "medical"),
    "cat-culture": ("场", 1, 6, "venue"),
    "cat-safety": ("处", 1, 10, "labour"),
}
NEED_STATUS = (("met", 45), ("partly_met", 15), ("open", 30), ("closed", 5), ("withdrawn", 5))
PROJECT_STATUS = (("claimed", 30), ("in_progress", 40), ("open_pool", 15), ("proposed", 15))


def _years_after(day: date, years: int) -> date:
    """The last day of a term of `years` starting on `day` (29 February counts as the 28th)."""
    return day.replace(
        year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day
    ) - timedelta(days=1)


def _leaf(world: World) -> tuple[str, str]:
    root = world.rng.choice(LIST_ROOTS)
    return root, world.rng.choice(world.categories.leaves_under[root])


def _choose(world: World, table: tuple[tuple[str, int], ...]) -> str:
    return world.rng.choices([k for k, _ in table], [w for _, w in table])[0]


class _Lists:
    def __init__(self, world: World) -> None:
        self.w = world
        self.by_cat: dict[str, list[int]] = {}  # category -> resource indices
        self.res_ids: list[str] = []
        self.res_provider: list[str] = []
        self.res_left: list[float] = []
        self.needs_of_place: dict[int, list[str]] = {}

    def resources(self) -> None:
        w, rng, out = self.w, self.w.rng, self.w.out
        units, teams, vols = len(w.unit_ids), len(w.team_ids), len(w.volunteers)
        for _ in range(w.preset.resources):
            root, cat = _leaf(w)
            unit, low, high, kind = ROOT_TERMS[root]
            roll = rng.random()
            if roll < 0.6 or not (teams or vols):
                u = rng.randrange(units)
                provider, place = w.unit_ids[u], w.unit_place[u]
            elif roll < 0.9 or not vols:
                t = rng.randrange(teams)
                provider, place = w.team_ids[t], w.team_place[t]
            else:
                v = rng.randrange(vols)
                provider, place = f"p-{w.volunteers[v]}", w.team_place[w.volunteer_team[v]]
            start = w.day(START, date(2025, 12, 31))
            capacity = rng.randrange(low, high * 2 + 1)
            props: dict[str, object] = {
                "title": f"{w.categories.names[cat]}服务",
                "kind": kind,
                "capacity": capacity,
                "unit": unit,
                "availableFrom": start.isoformat(),
                "availableTo": (start + timedelta(days=rng.randrange(300, 1500))).isoformat(),
                "days": sorted(rng.sample(range(1, 8), rng.randrange(2, 7))),
                "status": "withdrawn" if rng.random() < 0.05 else "active",
            }
            rid = out.node("Resource", w.next_id("res"), props)
            out.rel("IN_CATEGORY", rid, cat)
            out.rel("OFFERS", provider, rid)
            out.rel("LOCATED_IN", rid, w.place_ids[place])
            self.by_cat.setdefault(cat, []).append(len(self.res_ids))
            self.res_ids.append(rid)
            self.res_provider.append(provider)
            self.res_left.append(capacity if props["status"] == "active" else 0)

    def needs(self) -> None:
        w, rng, out = self.w, self.w.rng, self.w.out
        for _ in range(w.preset.needs):
            root, cat = _leaf(w)
            unit, low, high, _ = ROOT_TERMS[root]
            place = rng.randrange(len(w.place_ids))
            status = _choose(w, NEED_STATUS)
            quantity = rng.randrange(low, high + 1)
            recent = status in ("open", "partly_met")
            raised = w.day(RECENT - timedelta(days=240) if recent else START, END)
            props: dict[str, object] = {
                "title": f"{w.place_names[place]}{w.categories.names[cat]}需求",
                "quantity": quantity,
                "unit": unit,
                "urgency": rng.randrange(1, 4),
                "status": status,
                "raisedOn": raised.isoformat(),
            }
            if rng.random() < 0.5:
                props["dueOn"] = (raised + timedelta(days=rng.randrange(14, 120))).isoformat()
            nid = out.node("Need", w.next_id("need"), props)
            out.rel("IN_CATEGORY", nid, cat)
            out.rel("CONCERNS", nid, w.place_ids[place])
            roll = rng.random()
            if roll < 0.7:
                out.rel("RAISED", w.place_rc[place], nid)
            elif roll < 0.8:
                out.rel("RAISED", w.place_ids[place], nid)
            else:
                out.rel("RAISED", f"p-{rng.choice(w.members_of_place[place])}", nid)
            self.needs_of_place.setdefault(place, []).append(nid)
            if status in ("met", "partly_met"):
                committed = quantity if status == "met" else max(1, quantity // 2)
                if status == "partly_met" and committed >= quantity:
                    committed = quantity - 1 if quantity > 1 else 0
                if committed:
                    self._claim(nid, cat, place, committed, status == "met", raised)

    def _claim(self, nid: str, cat: str, place: int, qty: int, met: bool, raised: date) -> None:
        w, rng, out = self.w, self.w.rng, self.w.out
        candidates = self.by_cat.get(cat, [])
        chosen = -1
        for _ in range(min(5, len(candidates))):
            r = candidates[rng.randrange(len(candidates))]
            if self.res_left[r] >= qty:
                chosen = r
                break
        if chosen >= 0:
            provider = self.res_provider[chosen]
            self.res_left[chosen] -= qty
        else:
            provider = w.unit_ids[rng.randrange(len(w.unit_ids))]
        props: dict[str, object] = {
            "kind": "need",
            "quantity": qty,
            "delivered": qty if met else rng.randrange(qty + 1),
            "status": "fulfilled" if met else "active",
            "claimedOn": (raised + timedelta(days=rng.randrange(1, 20))).isoformat(),
        }
        cid = out.node("Claim", w.next_id("cl"), props)
        out.rel("MADE_CLAIM", provider, cid)
        out.rel("CLAIMS", cid, nid)
        if chosen >= 0:
            out.rel("USES", cid, self.res_ids[chosen])

    def agreements_and_projects(self) -> list[tuple[str, int, str]]:
        w, p, rng, out = self.w, self.w.preset, self.w.rng, self.w.out
        agreements: list[tuple[str, int, str]] = []  # (id, place, unit id)
        for _ in range(p.agreements):
            u = rng.randrange(len(w.unit_ids))
            place = w.unit_place[u]
            signed = w.day(date(2021, 1, 1), END)
            years = rng.randrange(1, 6)
            props: dict[str, object] = {
                "title": f"{w.place_names[place]}与{w.unit_names[u]}共建协议",
                "signedOn": signed.isoformat(),
                "termYears": years,
                "endsOn": (
                    date(signed.year + years, 1, 1) + timedelta(days=signed.timetuple().tm_yday - 2)
                ).isoformat(),
            }
            aid = out.node("Agreement", w.next_id("ag"), props)
            out.rel("SIGNED", w.unit_ids[u], aid)
            out.rel("SIGNED", w.place_po[place], aid)
            out.rel("WITH", aid, w.place_ids[place])
            agreements.append((aid, place, w.unit_ids[u]))
        done = bytearray(p.projects)
        for i in pick_count(rng, p.projects, p.projects_done):
            done[i] = 1
        projects: list[tuple[str, int, str]] = []  # (id, place, category)
        per_agreement = spread(rng, p.projects, len(agreements), 0)
        slot = 0
        for (aid, place, unit), count in zip(agreements, per_agreement, strict=True):
            for _ in range(count):
                projects.append(self._project(aid, place, unit, bool(done[slot])))
                slot += 1
        return projects

    def _project(self, aid: str, place: int, unit: str, done: bool) -> tuple[str, int, str]:
        w, rng, out = self.w, self.w.rng, self.w.out
        _, cat = _leaf(w)
        status = "done" if done else _choose(w, PROJECT_STATUS)
        start = w.day(date(2021, 3, 1), date(2026, 6, 30))
        props: dict[str, object] = {
            "title": f"{w.place_names[place]}{w.categories.names[cat]}项目",
            "status": status,
        }
        if status in ("done", "in_progress"):
            props["startedOn"] = start.isoformat()
        if status == "done":
            props["doneOn"] = (start + timedelta(days=rng.randrange(20, 200))).isoformat()
        if status == "open_pool":
            props["claimDeadline"] = w.day(date(2025, 6, 1), RECENT).isoformat()
        if status == "proposed":
            props["claimDeadline"] = (END + timedelta(days=rng.randrange(15, 90))).isoformat()
        pid = out.node("Project", w.next_id("proj"), props)
        out.rel("IN_CATEGORY", pid, cat)
        out.rel("CONCERNS", pid, w.place_ids[place])
        out.rel("AGREES", aid, pid)
        if status in ("done", "claimed", "in_progress"):
            claim = {
                "kind": "project",
                "status": "fulfilled" if done else "active",
                "claimedOn": (start - timedelta(days=rng.randrange(1, 30))).isoformat(),
            }
            cid = out.node("Claim", w.next_id("cl"), claim)
            out.rel("MADE_CLAIM", unit, cid)
            out.rel("CLAIMS", cid, pid)
        needs = self.needs_of_place.get(place)
        if needs and rng.random() < 0.3:
            out.rel("ADDRESSES", pid, rng.choice(needs))
        return pid, place, cat

    def tasks(self, projects: list[tuple[str, int, str]]) -> None:
        w, rng, out = self.w, self.w.rng, self.w.out
        statuses = ("todo", "doing", "done", "done", "cancelled")
        for _ in range(w.preset.tasks if projects else 0):
            pid, place, cat = projects[rng.randrange(len(projects))]
            props = {
                "title": f"{w.categories.names[cat]}任务",
                "status": rng.choice(statuses),
                "dueOn": w.day(date(2025, 1, 1), END).isoformat(),
            }
            tid = out.node("Task", w.next_id("task"), props)
            out.rel("PART_OF_PROJECT", tid, pid)
            out.rel("IN_CATEGORY", tid, cat)
            out.rel("CONCERNS", tid, w.place_ids[place])
            out.rel("ASSIGNED_TO", tid, f"p-{rng.choice(w.members_of_place[place])}")


def build_lists(world: World) -> None:
    lists = _Lists(world)
    lists.resources()
    lists.needs()
    lists.tasks(lists.agreements_and_projects())
    _points(world)


def _points(world: World) -> None:
    p, rng, out = world.preset, world.rng, world.out
    if not p.point_transfers or not world.volunteers:
        return
    issuers: list[str] = []
    shops: list[str] = []
    for d, name in enumerate(world.district_names):
        issuer = out.node(
            "PointAccount", world.next_id("pa"), {"kind": "issuer", "name": f"{name}志愿服务积分"}
        )
        shop = out.node(
            "PointAccount", world.next_id("pa"), {"kind": "shop", "name": f"{name}雷锋超市"}
        )
        out.rel("HAS_ACCOUNT", world.district_po[d], issuer)
        out.rel("HAS_ACCOUNT", world.district_po[d], shop)
        issuers.append(issuer)
        shops.append(shop)
    accounts: list[str] = []
    for v in world.volunteers:
        account = out.node("PointAccount", world.next_id("pa"), {"kind": "person"})
        out.rel("HAS_ACCOUNT", f"p-{v}", account)
        accounts.append(account)
    balance = [0] * len(accounts)
    moments = sorted(world.moment() for _ in range(p.point_transfers))
    for at in moments:
        v = rng.randrange(len(accounts))
        district = world.district_of_place(world.team_place[world.volunteer_team[v]])
        if balance[v] >= 10 and rng.random() < 0.35:
            amount = rng.randrange(5, min(balance[v], 50) + 1)
            debit, credit, reason = accounts[v], shops[district], "雷锋超市积分兑换"
            balance[v] -= amount
        else:
            amount = rng.randrange(5, 21)
            debit, credit, reason = issuers[district], accounts[v], "志愿服务积分"
            balance[v] += amount
        tid = out.node(
            "PointTransfer",
            world.next_id("pt"),
            {"amount": amount, "at": stamp(at), "reason": reason},
        )
        out.rel("DEBIT", tid, debit)
        out.rel("CREDIT", tid, credit)
