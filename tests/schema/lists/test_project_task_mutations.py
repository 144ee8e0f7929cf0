"""Projects, tasks, agreements and resources: what each write records, the life of a project
and a task, and the refusals that leave nothing behind."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from graph.database import Database
from tests.schema.counting import snapshot
from tests.schema.scene import Scene
from tests.support.graphql import data

PROJECT = """mutation($input: ProjectCreateInput!) { projectCreate(input: $input) {
  project { id title status claimDeadline place { name } needs { nodes { externalId } } }
  errors { field code } } }"""
MOVE = """mutation($input: ProjectUpdateInput!) { projectUpdate(input: $input) {
  project { status startedOn doneOn } errors { field code message } } }"""
TASK = """mutation($input: TaskCreateInput!) { taskCreate(input: $input) {
  task { id status project { title } assignees { __typename ... on Person { name } } }
  errors { field code } } }"""
TASK_MOVE = """mutation($input: TaskUpdateInput!) { taskUpdate(input: $input) {
  task { status assignees { ... on Person { name } ... on MemberUnit { name } } }
  errors { field code } } }"""
AGREEMENT = """mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) {
  agreement { title signedOn termYears endsOn community { name }
              signatories { name } projects { nodes { title } } }
  errors { field code } } }"""
RESOURCE = """mutation($input: ResourceUpdateInput!) { resourceUpdate(input: $input) {
  resource { capacity status } errors { field code message } } }"""


def codes(got: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["field"], e["code"]) for e in got["errors"]]


async def new_project(db: Database, scene: Scene) -> str:
    got = (
        await data(
            db,
            PROJECT,
            {
                "input": {
                    "title": "御祥园长者食堂",
                    "place": scene.gid("c1"),
                    "needs": [scene.gid("n1")],
                    "claimDeadline": "2024-06-30",
                }
            },
        )
    )["projectCreate"]
    assert got["errors"] == []
    assert got["project"]["status"] == "PROPOSED"
    assert got["project"]["needs"]["nodes"] == [{"externalId": "n1"}]
    project_id: str = got["project"]["id"]
    return project_id


async def test_a_project_goes_from_proposed_to_done(db: Database, scene: Scene) -> None:
    pid = await new_project(db, scene)
    today = datetime.now(UTC).date().isoformat()
    got = (await data(db, MOVE, {"input": {"id": pid, "status": "IN_PROGRESS"}}))["projectUpdate"]
    assert codes(got) == [("input.status", "INVALID_TRANSITION")]
    assert got["errors"][0]["message"] == (
        "input.status: a PROPOSED project cannot become IN_PROGRESS"
    )
    for status, started, done in (
        ("CLAIMED", None, None),
        ("IN_PROGRESS", today, None),
        ("DONE", today, today),
    ):
        got = (await data(db, MOVE, {"input": {"id": pid, "status": status}}))["projectUpdate"]
        assert got == {
            "project": {"status": status, "startedOn": started, "doneOn": done},
            "errors": [],
        }
    before = await snapshot(db)
    got = (await data(db, MOVE, {"input": {"id": pid, "status": "CANCELLED"}}))["projectUpdate"]
    assert codes(got) == [("input.status", "INVALID_TRANSITION")]
    assert await snapshot(db) == before


async def test_tasks_of_a_project_given_to_people(db: Database, scene: Scene) -> None:
    pid = await new_project(db, scene)
    made = (
        await data(
            db,
            TASK,
            {"input": {"title": "采购餐具", "project": pid, "assignees": [scene.gid("p1")]}},
        )
    )["taskCreate"]
    assert made["errors"] == []
    assert made["task"]["status"] == "TODO"
    assert made["task"]["project"] == {"title": "御祥园长者食堂"}
    assert made["task"]["assignees"] == [{"__typename": "Person", "name": "王芳"}]
    tid = made["task"]["id"]
    moved = (
        await data(
            db,
            TASK_MOVE,
            {"input": {"id": tid, "status": "DONE", "assignees": [scene.gid("u1")]}},
        )
    )["taskUpdate"]
    assert moved == {
        "task": {"status": "DONE", "assignees": [{"name": "双滦区人民医院"}]},
        "errors": [],
    }
    before = await snapshot(db)
    again = (await data(db, TASK_MOVE, {"input": {"id": tid, "title": "改名"}}))["taskUpdate"]
    assert codes(again) == [("input.id", "INVALID_TRANSITION")]
    orphan = (await data(db, TASK, {"input": {"title": "无处可去"}}))["taskCreate"]
    assert codes(orphan) == [("input.place", "REQUIRED")]
    assert await snapshot(db) == before


async def test_an_agreement_ends_after_its_term(db: Database, scene: Scene) -> None:
    pid = await new_project(db, scene)
    got = (
        await data(
            db,
            AGREEMENT,
            {
                "input": {
                    "title": "医院与御祥园社区共建协议",
                    "signedOn": "2024-02-29",
                    "termYears": 1,
                    "community": scene.gid("c1"),
                    "signatories": [scene.gid("u1"), scene.gid("po1")],
                    "projects": [pid],
                }
            },
        )
    )["agreementCreate"]
    assert got["errors"] == []
    agreement = got["agreement"]
    assert agreement["endsOn"] == "2025-02-28"  # no 29 February in 2025
    assert agreement["community"] == {"name": "御祥园社区"}
    assert sorted(s["name"] for s in agreement["signatories"]) == [
        "双滦区人民医院",
        "御祥园社区党委",
    ]
    assert agreement["projects"]["nodes"] == [{"title": "御祥园长者食堂"}]


async def test_an_agreement_needs_organisations_and_a_community(db: Database, scene: Scene) -> None:
    before = await snapshot(db)
    got = (
        await data(
            db,
            AGREEMENT,
            {
                "input": {
                    "title": "协议",
                    "signedOn": "2024-01-01",
                    "termYears": 30,
                    "community": scene.gid("s1"),
                    "signatories": [scene.gid("p1")],
                }
            },
        )
    )["agreementCreate"]
    assert codes(got) == [
        ("input.termYears", "OUT_OF_RANGE"),
        ("input.community", "WRONG_ID_TYPE"),
        ("input.signatories[0]", "WRONG_ID_TYPE"),
    ]
    assert await snapshot(db) == before


async def test_a_resource_keeps_capacity_for_its_claims(db: Database, scene: Scene) -> None:
    claimed = await data(
        db,
        """mutation($input: ClaimCreateInput!) { claimCreate(input: $input) { errors { code } } }""",
        {
            "input": {
                "target": scene.gid("n1"),
                "claimant": scene.gid("u1"),
                "quantity": 8,
                "resource": scene.gid("r1"),
            }
        },
    )
    assert claimed["claimCreate"]["errors"] == []
    before = await snapshot(db)
    got = (await data(db, RESOURCE, {"input": {"id": scene.gid("r1"), "capacity": 5}}))[
        "resourceUpdate"
    ]
    assert codes(got) == [("input.capacity", "BELOW_COMMITTED")]
    assert got["errors"][0]["message"] == "input.capacity: claims already draw on 8"
    assert await snapshot(db) == before
    got = (
        await data(
            db, RESOURCE, {"input": {"id": scene.gid("r1"), "capacity": 8, "status": "WITHDRAWN"}}
        )
    )["resourceUpdate"]
    assert got == {"resource": {"capacity": 8.0, "status": "WITHDRAWN"}, "errors": []}


async def test_a_new_resource_and_a_claim_on_a_project(db: Database, scene: Scene) -> None:
    made = (
        await data(
            db,
            """mutation($input: ResourceCreateInput!) { resourceCreate(input: $input) {
                 resource { id title kind capacity days status providers { ... on Person { name } }
                            place { name } category { name } }
                 errors { field code } } }""",
            {
                "input": {
                    "title": "周末理发",
                    "kind": "SERVICE",
                    "capacity": 16,
                    "unit": "人次",
                    "provider": scene.gid("p3"),
                    "place": scene.gid("c1"),
                    "category": scene.gid("cat-elder"),
                    "days": [7, 6, 6],
                }
            },
        )
    )["resourceCreate"]
    assert made["errors"] == []
    resource = made["resource"]
    assert (resource["title"], resource["kind"], resource["capacity"], resource["days"]) == (
        "周末理发",
        "SERVICE",
        16.0,
        [6, 7],
    )
    assert resource["providers"] == [{"name": "张敏"}]
    assert (resource["place"], resource["category"]) == (
        {"name": "御祥园社区"},
        {"name": "养老服务"},
    )
    pid = await new_project(db, scene)
    claimed = (
        await data(
            db,
            """mutation($input: ClaimCreateInput!) { claimCreate(input: $input) {
                 claim { kind quantity target { ... on Project { status } } } errors { code } } }""",
            {
                "input": {
                    "target": pid,
                    "claimant": scene.gid("p3"),
                    "quantity": 4,
                    "resource": resource["id"],
                }
            },
        )
    )["claimCreate"]
    assert claimed == {
        "claim": {"kind": "PROJECT", "quantity": 4.0, "target": {"status": "CLAIMED"}},
        "errors": [],
    }
    before = await snapshot(db)
    bad = (
        await data(
            db,
            """mutation($input: ResourceCreateInput!) { resourceCreate(input: $input) {
                 resource { id } errors { field code } } }""",
            {
                "input": {
                    "title": "场地",
                    "kind": "VENUE",
                    "capacity": -1,
                    "provider": scene.gid("c1"),
                    "days": [8],
                    "availableFrom": "2024-05-01",
                    "availableTo": "2024-04-01",
                }
            },
        )
    )["resourceCreate"]
    assert codes(bad) == [
        ("input.capacity", "OUT_OF_RANGE"),
        ("input.availableTo", "INVALID"),
        ("input.days[0]", "OUT_OF_RANGE"),
        ("input.provider", "WRONG_ID_TYPE"),
    ]
    assert await snapshot(db) == before
