"""All eight questions answer through GraphQL on the seed dataset (双滦区, loaders/data/seed),
with reasons in Chinese and English, and figures that agree with plain counts of the seed."""

from __future__ import annotations

import re
from typing import Any

import pytest

from graph.database import Database
from loaders.seed import load_seed_if_empty
from schema.core.ids import to_global
from tests.support.graphql import data

CJK = re.compile(r"[\u4e00-\u9fff]")

# Test-only Cypher choosing what to ask about (the answers come from the service).
PICKS = {
    # An open need whose own category has an active resource no one draws on and no end
    # date, offered by a member unit, team or volunteer: someone can surely take it.
    "need": "MATCH (n:Need)-[:IN_CATEGORY]->(:Category)<-[:IN_CATEGORY]-(r:Resource)<-[:OFFERS]-(p) "
    "WHERE n.status IN ['open', 'partly_met'] AND r.status = 'active' AND r.capacity > 0 "
    "AND r.availableTo IS NULL AND NOT EXISTS { (r)<-[:USES]-() } "
    "AND (p:MemberUnit OR p:VolunteerTeam OR p:Person) "
    "RETURN n.id AS id ORDER BY n.id LIMIT 1",
    "household": "MATCH (h:Household)-[:PART_OF*]->(:Grid) RETURN h.id AS id ORDER BY h.id LIMIT 1",
    "case": "MATCH (c:Case)-[:IN_CATEGORY]->() RETURN c.id AS id ORDER BY c.id LIMIT 1",
    "district": "MATCH (d:District) RETURN d.id AS id ORDER BY d.id LIMIT 1",
}
COUNT_CASES = (
    "MATCH (:Entity {id: $d})<-[:PART_OF*0..]-(:Place)<-[:AT]-(c:Case) RETURN count(c) AS n"
)
COUNT_NEEDS = (
    "MATCH (:Entity {id: $d})<-[:PART_OF*0..]-(:Place)<-[:CONCERNS]-(n:Need) "
    "WHERE n.status IN ['open', 'partly_met'] RETURN count(n) AS n"
)

# One operation each, asked in turn: on a cold Neo4j each statement is planned on first use
# (up to seconds on a busy machine), and eight first plans at once can outlast a transaction.
EIGHT = {
    "needMatches": ("need", "{ score provider { __typename } reasons { code detailZh detailEn } }"),
    "openNeeds": ("scope", "{ total unmatched }"),
    "servingTeam": ("place", "{ grid { name } gridLeader { person { name } } notes { detailZh } }"),
    "caseRouting": ("case", "{ level holder { name } reasons { code detailZh detailEn } }"),
    "coverageGaps": ("scope", "{ gridsWithoutPartyOrganisation { total } staleNeeds { total } }"),
    "dualReporting": ("scope", "{ communities { community { name } members serviceRecords } }"),
    "caseStats": ("scope", "{ scope { total closureRate } children { place { name } total } }"),
    "needStats": ("scope", "{ scope { raised fillRate } children { raised } }"),
}
ARGUMENT = {"need": "needId", "place": "placeId", "case": "caseId", "scope": "scopeId"}


@pytest.fixture
async def seed(db: Database) -> dict[str, str]:
    assert await load_seed_if_empty(db)
    found = {}
    for key, text in PICKS.items():
        rows = (await db.driver.execute_query(text)).records  # type: ignore[arg-type]
        assert rows, f"the seed has no {key}"
        found[key] = str(rows[0]["id"])
    return found


async def count(db: Database, text: str, district: str) -> int:
    return int((await db.driver.execute_query(text, d=district)).records[0]["n"])  # type: ignore[arg-type]


def reasons_read_in_both(reasons: list[dict[str, Any]]) -> bool:
    """Chinese in detailZh; English words in detailEn (names stay as they are written)."""
    return all(
        CJK.search(r["detailZh"]) and re.search(r"[A-Za-z]{3,}", r["detailEn"]) for r in reasons
    )


async def test_all_eight_answer_on_the_seed(db: Database, seed: dict[str, str]) -> None:
    district = seed["district"]
    ids = {
        "need": to_global("Need", seed["need"]),
        "place": to_global("Household", seed["household"]),
        "case": to_global("Case", seed["case"]),
        "scope": to_global("District", district),
    }
    got: dict[str, Any] = {}
    for field, (subject, selection) in EIGHT.items():
        query = f"query ($id: ID!) {{ {field}({ARGUMENT[subject]}: $id) {selection} }}"
        got.update(await data(db, query, {"id": ids[subject]}))
    assert set(got) == set(EIGHT) and all(v is not None for v in got.values())
    assert got["needMatches"], "a provider with an untouched resource in its category"
    assert all(reasons_read_in_both(m["reasons"]) for m in got["needMatches"])
    assert got["servingTeam"]["grid"] is not None
    assert got["caseRouting"]["level"] in {"GRID", "COMMUNITY", "STREET", "DISTRICT"}
    assert reasons_read_in_both(got["caseRouting"]["reasons"])
    assert got["dualReporting"]["communities"]
    # The figures agree with plain counts over the seed.
    stats = got["caseStats"]
    assert stats["scope"]["total"] == await count(db, COUNT_CASES, district)
    assert sum(c["total"] for c in stats["children"]) <= stats["scope"]["total"]
    assert got["openNeeds"]["total"] == await count(db, COUNT_NEEDS, district)
    assert got["needStats"]["scope"]["raised"] >= got["openNeeds"]["total"]
