"""Claims by column and topic, as the positions view lays them out.

The columns are the sides, then ``APART`` for the claims of commentators and of actors outside
every side; the topic ``NO_TOPIC`` holds claims that take none. A joint statement appears under
each side it speaks for.
"""

from __future__ import annotations

import bisect

from argmap.debate.placed import PlacedScenario

NO_TOPIC = ""
"""The topic key of claims that take no topic."""
APART = ""
"""The column key of claims kept apart from the sides (commentators)."""

Groups = dict[str, dict[str, tuple[list[int], list[str]]]]
"""Column -> topic -> the steps of its claims and the claims, in timeline order."""


def claim_groups(placed: PlacedScenario) -> Groups:
    groups: Groups = {s: {} for s in placed.sides}
    groups[APART] = {}
    step_of = placed.timeline.claim_step
    for cid in placed.ordered:
        topic = placed.claims[cid].topic or NO_TOPIC
        for column in placed.sides_of_claim(cid) or (APART,):
            steps, claims = groups[column].setdefault(topic, ([], []))
            steps.append(step_of[cid])
            claims.append(cid)
    return groups


def grouped_at(groups: Groups, step: int) -> dict[str, dict[str, tuple[str, ...]]]:
    """The claims of each group said by a step; topics with none are left out."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for column, topics in groups.items():
        shown = out[column] = {}
        for topic, (steps, claims) in topics.items():
            n = bisect.bisect_right(steps, step)
            if n:
                shown[topic] = tuple(claims[:n])
    return out


def topics_in_order(placed: PlacedScenario, step: int | None = None) -> list[str]:
    """Topics in file order, then ``NO_TOPIC`` if claims without a topic exist (said by the
    step, when one is given)."""
    out = [t.id for t in placed.scenario.topics]
    claims = placed.said_by(step) if step is not None else placed.ordered
    if any(placed.claims[c].topic is None for c in claims):
        out.append(NO_TOPIC)
    return out
