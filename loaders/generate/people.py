"""People and their roles: party members of each place (its secretary first), in-service
members of the unit party organisations (dual reporting, claimed building-leader roles,
households), grid workers at every level, mediators, legal-savvy residents, legal
advisers, party-building instructors and volunteers."""

from __future__ import annotations

import bisect
from itertools import accumulate

from loaders.generate.names import person_name, phone
from loaders.generate.world import World, pick_count, spread

SKILLS = (
    "探访",
    "助餐配送",
    "维修",
    "法律咨询",
    "心理疏导",
    "保洁",
    "理发",
    "医护",
    "家政",
    "调解",
)


class _People:
    def __init__(self, world: World) -> None:
        self.w = world
        pool = world.preset.party_members + world.preset.in_service
        self.volunteer = bytearray(pool + 1)
        for v in pick_count(world.rng, pool, world.preset.volunteers):
            self.volunteer[v + 1] = 1
            world.volunteers.append(v + 1)

    def person(self, party: bool, born: tuple[int, int] = (1950, 2001)) -> str:
        w, rng = self.w, self.w.rng
        w.persons += 1
        n = w.persons
        gender = "female" if rng.random() < 0.5 else "male"
        year = rng.randrange(*born)
        props: dict[str, object] = {
            "name": person_name(rng, gender),
            "gender": gender,
            "birthYear": year,
            "partyMember": party,
        }
        if year < 1966:
            props["retired"] = True
        if rng.random() < 0.2:
            props["phone"] = phone(rng)
        if n < len(self.volunteer) and self.volunteer[n]:
            props["skills"] = sorted(rng.sample(SKILLS, rng.randrange(1, 4)))
            props["availableDays"] = sorted(rng.sample(range(1, 8), rng.randrange(1, 5)))
        return w.out.node("Person", f"p-{n}", props)

    def since(self, born: int) -> str:
        year = min(2024, born + 20 + self.w.rng.randrange(30))
        return f"{year}-07-01"


def build_people(world: World) -> None:
    people = _People(world)
    _party_members(world, people)
    _in_service(world, people)
    _grid_workers(world, people)
    _other_roles(world, people)


def _party_members(world: World, people: _People) -> None:
    p, rng, out = world.preset, world.rng, world.out
    for place, count in enumerate(spread(rng, p.party_members, len(world.place_ids))):
        members: list[int] = []
        grid_orgs = world.grid_orgs_of_place.get(place, [])
        for j in range(count):
            pid = people.person(True)
            members.append(world.persons)
            org = world.place_po[place]
            if j and grid_orgs and rng.random() < 0.4:
                org = rng.choice(grid_orgs)
            out.rel("MEMBER_OF", pid, org, {"since": f"{rng.randrange(1975, 2025)}-07-01"})
            if j == 0:
                role = {"role": "community_secretary", "fullTime": True}
                out.rel("HOLDS_ROLE", pid, world.place_ids[place], role)
        world.members_of_place.append(members)


def _in_service(world: World, people: _People) -> None:
    p, rng, out = world.preset, world.rng, world.out
    orgs = [org for org in world.unit_org if org is not None]
    communities = [i for i, k in enumerate(world.place_kinds) if k == "community"]
    homes = communities or list(range(len(world.place_ids)))
    buildings = len(world.building_ids)
    for i in range(p.in_service):
        pid = people.person(True, born=(1962, 2001))
        org = orgs[rng.randrange(len(orgs))]
        since = f"{rng.randrange(1985, 2025)}-07-01"
        out.rel("MEMBER_OF", pid, org, {"since": since, "inService": True})
        building = -1
        if i < len(world.household_ids):
            out.rel("LIVES_IN", pid, world.household_ids[i])
            building = world.household_building[i]
        elif i < p.claimed_roles and buildings:
            building = rng.randrange(buildings)
        place = world.building_place[building] if building >= 0 else rng.choice(homes)
        out.rel("REPORTS_TO", pid, world.place_ids[place], {"on": world.day().isoformat()})
        if i < p.claimed_roles and building >= 0:
            role = {"role": "building_leader", "claimed": True, "since": world.day().isoformat()}
            out.rel("HOLDS_ROLE", pid, world.building_ids[building], role)


