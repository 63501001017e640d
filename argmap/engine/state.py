"""Where a reader is in the debate: one immutable value, replaced by every action."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from argmap.engine.semantics_registry import CYCLE, Semantics
from argmap.engine.whatif import WhatIf


@dataclass(frozen=True, slots=True)
class DebateState:
    """The current step, the selected claim, the claims visited before it (a history, like a
    browser's), the speakers whose claims are folded away, and how the debate is evaluated:
    the semantics in force, the what-if, and whether commentators' claims take part."""

    step: int
    first: int
    last: int
    selected: str | None = None
    history: tuple[str, ...] = ()
    folded: frozenset[str] = frozenset()
    whatif: WhatIf = field(default_factory=WhatIf)
    semantics: Semantics = "grounded"
    commentators: bool = False

    def at_step(self, step: int) -> DebateState:
        return replace(self, step=max(self.first, min(self.last, step)))

    def step_forward(self) -> DebateState:
        return self.at_step(self.step + 1)

    def step_back(self) -> DebateState:
        return self.at_step(self.step - 1)

    def to_first(self) -> DebateState:
        return self.at_step(self.first)

    def to_last(self) -> DebateState:
        return self.at_step(self.last)

    def select(self, claim: str | None) -> DebateState:
        """Select a claim without touching the history."""
        return replace(self, selected=claim)

    def open(self, claim: str) -> DebateState:
        """Start reading at a claim, with a fresh history."""
        return replace(self, selected=claim, history=())

    def follow(self, claim: str) -> DebateState:
        """Go to a claim, remembering the one left."""
        if claim == self.selected:
            return self
        history = (*self.history, self.selected) if self.selected is not None else self.history
        return replace(self, selected=claim, history=history)

    def back(self) -> DebateState:
        """Return to the claim visited before; unchanged when there is none."""
        if not self.history:
            return self
        return replace(self, selected=self.history[-1], history=self.history[:-1])

    @property
    def can_go_back(self) -> bool:
        return bool(self.history)

    def toggle_fold(self, actor: str) -> DebateState:
        folded = self.folded - {actor} if actor in self.folded else self.folded | {actor}
        return replace(self, folded=folded)

    def unfold_all(self) -> DebateState:
        return replace(self, folded=frozenset())

    # --- evaluation ---------------------------------------------------------------------------

    def toggle_off(self, claim: str) -> DebateState:
        """Switch a claim off (what-if), or back on."""
        return replace(self, whatif=self.whatif.toggle_claim(claim))

    def toggle_granted(self, claim: str) -> DebateState:
        return replace(self, whatif=self.whatif.toggle_granted(claim))

    def toggle_actor(self, actor: str) -> DebateState:
        return replace(self, whatif=self.whatif.toggle_actor(actor))

    def toggle_source(self, source: str) -> DebateState:
        """Switch off the claims quoted from a source alone (what-if), or back on."""
        return replace(self, whatif=self.whatif.toggle_source(source))

    def reset_whatif(self) -> DebateState:
        return replace(self, whatif=WhatIf())

    def next_semantics(self) -> DebateState:
        i = CYCLE.index(self.semantics)
        return replace(self, semantics=CYCLE[(i + 1) % len(CYCLE)])

    def toggle_commentators(self) -> DebateState:
        return replace(self, commentators=not self.commentators)

    @property
    def evaluation_key(self) -> tuple[int, WhatIf, Semantics, bool]:
        """What the labels depend on."""
        return (self.step, self.whatif, self.semantics, self.commentators)
