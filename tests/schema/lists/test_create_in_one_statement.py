"""The lists' creates check and write in one statement (queries/lists/create_*.cypher): one
round trip per mutation, and a refusal answers the same typed errors as the separate checks
did, with nothing written."""

from __future__ import annotations

from typing import Any

import pytest

from graph.database import Database, track_round_trips
from schema.core.ids import to_global
from tests.schema.counting import snapshot
from tests.schema.scene import Scene
from tests.schema.shuangluan import COORDINATOR_S1
from tests.support.graphql import data

NEED = """mutation($input: NeedCreateInput!) { needCreate(input: $input) {
  need { externalId } errors { field code message } } }"""


def creates(scene: Scene) -> list[tuple[str, str, dict[str, Any]]]:
    """(root field, mutation, input) of each create, naming ids of the scene (every
    reference kind the statement links: places, categories, actors, needs, projects)."""
    return [
        (
            "needCreate",
            NEED,
            {
                "title": "独居老人探访",
                "quantity": 12,
                "place": scene.gid("g2"),
                "category": scene.gid("cat-elder"),
                "raisedBy": scene.gid("c1"),
            },
        ),
        (
            "resourceCreate",
            """mutation($input: ResourceCreateInput!) { resourceCreate(input: $input) {
              resource { externalId } errors { field code message } } }""",
            {
                "title": "义诊",
                "kind": "SERVICE",
                "capacity": 30,
                "provider": scene.gid("u1"),
                "place": scene.gid("c1"),
                "category": scene.gid("cat-elder"),
            },
        ),
        (
            "projectCreate",
            """mutation($input: ProjectCreateInput!) { projectCreate(input: $input) {
              project { externalId } errors { field code message } } }""",
            {"title": "长者食堂", "place": scene.gid("c1"), "needs": [scene.gid("n1")]},
        ),
        (
            "taskCreate",
            """mutation($input: TaskCreateInput!) { taskCreate(input: $input) {
              task { externalId } errors { field code message } } }""",
            {"title": "上门探访", "place": scene.gid("g2"), "assignees": [scene.gid("p3")]},
        ),
        (
            "agreementCreate",
            """mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) {
              agreement { externalId } errors { field code message } } }""",
            {
                "title": "共建协议",
                "signedOn": "2024-05-06",
                "community": scene.gid("c1"),
                "signatories": [scene.gid("u1"), scene.gid("po1")],
            },
        ),
    ]


STATEMENTS = {
    "needCreate": "lists/create_need",
    "resourceCreate": "lists/create_resource",
    "projectCreate": "lists/create_project",
    "taskCreate": "lists/create_task",
    "agreementCreate": "lists/create_agreement",
}
PAYLOAD_FIELD = {
    "needCreate": "need",
    "resourceCreate": "resource",
    "projectCreate": "project",
    "taskCreate": "task",
    "agreementCreate": "agreement",
}


@pytest.mark.parametrize("index", range(5), ids=list(STATEMENTS))
async def test_each_create_is_one_statement_in_one_transaction(
    db: Database, scene: Scene, index: int
) -> None:
    field, mutation, values = creates(scene)[index]
    counter = track_round_trips()
    got = (await data(db, mutation, {"input": {**values, "externalId": "new-1"}}))[field]
    assert got == {PAYLOAD_FIELD[field]: {"externalId": "new-1"}, "errors": []}
    assert counter.count == 1  # one write transaction
    assert [name for name, _ in counter.statements] == [STATEMENTS[field]]


@pytest.mark.parametrize("index", range(5), ids=list(STATEMENTS))
async def test_a_taken_id_is_refused_alone_and_nothing_is_written(
    db: Database, scene: Scene, index: int
) -> None:
    field, mutation, values = creates(scene)[index]
    before = await snapshot(db)
    # n2 is a need of the scene: taken for every kind, since ids are unique across the graph.
    got = (await data(db, mutation, {"input": {**values, "externalId": "n2"}}))[field]
    assert got == {
        PAYLOAD_FIELD[field]: None,
        "errors": [
            {
                "field": "input.externalId",
                "code": "DUPLICATE",
                "message": "input.externalId: 'n2' is taken",
            }
        ],
    }
    assert await snapshot(db) == before


async def test_every_refused_reference_is_named_in_input_order(db: Database, scene: Scene) -> None:
    # The coordinator of 双塔山街道 (s1) may change what lies under s1: c1, c2 and their grids.
    # g4 lies under c3 (元宝山街道): out of scope, answered as not found. "n2" is a need, not a
    # category: the wrong kind. c1 is in scope; categories are everywhere. p9 does not exist.
    before = await snapshot(db)
    values = {
        "title": "独居老人探访",
        "quantity": 1,
        "place": scene.gid("g4"),
        "category": to_global("Category", "n2"),
        "raisedBy": to_global("Person", "p9"),
    }
    got = (await data(db, NEED, {"input": values}, viewer=COORDINATOR_S1))["needCreate"]
    assert got == {
        "need": None,
        "errors": [
            {
                "field": "input.place",
                "code": "NOT_FOUND",
                "message": "input.place: no such entity ('g4')",
            },
            {
                "field": "input.category",
                "code": "NOT_FOUND",
                "message": "input.category: no such entity ('n2')",
            },
            {
                "field": "input.raisedBy",
                "code": "NOT_FOUND",
                "message": "input.raisedBy: no such entity ('p9')",
            },
        ],
    }
    # A taken id is answered first and alone, as when it was checked on its own.
    got = (await data(db, NEED, {"input": {**values, "externalId": "n1"}}, viewer=COORDINATOR_S1))[
        "needCreate"
    ]
    assert [(e["field"], e["code"]) for e in got["errors"]] == [("input.externalId", "DUPLICATE")]
    assert await snapshot(db) == before
    # The same input within s1 is written, recording the coordinator.
    inside = {**values, "place": scene.gid("g2"), "category": None, "raisedBy": scene.gid("c1")}
    got = (await data(db, NEED, {"input": inside}, viewer=COORDINATOR_S1))["needCreate"]
    assert got["errors"] == []


UPDATES = [
    (
        """mutation($input: NeedUpdateInput!) { needUpdate(input: $input) {
          need { title } errors { field code message } } }""",
        "n3",  # concerns c3 (元宝山街道, s2): outside s1, answered as not found
        "lists/update_need",
        {
            "needUpdate": {
                "need": None,
                "errors": [
                    {
                        "field": "input.id",
                        "code": "NOT_FOUND",
                        "message": "input.id: no such entity ('n3')",
                    }
                ],
            }
        },
    ),
    (
        """mutation($input: ResourceUpdateInput!) { resourceUpdate(input: $input) {
          resource { title } errors { field code message } } }""",
        "r1",  # located in c1 (s1): inside
        "lists/update_resource",
        {"resourceUpdate": {"resource": {"title": "改"}, "errors": []}},
    ),
]


@pytest.mark.parametrize(("mutation", "target", "statement", "expected"), UPDATES)
async def test_an_update_checks_scope_in_its_own_statement(
    db: Database,
    scene: Scene,
    mutation: str,
    target: str,
    statement: str,
    expected: dict[str, Any],
) -> None:
    before = await snapshot(db)
    counter = track_round_trips()
    variables = {"input": {"id": scene.gid(target), "title": "改"}}
    got = await data(db, mutation, variables, viewer=COORDINATOR_S1)
    assert got == expected
    assert counter.count == 1
    assert [name for name, _ in counter.statements] == [statement]
    # A refused update leaves the graph exactly as it was.
    assert (await snapshot(db) == before) == (target == "n3")
