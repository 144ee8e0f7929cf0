"""Organisations: party organisations at every level, residents' committees, member units
and their party organisations (dual reporting, seats), property companies, owners'
committees, volunteer teams, mediation centres and departments."""

from __future__ import annotations

from collections.abc import Mapping

from loaders.generate.names import place_stem, unit_name
from loaders.generate.world import World, pick_count, spread

UNIT_KINDS = (
    ("agency", 35),
    ("state_enterprise", 10),
    ("enterprise", 25),
    ("school", 15),
    ("hospital", 8),
    ("social_organisation", 7),
)
DEPARTMENT_NAMES = {
    "public_security": "公安局",
    "health": "卫生健康局",
    "civil_affairs": "民政局",
    "petition": "信访局",
    "market_regulation": "市场监督管理局",
    "education": "教育体育局",
    "law_enforcement": "综合行政执法局",
    "housing": "住房和城乡建设局",
    "justice": "司法局",
}
DEPARTMENT_CATEGORIES = {
    "public_security": ("cat-safety",),
    "health": ("cat-health",),
    "civil_affairs": ("cat-elderly",),
    "petition": ("cat-petition",),
    "market_regulation": ("cat-services",),
    "education": ("cat-culture", "cat-employment"),
    "law_enforcement": ("cat-city",),
    "housing": ("cat-infra", "cat-property"),
    "justice": ("cat-legal",),
}


def _org(world: World, label: str, prefix: str, props: Mapping[str, object]) -> str:
    return world.out.node(label, world.next_id(prefix), props)


def build_organisations(world: World) -> None:
    _party_tree(world)
    _units(world)
    _property(world)
    _teams_and_centres(world)


def _party_tree(world: World) -> None:
    p, rng, out = world.preset, world.rng, world.out
    for d, name in enumerate(world.district_names):
        po = _org(
            world, "PartyOrganisation", "po", {"name": f"中共{name}委员会", "kind": "committee"}
        )
        out.rel("GOVERNS", po, world.district_ids[d])
        world.district_po.append(po)
    for s, name in enumerate(world.street_names):
        street = world.street_kinds[s] == "street"
        props = {
            "name": name + ("大工委" if street else "党委"),
            "kind": "enlarged_working_committee" if street else "committee",
        }
        po = _org(world, "PartyOrganisation", "po", props)
        out.rel("UNDER", po, world.district_po[world.street_district[s]])
        out.rel("GOVERNS", po, world.street_ids[s])
        world.street_po.append(po)
    for c, name in enumerate(world.place_names):
        if world.place_kinds[c] == "community":
            props = {"name": name + "大党委", "kind": "enlarged_committee"}
            rc = {"name": name + "居民委员会", "kind": "residents"}
        else:
            general = rng.random() < 0.3
            props = {
                "name": name + ("党总支" if general else "党支部"),
                "kind": "general_branch" if general else "branch",
            }
            rc = {"name": name + "村民委员会", "kind": "villagers"}
        po = _org(world, "PartyOrganisation", "po", props)
        out.rel("UNDER", po, world.street_po[world.place_street[c]])
        out.rel("GOVERNS", po, world.place_ids[c])
        world.place_po.append(po)
        rid = _org(world, "ResidentsCommittee", "rc", rc)
        out.rel("GOVERNS", rid, world.place_ids[c])
        world.place_rc.append(rid)
    # Grid party organisations go on level-2 grids where there are any ("村组(小区)"),
    # else on the level-1 grids; the grids left without one are the map's gaps.
    level = 2 if world.preset.grids[1] else 1
    hosts = [g for g, lv in enumerate(world.grid_level) if lv == level]
    for g in pick_count(rng, len(hosts), p.grid_party_orgs):
        grid = hosts[g]
        village = world.place_kinds[world.grid_place[grid]] == "village"
        props = {
            "name": f"{world.grid_names[grid]}{'党小组' if village else '党支部'}",
            "kind": "grid_party_group" if village else "grid_branch",
        }
        po = _org(world, "PartyOrganisation", "po", props)
        out.rel("UNDER", po, world.place_po[world.grid_place[grid]])
        out.rel("GOVERNS", po, world.grid_ids[grid])
        world.grid_orgs_of_place.setdefault(world.grid_place[grid], []).append(po)


