"""Dates as the sources give them: a day, a month or a year, possibly only "before" or
"after" it, or a standing position known from the start of the debate.

A date is written as a string in scenario files (``2000-06-03``, ``2000-06``, ``2000``,
``before 2000-06``, ``after 1999``, ``standing``) so that a hand-written file stays readable.
Years before AD 1 are written ``-0416`` or ``416 BC`` and shown as "416 BC"; there is no year 0,
as historians count (ISO 8601's astronomical years would call 416 BC ``-0415``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

_YEAR = r"-?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|[0-9]{1,4} BCE?"
DATE_PATTERN = rf"^(standing|((before|after) )?({_YEAR}))$"
_DATE_RE = re.compile(r"^(?:(before|after) )?(?:(-?)([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?|([0-9]{1,4}) BCE?)$")
YEAR_LIMIT = 9999
"""The furthest year either side of the era a date may name."""

Precision = Literal["day", "month", "year", "standing"]
Qualifier = Literal["before", "after"]

_MONTHS = ("January February March April May June July August September October November December").split()


def _astronomical(year: int) -> int:
    """The year counted with a year 0: 1 BC is 0, 2 BC is -1 (argmap's years have no year 0)."""
    return year + 1 if year < 0 else year


def _is_leap(year: int) -> bool:
    a = _astronomical(year)
    return a % 4 == 0 and (a % 100 != 0 or a % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _ordinal(year: int, month: int, day: int) -> int:
    """Days on the Gregorian calendar extended backwards, 1 January of AD 1 being day 1."""
    a = _astronomical(year) - (month <= 2)
    era = a // 400
    yoe = a - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 305


def _civil(ordinal: int) -> tuple[int, int, int]:
    """The (year, month, day) of an ordinal day, years before AD 1 negative (no year 0)."""
    z = ordinal + 305
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    a = yoe + era * 400 + (month <= 2)
    return (a if a > 0 else a - 1), month, day


@dataclass(frozen=True, order=True, slots=True)
class Day:
    """One day of any era, ordered; ``isoformat`` writes years before AD 1 with a minus sign
    as argmap reads them (416 BC is ``-0416``)."""

    ordinal: int

    @classmethod
    def of(cls, year: int, month: int, day: int) -> Day:
        return cls(_ordinal(year, month, day))

    def shifted(self, days: int) -> Day:
        return Day(self.ordinal + days)

    def isoformat(self) -> str:
        year, month, day = _civil(self.ordinal)
        sign = "-" if year < 0 else ""
        return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


FIRST_DAY: Day = Day.of(-YEAR_LIMIT, 1, 1)
"""The first day a date can mean: where "before" dates and standing positions begin."""
LAST_DAY: Day = Day.of(YEAR_LIMIT, 12, 31)
"""The last day a date can mean: where "after" dates end."""


def year_text(year: int) -> str:
    """A year for a reader: 2001, 416 BC."""
    return f"{-year} BC" if year < 0 else str(year)


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date with its precision; ``earliest``/``latest`` bound the days it may mean."""

    precision: Precision
    year: int = 0
    month: int = 0
    day: int = 0
    qualifier: Qualifier | None = None

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse a date string; raises ``ValueError`` with a readable reason."""
        return _parse(text)

    # The span of days the date names, ignoring its qualifier; cached, as dates repeat.
    @functools.lru_cache(maxsize=4096)  # noqa: B019 - dates are few, small and immutable
    def _span(self) -> tuple[Day, Day]:
        if self.precision == "standing":
            return FIRST_DAY, FIRST_DAY
        if self.precision == "year":
            return Day.of(self.year, 1, 1), Day.of(self.year, 12, 31)
        if self.precision == "month":
            last = days_in_month(self.year, self.month)
            return Day.of(self.year, self.month, 1), Day.of(self.year, self.month, last)
        day = Day.of(self.year, self.month, self.day)
        return day, day

    @property
    def earliest(self) -> Day:
        """The first day the date may mean."""
        first, last = self._span()
        if self.qualifier == "after":
            return last.shifted(1) if last < LAST_DAY else last
        if self.qualifier == "before":
            return FIRST_DAY
        return first

    @property
    def latest(self) -> Day:
        """The last day the date may mean."""
        first, last = self._span()
        if self.qualifier == "before":
            return first.shifted(-1) if first > FIRST_DAY else first
        if self.qualifier == "after":
            return LAST_DAY
        return last

    def sort_key(self) -> tuple[Day, int]:
        """Where the date sits in the debate's order.

        A date sorts at the start of the span it names; "before X" just ahead of X, and
        "after X" just ahead of whatever follows X. Standing positions come first of all.
        """
        if self.precision == "standing":
            return (FIRST_DAY, -1)
        first, last = self._span()
        if self.qualifier == "before":
            return (first, -1)
        if self.qualifier == "after":
            return (last.shifted(1), -1)
        return (first, 0)

    def __str__(self) -> str:
        """The date as a scenario file writes it; years before AD 1 with a minus sign."""
        if self.precision == "standing":
            return "standing"
        text = f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.precision in ("month", "day"):
            text += f"-{self.month:02d}"
        if self.precision == "day":
            text += f"-{self.day:02d}"
        return f"{self.qualifier} {text}" if self.qualifier else text

    def describe(self) -> str:
        """A reader's form: '12 March 2001', 'June 2000', 'before 1999', '416 BC', 'standing position'."""
        if self.precision == "standing":
            return "standing position"
        year = year_text(self.year)
        if self.precision == "year":
            text = year
        elif self.precision == "month":
            text = f"{_MONTHS[self.month - 1]} {year}"
        else:
            text = f"{self.day} {_MONTHS[self.month - 1]} {year}"
        return f"{self.qualifier} {text}" if self.qualifier else text

    def to_json(self) -> dict[str, object]:
        """The resolved form used by ``argmap export``."""
        standing = self.precision == "standing"
        return {
            "value": str(self),
            "precision": self.precision,
            "qualifier": self.qualifier,
            "earliest": None if standing or self.qualifier == "before" else self.earliest.isoformat(),
            "latest": None if standing or self.qualifier == "after" else self.latest.isoformat(),
        }


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> FuzzyDate:
    # Cached: a large scenario names the same few hundred dates many times over.
    cls = FuzzyDate
    text = text.strip()
    if text == "standing":
        return cls("standing")
    m = _DATE_RE.match(text)
    if not m:
        raise ValueError(
            f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (-YYYY or 'N BC' before AD 1), "
            "optionally after 'before ' or 'after ', or 'standing'"
        )
    qualifier, minus, y, mo, d, bc = m.groups()
    year = -int(bc) if bc is not None else -int(y) if minus else int(y)
    if year == 0:
        raise ValueError(f"'{text}': year 0 does not exist (1 BC is followed by AD 1)")
    if mo is None:
        return cls("year", year, qualifier=qualifier)  # type: ignore[arg-type]
    month = int(mo)
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}': month {month} does not exist")
    if d is None:
        return cls("month", year, month, qualifier=qualifier)  # type: ignore[arg-type]
    day = int(d)
    if not 1 <= day <= days_in_month(year, month):
        raise ValueError(f"'{text}': {_MONTHS[month - 1]} {year_text(year)} has no day {day}")
    return cls("day", year, month, day, qualifier=qualifier)  # type: ignore[arg-type]


def check_date(text: str) -> str:
    """Pydantic validator: keep the string, reject dates that do not exist."""
    FuzzyDate.parse(text)
    return text
