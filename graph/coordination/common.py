"""Shapes shared by the coordination answers: nodes, reasons, windows, input checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

# Cases and transfers are instants; windows are calendar days in China time.
CHINA_TIME = timezone(timedelta(hours=8))
LEVELS = ("grid", "community", "street", "district")
LEVEL_ZH = {"grid": "网格", "community": "社区", "street": "街道", "district": "区县"}
# A window with no end: the far past / far future, so statements always seek a range.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


class CoordinationInputError(ValueError):
    """An argument a user can fix; the message names the argument and what is wrong."""


@dataclass(frozen=True)
class Node:
    """A node as the graph holds it: its labels and its property map (with `id`)."""

    labels: tuple[str, ...]
    props: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.props["id"])

    @property
    def label(self) -> str:
        """The concrete label (Grid, MemberUnit ...), not Entity or a super label."""
        concrete = [lb for lb in self.labels if lb not in ("Entity", "Place", "Organisation")]
        return concrete[0] if concrete else self.labels[-1]


def node(value: Mapping[str, Any] | None) -> Node | None:
    """A Node from a `{labels: labels(n), props: properties(n)}` map; None for null."""
    if value is None:
        return None
    return Node(tuple(value["labels"]), dict(value["props"]))


def nodes(values: list[Mapping[str, Any]] | None) -> list[Node]:
    return [n for n in (node(v) for v in values or []) if n is not None]


@dataclass(frozen=True)
class Reason:
    """Why an answer says what it says: a stable code, points where it scored, two texts."""

    code: str
    detail_en: str
    detail_zh: str
    points: float | None = None


@dataclass(frozen=True)
class Window:
    """A closed range of calendar days; `from_at`/`to_at` bound instants (to_at exclusive)."""

    start: date
    end: date

    @property
    def from_at(self) -> datetime:
        return datetime.combine(self.start, time(0), CHINA_TIME)

    @property
    def to_at(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time(0), CHINA_TIME)

    def params(self) -> dict[str, Any]:
        return {
            "fromDate": self.start,
            "toDate": self.end,
            "fromAt": self.from_at,
            "toAt": self.to_at,
        }


def window(start: date | None, end: date | None, argument: str = "from/to") -> Window:
    """The window [start, end]; an open side runs to the far past or future."""
    lo = start or EARLIEST
    hi = end or LATEST
    if lo > hi:
        raise CoordinationInputError(
            f"{argument}: 'from' ({lo.isoformat()}) is after 'to' ({hi.isoformat()})"
        )
    return Window(lo, hi)


def check_first(first: int, argument: str, most: int) -> int:
    if first < 1 or first > most:
        raise CoordinationInputError(f"{argument} must be between 1 and {most}, got {first}")
    return first


def ratio(part: int | float, whole: int | float) -> float | None:
    """part / whole, or None when there is nothing to divide by (no cases is not 0 %)."""
    return None if not whole else float(part) / float(whole)


def as_date(value: Any) -> date | None:
    """A Python date from the driver's neo4j.time.Date (or a date, or None)."""
    if value is None or isinstance(value, date):
        return value
    native = value.to_native()
    assert isinstance(native, date)
    return native


def today() -> date:
    return datetime.now(CHINA_TIME).date()