def _units(world: World) -> None:
    p, rng, out = world.preset, world.rng, world.out
    communities = [i for i, k in enumerate(world.place_kinds) if k == "community"]
    homes = communities or list(range(len(world.place_ids)))
    kinds = [k for k, _ in UNIT_KINDS]
    weights = [w for _, w in UNIT_KINDS]
    for i in range(p.unit_orgs + p.market_entities):
        place = rng.choice(homes)
        kind = rng.choices(kinds, weights)[0] if i < p.unit_orgs else "market_entity"
        district = world.district_names[world.district_of_place(place)]
        name = unit_name(rng, kind, district)
        uid = _org(world, "MemberUnit", "mu", {"name": name, "kind": kind})
        out.rel("LOCATED_IN", uid, world.place_ids[place])
        world.unit_ids.append(uid)
        world.unit_names.append(name)
        world.unit_place.append(place)
        if i >= p.unit_orgs:
            world.unit_org.append(None)
            continue
        agency = kind == "agency"
        props = {
            "name": name + ("机关党委" if agency else "党支部"),
            "kind": "unit_committee" if agency else "branch",
        }
        po = _org(world, "PartyOrganisation", "po", props)
        out.rel("BELONGS_TO", po, uid)
        # 双报到: every unit party organisation registers with the community where it is.
        out.rel("REPORTS_TO", po, world.place_ids[place], {"on": world.day().isoformat()})
        world.unit_org.append(po)
    seated = [
        u
        for u in range(p.unit_orgs)
        if world.street_kinds[world.place_street[world.unit_place[u]]] == "street"
    ]
    for u in pick_count(rng, len(seated), p.unit_seats):
        unit = seated[u]
        street_po = world.street_po[world.place_street[world.unit_place[unit]]]
        out.rel("HOLDS_SEAT", world.unit_ids[unit], street_po, {"since": world.day().isoformat()})


def _property(world: World) -> None:
    p, rng, out = world.preset, world.rng, world.out
    with_org, instructed, neither = p.property_companies
    companies: list[str] = []
    for i in range(with_org + instructed + neither):
        props = {"name": place_stem(rng) + "物业服务有限公司", "hasPartyOrganisation": i < with_org}
        pc = _org(world, "PropertyCompany", "pc", props)
        companies.append(pc)
        if i < with_org:
            po = _org(world, "PartyOrganisation", "po", {"name": "物业党支部", "kind": "branch"})
            out.rel("BELONGS_TO", po, pc)
        elif i < with_org + instructed:
            world.instructed_companies.append(pc)
    managed = pick_count(rng, len(world.compound_ids), p.managed_compounds)
    owners = spread(rng, len(managed), len(companies))
    order = [c for c, n in enumerate(owners) for _ in range(n)]
    rng.shuffle(order)
    located: set[str] = set()
    for compound, company in zip(managed, order, strict=True):
        pc = companies[company]
        out.rel("MANAGES", pc, world.compound_ids[compound])
        if pc not in located:
            located.add(pc)
            street = world.place_street[world.compound_place[compound]]
            out.rel("LOCATED_IN", pc, world.street_ids[street])
    for compound in pick_count(rng, len(world.compound_ids), p.owners_committees):
        name = f"{world.place_names[world.compound_place[compound]]}业主委员会"
        oc = _org(world, "OwnersCommittee", "oc", {"name": name})
        out.rel("GOVERNS", oc, world.compound_ids[compound])


def _teams_and_centres(world: World) -> None:
    p, rng, out = world.preset, world.rng, world.out
    for _ in range(p.volunteer_teams):
        place = rng.randrange(len(world.place_ids))
        name = world.place_names[place] + rng.choice(("网格服务团队", "志愿服务队", "党员先锋队"))
        tid = _org(world, "VolunteerTeam", "vt", {"name": name})
        out.rel("LOCATED_IN", tid, world.place_ids[place])
        world.team_ids.append(tid)
        world.team_place.append(place)
    for s in range(min(p.mediation_centres, len(world.street_ids))):
        props = {"name": world.street_names[s] + "人民调解委员会"}
        mc = _org(world, "MediationCentre", "mc", props)
        out.rel("LOCATED_IN", mc, world.street_ids[s])
        out.rel("HANDLES", mc, "cat-disputes")
        world.centre_of_street[s] = mc
    for d, name in enumerate(world.district_names):
        by_kind: dict[str, str] = {}
        for kind in p.departments:
            dept = _org(
                world, "Department", "dept", {"name": name + DEPARTMENT_NAMES[kind], "kind": kind}
            )
            out.rel("LOCATED_IN", dept, world.district_ids[d])
            for cat in DEPARTMENT_CATEGORIES[kind]:
                out.rel("HANDLES", dept, cat)
            by_kind[kind] = dept
        world.departments.append(by_kind)
