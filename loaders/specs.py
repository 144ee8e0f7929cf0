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
from typing import Any

from loaders.checks import Bad, Check, compile_prop, from_csv
from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE, Prop

REL_ENDS = ("from", "to")

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "date": (str,),
    "datetime": (str,),
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
    # key -> (Python types its JSON value may have, the check still to run or None)
    rules: dict[str, tuple[tuple[type, ...], Check | None]]

    def suggest(self, key: str) -> str:
        close = difflib.get_close_matches(key, list(self.checks), n=1)
        return f" (did you mean {close[0]!r}?)" if close else ""


def _needs_check(prop: Prop) -> bool:
    return prop.type not in _NO_CHECK or bool(prop.enum) or prop.minimum is not None


def _spec(name: str, props: Mapping[str, Prop], own: tuple[str, ...]) -> Spec:
    rules: dict[str, tuple[tuple[type, ...], Check | None]] = {k: ((str,), None) for k in own}
    for k, p in props.items():
        rules[k] = (_PY_TYPES[p.type], compile_prop(p) if _needs_check(p) else None)
    return Spec(
        name=name,
        checks={k: compile_prop(p) for k, p in props.items()},
        types={k: p.type for k, p in props.items()},
        allowed=frozenset(props) | frozenset(own),
        required=frozenset(k for k, p in props.items() if p.required) | frozenset(own),
        rules=rules,
    )


NODE_SPECS: dict[str, Spec] = {
    label: _spec(label, n.props, ("id",)) for label, n in NODES_BY_LABEL.items()
}
REL_SPECS: dict[str, Spec] = {t: _spec(t, r.props, REL_ENDS) for t, r in RELS_BY_TYPE.items()}


def fast(spec: Spec, record: Any) -> bool:
    """Check and convert `record` in place on the fast path; False sends it to `diagnose`.

    On False the record may be partly converted (whole numbers made floats); the checks
    accept what they produce, so `diagnose` still reports exactly what was wrong.
    """
    if type(record) is not dict or not spec.required <= record.keys():
        return False
    rules = spec.rules
    try:
        for key, value in record.items():
            rule = rules.get(key)
            if rule is None or type(value) not in rule[0]:
                return False  # an unknown key, a null or a wrong type: let diagnose say
            if rule[1] is not None:
                record[key] = rule[1](value)  # same keys, new value: safe while iterating
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
