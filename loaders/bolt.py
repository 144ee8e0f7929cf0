"""Dates and date-times packed as Bolt structures, ready for the driver to send as they are.

The driver turns a Python `date`/`datetime` into its Bolt structure in pure Python (tens of
microseconds each: a city's two million date-times took minutes), and converting ISO text
in Cypher with a dynamic property key cost Neo4j twice the work of the node itself. The
loader has parsed each value anyway, so it builds the structure Neo4j 5 (Bolt 5) expects:
a Date is days since 1970-01-01 (tag D); a DateTime with an offset is seconds since the
epoch in UTC, nanoseconds and the offset in seconds (tag I). tests/loaders check that the
graph holds real Date and DateTime values with their offsets.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from neo4j._codec.packstream import Structure  # the driver's own type for Bolt structures

DATE_TAG = b"D"
DATETIME_TAG = b"I"
_EPOCH_DAY = date(1970, 1, 1).toordinal()

__all__ = ["DATETIME_TAG", "DATE_TAG", "Structure", "bolt_date", "bolt_datetime"]


def bolt_date(day: date) -> Structure:
    return Structure(DATE_TAG, day.toordinal() - _EPOCH_DAY)


def bolt_datetime(moment: datetime, offset: timedelta) -> Structure:
    # timestamp() of an aware datetime is exact to the microsecond only via its parts.
    whole = moment.replace(microsecond=0)
    return Structure(
        DATETIME_TAG,
        int(whole.timestamp()),
        moment.microsecond * 1000,
        int(offset.total_seconds()),
    )
