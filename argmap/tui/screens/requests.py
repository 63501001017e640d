"""What the positions view asks of other screens (a claim, its tree, search, standpoints, a
classroom mode), and what it does with the state they close with."""

from __future__ import annotations

from argmap.engine.state import DebateState
from argmap.tui.messages import (
    ClaimRequested,
    ExportRequested,
    ModeRequested,
    SearchRequested,
    SourceRequested,
    StandpointsRequested,
    TreeRequested,
)
from argmap.tui.screens.sides import SideNavigation
from argmap.tui.screens.whatif import PICK_A_CLAIM
from argmap.views.positions import when_said


class ScreenRequests(SideNavigation):
    """Each request is a message to the app; a claim chosen on the screen asked for opens in
    the claim detail."""

    def claim_state(self, claim: str) -> DebateState:
        """The state to open a claim at: this one, moved on to when the claim was said if it
        was not by now (the view follows)."""
        state = when_said(self.debate, self.state, claim)
        if state is not self.state:
            self.apply(state)
        return state.open(claim)

    def open_claim(self, claim: str) -> None:
        self.post_message(ClaimRequested(self.claim_state(claim), self.adopt))

    def adopt(self, state: DebateState | None) -> None:
        """Take back the state a screen on top of this one returns."""
        if state is None:
            return
        self.apply(state)
        if state.selected is not None:
            self.reveal_claim(state.selected, focus=False)

    def _open_chosen(self, state: DebateState | None) -> None:
        if state is not None and state.selected is not None:
            self.open_claim(state.selected)

    def action_search(self) -> None:
        self.post_message(SearchRequested(self.state, self._found))

    def _found(self, claim: str | None) -> None:
        if claim is not None:
            self.open_claim(claim)

    def action_tree(self) -> None:
        claim = self.target_claim()
        if claim is None or not self.debate.is_said(claim, self.state.step):
            self.notify(PICK_A_CLAIM, timeout=3)
            return
        self.post_message(TreeRequested(self.state.open(claim), self._open_chosen))

    def action_source(self) -> None:
        """The source reader on the picked claim's first quote."""
        claim = self.target_claim()
        if claim is None or not self.debate.is_said(claim, self.state.step):
            self.notify(PICK_A_CLAIM, timeout=3)
            return
        request = SourceRequested.of_quote(self.debate, self.state.select(claim), claim, 0, self.adopt)
        if request is None:
            self.notify("This claim's source text is not available.", severity="warning", timeout=3)
            return
        self.post_message(request)

    def action_standpoints(self) -> None:
        self.post_message(StandpointsRequested(self.state, self._open_chosen))

    def action_walkthrough(self) -> None:
        self.post_message(ModeRequested("walkthrough"))

    def action_exercises(self) -> None:
        self.post_message(ModeRequested("exercises"))

    def action_roleplay(self) -> None:
        self.post_message(ModeRequested("roleplay"))

    def action_export(self) -> None:
        self.post_message(ExportRequested(self.state))
