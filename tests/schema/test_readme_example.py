"""The README's front-end query answers, over the seed dataset, exactly what the README shows.

The expected answer is the JSON block written by hand in README.md; this test keeps the
README true as the seed or the API change.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from graph.database import Database
from loaders.seed import load_seed_if_empty
from tests.support.graphql import data

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_example() -> tuple[str, dict[str, str], dict[str, object]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("A front end's query", 1)[1]
    query = re.search(r"```graphql\n(.*?)```", section, re.S)
    variables = re.search(r'With `(\{"under": "[^"]+"\})`', section)
    answer = re.search(r"```json\n(.*?)```", section, re.S)
    assert query and variables and answer, "README lost its front-end example"
    return query.group(1), json.loads(variables.group(1)), json.loads(answer.group(1))


async def test_the_readme_front_end_query_answers_what_the_readme_shows(db: Database) -> None:
    assert await load_seed_if_empty(db)
    query, variables, expected = readme_example()
    assert await data(db, query, variables) == expected
