"""The eight coordination questions through GraphQL, on the scenes of tests/graph/coordination.

The graph-layer tests work every figure out by hand; these check what the API adds: global
ids, the domain's own types for every entity, reasons in both languages, the viewer's scope,
masked personal data, and clear errors for arguments a user can fix.
"""

from __future__ import annotations

import pytest

from graph.database import Database
from schema.core.ids import to_global
from schema.core.viewer import Grant, Viewer
from tests.graph.coordination import scenes
from tests.support.graphql import data, execute

COORDINATOR_YXY = Viewer("u-coord", (Grant("coordinator", "c-yxy"),))
PLANNER = Viewer("u-plan", (Grant("planner", None),))


def gid(type_name: str, external: str) -> str:
    return to_global(type_name, external)


MATCHES = """
query ($need: ID!, $first: Int) {
  needMatches(needId: $need, first: $first) {
    score categoryFit nearness remainingCapacity
    provider { __typename ... on MemberUnit { externalId name } ... on VolunteerTeam { externalId } ... on Person { externalId } }
    resource { externalId title }
    reasons { code detailZh detailEn points }
  }
}"""


async def test_need_matches_with_reasons_that_add_up(db: Database) -> None:
    await scenes.fenghuang().write(db)
    got = await data(db, MATCHES, {"need": gid("Need", "n-elder"), "first": 3})
    best, amber, blue = got["needMatches"]
    assert best["provider"] == {
        "__typename": "MemberUnit",
        "externalId": "u-hospital",
        "name": "市第二医院",
    }
    assert best["resource"]["externalId"] == "r-h1"
    assert (best["categoryFit"], best["nearness"], best["remainingCapacity"]) == (
        "SAME",
        "GRID",
        20.0,
    )
    assert best["score"] == pytest.approx(sum(r["points"] for r in best["reasons"]), abs=0.01)
    assert best["reasons"][1] == {
        "code": "NEAR_GRID",
        "detailZh": "与需求同一网格（凤凰一网格）",
        "detailEn": "In the need's grid, 凤凰一网格",
        "points": 21.0,
    }
    assert [amber["provider"]["externalId"], blue["provider"]["externalId"]] == [
        "t-amber",
        "t-blue",
    ]
    # The default is 10; the list holds all six candidates.
    assert len((await data(db, MATCHES, {"need": gid("Need", "n-elder")}))["needMatches"]) == 6


async def test_need_matches_refuses_a_bad_first_and_ignores_another_types_id(db: Database) -> None:
    await scenes.fenghuang().write(db)
    result = await execute(db, MATCHES, {"need": gid("Need", "n-elder"), "first": 0})
    assert result.errors is not None
    assert result.errors[0].message == "needMatches.first must be between 1 and 100, got 0"
    wrong = await data(db, MATCHES, {"need": gid("Grid", "g-fh1")})
    assert wrong["needMatches"] == []


OPEN = """
query ($scope: ID!, $category: ID, $unmatched: Boolean) {
  openNeeds(scopeId: $scope, category: $category, unmatchedOnly: $unmatched) {
    total unmatched
    needs { need { externalId title } place { __typename name } category { name }
            stillNeeded daysOpen matchable }
  }
}"""


