"""Named Cypher statements kept in queries/**/*.cypher, loaded once at start-up.

A statement's name is its path under queries/ without the suffix ("cases/get_case").
Each file holds one statement after a header of `//` comments naming its parameters and
columns. A missing name fails loudly, at start-up when the registry is built.

A statement written for any relationship types (`[r:$any($types)]`, a dynamic type) may
also be asked for with its types fixed: `q(typed("nodes/list_related_in", ("PART_OF",)))`
is the same statement with `$any($types)` replaced by `PART_OF`. Neo4j 5.26 plans a
dynamic type as an expansion over every relationship of the node followed by a filter; a
static type lets it expand only the relationships of that type (issue 9: 5,932 rows
expanded for 105 wanted). The types come from code (graph/nodes.py Hop, checked against
loaders/model.py) and are checked again here to be bare identifiers, so no text from a
request can reach a statement.

A statement may also be composed by code from these files' text (graph/tree.py: one
statement for a nested selection of lists): `compose(name, build)` keeps it under its name,
built once, so `q(name)` finds it like any other. What goes into it is the files' text and
identifiers checked as above, never a request's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import LiteralString

QUERIES_PACKAGE = "queries"
DYNAMIC_TYPES = "$any($types)"  # what a typed variant replaces
TYPED = "@"  # separates a statement's name from the types fixed in its variant
_REL_TYPE = re.compile(r"[A-Z][A-Z0-9_]*")


class UnknownQuery(KeyError):
    pass


def _strip_header(text: str) -> str:
    # Only whole-line // comments are dropped; "//" inside strings stays untouched.
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("//")]
    return "\n".join(lines).strip().rstrip(";").strip()


@cache
def registry() -> dict[str, LiteralString]:
    root = Path(str(resources.files(QUERIES_PACKAGE)))
    found: dict[str, LiteralString] = {}
    for path in sorted(root.rglob("*.cypher")):
        name = path.relative_to(root).with_suffix("").as_posix()
        body = _strip_header(path.read_text(encoding="utf-8"))
        if not body:
            raise ValueError(f"queries/{name}.cypher holds no statement")
        # The files are ours, read from the package: never user input.
        found[name] = body
    return found


def q(name: str) -> LiteralString:
    """The statement called `name`; KeyError naming it when there is none."""
    try:
        return registry()[name]
    except KeyError:
        if TYPED in name:
            return _typed_statement(name)
        composed = _COMPOSED.get(name)
        if composed is not None:
            return composed
        raise UnknownQuery(f"no Cypher statement named {name!r} in queries/") from None


COMPOSED_KEPT = 512  # composed statements kept; each shape of query is one
_COMPOSED: dict[str, LiteralString] = {}


def compose(name: str, build: Callable[[], LiteralString]) -> str:
    """Keep the statement `build` makes under `name` (built once), for `q(name)`."""
    if name not in _COMPOSED:
        if len(_COMPOSED) >= COMPOSED_KEPT:
            # Shapes come from queries clients send: bounded, so a flood of shapes costs
            # rebuilding, never memory.
            _COMPOSED.pop(next(iter(_COMPOSED)))
        _COMPOSED[name] = build()
    return name


def typed(name: str, types: tuple[str, ...]) -> str:
    """The name of `name`'s variant with its relationship types fixed (see the module doc)."""
    return f"{name}{TYPED}{'|'.join(types)}"


@cache
def _typed_statement(name: str) -> LiteralString:
    base, _, types = name.partition(TYPED)
    text = q(base)
    alternatives = types.split("|")
    # Identifiers only: the text goes into the statement, so nothing else may pass.
    if not all(_REL_TYPE.fullmatch(t) for t in alternatives):
        raise UnknownQuery(f"{types!r} are not relationship type names (in {name!r})")
    if DYNAMIC_TYPES not in text:
        raise UnknownQuery(f"queries/{base}.cypher has no {DYNAMIC_TYPES} to fix")
    # Only the checked names go in: the rest is the file's text, so still ours.
    return text.replace(DYNAMIC_TYPES, "|".join(alternatives))
