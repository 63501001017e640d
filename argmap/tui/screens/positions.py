"""The home screen: where each side stands at the current step, and what each has said."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Tab, Tabs

from argmap.engine.state import DebateState
from argmap.tui.labelling import Labeller, Labels
from argmap.tui.screens.requests import ScreenRequests
from argmap.tui.screens.sides import SideNavigation
from argmap.tui.screens.timeline import TIMELINE_BINDINGS, TimelineKeys
from argmap.tui.screens.whatif import (
    GRANT,
    NEXT_SEMANTICS,
    RESET_WHATIF,
    SWITCH_OFF,
    SWITCH_OFF_SPEAKER,
    TOGGLE_COMMENTATORS,
    WhatIfKeys,
)
from argmap.tui.widgets.columns import ClaimColumn, SidePanel, SidePanels
from argmap.tui.widgets.lines import LineList
from argmap.tui.widgets.matrix import MatrixHeader, PositionMatrix
from argmap.tui.widgets.stepbar import StepBar
from argmap.views.positions import panel_colour, panel_keys, panel_title, rebased, whatif_alert
from argmap.views.present import RowMaker, StepView, step_view


class PositionsScreen(WhatIfKeys, TimelineKeys, ScreenRequests, SideNavigation, Screen[None]):
    """Step through time; the matrix and the side columns follow."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (declared per instance by Textual)

    BINDINGS: ClassVar[list[BindingType]] = [
        *TIMELINE_BINDINGS,
        Binding("slash", "search", "Search", key_display="/"),
        Binding("t", "tree", "Tree"),
        Binding("s", "source", "Source of the claim", show=False),
        Binding("f", "fold", "Fold"),
        Binding("F", "unfold_all", "Unfold all", show=False),
        Binding("w", "walkthrough", "Walkthrough", show=False),
        Binding("x", "exercises", "Exercises", show=False),
        Binding("r", "roleplay", "Role-play", show=False),
        SWITCH_OFF,
        SWITCH_OFF_SPEAKER,
        GRANT,
        RESET_WHATIF,
        NEXT_SEMANTICS,
        TOGGLE_COMMENTATORS,
        Binding("p", "standpoints", "Standpoints: the claims that can hold together", show=False),
        Binding("e", "export", "Export the view to a file", show=False),
        Binding("tab", "app.focus_next", "Next panel", show=False),
        *(Binding(str(n), f"show_side({n - 1})", f"Side {n}", show=False) for n in range(1, 10)),
    ]

    maker: RowMaker
    view: StepView
    panel_keys: list[str]

    def __init__(self, state: DebateState) -> None:
        super().__init__()
        self.state = state
        self.labeller = Labeller(self, lambda: self.state, self._labelled)
        self.rebuilding = False
        """True while the screen is being built again for a replaced debate: keys pressed
        meanwhile change the state, which the rebuilt screen then shows."""

    # --- building -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        d = self.debate
        # Built here, not kept from construction: a replaced debate recomposes the screen.
        self.maker = RowMaker(d)
        self.view = step_view(d, self.state.step)
        self.panel_keys = panel_keys(d)
        yield StepBar(id="step-bar")
        with Vertical(id="matrix-box"):
            yield MatrixHeader(self.maker, id="matrix-header")
            yield PositionMatrix(self.maker, self.view, id="matrix")
        titles = [panel_title(d, k) for k in self.panel_keys]
        yield Tabs(*(Tab(title, id=f"tab-{i}") for i, title in enumerate(titles)), id="side-tabs")
        yield SidePanels(
            [
                SidePanel(key, title, panel_colour(d, key), id=f"side-{i}", classes="-active" if i == 0 else "")
                for i, (key, title) in enumerate(zip(self.panel_keys, titles, strict=True))
            ],
            id="sides",
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show(self.state, force=True)
        self.query_one(PositionMatrix).focus()

    def debate_replaced(self) -> bool:
        self.state = rebased(self.state, self.debate)
        self.labeller.forget()
        d = self.debate
        keys = panel_keys(d)
        panels = self.sides.panels
        if keys == self.panel_keys and all(
            (p.title, p.colour) == (panel_title(d, k), panel_colour(d, k)) for p, k in zip(panels, keys, strict=True)
        ):
            # The same sides in the same colours: redraw in place. Building the screen again
            # costs most of a reload.
            self.maker = RowMaker(d)
            for lines in self.query(LineList):
                lines.forget_layout()
            self.query_one(MatrixHeader).use(self.maker)
            self.query_one(PositionMatrix).use(self.maker)
            self._show(self.state, force=True)
            return True
        self.rebuilding = True
        self.call_next(self._rebuild)
        return True

    async def _rebuild(self) -> None:
        try:
            await self.recompose()
        finally:
            self.rebuilding = False
        self._show(self.state, force=True)
        self.query_one(PositionMatrix).focus()

    # --- state ----------------------------------------------------------------------------

    def apply(self, state: DebateState) -> None:
        """Adopt a new state and redraw what it changes."""
        self._show(state)

    def _show(self, state: DebateState, *, force: bool = False) -> None:
        old, self.state = self.state, state
        if self.rebuilding:
            return
        step_changed = force or old.step != state.step
        labels_changed = force or old.evaluation_key != state.evaluation_key
        if step_changed or labels_changed:
            labels = self.labeller.labels(state)
            self.view = step_view(self.debate, state.step, labels)
            self._show_status(state, computing=labels is None)
        if step_changed:
            self.query_one(PositionMatrix).show(self.view)
        if step_changed or labels_changed or old.folded != state.folded:
            self.sides.show(self.maker, self.view, state)

    def _labelled(self, state: DebateState, labels: Labels) -> None:
        """Labels computed after the view was drawn without them."""
        if self.rebuilding:
            return
        self.view = step_view(self.debate, state.step, labels)
        self._show_status(self.state, computing=False)
        self.sides.show(self.maker, self.view, self.state, counts=False)

    def _show_status(self, state: DebateState, *, computing: bool) -> None:
        status = self.labeller.status(state, computing=computing)
        self.query_one(StepBar).show(self.debate, state.step, status, whatif_alert(state))

    def action_reset_whatif(self) -> None:
        """Reset the what-if, and say so, when there is one."""
        if self.state.whatif.active:
            super().action_reset_whatif()
            self.notify("What-if reset: the debate as the sources give it.", timeout=3)

    # --- events from the widgets ----------------------------------------------------------

    @on(StepBar.StepClicked)
    def _step_clicked(self, event: StepBar.StepClicked) -> None:
        self.apply(self.state.at_step(event.step))

    @on(Tabs.TabActivated)
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab is not None and event.tab.id:
            self.activate(int(event.tab.id.removeprefix("tab-")))

    @on(ClaimColumn.SpeakerToggled)
    def _speaker_toggled(self, event: ClaimColumn.SpeakerToggled) -> None:
        self.apply(self.state.toggle_fold(event.speaker))

    @on(ClaimColumn.ClaimHighlighted)
    def _claim_highlighted(self, event: ClaimColumn.ClaimHighlighted) -> None:
        self.state = self.state.select(event.claim)

    @on(ClaimColumn.ClaimSelected)
    def _claim_selected(self, event: ClaimColumn.ClaimSelected) -> None:
        self.open_claim(event.claim)

    @on(PositionMatrix.TopicHighlighted)
    def _topic_highlighted(self, event: PositionMatrix.TopicHighlighted) -> None:
        self.sides.scroll_to_topic(event.topic)

    @on(PositionMatrix.TopicSelected)
    def _topic_selected(self, event: PositionMatrix.TopicSelected) -> None:
        self.go_to_topic(event.topic)