async def test_open_needs_for_a_volunteer_of_the_community(db: Database) -> None:
    await scenes.fenghuang().write(db)
    volunteer = Viewer("u-vol", (Grant("volunteer", "c-fenghuang"),))
    got = (await data(db, OPEN, {"scope": gid("Community", "c-fenghuang")}, volunteer))["openNeeds"]
    assert (got["total"], got["unmatched"]) == (2, 1)
    elder = got["needs"][0]
    assert elder["need"]["externalId"] == "n-elder"
    assert elder["place"] == {"__typename": "Grid", "name": "凤凰一网格"}
    assert (elder["category"]["name"], elder["stillNeeded"], elder["matchable"]) == (
        "养老服务",
        30.0,
        True,
    )
    unmatched = await data(
        db, OPEN, {"scope": gid("Community", "c-fenghuang"), "unmatched": True}, volunteer
    )
    assert [n["need"]["externalId"] for n in unmatched["openNeeds"]["needs"]] == ["n-lonely"]
    other = Viewer("u-vol2", (Grant("volunteer", "c-qingning"),))
    hidden = await data(db, OPEN, {"scope": gid("Community", "c-fenghuang")}, other)
    assert hidden["openNeeds"] == {"total": 0, "unmatched": 0, "needs": []}
    by_category = await data(
        db, OPEN, {"scope": gid("Street", "s-xianfeng"), "category": gid("Category", "k-lonely")}
    )
    assert by_category["openNeeds"]["total"] == 1


TEAM = """
query ($place: ID!) {
  servingTeam(placeId: $place) {
    place { name } grid { name }
    gridLeader { person { name phone } role fullTime }
    gridWorkers { person { name } }
    leaders { person { name } role place { name } }
    claimedBy { person { name } role }
    compounds { compound { name } propertyCompanies { company { name } red reasons { code detailZh } }
                ownersCommittees { name } }
    community { name } communityPartyOrganisations { name } residentsCommittees { name }
    street { name } district { name }
    nearestStation { station { name } via { name } distanceKm reason { detailEn } }
    notes { code detailZh detailEn }
  }
}"""


async def test_serving_team_and_personal_data_by_viewer(db: Database) -> None:
    await scenes.yuxiangyuan().write(db)
    team = (await data(db, TEAM, {"place": gid("Household", "hh-301")}, COORDINATOR_YXY))[
        "servingTeam"
    ]
    assert team["grid"] == {"name": "御祥园一网格"}
    assert team["gridLeader"] == {
        "person": {"name": "张伟", "phone": "13800001234"},
        "role": "GRID_LEADER",
        "fullTime": True,
    }
    assert [w["person"]["name"] for w in team["gridWorkers"]] == ["刘洋", "吴敏"]
    assert [(x["person"]["name"], x["role"]) for x in team["leaders"]] == [
        ("陈静", "BUILDING_LEADER"),
        ("赵磊", "ENTRANCE_LEADER"),
    ]
    (compound,) = team["compounds"]
    assert compound["propertyCompanies"] == [
        {
            "company": {"name": "祥和物业"},
            "red": True,
            "reasons": [{"code": "RED_INSTRUCTOR", "detailZh": "派驻党建指导员（钱军）"}],
        }
    ]
    assert team["communityPartyOrganisations"] == [{"name": "御祥园社区党委"}]
    assert team["residentsCommittees"] == [{"name": "御祥园社区居委会"}]
    assert (team["street"]["name"], team["district"]["name"]) == ("双塔山街道", "双滦区")
    assert team["nearestStation"]["station"]["name"] == "网格驿站"
    assert team["notes"] == []
    # A planner reads everywhere but never sees a phone number whole.
    masked = (await data(db, TEAM, {"place": gid("Household", "hh-301")}, PLANNER))["servingTeam"]
    assert masked["gridLeader"]["person"]["phone"] == "138****1234"


async def test_serving_team_of_a_place_with_no_grid_or_out_of_scope(db: Database) -> None:
    await scenes.yuxiangyuan().write(db)
    team = (await data(db, TEAM, {"place": gid("Household", "hh-o")}))["servingTeam"]
    assert team["grid"] is None and team["gridLeader"] is None
    assert team["notes"][0] == {
        "code": "NO_GRID",
        "detailZh": "该地点不属于任何网格",
        "detailEn": "This place lies in no grid",
    }
    other = Viewer("u-c", (Grant("coordinator", "c-other"),))
    assert (await data(db, TEAM, {"place": gid("Household", "hh-301")}, other))[
        "servingTeam"
    ] is None


