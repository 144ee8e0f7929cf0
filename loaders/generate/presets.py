"""The generator's presets: exact counts taken from the seed articles (docs/SEED.md lists
which figure comes from where and which ones are ours).

Every count is exact: the generator spreads these totals over the places, so a preset
always yields the same number of districts, grids, party members, cases ... whatever the seed.
"""

from __future__ import annotations

from dataclasses import dataclass

ALL_DEPARTMENTS = (
    "public_security",
    "health",
    "civil_affairs",
    "petition",
    "market_regulation",
    "education",
    "law_enforcement",
)
# 003's seven functional grids: six named in the article, the seventh (emergency) ours.
SEVEN_FUNCTIONAL = (
    "government_service",
    "food_hygiene",
    "medical",
    "city_management",
    "legal_service",
    "policing",
    "emergency",
)


@dataclass(frozen=True)
class Preset:
    name: str
    # Places
    districts: tuple[str, ...]  # kind of each district: "district" or "county"
    streets: int
    towns: int
    communities: int
    villages: int
    population: int  # spread over communities and villages
    grids: tuple[int, int, int]  # level 1, 2, 3
    compounds: int  # in communities, under their lowest grids
    buildings: int
    entrance_units: int
    households: int  # in entrance units; in-service members live in them
    stations: int  # service stations in communities and villages
    centres: int  # party-mass service centres: streets and towns first, then communities
    functional_kinds: tuple[str, ...]  # functional grids laid over every street and town
    # Organisations
    grid_party_orgs: int  # on the lowest-level grids; the other grids have none
    unit_orgs: int  # member units with their own party organisation (all report to a community)
    market_entities: int  # member units without one
    unit_seats: int  # seats of member units on street enlarged working committees
    property_companies: tuple[int, int, int]  # own party org / an instructor / neither
    managed_compounds: int  # the other compounds have no property company
    owners_committees: int
    volunteer_teams: int
    mediation_centres: int  # one per street/town, up to this many
    departments: tuple[str, ...]  # in every district
    # People
    party_members: int  # in place branches (secretaries included), not in service
    in_service: int  # in-service members (在职党员) of the unit party organisations
    claimed_roles: int  # in-service members who claimed a building-leader role (网络楼长)
    grid_workers: tuple[int, int, int]  # per grid level
    workers_from_members: tuple[int, int, int]  # of those, already party members
    mediators: int
    legal_savvy: int
    legal_advisers: int  # new people, one village or community each
    volunteers: int  # roles on party members and in-service members, each with an account
    # Lists
    agreements: int
    projects: int
    projects_done: int
    needs: int
    resources: int
    tasks: int
    # Cases
    reports: int
    reports_closed: int
    bookings: int
    bookings_closed: int
    disputes: int
    disputes_mediated: int
    disputes_settled: int
    petitions: int
    point_transfers: int
    event_actors: bool = True  # BY links from case events to people (off for the city)

    @property
    def cases(self) -> int:
        return self.reports + self.bookings + self.disputes + self.petitions

    @property
    def persons(self) -> int:
        return (
            self.party_members
            + self.in_service
            + sum(self.grid_workers)
            - sum(self.workers_from_members)
            + self.legal_advisers
        )


# 001 承德市双滦区: 3 streets, 6 towns, 28 communities, 63 villages, 200,000 people,
# 69 grid service teams; 25 + 53 agreements, 75 projects, 42 done; 21 unit secretaries on
# the street enlarged committees; 52 organisations and 1,580 in-service members reported,
# 1,188 claimed an online building-leader role; 7 property companies with a party
# organisation, 19 with an instructor; 1,090 cases all closed; 895 proxy bookings.
DISTRICT = Preset(
    name="district",
    districts=("district",),
    streets=3,
    towns=6,
    communities=28,
    villages=63,
    population=200_000,
    grids=(175, 0, 0),
    compounds=112,
    buildings=560,
    entrance_units=1_120,
    households=1_580,
    stations=28,
    centres=9,
    functional_kinds=(),
    grid_party_orgs=100,
    unit_orgs=52,
    market_entities=40,
    unit_seats=21,
    property_companies=(7, 19, 4),
    managed_compounds=100,
    owners_committees=60,
    volunteer_teams=69,
    mediation_centres=9,
    departments=ALL_DEPARTMENTS,
    party_members=3_000,
    in_service=1_580,
    claimed_roles=1_188,
    grid_workers=(525, 0, 0),
    workers_from_members=(175, 0, 0),
    mediators=91,
    legal_savvy=0,
    legal_advisers=0,
    volunteers=690,
    agreements=78,
    projects=75,
    projects_done=42,
    needs=300,
    resources=150,
    tasks=200,
    reports=1_090,
    reports_closed=1_090,
    bookings=895,
    bookings_closed=895,
    disputes=48,
    disputes_mediated=45,
    disputes_settled=42,
    petitions=0,
    point_transfers=2_000,
)

