"""Walking a guided tour: where each step takes the debate, and the tour's position.

A step moves the debate to the moment its focus was said (a claim's step; for a relation, the
later of its two ends), else to the last step at or before its ``date``, else it stays where the
previous step left it. A focus on a claim wins over a coarse date: several June 2000 steps of a
tour can then show the June events one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from argmap.debate.index import Debate
from argmap.scenario.model import Walkthrough, WalkthroughStep


def debate_step(debate: Debate, step: WalkthroughStep, previous: int) -> int:
    focus = step.focus
    if focus is not None and focus.claim in debate.claims:
        return debate.step_of_claim(focus.claim)
    if focus is not None and focus.relation in debate.relations:
        rel = debate.relations[focus.relation]
        ends = [e for e in (rel.from_, rel.to) if e in debate.claims]
        if rel.to in debate.relations:  # an undercut: the relation it attacks
            inner = debate.relations[rel.to]
            ends += [e for e in (inner.from_, inner.to) if e in debate.claims]
        if ends:
            return max(debate.step_of_claim(e) for e in ends)
    if step.date is not None:
        return debate.step_of_date(step.date)
    return previous


@dataclass(frozen=True, slots=True)
class Tour:
    """A walkthrough and how far along it the student is."""

    walkthrough: Walkthrough
    index: int = 0

    @property
    def step(self) -> WalkthroughStep:
        return self.walkthrough.steps[self.index]

    @property
    def at_end(self) -> bool:
        return self.index == len(self.walkthrough.steps) - 1

    @property
    def at_start(self) -> bool:
        return self.index == 0

    def next(self) -> Tour:
        return replace(self, index=min(self.index + 1, len(self.walkthrough.steps) - 1))

    def back(self) -> Tour:
        return replace(self, index=max(self.index - 1, 0))

    def debate_step(self, debate: Debate) -> int:
        """The debate step this tour step shows (earlier steps carry over when it names none)."""
        at = debate.first_step
        for i in range(self.index + 1):
            at = debate_step(debate, self.walkthrough.steps[i], at)
        return at


def find(debate: Debate, name: str) -> Walkthrough:
    for walk in debate.scenario.walkthroughs:
        if walk.id == name:
            return walk
    known = ", ".join(w.id for w in debate.scenario.walkthroughs) or "none"
    raise ValueError(f"no walkthrough '{name}'; walkthroughs: {known}")
