"""Dates as a reader types them: in the file's form (``2000-06``, ``before 2001-02-03``) or in
the form argmap shows (``June 2000``, ``3 February 2001``, ``after April 2000``), and where
such a date falls in a debate."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap.scenario.dates import FuzzyDate

if TYPE_CHECKING:
    from argmap.debate.index import Debate

_MONTHS = "january february march april may june july august september october november december".split()
_SHOWN = re.compile(r"(?i)^(?:(before|after)\s+)?(?:(\d{1,2})\s+)?(?:([a-z]+)\.?,?\s+)?(\d{4})$")

FORMS = "June 2000, 3 February 2001, before June 2000, 2001, 2000-06 or 2001-02-03"
"""The forms a reader may type, for hints."""


def read_date(text: str) -> FuzzyDate:
    """The date ``text`` names; ``ValueError`` saying which forms are read when it names none."""
    words = " ".join(text.split())
    if words.lower() in ("standing", "standing position"):
        return FuzzyDate.parse("standing")
    try:
        return FuzzyDate.parse(words)
    except ValueError as exc:
        reason = str(exc)
    shown = _SHOWN.match(words)
    if shown is None:
        raise ValueError(f"{words!r} is not a date ({reason}); type one like {FORMS}")
    qualifier, day, month, year = shown.groups()
    if day and not month:
        raise ValueError(f"{words!r}: a day needs its month, as in 3 February 2001")
    iso = year
    if month:
        named = [i for i, m in enumerate(_MONTHS, 1) if m.startswith(month.lower()) and len(month) >= 3]
        if len(named) != 1:
            raise ValueError(f"{words!r}: '{month}' is not a month; type one like {FORMS}")
        iso = f"{year}-{named[0]:02d}" + (f"-{int(day):02d}" if day else "")
    return FuzzyDate.parse(f"{qualifier.lower()} {iso}" if qualifier else iso)


def outside(debate: Debate, date: FuzzyDate) -> str | None:
    """What to tell the reader when ``date`` lies outside the debate's dates (None inside)."""
    dated = [s for s in debate.steps if s.date.precision != "standing"]
    if not dated or date.precision == "standing":
        return None
    first, last = dated[0], dated[-1]
    if date.latest < first.date.earliest:
        return f"{date.describe()} is before the debate's first date ({first.date.describe()}): showing its start."
    if date.earliest > last.date.latest:
        return f"{date.describe()} is after the debate's last date ({last.date.describe()}): showing its end."
    return None
