"""Where a side contradicts itself.

A side *contradicts itself* at step N when two of its claims, both said by step N, are joined
by a ``contradicts`` relation, or one ``attacks`` the other. (``conflicts`` adds the dates and
speakers, and the same per speaker.)
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal

from argmap.debate.placed import PlacedScenario


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims of one side that conflict: ``first`` was said no later than ``second``."""

    side: str
    first: str
    second: str
    relation: str
    type: Literal["contradicts", "attacks"]


class Contradictions:
    """Every contradiction of the debate, with the step from which both its claims are said."""

    def __init__(self, placed: PlacedScenario) -> None:
        found: list[tuple[int, int, Contradiction]] = []
        step_of = placed.timeline.claim_step
        for i, rel in enumerate(placed.scenario.relations):
            if rel.type not in ("contradicts", "attacks"):
                continue
            if rel.from_ not in step_of or rel.to not in step_of:
                continue
            to_sides = placed.sides_of_claim(rel.to)
            shared = [s for s in placed.sides_of_claim(rel.from_) if s in to_sides]
            if not shared:
                continue
            first, second = sorted((rel.from_, rel.to), key=placed.order.__getitem__)
            at = max(step_of[rel.from_], step_of[rel.to])
            for s in shared:
                found.append((at, i, Contradiction(s, first, second, rel.id, rel.type)))
        found.sort(key=lambda f: (f[0], f[1]))
        self._steps = [f[0] for f in found]
        self._found = [f[2] for f in found]

    def by(self, step: int, side: str | None = None) -> list[Contradiction]:
        """Pairs of a side's claims, both said by a step, that contradict or attack each other;
        in the order they arose."""
        arisen = self._found[: bisect.bisect_right(self._steps, step)]
        return arisen if side is None else [c for c in arisen if c.side == side]


def flagged_claims(found: list[Contradiction]) -> dict[str, list[Contradiction]]:
    """Each claim in some of the contradictions, with those contradictions."""
    flagged: dict[str, list[Contradiction]] = {}
    for c in found:
        flagged.setdefault(c.first, []).append(c)
        flagged.setdefault(c.second, []).append(c)
    return flagged