def _grid_workers(world: World, people: _People) -> None:
    p, rng, out = world.preset, world.rng, world.out
    pools = [rng.sample(m[1:], len(m) - 1) for m in world.members_of_place]  # not secretaries
    spare = [n for pool in pools for n in pool]
    rng.shuffle(spare)
    used = bytearray(world.persons + 1)
    for level in (1, 2, 3):
        workers, from_members = p.grid_workers[level - 1], p.workers_from_members[level - 1]
        if not workers:
            continue
        grids = [g for g, lv in enumerate(world.grid_level) if lv == level]
        if workers >= len(grids):
            slots = [
                g
                for g, n in zip(grids, spread(rng, workers, len(grids)), strict=True)
                for _ in range(n)
            ]
        else:  # fewer workers than grids: some grids have none (003: 150 for 155)
            slots = [grids[i] for i in pick_count(rng, len(grids), workers)]
        member_slots = pick_count(rng, workers, from_members)
        is_member = bytearray(workers)
        for s in member_slots:
            is_member[s] = 1
        for s, grid in enumerate(slots):
            if is_member[s]:
                n = _take_member(pools[world.grid_place[grid]], spare, used)
                pid = f"p-{n}"
            else:
                pid = people.person(False, born=(1965, 2003))
            first = grid not in world.worker_of_grid
            full = (level == 1 and first) or (level == 2 and rng.random() < 0.3)
            out.rel(
                "HOLDS_ROLE", pid, world.grid_ids[grid], {"role": "grid_worker", "fullTime": full}
            )
            if first:
                world.worker_of_grid[grid] = pid


def _take_member(pool: list[int], spare: list[int], used: bytearray) -> int:
    while pool:
        n = pool.pop()
        if not used[n]:
            used[n] = 1
            return n
    while spare:
        n = spare.pop()
        if not used[n]:
            used[n] = 1
            return n
    raise ValueError("not enough party members to serve as grid workers")


def _other_roles(world: World, people: _People) -> None:
    p, rng, out = world.preset, world.rng, world.out
    ends = list(accumulate(len(m) for m in world.members_of_place))

    def place_of(n: int) -> int:  # party members are numbered place by place
        return bisect.bisect_left(ends, n)

    members = p.party_members
    for n in pick_count(rng, members, p.mediators):
        place = place_of(n + 1)
        pid = f"p-{n + 1}"
        out.rel("HOLDS_ROLE", pid, world.place_ids[place], {"role": "mediator"})
        world.mediator_of_place.setdefault(place, pid)
    for n in pick_count(rng, members, p.legal_savvy):
        out.rel(
            "HOLDS_ROLE", f"p-{n + 1}", world.place_ids[place_of(n + 1)], {"role": "legal_savvy"}
        )
    for place in pick_count(rng, len(world.place_ids), p.legal_advisers):
        pid = people.person(False, born=(1965, 1998))
        out.rel("HOLDS_ROLE", pid, world.place_ids[place], {"role": "legal_adviser"})
    for company in world.instructed_companies:
        instructor = f"p-{rng.randrange(members) + 1}"
        out.rel("HOLDS_ROLE", instructor, company, {"role": "party_instructor"})
    for v in world.volunteers:
        team = rng.randrange(len(world.team_ids))
        world.volunteer_team.append(team)
        out.rel("HOLDS_ROLE", f"p-{v}", world.team_ids[team], {"role": "volunteer"})
        out.rel("MEMBER_OF", f"p-{v}", world.team_ids[team], {"since": world.day().isoformat()})
