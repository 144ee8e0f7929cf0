"""Named Cypher statements kept in queries/**/*.cypher, loaded once at start-up.

A statement's name is its path under queries/ without the suffix ("cases/get_case").
Each file holds one statement after a header of `//` comments naming its parameters and
columns. A missing name fails loudly, at start-up when the registry is built.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import LiteralString

QUERIES_PACKAGE = "queries"


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
        raise UnknownQuery(f"no Cypher statement named {name!r} in queries/") from None
