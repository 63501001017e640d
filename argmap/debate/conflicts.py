"""Conflicting messages: pairs of one side's (or one speaker's) claims that attack or
contradict each other, with who said each and when.

The side's pairs come from ``Debate.contradictions`` (a side includes its speakers, and a
joint statement counts for each side it speaks for); this module adds the dates and speakers,
and the same per speaker: two claims a speaker made (alone or jointly), one of which attacks
or contradicts the other, across the whole timeline up to the step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from argmap.debate.index import Debate


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two claims of one side or speaker in conflict; ``first`` was said no later than
    ``second``."""

    holder: str
    """The side or speaker holding both claims."""
    first: str
    second: str
    relation: str
    type: Literal["contradicts", "attacks"]
    first_date: str
    second_date: str
    first_speaker: str
    second_speaker: str
    attacker: str
    """The claim the relation runs from (an attack has a direction; time order is not it)."""
    holder_name: str
    first_text: str
    second_text: str
    first_name: str
    """The first claim's speaker (and joint speakers) by name."""
    second_name: str

    @property
    def same_time(self) -> bool:
        return self.first_date == self.second_date


def _date(debate: Debate, claim: str) -> str:
    date = debate.date_of_claim(claim)
    return date.describe() if date is not None else ""


def _conflict(debate: Debate, holder: str, first: str, second: str, relation: str, kind: str) -> Conflict:
    return Conflict(
        holder,
        first,
        second,
        relation,
        kind,  # type: ignore[arg-type]
        _date(debate, first),
        _date(debate, second),
        debate.claims[first].actor,
        debate.claims[second].actor,
        debate.relations[relation].from_ if relation in debate.relations else first,
        debate.actor_name(holder),
        debate.claims[first].text,
        debate.claims[second].text,
        debate.speaker_names(first),
        debate.speaker_names(second),
    )


def side_conflicts(debate: Debate, step: int) -> dict[str, list[Conflict]]:
    """For each side, its conflicting pairs said by a step, in the order they arose."""
    out: dict[str, list[Conflict]] = {side: [] for side in debate.sides}
    for c in debate.contradictions(step):
        out.setdefault(c.side, []).append(_conflict(debate, c.side, c.first, c.second, c.relation, c.type))
    return out


def speaker_conflicts(debate: Debate, step: int) -> dict[str, list[Conflict]]:
    """For each speaker with any, the pairs of its own claims (said by a step) that attack or
    contradict each other, in the order they arose."""
    found: list[tuple[int, int, Conflict]] = []
    for i, rel in enumerate(debate.scenario.relations):
        if rel.type not in ("contradicts", "attacks") or rel.to not in debate.claims:
            continue
        if not (debate.is_said(rel.from_, step) and debate.is_said(rel.to, step)):
            continue
        a, b = debate.claims[rel.from_], debate.claims[rel.to]
        parties_b = {b.actor, *b.with_}
        first, second = sorted((rel.from_, rel.to), key=lambda c: debate.order.get(c, 0))
        arose = max(debate.order.get(rel.from_, 0), debate.order.get(rel.to, 0))
        for speaker in dict.fromkeys((a.actor, *a.with_)):
            if speaker in parties_b:
                found.append((arose, i, _conflict(debate, speaker, first, second, rel.id, rel.type)))
    found.sort(key=lambda f: (f[0], f[1]))
    out: dict[str, list[Conflict]] = {}
    for _, _, conflict in found:
        out.setdefault(conflict.holder, []).append(conflict)
    return out
