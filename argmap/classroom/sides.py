"""A side as a teacher or student names it: by id or by name, in any case."""

from __future__ import annotations

from argmap.classroom.filenames import normal
from argmap.debate.index import Debate


def find_side(debate: Debate, given: str) -> str | None:
    """The side's id for ``given`` (``russia``, ``Russia``, ``united states``), or None."""
    wanted = normal(given).casefold()
    for side in debate.sides:
        if wanted in (side.casefold(), normal(debate.actor_name(side)).casefold()):
            return side
    return None


def unknown_side(debate: Debate, given: str) -> str:
    """Why a side is refused, listing the sides by name and id."""
    known = ", ".join(f"{debate.actor_name(s)} ({s})" for s in debate.sides)
    return f"'{given}' is not a side; sides: {known}"
