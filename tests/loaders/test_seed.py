"""The seed dataset: every record passes the model, every label and relationship type is
shown, and it loads into an empty graph (through the same loader as anyone's data) holding
the articles' places and organisations in their real hierarchy.

The expected figures below are counted by hand from docs/SEED.md and the articles.
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

import pytest

from graph.database import Database
from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE
from loaders.records import read_dataset
from loaders.seed import SEED_DIR, load_seed_if_empty
from loaders.validate import check_records, finish
from tests.conftest import wipe


def records(folder: str, name: str) -> list[dict[str, Any]]:
    with (SEED_DIR / folder / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_every_seed_record_passes_the_model_and_every_end_exists() -> None:
    plan = finish(check_records(read_dataset(SEED_DIR)), {})
    assert [str(p) for p in plan.problems] == []


def test_the_seed_shows_every_label_and_relationship_type_of_the_model() -> None:
    names = {s.name for s in read_dataset(SEED_DIR).sources if s.items}
    assert sorted(set(NODES_BY_LABEL) - names) == []
    assert sorted(set(RELS_BY_TYPE) - names) == []


def test_invented_people_are_marked_and_no_article_resident_is_named() -> None:
    people = records("nodes", "Person")
    assert all(p["invented"] is True for p in people)
    # Residents and officials the articles name are not modelled as people (privacy).
    named_in_articles = {"杨印青", "王进兴", "杨吉海", "王金玲", "乔朝英", "张惠德"}
    assert named_in_articles.isdisjoint(p["name"] for p in people)


def test_points_are_double_entry_and_balances_come_out_by_hand() -> None:
    debit = {r["from"]: r["to"] for r in records("relationships", "DEBIT")}
    credit = {r["from"]: r["to"] for r in records("relationships", "CREDIT")}
    transfers = records("nodes", "PointTransfer")
    for t in transfers:
        assert t["id"] in debit and t["id"] in credit, t["id"]
    assert len(records("relationships", "DEBIT")) == len(transfers)
    assert len(records("relationships", "CREDIT")) == len(transfers)
    balance: dict[str, int] = defaultdict(int)
    for t in transfers:
        balance[debit[t["id"]]] -= t["amount"]
        balance[credit[t["id"]]] += t["amount"]
    # 王淑琴 earned 20 + 10 and spent 15; 李建国 earned 10; 高凤英 earned 5 and spent 5.
    assert balance["pa-wang-shuqin"] == 15
    assert balance["pa-li-jianguo"] == 10
    assert balance["pa-gao-fengying"] == 0
    assert sum(balance.values()) == 0


async def count(db: Database, cypher: str, **params: Any) -> int:
    records_, _, _ = await db.driver.execute_query(cypher, params)
    return int(records_[0]["n"])


async def names(db: Database, cypher: str, **params: Any) -> list[str]:
    records_, _, _ = await db.driver.execute_query(cypher, params)
    return sorted(str(r["name"]) for r in records_)


UNDER = "MATCH (:Entity {id: $id})<-[:PART_OF*1..]-(x:$($label)) RETURN x.name AS name"
SIX_IN_ONE = """
MATCH (c:Community {id: $id})
RETURN [
  EXISTS { (c)<-[:GOVERNS]-(:PartyOrganisation) },
  EXISTS { (c)<-[:GOVERNS]-(:ResidentsCommittee) },
  EXISTS { (c)<-[:PART_OF*1..]-(:Compound)<-[:GOVERNS]-(:OwnersCommittee) },
  EXISTS { (c)<-[:PART_OF*1..]-(:Compound)<-[:MANAGES]-(:PropertyCompany) },
  EXISTS { (c)<-[:PART_OF*1..]-(b:Building|EntranceUnit|Alley)<-[h:HOLDS_ROLE]-(:Person)
           WHERE h.role IN ['building_leader', 'entrance_leader', 'alley_leader'] },
  EXISTS { (c)<-[:PART_OF*1..]-(:ServiceStation) }
] AS six
"""
SIX = (
    "party_organisation",
    "residents_committee",
    "owners_committee",
    "property_company",
    "building_leaders",
    "service_station",
)


async def missing_six(db: Database, community: str) -> list[str]:
    rows, _, _ = await db.driver.execute_query(SIX_IN_ONE, {"id": community})
    return [name for name, present in zip(SIX, rows[0]["six"], strict=True) if not present]


@pytest.fixture(scope="module")
def seeded_uri(migrated: str) -> str:
    """One load of the seed for the whole module; the tests below only read."""
    wipe(migrated)

    async def load() -> None:
        db = Database(migrated, "neo4j", "", "neo4j", auth=False)
        try:
            assert await load_seed_if_empty(db) is True
        finally:
            await db.close()

    asyncio.run(load())
    return migrated


@pytest.fixture
async def seeded(seeded_uri: str) -> AsyncIterator[Database]:
    db = Database(seeded_uri, "neo4j", "", "neo4j", auth=False)
    try:
        yield db
    finally:
        await db.close()


async def test_the_seed_loads_into_an_empty_graph_only(seeded: Database) -> None:
    assert await load_seed_if_empty(seeded) is False  # not empty any more: left alone
    expected = {"District": 8, "Category": 44, "Case": 19, "FunctionalGrid": 12, "Person": 44}
    for label, n in expected.items():
        assert await count(seeded, "MATCH (x:$($l)) RETURN count(x) AS n", l=label) == n, label


async def test_shuangluan_keeps_its_streets_and_communities(seeded: Database) -> None:
    streets = await names(seeded, UNDER, id="d-shuangluan", label="Street")
    assert streets == sorted(["双塔山街道", "元宝山街道", "钢城街道"])
    communities = await names(seeded, UNDER, id="d-shuangluan", label="Community")
    assert communities == sorted(["御祥园社区", "行宫社区", "输送机社区", "双安社区", "西苑社区"])
    parent = "MATCH (:Community {id: $id})-[:PART_OF]->(s:Street) RETURN s.name AS name"
    assert await names(seeded, parent, id="c-yuxiangyuan") == ["双塔山街道"]
    assert await names(seeded, parent, id="c-shuangan") == ["元宝山街道"]  # 001: 元宝山街道双安社区


async def test_shuangan_red_owners_committee_runs_the_old_staff_housing(seeded: Database) -> None:
    chair = """
    MATCH (:Compound {id: 'cp-ansl'})<-[:GOVERNS]-(oc:OwnersCommittee)
          <-[:HOLDS_ROLE {role: 'chair'}]-(p:Person {partyMember: true, retired: true})
    RETURN oc.name AS name
    """
    assert await names(seeded, chair) == ["安顺乐居小区红色业委会"]
    managed = "MATCH (:Compound {id: 'cp-ansl'})<-[:MANAGES]-(pc) RETURN count(pc) AS n"
    assert await count(seeded, managed) == 0  # no property company would take it


async def test_tianmu_trains_at_the_venue_yuxiangyuan_gives_free(seeded: Database) -> None:
    chain = """
    MATCH (:MemberUnit {name: '天牧培训学校'})-[:MADE_CLAIM]->(:Claim)-[:CLAIMS]->(p:Project)
    MATCH (p)<-[:CLAIMS]-(:Claim)-[:USES]->(:Resource {kind: 'venue'})<-[:OFFERS]-(rc:ResidentsCommittee)
    MATCH (rc)-[:GOVERNS]->(:Community {name: '御祥园社区'})
    RETURN p.title AS name
    """
    assert await names(seeded, chain) == ["天牧培训学校下岗失业人员技能培训"]


async def test_the_haihe_joint_committee_joins_six_villages(seeded: Database) -> None:
    villages = """
    MATCH (:PartyOrganisation {kind: 'joint_committee', name: '起步区太平街道骇河甜源联合党委'})
          <-[:MEMBER_OF]-(:PartyOrganisation)-[:GOVERNS]->(v:Community {kind: 'village'})
          -[:PART_OF]->(:Street {name: '太平街道'})
    RETURN v.name AS name
    """
    assert await names(seeded, villages) == sorted(
        ["阎桥村", "来佛寺村", "前冯村", "后冯村", "西高村", "西梁村"]
    )


async def test_jianshui_grids_come_in_three_levels_under_seven_functional_grids(
    seeded: Database,
) -> None:
    by_level = "MATCH (:District {id: 'd-jianshui'})<-[:PART_OF*1..]-(g:Grid {level: $level}) RETURN count(g) AS n"
    assert [await count(seeded, by_level, level=lv) for lv in (1, 2, 3)] == [3, 3, 4]
    overlays = "MATCH (:Community {id: 'c-js-wenmiao'})<-[:OVERLAYS]-(f:FunctionalGrid) RETURN count(f) AS n"
    assert await count(seeded, overlays) == 7


async def test_six_in_one_complete_in_yiminyuan_and_gaps_elsewhere(seeded: Database) -> None:
    assert await missing_six(seeded, "c-yiminyuan") == []
    assert await missing_six(seeded, "c-shuangan") == ["property_company", "service_station"]
    assert await missing_six(seeded, "c-xiyuan") == [
        "owners_committee",
        "building_leaders",
        "service_station",
    ]


async def test_the_coordination_edge_cases_are_there(seeded: Database) -> None:
    # A resource used up: 惠民餐饮's 20 meals a day are all committed.
    used = """
    MATCH (r:Resource {id: 'res-huimin-meals'})<-[:USES]-(c:Claim {status: 'active'})
    WITH r, sum(c.quantity) AS committed
    RETURN r.capacity - committed AS n
    """
    assert await count(seeded, used) == 0
    # Nobody can meet the lift retrofit: the only resource in its line of categories expired.
    lineage = """
    MATCH (:Need {id: 'need-ansl-elevator'})-[:IN_CATEGORY]->(c:Category)
    MATCH (c)-[:SUBCATEGORY_OF*0..]->(a:Category)<-[:IN_CATEGORY]-(r:Resource)
    WHERE r.status = 'active' AND (r.availableTo IS NULL OR r.availableTo >= date('2026-11-22'))
    RETURN count(r) AS n
    """
    assert await count(seeded, lineage) == 0
    # Dual reporting with and without service records.
    silent = """
    MATCH (p:Person)-[:REPORTS_TO]->(:Community {id: 'c-yuxiangyuan'})
    WHERE NOT EXISTS { (p)-[:MADE_CLAIM]->() } AND NOT EXISTS { (p)<-[:ASSIGNED_TO]-() }
      AND NOT EXISTS { (p)<-[:BY]-() } AND NOT EXISTS { (p)-[:HAS_ACCOUNT]->() }
    RETURN p.name AS name
    """
    assert await names(seeded, silent) == ["陈晓雨"]
    # Disputes mediated: settled and not.
    outcomes = "MATCH (m:Mediation {outcome: $o})-[:MEDIATES]->(:Case {kind: 'dispute'}) RETURN count(m) AS n"
    assert await count(seeded, outcomes, o="settled") == 7
    assert await count(seeded, outcomes, o="not_settled") == 2