ROUTING = """
query ($case: ID!) {
  caseRouting(caseId: $case, similar: 2) {
    case { externalId } level holder { name } category { name }
    gridWorkers { person { name } role at { __typename } }
    communityMediators { person { name } at { __typename externalId } }
    departments { department { name } basedAt { name } reasons { code detailZh } }
    similarCases { case { externalId } nearness closedBy { name } handledBy { name } reason { detailZh } }
    reasons { code detailZh detailEn }
  }
}"""


async def test_case_routing(db: Database) -> None:
    await scenes.noise_dispute().write(db)
    r = (await data(db, ROUTING, {"case": gid("Case", "case-a")}, COORDINATOR_YXY))["caseRouting"]
    assert (r["level"], r["holder"]["name"], r["category"]["name"]) == (
        "GRID",
        "御祥园一网格",
        "噪音扰民",
    )
    assert r["gridWorkers"][0] == {
        "person": {"name": "张伟"},
        "role": "GRID_LEADER",
        "at": {"__typename": "Grid"},
    }
    assert [m["at"] for m in r["communityMediators"]] == [
        {"__typename": "Community", "externalId": "c-yxy"},
        {"__typename": "MediationCentre", "externalId": "mc-1"},
    ]
    assert [d["department"]["name"] for d in r["departments"]] == [
        "双塔山综合执法队",
        "双滦公安分局",
        "司法局",
    ]
    assert [(s["case"]["externalId"], s["nearness"]) for s in r["similarCases"]] == [
        ("o2", "GRID"),
        ("o1", "GRID"),
    ]
    assert r["similarCases"][1]["closedBy"] == [{"name": "刘洋"}]
    assert (
        r["reasons"][0]["detailEn"]
        == 'Severity 1 of 4: starts at the grid level ("small matters stay in the grid")'
    )
    no_grid = (await data(db, ROUTING, {"case": gid("Case", "case-c")}))["caseRouting"]
    assert (no_grid["level"], no_grid["holder"]["name"]) == ("GRID", "御祥园社区")
    assert (await data(db, ROUTING, {"case": gid("Need", "case-a")}))["caseRouting"] is None


GAPS = """
query ($scope: ID!, $first: Int!) {
  coverageGaps(scopeId: $scope, first: $first) {
    scope { name } openDays
    gridsWithoutPartyOrganisation { total items { subject { __typename externalId } within { name } } }
    buildingsWithoutLeader { total items { subject { externalId } reasons { code } } }
    compoundsIncomplete { total items { missing } }
    propertyCompaniesNotRed { total items { subject { __typename ... on PropertyCompany { name } } } }
    communitiesMissingSixInOne { total items { missing reasons { detailZh } } }
    communitiesWithoutPartner { total }
    staleNeeds { total needs { need { externalId } daysOpen } }
  }
}"""


async def test_coverage_gaps(db: Database) -> None:
    await scenes.yuanbaoshan_gaps().write(db)
    g = (await data(db, GAPS, {"scope": gid("Street", "s"), "first": 2}))["coverageGaps"]
    assert (g["scope"]["name"], g["openDays"]) == ("元宝山街道", 30)
    assert g["gridsWithoutPartyOrganisation"] == {
        "total": 1,
        "items": [
            {"subject": {"__typename": "Grid", "externalId": "g-b"}, "within": {"name": "空白村"}}
        ],
    }
    assert g["buildingsWithoutLeader"]["total"] == 3
    assert [i["subject"]["externalId"] for i in g["buildingsWithoutLeader"]["items"]] == [
        "al-1",
        "b-b",
    ]
    assert g["propertyCompaniesNotRed"]["items"] == [
        {"subject": {"__typename": "PropertyCompany", "name": "普通物业"}}
    ]
    assert g["communitiesMissingSixInOne"]["items"][0]["reasons"][-1] == {
        "detailZh": "六位一体缺综合服务站"
    }
    assert g["communitiesWithoutPartner"]["total"] == 1
    # Stale: needs open long with no provider; the scene's clock is today, so both old
    # needs count (their exact ages are checked in the graph tests on a fixed day).
    assert g["staleNeeds"]["total"] >= 2


