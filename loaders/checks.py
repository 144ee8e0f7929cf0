"""Per-property checks compiled once from loaders/model.py.

Each check takes a JSON value and returns the value to send (numbers become `float`, dates
and date-times Bolt temporals), or raises `Bad` with what is wrong. Compiling them once
per property keeps validating a million records in seconds.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from loaders.bolt import DATE_TAG, DATETIME_TAG, Structure, bolt_date, bolt_datetime
from loaders.model import Prop

Check = Callable[[Any], Any]
INT64 = (-(2**63), 2**63 - 1)
MAX_OFFSET = timedelta(hours=18)  # the widest offset Neo4j takes
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Date, "T", time to the second, at most microseconds, and an offset (Z or ±HH:MM).
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})")


class Bad(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _string(v: Any) -> str:
    if type(v) is str:
        return v
    raise Bad(f"expected a string, got {show(v)}")


def _integer(v: Any) -> int:
    if type(v) is float and v.is_integer():
        v = int(v)  # 3.0 is a whole number in JSON (and in JSON Schema)
    if type(v) is int:
        if INT64[0] <= v <= INT64[1]:
            return v
        raise Bad(f"{v} does not fit in 64 bits")
    raise Bad(f"expected a whole number, got {show(v)}")


def _number(v: Any) -> float:
    if type(v) is int or type(v) is float:
        try:
            out = float(v)
        except OverflowError:
            raise Bad(f"{show(v)} is too large") from None
        if math.isfinite(out):
            return out
    raise Bad(f"expected a number, got {show(v)}")


def _boolean(v: Any) -> bool:
    if type(v) is bool:
        return v
    raise Bad(f"expected true or false, got {show(v)}")


def _date(v: Any) -> Any:
    if type(v) is str and _DATE.fullmatch(v):
        try:
            day = date.fromisoformat(v)
        except ValueError:
            raise Bad(f"{show(v)} is not a real date") from None
        return bolt_date(day)
    if type(v) is Structure and v.tag == DATE_TAG:
        return v  # converted already (a record that failed elsewhere, checked again)
    raise Bad(f'expected a date "YYYY-MM-DD", got {show(v)}')


def _datetime(v: Any) -> Any:
    if type(v) is str and _DATETIME.fullmatch(v):
        try:
            moment = datetime.fromisoformat(v)
        except ValueError:
            raise Bad(f"{show(v)} is not a real date and time") from None
        offset = moment.utcoffset()
        if offset is None or abs(offset) > MAX_OFFSET:
            raise Bad(f"{show(v)} has an offset beyond ±18:00")
        return bolt_datetime(moment, offset)
    if type(v) is Structure and v.tag == DATETIME_TAG:
        return v
    raise Bad(
        f'expected a date-time with an offset like "2024-05-01T09:30:00+08:00", got {show(v)}'
    )


def _list_of(item: Check, what: str) -> Check:
    def check(v: Any) -> list[Any]:
        if type(v) is not list:
            raise Bad(f"expected a list of {what}, got {show(v)}")
        out = []
        for i, x in enumerate(v):
            try:
                out.append(item(x))
            except Bad as exc:
                raise Bad(f"item {i}: {exc.message}") from None
        return out

    return check


BASE: dict[str, Check] = {
    "string": _string,
    "integer": _integer,
    "number": _number,
    "boolean": _boolean,
    "date": _date,
    "datetime": _datetime,
    "string[]": _list_of(_string, "strings"),
    "integer[]": _list_of(_integer, "whole numbers"),
}


def _bounded(check: Check, prop: Prop) -> Check:
    lo, hi, enum = prop.minimum, prop.maximum, frozenset(prop.enum)

    def one(v: Any) -> None:
        if enum and v not in enum:
            raise Bad(f"{show(v)} is not one of {', '.join(prop.enum)}")
        if lo is not None and v < lo:
            raise Bad(f"{show(v)} is below the minimum {lo:g}")
        if hi is not None and v > hi:
            raise Bad(f"{show(v)} is above the maximum {hi:g}")

    if prop.type.endswith("[]"):

        def each(v: Any) -> Any:
            out = check(v)
            for i, x in enumerate(out):
                try:
                    one(x)
                except Bad as exc:
                    raise Bad(f"item {i}: {exc.message}") from None
            return out

        return each

    def single(v: Any) -> Any:
        out = check(v)
        one(out)
        return out

    return single


def compile_prop(prop: Prop) -> Check:
    check = BASE[prop.type]
    if prop.enum or prop.minimum is not None or prop.maximum is not None:
        return _bounded(check, prop)
    return check


# ---- CSV cells are text; turn them into the JSON value the checks expect ------------------


def from_csv(prop_type: str, cell: str) -> Any:
    """A CSV cell as the JSON value it stands for; lists are written as JSON arrays."""
    if prop_type in ("string", "date", "datetime"):
        return cell
    if prop_type == "boolean":
        lowered = cell.strip().lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        raise Bad(f"expected true or false, got {show(cell)}")
    try:
        value = json.loads(cell)
    except ValueError:
        raise Bad(f"expected {prop_type}, got {show(cell)}") from None
    return value
