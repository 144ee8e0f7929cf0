"""What a valid record of each label and relationship type looks like, compiled for speed.

A city-sized dataset has millions of records, so each one first takes a fast path: its
keys against frozensets, its values' Python types against tuples, then only the values that
need converting or bounding go through a check (loaders/checks.py). A record that fails
any of it is looked at again slowly by `diagnose`, which names every problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from loaders.checks import Bad, Check, compile_prop, from_csv
from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE, Prop

REL_ENDS = ("from", "to")

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "date": (str, date),
    "datetime": (str, datetime),
    "string[]": (list,),
    "integer[]": (list,),
}
# Plain strings and booleans need no more than the type test above.
_NO_CHECK = frozenset({"string", "boolean"})


@dataclass(frozen=True)
class Spec:
    name: str
    checks: dict[str, Check]  # every property's full check
    types: dict[str, str]  # property -> model type name
    allowed: frozenset[str]  # properties, plus id or from/to
    required: frozenset[str]
    py_types: dict[str, tuple[type, ...]]
    converts: tuple[tuple[str, Check], ...]  # the checks the fast path still runs

    def suggest(self, key: str) -> str:
        close = difflib.get_close_matches(key, list(self.checks), n=1)
        return f" (did you mean {close[0]!r}?)" if close else ""


def _needs_check(prop: Prop) -> bool:
    return prop.type not in _NO_CHECK or bool(prop.enum) or prop.minimum is not None


def _spec(name: str, props: Mapping[str, Prop], own: tuple[str, ...]) -> Spec:
    py_types = {k: _PY_TYPES[p.type] for k, p in props.items()}
    py_types.update({k: (str,) for k in own})
    return Spec(
        name=name,
        checks={k: compile_prop(p) for k, p in props.items()},
        types={k: p.type for k, p in props.items()},
        allowed=frozenset(props) | frozenset(own),
        required=frozenset(k for k, p in props.items() if p.required) | frozenset(own),
        py_types=py_types,
        converts=tuple((k, compile_prop(p)) for k, p in props.items() if _needs_check(p)),
    )


NODE_SPECS: dict[str, Spec] = {
    label: _spec(label, n.props, ("id",)) for label, n in NODES_BY_LABEL.items()
}
REL_SPECS: dict[str, Spec] = {t: _spec(t, r.props, REL_ENDS) for t, r in RELS_BY_TYPE.items()}


def fast(spec: Spec, record: Any) -> bool:
    """Check and convert `record` in place on the fast path; False sends it to `diagnose`.

    On False the record may be partly converted; the checks accept converted values, so
    `diagnose` still reports exactly what was wrong in the input.
    """
    if type(record) is not dict:
        return False
    keys = record.keys()
    if not (keys <= spec.allowed and spec.required <= keys):
        return False
    py_types = spec.py_types
    for key, value in record.items():
        if type(value) not in py_types[key]:
            return False
    try:
        for key, check in spec.converts:
            value = record.get(key)
            if value is not None:
                record[key] = check(value)
    except Bad:
        return False
    return True


def diagnose(
    spec: Spec, record: dict[str, Any], csv: bool, own: tuple[str, ...]
) -> list[tuple[str, str]]:
    """Every (field, problem) of `record`; converts the valid values in place.

    Keys in `own` (id, or from and to) are the caller's to check. A null value means "no
    value" and is dropped, as Neo4j stores no nulls.
    """
    problems: list[tuple[str, str]] = []
    empty: list[str] = []
    for key, value in record.items():
        if key in own:
            continue
        check = spec.checks.get(key)
        if check is None:
            problems.append((key, f"unknown property of {spec.name}{spec.suggest(key)}"))
        elif value is None:
            empty.append(key)
        else:
            try:
                record[key] = check(from_csv(spec.types[key], value) if csv else value)
            except Bad as exc:
                problems.append((key, exc.message))
    for key in empty:
        del record[key]
    for key in sorted(spec.required - set(own)):
        if key not in record:
            problems.append((key, f"required for {spec.name}"))
    return problems