STATS = """
query ($scope: ID!, $from: Date, $to: Date) {
  caseStats(scopeId: $scope, from: $from, to: $to) {
    from to
    scope { place { name } total closureRate resolvedAtGridShare mediationSuccessRate
            medianHoursToClose meanSatisfaction onTimeClosureRate byKind { key count } }
    children { place { name } total closureRate }
  }
}"""


async def test_case_stats_and_an_inverted_window(db: Database) -> None:
    await scenes.qinghe_cases().write(db)
    s = (
        await data(
            db,
            STATS,
            {"scope": gid("Street", "st"), "from": "2025-03-01", "to": "2025-03-31"},
            PLANNER,
        )
    )["caseStats"]
    assert (s["from"], s["to"]) == ("2025-03-01", "2025-03-31")
    scope = s["scope"]
    assert (scope["total"], scope["closureRate"], scope["resolvedAtGridShare"]) == (8, 0.625, 0.4)
    assert (scope["medianHoursToClose"], scope["meanSatisfaction"], scope["onTimeClosureRate"]) == (
        12.0,
        4.0,
        0.75,
    )
    assert scope["byKind"][0] == {"key": "report", "count": 4}
    assert [(c["place"]["name"], c["total"]) for c in s["children"]] == [
        ("甲社区", 4),
        ("乙社区", 3),
        ("丙社区", 0),
    ]
    assert s["children"][2]["closureRate"] is None
    bad = await execute(
        db, STATS, {"scope": gid("Street", "st"), "from": "2025-04-01", "to": "2025-03-01"}
    )
    assert bad.errors is not None
    assert (
        bad.errors[0].message == "caseStats from/to: 'from' (2025-04-01) is after 'to' (2025-03-01)"
    )


NEEDS = """
query ($scope: ID!) {
  needStats(scopeId: $scope, from: "2025-04-01", to: "2025-04-30") {
    scope { raised met partlyMet unmatched fillRate medianDaysToCommitment projectsClaimed projectsDone projectsInOpenPool }
    children { place { name } raised }
  }
}"""


async def test_need_stats(db: Database) -> None:
    await scenes.qinghe_lists().write(db)
    s = (await data(db, NEEDS, {"scope": gid("Street", "st")}))["needStats"]
    assert s["scope"] == {
        "raised": 7,
        "met": 2,
        "partlyMet": 1,
        "unmatched": 3,
        "fillRate": pytest.approx(18 / 42),
        "medianDaysToCommitment": 1.5,
        "projectsClaimed": 2,
        "projectsDone": 1,
        "projectsInOpenPool": 2,
    }
    assert [c["raised"] for c in s["children"]] == [3, 3, 0]


DUAL = """
query ($scope: ID!) {
  dualReporting(scopeId: $scope, from: "2025-01-01", to: "2025-03-31", first: 5) {
    scope { name }
    communities { community { name } organisations members membersNew rolesClaimed
                  serviceRecords recordsByKind { key count } silentCount silentMembers { name phone } }
  }
}"""


async def test_dual_reporting(db: Database) -> None:
    await scenes.shuangta_reporting().write(db)
    d = (await data(db, DUAL, {"scope": gid("Street", "s")}, PLANNER))["dualReporting"]
    c1 = d["communities"][0]
    assert (c1["community"]["name"], c1["organisations"], c1["members"], c1["membersNew"]) == (
        "御祥园社区",
        2,
        3,
        2,
    )
    assert (c1["rolesClaimed"], c1["serviceRecords"], c1["silentCount"]) == (2, 4, 2)
    assert c1["silentMembers"] == [
        {"name": "p-b", "phone": "139****1111"},
        {"name": "p-c", "phone": "139****1111"},
    ]
    assert await data(db, DUAL, {"scope": gid("Street", "s")}, COORDINATOR_YXY) == {
        "dualReporting": None
    }
