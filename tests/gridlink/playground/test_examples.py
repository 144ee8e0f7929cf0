"""The playground's example operations (gridlink/playground/examples.graphql) stay true to the
schema and the seed dataset: each one validates, its variables coerce, its ids name real
types, and it runs on the seed dataset without errors.

Operations whose fields are not in the schema yet are skipped with the fields named; every
other problem fails.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from graphql import GraphQLError, OperationDefinitionNode, parse, validate
from graphql.execution.values import get_variable_values

from graph.database import Database
from gridlink.playground import Example, examples, parse_examples
from loaders.model import NODES_BY_LABEL
from loaders.seed import load_seed_if_empty
from schema.core.ids import BadId, from_global
from tests.conftest import wipe
from tests.support.graphql import execute, schema

# A field the schema lacks, or a type (ID, Date) no field of the schema uses yet.
NOT_YET = re.compile(r"^(?:Cannot query field '(\w+)' on type '(\w+)'|Unknown type '(\w+)')\.")
EXAMPLES = examples()
SEED_NODES = Path(__file__).resolve().parents[3] / "loaders" / "data" / "seed" / "nodes"


def errors_or_skip(example: Example) -> None:
    """Fail on any validation error, but skip when all of them are fields still to be built."""
    errors = validate(schema()._schema, parse(example.query))
    missing = [m.groups() for e in errors if (m := NOT_YET.match(e.message))]
    if errors and len(missing) == len(errors):
        names = ", ".join(
            dict.fromkeys(f"{t}.{f}" if f else f"type {scalar}" for f, t, scalar in missing)
        )
        pytest.skip(f"{example.name}: the schema has no {names} yet")
    assert [e.message for e in errors] == []


def operation(example: Example) -> OperationDefinitionNode:
    definition = parse(example.query).definitions[0]
    assert isinstance(definition, OperationDefinitionNode)
    return definition


COORDINATION_QUESTIONS = {
    "needMatches",
    "openNeeds",
    "servingTeam",
    "caseRouting",
    "coverageGaps",
    "dualReporting",
    "caseStats",
    "needStats",
}


def test_every_coordination_question_has_an_example_with_an_explanation() -> None:
    root_fields = {
        selection.name.value
        for example in EXAMPLES
        for selection in operation(example).selection_set.selections
        if hasattr(selection, "name")
    }
    assert COORDINATION_QUESTIONS - root_fields == set()
    for example in EXAMPLES:
        assert example.query.startswith("# "), f"{example.name} has no explanation above it"
        assert re.search(r"[\u4e00-\u9fff]", example.query), f"{example.name} names no Chinese term"


def test_a_variables_line_becomes_the_tab_variables_and_leaves_the_query() -> None:
    text = (
        "# File header, not part of any tab.\n\n"
        "# 网格 The grids.\n"
        '# variables: {"id": "R3JpZDpnLTE"}\n'
        "query Grids($id: ID!) { node(id: $id) { id } }\n\n"
        "query Plain { nodeCounts { count } }\n"
    )
    grids, plain = parse_examples(text)
    assert grids.name == "Grids"
    assert grids.query == "# 网格 The grids.\nquery Grids($id: ID!) { node(id: $id) { id } }"
    assert json.loads(grids.variables or "") == {"id": "R3JpZDpnLTE"}
    assert plain.query == "query Plain { nodeCounts { count } }"
    assert plain.variables is None


def test_an_unnamed_operation_is_refused() -> None:
    with pytest.raises(ValueError, match="named operations only"):
        parse_examples("{ nodeCounts { count } }")


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_each_example_validates_and_its_variables_coerce(example: Example) -> None:
    errors_or_skip(example)
    variables = json.loads(example.variables or "{}")
    coerced = get_variable_values(
        schema()._schema, operation(example).variable_definitions or (), variables
    )
    assert not isinstance(coerced, list), [e.message for e in coerced]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_each_id_in_the_examples_names_a_node_of_the_seed_dataset(example: Example) -> None:
    for name, value in json.loads(example.variables or "{}").items():
        if not name.endswith("Id"):
            continue
        try:
            type_name, external = from_global(value)
        except BadId as exc:
            raise AssertionError(f"{example.name}: ${name} {exc}") from None
        assert type_name in NODES_BY_LABEL, f"{example.name}: ${name} names {type_name}"
        assert f"{type_name}:{external}" in example.query, (
            f"{example.name}: say what ${name} is in the comment ({type_name}:{external})"
        )
        records = SEED_NODES / f"{type_name}.jsonl"
        if not records.is_file():
            pytest.skip(f"the seed dataset has no {records.name} yet")
        ids = {
            json.loads(line)["id"]
            for line in records.read_text(encoding="utf-8").splitlines()
            if line
        }
        assert external in ids, f"{example.name}: ${name} {external} is not in {records.name}"


@pytest.fixture(scope="module")
def seeded(migrated: str) -> str:
    """The seed dataset, loaded once for all the examples (they only read)."""
    wipe(migrated)

    async def load() -> None:
        database = Database(migrated, "neo4j", "", "neo4j", auth=False)
        try:
            await load_seed_if_empty(database)
        finally:
            await database.close()

    asyncio.run(load())
    return migrated


@pytest.fixture
async def seed_db(seeded: str) -> AsyncIterator[Database]:
    database = Database(seeded, "neo4j", "", "neo4j", auth=False)
    try:
        yield database
    finally:
        await database.close()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
async def test_each_example_runs_on_the_seed_dataset(seed_db: Database, example: Example) -> None:
    errors_or_skip(example)
    result = await execute(seed_db, example.query, json.loads(example.variables or "{}"))
    errors: list[GraphQLError] = list(result.errors or [])
    assert [e.formatted for e in errors] == []
    assert result.data