# 003 红河州建水县: 14 towns, 155 villages and communities, 1,500 basic-level branches
# (155 village/community + 1,045 grid + 300 unit), 20,000 party members, grid workers
# 150 / 1,600 / 6,600 in three levels, 7 functional grids, 24 party-mass service centres,
# 1,345 mediators, 775 legal-savvy residents, 155 legal advisers; 1,894 disputes,
# 1,779 mediated, 1,750 settled; 60,000 items handled.
COUNTY = Preset(
    name="county",
    districts=("county",),
    streets=0,
    towns=14,
    communities=25,
    villages=130,
    population=540_000,
    grids=(155, 1_600, 6_600),
    compounds=100,
    buildings=600,
    entrance_units=0,
    households=0,
    stations=155,
    centres=24,
    functional_kinds=SEVEN_FUNCTIONAL,
    grid_party_orgs=1_045,
    unit_orgs=300,
    market_entities=0,
    unit_seats=0,
    property_companies=(2, 10, 8),
    managed_compounds=70,
    owners_committees=30,
    volunteer_teams=14,
    mediation_centres=14,
    departments=ALL_DEPARTMENTS,
    party_members=17_000,
    in_service=3_000,
    claimed_roles=500,
    grid_workers=(150, 1_600, 6_600),
    workers_from_members=(150, 800, 0),
    mediators=1_345,
    legal_savvy=775,
    legal_advisers=155,
    volunteers=1_000,
    agreements=100,
    projects=150,
    projects_done=80,
    needs=600,
    resources=300,
    tasks=400,
    reports=40_000,
    reports_closed=39_600,
    bookings=20_000,
    bookings_closed=20_000,
    disputes=1_894,
    disputes_mediated=1_779,
    disputes_settled=1_750,
    petitions=200,
    point_transfers=0,
)

# 004 唐山: 10,727 grids, 12,222 grid workers, 2,407 unit party organisations and
# 143,000 in-service members reporting to communities, 1,500 market entities in community
# services, 370,000 cases (366,400 city-management reports and 3,600 disputes here).
CITY = Preset(
    name="city",
    districts=("district",) * 7 + ("county",) * 7,
    streets=90,
    towns=140,
    communities=900,
    villages=2_700,
    population=7_700_000,
    grids=(10_727, 0, 0),
    compounds=2_700,
    buildings=10_800,
    entrance_units=0,
    households=0,
    stations=900,
    centres=230,
    functional_kinds=(),
    grid_party_orgs=6_000,
    unit_orgs=2_407,
    market_entities=1_500,
    unit_seats=180,
    property_companies=(300, 250, 150),
    managed_compounds=2_400,
    owners_committees=1_800,
    volunteer_teams=900,
    mediation_centres=230,
    departments=ALL_DEPARTMENTS,
    party_members=20_000,
    in_service=143_000,
    claimed_roles=20_000,
    grid_workers=(12_222, 0, 0),
    workers_from_members=(0, 0, 0),
    mediators=3_600,
    legal_savvy=0,
    legal_advisers=0,
    volunteers=9_000,
    agreements=3_000,
    projects=2_400,
    projects_done=1_600,
    needs=7_200,
    resources=4_000,
    tasks=3_000,
    reports=366_400,
    reports_closed=362_700,
    bookings=0,
    bookings_closed=0,
    disputes=3_600,
    disputes_mediated=3_400,
    disputes_settled=3_200,
    petitions=0,
    point_transfers=30_000,
    event_actors=False,
)

PRESETS: dict[str, Preset] = {p.name: p for p in (DISTRICT, COUNTY, CITY)}
