"""Places: districts → streets/towns → communities/villages → grids (1-3 levels) →
compounds → buildings → entrance units → households; service stations; functional grids."""

from __future__ import annotations

from loaders.generate.names import COMPOUND_SUFFIX, place_stem
from loaders.generate.world import World, spread, weighted_spread

FUNCTIONAL_NAMES = {
    "government_service": "政务服务",
    "food_hygiene": "食品卫生",
    "medical": "医疗卫生",
    "city_management": "城市管理",
    "legal_service": "法治服务",
    "policing": "警务治安",
    "emergency": "应急管理",
}
STATION_SERVICES = ("党群服务", "便民代办", "社保认证", "老年优待证办理", "法律咨询", "志愿服务")


def _unique_stems(world: World, n: int, taken: set[str]) -> list[str]:
    """Distinct two-character stems, so sibling places never share a name."""
    out: list[str] = []
    while len(out) < n:
        stem = place_stem(world.rng)
        if stem not in taken:
            taken.add(stem)
            out.append(stem)
    return out


def build_places(world: World) -> None:
    p, rng, out = world.preset, world.rng, world.out
    n_districts = len(p.districts)
    urban = [i for i, kind in enumerate(p.districts) if kind == "district"] or list(
        range(n_districts)
    )
    # Streets sit in urban districts, towns anywhere; every district gets at least one town.
    street_counts = spread(rng, p.streets, len(urban), 1 if p.streets else 0)
    town_counts = spread(rng, p.towns, n_districts, 1 if p.towns >= n_districts else 0)
    streets: list[tuple[int, str]] = []
    for d in range(n_districts):
        if d in urban:
            streets += [(d, "street")] * street_counts[urban.index(d)]
        streets += [(d, "town")] * town_counts[d]
    street_idx = [i for i, (_, k) in enumerate(streets) if k == "street"]
    town_idx = [i for i, (_, k) in enumerate(streets) if k == "town"]
    places: list[tuple[int, str]] = []  # (street index, kind)
    community_home = street_idx or town_idx
    for s, c in zip(community_home, spread(rng, p.communities, len(community_home)), strict=True):
        places += [(s, "community")] * c
    village_home = town_idx or street_idx
    for s, c in zip(village_home, spread(rng, p.villages, len(village_home)), strict=True):
        places += [(s, "village")] * c
    population = weighted_spread(rng, p.population, len(places))
    district_pop = [0] * n_districts
    for (s, _), people in zip(places, population, strict=True):
        district_pop[streets[s][0]] += people

    centres: list[tuple[float, float]] = []
    for d, stem in enumerate(_unique_stems(world, n_districts, set())):
        kind = p.districts[d]
        name = stem + ("区" if kind == "district" else "县")
        world.district_ids.append(
            out.node(
                "District",
                world.next_id("d"),
                {"name": name, "kind": kind, "population": district_pop[d]},
            )
        )
        world.district_names.append(name)
        centres.append((round(rng.uniform(30.0, 41.0), 4), round(rng.uniform(105.0, 120.0), 4)))
    # Siblings never share a name; cousins may (as real places do).
    taken: dict[int, set[str]] = {}
    for d, kind in streets:
        stem = _unique_stems(world, 1, taken.setdefault(d, set()))[0]
        name = stem + ("街道" if kind == "street" else "镇")
        sid = out.node("Street", world.next_id("s"), {"name": name, "kind": kind})
        out.rel("PART_OF", sid, world.district_ids[d])
        world.street_ids.append(sid)
        world.street_names.append(name)
        world.street_kinds.append(kind)
        world.street_district.append(d)
    taken = {}
    for i, (s, kind) in enumerate(places):
        stem = _unique_stems(world, 1, taken.setdefault(s, set()))[0]
        lat, lon = centres[streets[s][0]]
        name = stem + ("社区" if kind == "community" else "村")
        props: dict[str, object] = {"name": name, "kind": kind, "population": population[i]}
        props["lat"] = round(lat + rng.uniform(-0.08, 0.08), 5)
        props["lon"] = round(lon + rng.uniform(-0.08, 0.08), 5)
        cid = out.node("Community", world.next_id("c"), props)
        out.rel("PART_OF", cid, world.street_ids[s])
        world.place_ids.append(cid)
        world.place_names.append(name)
        world.place_kinds.append(kind)
        world.place_street.append(s)
    _grids(world)
    _compounds(world)
    _stations(world)
    _functional(world)


