"""Cases with a short history each (one to three events), whistles to departments and
mediations of disputes.

A generated history is abbreviated: a closed case keeps its report, the escalation when it
left the grid, and its closing (from "resolved", as the source systems record it); the
acceptance, dispatch and handling steps in between are not carried. Open cases carry their
report and, for some, the acceptance, and their running time-limit clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import accumulate

from loaders.generate.orgs import DEPARTMENT_CATEGORIES
from loaders.generate.world import END, RECENT, START, World, pick_count, stamp

BOOKING_ITEMS = (
    "老年优待证",
    "居住证",
    "社保认证",
    "医保报销",
    "残疾人证",
    "低保申请",
    "独生子女证",
)
# Which level holds each kind of case, by weight ("小事不出网格、大事不出社区").
LEVELS = {
    "report": (("grid", 82), ("community", 15), ("street", 3)),
    "dispute": (("grid", 60), ("community", 35), ("street", 5)),
    "booking": (("community", 100),),
    "petition": (("street", 60), ("district", 40)),
}
LEVEL_CHOICES = {
    kind: ([lv for lv, _ in table], list(accumulate(n for _, n in table)))
    for kind, table in LEVELS.items()
}
SEVERITY = {"grid": 1, "community": 2, "street": 3, "district": 4}
HOURS = {"grid": (1, 48), "community": (12, 168), "street": (48, 720), "district": (120, 1440)}
Step = tuple[str, str | None, str, str, datetime]  # action, from, to, level, at
DEPT_FOR_ROOT = {cat: kind for kind, cats in DEPARTMENT_CATEGORIES.items() for cat in cats}


class _Cases:
    def __init__(self, world: World) -> None:
        self.w = world
        cats = world.categories
        city = cats.leaves_under["cat-city"]
        if world.preset.name == "city":
            self.report_cats = city
        else:
            self.report_cats = city + cats.leaves_under["cat-env"] + cats.leaves_under["cat-safety"]
        self.dispute_cats = cats.leaves_under["cat-disputes"]

    def block(self, kind: str, total: int, closed: int, settled: int = 0) -> None:
        rng = self.w.rng
        is_closed = bytearray(total)
        for i in pick_count(rng, total, closed):
            is_closed[i] = 1
        closed_at = [i for i in range(total) if is_closed[i]]
        is_settled = bytearray(total)
        for j in pick_count(rng, len(closed_at), settled):
            is_settled[closed_at[j]] = 1
        for i in range(total):
            self.case(kind, bool(is_closed[i]), bool(is_settled[i]))

    def case(self, kind: str, closed: bool, settled: bool) -> None:
        w, rng, out = self.w, self.w.rng, self.w.out
        grid = w.lowest_grids[rng.randrange(len(w.lowest_grids))]
        place = w.grid_place[grid]
        street = w.place_street[place]
        names, weights = LEVEL_CHOICES[kind]
        level = rng.choices(names, cum_weights=weights)[0]
        holder = self._holder(level, grid, place, street)
        cat, title = self._what(kind)
        reported = w.moment(START, END) if closed else w.moment(RECENT, END)
        steps = self._history(kind, level, closed, reported)
        props: dict[str, object] = {
            "title": title,
            "kind": kind,
            "severity": SEVERITY[level] - (level != "grid" and rng.random() < 0.3),
            "status": steps[-1][2],
            "level": level,
            "reportedAt": stamp(reported),
        }
        if closed:
            props["closedAt"] = stamp(steps[-1][4])
            happy = settled or kind != "dispute"
            props["satisfaction"] = rng.choice((5, 5, 5, 4, 4, 3) if happy else (2, 3, 3))
            props["settled"] = settled if kind == "dispute" else True
        else:
            phase = "accept" if steps[-1][2] == "reported" else "handle"
            props.update(self._clock(cat, level, phase, steps[-1][4]))
        props["version"] = len(steps) - 1
        cid = out.node("Case", w.next_id("case"), props)
        out.rel("IN_CATEGORY", cid, cat)
        if kind == "booking":
            out.rel("AT", cid, w.place_ids[place])
        elif kind == "petition":
            out.rel("AT", cid, w.street_ids[street])
        else:
            out.rel("AT", cid, w.grid_ids[grid])
        out.rel("HELD_BY", cid, holder)
        actor = w.worker_of_grid.get(grid)
        linked = w.preset.event_actors and actor is not None
        if actor is not None and linked and kind in ("report", "dispute"):
            out.rel("REPORTED", actor, cid)
            out.rel("HANDLED_BY", cid, actor)
        for seq, (action, frm, to, lvl, when) in enumerate(steps):
            event: dict[str, object] = {"seq": seq, "at": stamp(when), "action": action}
            if frm:
                event["fromState"] = frm
            event["toState"] = to
            event["level"] = lvl
            if actor:
                event["actorId"] = actor
            eid = out.node("CaseEvent", f"{cid}/{seq}", event)
            out.rel("HAS_EVENT", cid, eid)
            if actor is not None and linked:
                out.rel("BY", eid, actor)
        if kind == "report" and level != "grid" and rng.random() < 0.08:
            self._whistle(cid, cat, w.street_district[street], reported, closed)
        if kind == "dispute" and closed:
            self._mediation(cid, place, street, settled, reported, steps[-1][4])

    def _holder(self, level: str, grid: int, place: int, street: int) -> str:
        w = self.w
        if level == "grid":
            return w.grid_ids[grid]
        if level == "community":
            return w.place_ids[place]
        if level == "street":
            return w.street_ids[street]
        return w.district_ids[w.street_district[street]]

    def _what(self, kind: str) -> tuple[str, str]:
        rng, names = self.w.rng, self.w.categories.names
        if kind == "report":
            cat = self.report_cats[rng.randrange(len(self.report_cats))]
            return cat, names[cat]
        if kind == "dispute":
            cat = self.dispute_cats[rng.randrange(len(self.dispute_cats))]
            return cat, names[cat]
        if kind == "booking":
            return "cat-svc-proxy", "代办" + rng.choice(BOOKING_ITEMS)
        return "cat-petition", "信访事项"

    def _history(self, kind: str, level: str, closed: bool, reported: datetime) -> list[Step]:
        rng = self.w.rng
        if not closed:
            steps: list[Step] = [("report", None, "reported", level, reported)]
            if rng.random() < 0.4:
                accepted = reported + timedelta(minutes=rng.randrange(10, 300))
                steps.append(("accept", "reported", "accepted", level, accepted))
            return steps
        low, high = HOURS[level]
        done = reported + timedelta(hours=rng.randrange(low, high + 1))
        if level != "grid" and kind in ("report", "dispute") and rng.random() < 0.5:
            # Found in a grid and sent up: the escalation is kept in the short history.
            up = reported + timedelta(minutes=rng.randrange(20, 600))
            return [
                ("report", None, "reported", "grid", reported),
                ("escalate", "reported", "escalated", level, up),
                ("close", "resolved", "closed", level, done),
            ]
        return [
            ("report", None, "reported", level, reported),
            ("close", "resolved", "closed", level, done),
        ]

    def _clock(self, cat: str, level: str, phase: str, since: datetime) -> dict[str, object]:
        props: dict[str, object] = {"phase": phase, "phaseStartedAt": stamp(since)}
        limit = self.w.categories.limit(cat, level)
        if limit:
            hours = limit[0] if phase == "accept" else limit[1]
            props["dueAt"] = stamp(since + timedelta(hours=hours))
            props["yellowAt"] = stamp(since + timedelta(hours=hours * limit[3]))
        return props

    def _whistle(self, cid: str, cat: str, district: int, reported: datetime, closed: bool) -> None:
        kind = DEPT_FOR_ROOT.get(self.w.categories.root(cat))
        dept = self.w.departments[district].get(kind or "")
        if dept is None:
            return
        props: dict[str, object] = {"deadline": stamp(reported + timedelta(hours=48))}
        if closed:
            props["answer"] = "arrived"
            props["answeredAt"] = stamp(reported + timedelta(hours=self.w.rng.randrange(2, 48)))
        else:
            props["answer"] = "pending"
        self.w.out.rel("WHISTLED", cid, dept, props)

    def _mediation(
        self, cid: str, place: int, street: int, settled: bool, start: datetime, end: datetime
    ) -> None:
        w, out = self.w, self.w.out
        props: dict[str, object] = {
            "outcome": "settled" if settled else "not_settled",
            "sessions": w.rng.randrange(1, 5),
            "startedOn": start.date().isoformat(),
            "endedOn": end.date().isoformat(),
        }
        mid = out.node("Mediation", w.next_id("med"), props)
        out.rel("MEDIATES", mid, cid)
        mediators = [
            m for m in (w.mediator_of_place.get(place), w.centre_of_street.get(street)) if m
        ]
        for m in mediators or [w.place_rc[place]]:
            out.rel("MEDIATOR_IN", m, mid)


def build_cases(world: World) -> None:
    p = world.preset
    cases = _Cases(world)
    cases.block("report", p.reports, p.reports_closed)
    cases.block("booking", p.bookings, p.bookings_closed)
    # Disputes: the mediated ones are closed, settled or not; the others are still open.
    cases.block("dispute", p.disputes, p.disputes_mediated, p.disputes_settled)
    cases.block("petition", p.petitions, p.petitions)
