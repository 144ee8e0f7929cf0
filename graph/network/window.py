"""The time window a projection is read for, and the network kinds there are."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

NetworkKind = Literal["partnership", "units", "alliances"]
NETWORK_KINDS: tuple[NetworkKind, ...] = ("partnership", "units", "alliances")

# Sides of a node: who it is in the network, whatever its label.
UNIT = "unit"
COMMUNITY = "community"
ALLIANCE = "alliance"
MEMBER = "member"

EARLIEST = dt.date(1, 1, 1)


class BadWindow(ValueError):
    """A window whose start lies after its end."""


@dataclass(frozen=True)
class Window:
    """Links alive between `start` and `end` (both inclusive; None = open on that side).

    An open end means "as of today": recency weights are measured from the end.
    """

    start: dt.date | None = None
    end: dt.date | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise BadWindow(
                f"the window starts on {self.start.isoformat()} after it ends on "
                f"{self.end.isoformat()}: 'from' must not be later than 'to'"
            )

    def bounds(self, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """Concrete (start, end) for Cypher: the open start is the year 1, the open end today."""
        end = self.end or today or dt.date.today()
        return self.start or EARLIEST, end

    def label(self) -> str:
        start = self.start.isoformat() if self.start else "…"
        end = self.end.isoformat() if self.end else "today"
        return f"{start} – {end}"

    @classmethod
    def year_before(cls, end: dt.date) -> Window:
        """The twelve months ending on `end`, for comparing this year with the last."""
        return cls(_years_back(end, 1) + dt.timedelta(days=1), end)


def _years_back(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