def _grid(world: World, name: str, level: int, parent: str, place: int) -> int:
    gid = world.out.node("Grid", world.next_id("g"), {"name": name, "level": level})
    world.out.rel("PART_OF", gid, parent)
    world.grid_ids.append(gid)
    world.grid_names.append(name)
    world.grid_place.append(place)
    world.grid_level.append(level)
    return len(world.grid_ids) - 1


def _grids(world: World) -> None:
    p, rng = world.preset, world.rng
    level: list[int] = []
    for place, count in enumerate(spread(rng, p.grids[0], len(world.place_ids))):
        for j in range(count):
            name = f"{world.place_names[place]}第{j + 1}网格"
            level.append(_grid(world, name, 1, world.place_ids[place], place))
    for lv in (2, 3):
        total = p.grids[lv - 1]
        if not total:
            break
        parents, level = level, []
        for parent, count in zip(parents, spread(rng, total, len(parents)), strict=True):
            for j in range(count):
                suffix = f"第{j + 1}片" if lv == 2 else f"{j + 1}组"
                name = world.grid_names[parent] + suffix
                place = world.grid_place[parent]
                level.append(_grid(world, name, lv, world.grid_ids[parent], place))
    world.lowest_grids = level


def _compounds(world: World) -> None:
    p, rng, out = world.preset, world.rng, world.out
    hosts = [g for g in world.lowest_grids if world.place_kinds[world.grid_place[g]] == "community"]
    for g, count in zip(hosts, spread(rng, p.compounds, len(hosts), 0), strict=True):
        for _ in range(count):
            name = world.place_names[world.grid_place[g]][:2] + rng.choice(COMPOUND_SUFFIX)
            cid = out.node("Compound", world.next_id("cp"), {"name": name})
            out.rel("PART_OF", cid, world.grid_ids[g])
            world.compound_ids.append(cid)
            world.compound_place.append(world.grid_place[g])
    units: list[tuple[str, int]] = []
    per_compound = spread(rng, p.buildings, len(world.compound_ids))
    for c, count in enumerate(per_compound):
        for j in range(count):
            bid = out.node("Building", world.next_id("b"), {"name": f"{j + 1}号楼"})
            out.rel("PART_OF", bid, world.compound_ids[c])
            world.building_ids.append(bid)
            world.building_place.append(world.compound_place[c])
    if p.entrance_units:
        minimum = 1 if p.entrance_units >= len(world.building_ids) else 0
        per_building = spread(rng, p.entrance_units, len(world.building_ids), minimum)
        for b, count in enumerate(per_building):
            for j in range(count):
                eid = out.node("EntranceUnit", world.next_id("eu"), {"name": f"{j + 1}单元"})
                out.rel("PART_OF", eid, world.building_ids[b])
                units.append((eid, b))
    if p.households:
        for (eid, b), count in zip(units, spread(rng, p.households, len(units), 0), strict=True):
            for j in range(count):
                room = f"{rng.randrange(1, 7)}0{j + 1}"
                hid = out.node("Household", world.next_id("h"), {"name": f"{room}户"})
                out.rel("PART_OF", hid, eid)
                world.household_ids.append(hid)
                world.household_building.append(b)


def _stations(world: World) -> None:
    p, rng, out = world.preset, world.rng, world.out
    order = [i for i, k in enumerate(world.place_kinds) if k == "community"]
    order += [i for i, k in enumerate(world.place_kinds) if k != "community"]
    for place in order[: p.stations]:
        name = world.place_names[place] + ("综合服务站" if rng.random() < 0.5 else "邻里服务驿站")
        services = sorted(rng.sample(STATION_SERVICES, rng.randrange(2, 5)))
        sid = world.next_id("ss")
        out.node("ServiceStation", sid, {"name": name, "kind": "station", "services": services})
        out.rel("PART_OF", sid, world.place_ids[place])
    hosts = [("s", i) for i in range(len(world.street_ids))] + [("c", i) for i in order]
    for where, i in hosts[: p.centres]:
        name = (world.street_names if where == "s" else world.place_names)[i] + "党群服务中心"
        sid = out.node("ServiceStation", world.next_id("ss"), {"name": name, "kind": "centre"})
        out.rel("PART_OF", sid, (world.street_ids if where == "s" else world.place_ids)[i])


def _functional(world: World) -> None:
    out = world.out
    for s, street in enumerate(world.street_ids):
        for kind in world.preset.functional_kinds:
            name = f"{world.street_names[s]}{FUNCTIONAL_NAMES[kind]}功能网格"
            fid = out.node("FunctionalGrid", world.next_id("fg"), {"name": name, "kind": kind})
            out.rel("PART_OF", fid, street)
            out.rel("OVERLAYS", fid, street)
