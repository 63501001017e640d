"""The what-if and semantics keys, for every screen that offers them.

A screen lists the bindings it offers in its own ``BINDINGS``, in its own order (the footer and
the help screen show them so); the bindings and their actions are written once, here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from argmap.engine.semantics_registry import CYCLE
from argmap.tui.screens.base import OnState
from argmap.views.positions import label_changes
from argmap.views.semantics_words import explained

if TYPE_CHECKING:
    from argmap.engine.evaluation import Evaluation

SWITCH_OFF = Binding("o", "switch_off", "What-if: switch the claim off, or back on", show=False)
SWITCH_OFF_SPEAKER = Binding(
    "O", "switch_off_speaker", "What-if: switch the claim's speaker off, or back on", show=False
)
GRANT = Binding("a", "grant", "What-if: grant the claim (its attackers no longer count)", show=False)
RESET_WHATIF = Binding("z", "reset_whatif", "Reset every what-if", show=False)
NEXT_SEMANTICS = Binding("m", "next_semantics", "Semantics: " + ", ".join(CYCLE), show=False)
TOGGLE_COMMENTATORS = Binding("c", "toggle_commentators", "Commentators' claims in or out of the debate", show=False)

PICK_A_CLAIM = "Pick a claim first (Tab to a side, ↑/↓)."


def semantics_note(before: Evaluation, after: Evaluation) -> str:
    """What switching semantics means, and what it changed at this step."""
    changed = label_changes(before.labels, after.labels)
    if changed:
        effect = f"At this step {changed} claim{'s' if changed != 1 else ''} change label."
    else:
        effect = (
            f"At this step every claim keeps the label it had under {before.semantics}: "
            "no dispute here is left open in a way the two settle differently."
        )
    return f"{explained(after.semantics)} {effect}"


class WhatIfKeys(OnState):
    """Switch claims and speakers off, grant claims, change the semantics: each key makes a
    new state for the screen to apply."""

    def action_switch_off(self) -> None:
        claim = self.target_claim()
        if claim is None:
            self.notify(PICK_A_CLAIM, timeout=3)
            return
        self.apply(self.state.select(claim).toggle_off(claim))

    def action_switch_off_speaker(self) -> None:
        claim = self.target_claim()
        if claim is None:
            self.notify("Pick a claim first: its speaker is switched off.", timeout=3)
            return
        speaker = self.debate.claims[claim].actor
        self.apply(self.state.select(claim).toggle_actor(speaker))
        off = speaker in self.state.whatif.off_actors
        self.notify(
            f"{self.debate.actor_name(speaker)} {'switched off' if off else 'back on'}.", timeout=3, markup=False
        )

    def action_grant(self) -> None:
        claim = self.target_claim()
        if claim is None:
            self.notify(PICK_A_CLAIM, timeout=3)
            return
        self.apply(self.state.select(claim).toggle_granted(claim))

    def action_reset_whatif(self) -> None:
        self.apply(self.state.reset_whatif())

    def action_next_semantics(self) -> None:
        before = self.state
        after = before.next_semantics()
        self.apply(after)
        self.notify(semantics_note(self.evaluate(before), self.evaluate(after)), timeout=8, markup=False)

    def action_toggle_commentators(self) -> None:
        self.apply(self.state.toggle_commentators())
