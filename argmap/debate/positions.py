"""Where each side stands on each topic, step by step.

A side's *position* on a topic at step N: for each of the side's speakers, take the stances of
that speaker's latest claims on the topic said by step N (all claims of the speaker's latest
step on it). The position is "for" or "against" when every current stance agrees (neutral ones
aside), "neutral" when all are neutral, and "conflicting" when the side holds both for and
against at once.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Literal

from argmap.debate.placed import PlacedScenario

PositionStance = Literal["for", "against", "neutral", "conflicting"]
CONFLICTING: PositionStance = "conflicting"


@dataclass(frozen=True, slots=True)
class Position:
    """Where a side stands on a topic at a step, and the claims behind it."""

    side: str
    topic: str
    stance: PositionStance
    claims: tuple[str, ...]
    """The current claims that make the position, in timeline order."""


@dataclass(frozen=True, slots=True)
class StanceChange:
    """A side's position on a topic that is new, or differs from the step before."""

    side: str
    topic: str
    before: Position | None
    after: Position

    @property
    def first(self) -> bool:
        return self.before is None


class PositionHistory:
    """For each side and topic, the steps where its position was set, and the position.

    Built in one pass over the claims in timeline order, so that the position at any step is a
    binary search away.
    """

    def __init__(self, placed: PlacedScenario) -> None:
        self.first_step = placed.first_step
        self._history = _history(placed)
        # Stepping back and forth asks for the same few steps again: keep their answers.
        self.at = functools.lru_cache(maxsize=64)(self._at)

    def _at(self, step: int) -> dict[tuple[str, str], Position]:
        """Each side's position on each topic it has spoken on by a step."""
        result: dict[tuple[str, str], Position] = {}
        for key, (steps, held) in self._history.items():
            i = bisect.bisect_right(steps, step)
            if i:
                result[key] = held[i - 1]
        return result

    def changes(self, step: int) -> list[StanceChange]:
        """Positions taken for the first time, or changed, at a step."""
        now = self.at(step)
        before = {} if step <= self.first_step else self.at(step - 1)
        changes = []
        for key, position in now.items():
            old = before.get(key)
            if old is None or old.stance != position.stance:
                changes.append(StanceChange(key[0], key[1], old, position))
        return changes


def _history(placed: PlacedScenario) -> dict[tuple[str, str], tuple[list[int], list[Position]]]:
    step_of = placed.timeline.claim_step
    # (side, topic) -> speaker -> (latest step, claims of that step)
    latest: dict[tuple[str, str], dict[str, tuple[int, list[str]]]] = {}
    history: dict[tuple[str, str], tuple[list[int], list[Position]]] = {}
    for cid in placed.ordered:
        claim = placed.claims[cid]
        if claim.topic is None or claim.stance is None:
            continue
        at = step_of[cid]
        for side, speaker in placed.speakers[cid]:
            key = (side, claim.topic)
            per_speaker = latest.setdefault(key, {})
            held = per_speaker.get(speaker)
            if held is None or held[0] < at:
                per_speaker[speaker] = (at, [cid])
            else:
                held[1].append(cid)
            position = _position_of(placed, side, claim.topic, per_speaker)
            steps, positions = history.setdefault(key, ([], []))
            if steps and steps[-1] == at:
                positions[-1] = position
            else:
                steps.append(at)
                positions.append(position)
    return history


def _position_of(
    placed: PlacedScenario, side: str, topic: str, per_speaker: dict[str, tuple[int, list[str]]]
) -> Position:
    claims = placed.claims
    current = sorted((c for _, cs in per_speaker.values() for c in cs), key=placed.order.__getitem__)
    stances = {claims[c].stance for c in current}
    stance: PositionStance
    if "for" in stances and "against" in stances:
        stance = CONFLICTING
    elif "for" in stances:
        stance = "for"
    elif "against" in stances:
        stance = "against"
    else:
        stance = "neutral"
    behind = current if stance in (CONFLICTING, "neutral") else [c for c in current if claims[c].stance == stance]
    return Position(side, topic, stance, tuple(behind))
