"""A scenario placed in time: its parts by id, its claims in timeline order, and who speaks for
which side (see ``sides``).

A claim is *said by* step N when its timeline step is at most N. Claims in timeline order are
sorted by step, then as written in the file.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from argmap.debate.sides import claim_speakers, outermost_sides, top_sides
from argmap.debate.timeline import Step, Timeline, build_timeline
from argmap.scenario.dates import FuzzyDate
from argmap.scenario.model import Actor, Claim, Event, Relation, Scenario, Topic

if TYPE_CHECKING:
    from argmap.scenario.loaded import LoadedSource


class PlacedScenario:
    """The lookups every question about the debate starts from."""

    def __init__(
        self, scenario: Scenario, sources: dict[str, LoadedSource] | None = None, timeline: Timeline | None = None
    ) -> None:
        self.scenario = scenario
        self.sources = sources or {}
        self.timeline = timeline or build_timeline(scenario)
        self.claims: dict[str, Claim] = {c.id: c for c in scenario.claims}
        self.actors: dict[str, Actor] = {a.id: a for a in scenario.actors}
        self.topics: dict[str, Topic] = {t.id: t for t in scenario.topics}
        self.events: dict[str, Event] = {e.id: e for e in scenario.events}
        self.relations: dict[str, Relation] = {r.id: r for r in scenario.relations}
        self.steps: tuple[Step, ...] = self.timeline.steps
        self.first_step = self.steps[0].index if self.steps else 0
        self.last_step = self.steps[-1].index if self.steps else 0

        self.side_of_actor: dict[str, str | None] = outermost_sides(scenario.actors)
        self.sides: tuple[str, ...] = top_sides(scenario.actors, self.side_of_actor)
        self.commentators: tuple[str, ...] = tuple(a.id for a in scenario.actors if a.kind == "commentator")
        self.speakers: dict[str, tuple[tuple[str, str], ...]] = claim_speakers(scenario.claims, self.side_of_actor)
        """Each side a claim speaks for, with the party speaking for it."""

        self.relations_out: dict[str, list[Relation]] = {cid: [] for cid in self.claims}
        self.relations_in: dict[str, list[Relation]] = {cid: [] for cid in self.claims}
        self.undercuts: dict[str, list[Relation]] = {}
        for rel in scenario.relations:
            if rel.type == "undercuts":
                self.undercuts.setdefault(rel.to, []).append(rel)
                self.relations_out.setdefault(rel.from_, []).append(rel)
                continue
            self.relations_out.setdefault(rel.from_, []).append(rel)
            self.relations_in.setdefault(rel.to, []).append(rel)

        position = {c.id: i for i, c in enumerate(scenario.claims)}
        step_of = self.timeline.claim_step
        dated = [c.id for c in scenario.claims if c.id in step_of]
        dated.sort(key=lambda cid: (step_of[cid], position[cid]))
        self.ordered: tuple[str, ...] = tuple(dated)
        """Claims in timeline order."""
        self._ordered_steps = [step_of[cid] for cid in dated]
        self.order: dict[str, int] = {cid: i for i, cid in enumerate(dated)}

    # --- time -----------------------------------------------------------------------------

    def step(self, index: int) -> Step:
        """The step of a given index (clamped to the timeline)."""
        return self.steps[self.clamp(index) - self.first_step]

    def clamp(self, index: int) -> int:
        return max(self.first_step, min(self.last_step, index))

    def step_of_claim(self, claim: str) -> int:
        return self.timeline.claim_step.get(claim, self.last_step)

    def date_of_claim(self, claim: str) -> FuzzyDate | None:
        return self.timeline.claim_date.get(claim)

    def step_of_date(self, date: FuzzyDate | str) -> int:
        if isinstance(date, str):
            date = FuzzyDate.parse(date)
        return self.clamp(self.timeline.step_of_date(date))

    def is_said(self, claim: str, step: int) -> bool:
        return self.timeline.claim_step.get(claim, self.last_step + 1) <= step

    def said_by(self, step: int) -> tuple[str, ...]:
        """Claims said by a step, in timeline order."""
        return self.ordered[: bisect.bisect_right(self._ordered_steps, step)]

    def introduced_at(self, step: int) -> tuple[str, ...]:
        """Claims first said at a step, in timeline order."""
        lo = bisect.bisect_left(self._ordered_steps, step)
        hi = bisect.bisect_right(self._ordered_steps, step)
        return self.ordered[lo:hi]

    # --- who ------------------------------------------------------------------------------

    def sides_of_claim(self, claim: str) -> tuple[str, ...]:
        """The sides a claim speaks for: its speaker's, then the other parties' of a joint one."""
        return tuple(side for side, _ in self.speakers.get(claim, ()))

    def side_of_claim(self, claim: str) -> str | None:
        """The side of the claim's speaker; None for commentators and actors outside any side."""
        return self.side_of_actor.get(self.claims[claim].actor)

    def is_apart(self, claim: str) -> bool:
        """Said by a commentator or by no side: shown apart from the sides."""
        return not self.speakers.get(claim)

    def actor_name(self, actor: str) -> str:
        found = self.actors.get(actor)
        return found.name if found else actor

    def speaker_names(self, claim: str) -> str:
        """The speaker, and the other parties of a joint statement."""
        c = self.claims[claim]
        return " and ".join(self.actor_name(a) for a in (c.actor, *c.with_))

    def side_claims(self, side: str, step: int) -> list[str]:
        """A side's claims said by a step, in timeline order."""
        return [cid for cid in self.said_by(step) if side in self.sides_of_claim(cid)]

    def apart_claims(self, step: int) -> list[str]:
        """Claims of commentators (and of actors outside every side) said by a step."""
        return [cid for cid in self.said_by(step) if self.is_apart(cid)]
