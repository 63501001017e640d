"""What a map export or picture shows: the claims said by a step, of one side or all, with the
relations between them and each claim's label there. The terminal UI's current view is one."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from argmap.debate.index import Debate
from argmap.engine.labels import Label
from argmap.engine.semantics_registry import Semantics
from argmap.engine.whatif import WhatIf
from argmap.scenario.loaded import Loaded
from argmap.scenario.model import Actor, Claim, Relation

# Colours for sides that name none: distinct, readable on white and on black.
FALLBACK_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
NO_SIDE_COLOUR = "#7f7f7f"


@dataclass(frozen=True)
class Scope:
    """Which part of the debate: ``step`` None is the last; ``side`` None is every side."""

    step: int | None = None
    side: str | None = None
    commentators: bool = False
    whatif: WhatIf = field(default_factory=WhatIf)
    semantics: Semantics = "grounded"


@dataclass(frozen=True)
class Selection:
    loaded: Loaded
    debate: Debate
    scope: Scope
    step: int
    claims: tuple[Claim, ...]
    """In the debate's order."""
    relations: tuple[Relation, ...]
    """Those whose ends are both shown (for an undercut: its claim and the relation it cuts)."""

    @cached_property
    def labels(self) -> dict[str, Label]:
        """Each shown claim's label under the scope's semantics and what-if; a claim switched
        off, or a commentator's left out of the reckoning, has none. Computed when first asked:
        a format that shows no labels costs no evaluation."""
        from argmap.engine.evaluation import ArgumentEngine

        scope = self.scope
        evaluation = ArgumentEngine(self.debate).evaluate(
            self.step, scope.semantics, scope.whatif, commentators=scope.commentators
        )
        return {c.id: label for c in self.claims if (label := evaluation.label(c.id)) is not None}

    @cached_property
    def _by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    def claim(self, claim_id: str) -> Claim:
        """A shown claim by id."""
        return self._by_id[claim_id]

    @cached_property
    def _from(self) -> dict[str, list[Relation]]:
        out: dict[str, list[Relation]] = {}
        for r in self.relations:
            out.setdefault(r.from_, []).append(r)
        return out

    def relations_from(self, claim_id: str) -> list[Relation]:
        """The shown relations a claim makes, in the scenario's order."""
        return self._from.get(claim_id, [])

    @property
    def title(self) -> str:
        assert self.loaded.scenario is not None
        return self.loaded.scenario.title

    @cached_property
    def sides(self) -> tuple[str, ...]:
        """The sides with a claim shown, in the scenario's order."""
        return tuple(s for s in self.by_side if s is not None)

    @cached_property
    def by_side(self) -> dict[str | None, list[str]]:
        """The shown claims' ids by side, sides in the scenario's order, those of no side last."""
        by: dict[str | None, list[str]] = {}
        for claim in self.claims:
            by.setdefault(self.debate.side_of_claim(claim.id), []).append(claim.id)
        order: list[str | None] = [*self.debate.sides, None]
        return {side: by[side] for side in order if side in by}

    def side_of(self, claim: str) -> str | None:
        return self.debate.side_of_claim(claim)

    def actor(self, actor: str) -> Actor:
        return self.debate.actors[actor]

    def colour(self, side: str | None) -> str:
        """A side's colour: the scenario's, else one of a fixed set by the side's place."""
        if side is None:
            return NO_SIDE_COLOUR
        own = self.debate.actors[side].colour
        if own:
            return own
        return FALLBACK_COLOURS[self.debate.sides.index(side) % len(FALLBACK_COLOURS)]


def select(loaded: Loaded, scope: Scope | None = None, debate: Debate | None = None) -> Selection:
    """The claims and relations ``scope`` shows, with their labels. A side's selection holds
    its own claims and the claims that answer them or that they answer. ``debate`` is the
    loaded scenario's, when the caller has it already."""
    scope = scope or Scope()
    debate = debate or Debate.from_loaded(loaded)
    if scope.side is not None and scope.side not in debate.sides:
        raise ValueError(f"'{scope.side}' is not a side; sides: {', '.join(debate.sides)}")
    step = debate.last_step if scope.step is None else debate.clamp(scope.step)
    said = set(debate.said_by(step))
    claims = [c for c in debate.scenario.claims if c.id in said]
    if not scope.commentators:
        claims = [c for c in claims if debate.actors[c.actor].kind != "commentator"]
    shown = {c.id for c in claims}
    relations = [r for r in debate.scenario.relations if r.type != "undercuts" and r.from_ in shown and r.to in shown]
    if scope.side is not None:
        own = {c for c in shown if debate.side_of_claim(c) == scope.side}
        near = own | {e for r in relations if r.from_ in own or r.to in own for e in (r.from_, r.to)}
        claims = [c for c in claims if c.id in near]
        shown = near
        relations = [r for r in relations if r.from_ in shown and r.to in shown]
    kept = {r.id for r in relations}
    undercuts = [r for r in debate.scenario.relations if r.type == "undercuts" and r.from_ in shown and r.to in kept]
    order = {c.id: i for i, c in enumerate(debate.scenario.claims)}
    claims.sort(key=lambda c: (debate.step_of_claim(c.id), order[c.id]))
    return Selection(loaded, debate, scope, step, tuple(claims), tuple(relations + undercuts))
