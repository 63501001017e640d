"""Dates as the sources give them: a day, a month or a year, possibly only "before" or
"after" it, or a standing position known from the start of the debate.

A date is written as a string in scenario files (``2000-06-03``, ``2000-06``, ``2000``,
``before 2000-06``, ``after 1999``, ``standing``) so that a hand-written file stays readable.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

DATE_PATTERN = r"^(standing|((before|after) )?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$"
_DATE_RE = re.compile(r"^(?:(before|after) )?([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")

Precision = Literal["day", "month", "year", "standing"]
Qualifier = Literal["before", "after"]

_MONTHS = ("January February March April May June July August September October November December").split()


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
    def _span(self) -> tuple[dt.date, dt.date]:
        if self.precision == "standing":
            return dt.date.min, dt.date.min
        if self.precision == "year":
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.precision == "month":
            last = calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last)
        day = dt.date(self.year, self.month, self.day)
        return day, day

    @property
    def earliest(self) -> dt.date:
        """The first day the date may mean."""
        first, last = self._span()
        if self.qualifier == "after":
            return last + dt.timedelta(days=1) if last < dt.date.max else last
        if self.qualifier == "before":
            return dt.date.min
        return first

    @property
    def latest(self) -> dt.date:
        """The last day the date may mean."""
        first, last = self._span()
        if self.qualifier == "before":
            return first - dt.timedelta(days=1) if first > dt.date.min else first
        if self.qualifier == "after":
            return dt.date.max
        return last

    def sort_key(self) -> tuple[dt.date, int]:
        """Where the date sits in the debate's order.

        A date sorts at the start of the span it names; "before X" just ahead of X, and
        "after X" just ahead of whatever follows X. Standing positions come first of all.
        """
        if self.precision == "standing":
            return (dt.date.min, -1)
        first, last = self._span()
        if self.qualifier == "before":
            return (first, -1)
        if self.qualifier == "after":
            return (last + dt.timedelta(days=1), -1)
        return (first, 0)

    def __str__(self) -> str:
        if self.precision == "standing":
            return "standing"
        text = f"{self.year:04d}"
        if self.precision in ("month", "day"):
            text += f"-{self.month:02d}"
        if self.precision == "day":
            text += f"-{self.day:02d}"
        return f"{self.qualifier} {text}" if self.qualifier else text

    def describe(self) -> str:
        """A reader's form: '12 March 2001', 'June 2000', 'before 1999', 'standing position'."""
        if self.precision == "standing":
            return "standing position"
        if self.precision == "year":
            text = str(self.year)
        elif self.precision == "month":
            text = f"{_MONTHS[self.month - 1]} {self.year}"
        else:
            text = f"{self.day} {_MONTHS[self.month - 1]} {self.year}"
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
            f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, optionally "
            "after 'before ' or 'after ', or 'standing'"
        )
    qualifier, y, mo, d = m.groups()
    year = int(y)
    if year < 1:
        raise ValueError(f"'{text}': year 0 does not exist")
    if mo is None:
        return cls("year", year, qualifier=qualifier)  # type: ignore[arg-type]
    month = int(mo)
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}': month {month} does not exist")
    if d is None:
        return cls("month", year, month, qualifier=qualifier)  # type: ignore[arg-type]
    day = int(d)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"'{text}': {_MONTHS[month - 1]} {year} has no day {day}")
    return cls("day", year, month, day, qualifier=qualifier)  # type: ignore[arg-type]


def check_date(text: str) -> str:
    """Pydantic validator: keep the string, reject dates that do not exist."""
    FuzzyDate.parse(text)
    return text
