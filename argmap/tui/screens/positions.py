"""The home screen: where each side stands at the current step, and what each has said."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Tab, Tabs

from argmap.debate.index import APART
from argmap.engine.semantics_registry import CYCLE
from argmap.engine.state import DebateState
from argmap.tui.messages import (
    ClaimRequested,
    DateRequested,
    ModeRequested,
    SearchRequested,
    StandpointsRequested,
    TreeRequested,
)
from argmap.tui.screens.base import OnDebate
from argmap.tui.widgets.columns import ClaimColumn, SidePanel, SidePanels
from argmap.tui.widgets.matrix import MatrixHeader, PositionMatrix
from argmap.tui.widgets.stepbar import StepBar
from argmap.views.positions import (
    label_changes,
    panel_colour,
    panel_keys,
    panel_title,
    rebased,
    shown_labels,
    speaker_claims,
    status_text,
    whatif_alert,
)
from argmap.views.present import RowMaker, StepView, step_view

if TYPE_CHECKING:
    from textual.timer import Timer

    from argmap.engine.evaluation import Evaluation

LARGE_MAP = 3_000
"""Above this many claims, labels are computed off the interface thread."""
LABEL_DELAY = 0.15
"""Seconds of rest before a large map is labelled."""


class PositionsScreen(OnDebate, Screen[None]):
    """Step through time; the matrix and the side columns follow."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (declared per instance by Textual)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step_back", "Step back", key_display="←", priority=True),
        Binding("right", "step_forward", "Step on", key_display="→", priority=True),
        Binding("home", "first_step", "First step", show=False, priority=True),
        Binding("end", "last_step", "Last step", show=False, priority=True),
        Binding("d", "jump_to_date", "Date"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("t", "tree", "Tree"),
        Binding("f", "fold", "Fold"),
        Binding("F", "unfold_all", "Unfold all", show=False),
        Binding("w", "walkthrough", "Walkthrough", show=False),
        Binding("x", "exercises", "Exercises", show=False),
        Binding("r", "roleplay", "Role-play", show=False),
        Binding("o", "switch_off", "What-if: switch the claim off, or back on", show=False),
        Binding("O", "switch_off_speaker", "What-if: switch the claim's speaker off, or back on", show=False),
        Binding("a", "grant", "What-if: grant the claim (its attackers no longer count)", show=False),
        Binding("z", "reset_whatif", "Reset every what-if", show=False),
        Binding("m", "next_semantics", "Semantics: " + ", ".join(CYCLE), show=False),
        Binding("c", "toggle_commentators", "Commentators' claims in or out of the debate", show=False),
        Binding("p", "standpoints", "Standpoints: the claims that can hold together", show=False),
        Binding("tab", "app.focus_next", "Next panel", show=False),
        *(Binding(str(n), f"show_side({n - 1})", f"Side {n}", show=False) for n in range(1, 10)),
    ]

    maker: RowMaker
    view: StepView
    panel_keys: list[str]

    def __init__(self, state: DebateState) -> None:
        super().__init__()
        self.state = state
        self._evaluation: Evaluation | None = None
        self._label_timer: Timer | None = None
        self._painted = False

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
        self._evaluation = None
        self.call_next(self._rebuild)
        return True

    async def _rebuild(self) -> None:
        await self.recompose()
        self._show(self.state, force=True)
        self.query_one(PositionMatrix).focus()

    @property
    def sides(self) -> SidePanels:
        return self.query_one(SidePanels)

    def panels(self) -> list[SidePanel]:
        return self.sides.panels

    # --- state ----------------------------------------------------------------------------

    def apply(self, state: DebateState) -> None:
        """Adopt a new state and redraw what it changes."""
        self._show(state)

    def _show(self, state: DebateState, *, force: bool = False) -> None:
        old, self.state = self.state, state
        step_changed = force or old.step != state.step
        labels_changed = force or old.evaluation_key != state.evaluation_key
        if step_changed or labels_changed:
            labels = self._labels(state)
            self.view = step_view(self.debate, state.step, labels)
            self._show_status(state, computing=labels is None)
        if step_changed:
            self.query_one(PositionMatrix).show(self.view)
        if step_changed or labels_changed or old.folded != state.folded:
            self.sides.show(self.maker, self.view, state)

    # --- labels ---------------------------------------------------------------------------

    def _labels(self, state: DebateState) -> dict[str, str] | None:
        """Each claim's label at the state's step, or None while a large map is computed."""
        if not self._painted:
            # The first paint comes before the engine is even imported: startup stays quick.
            self._painted = True
            self.call_after_refresh(self._label_after_paint, state)
            return None
        if len(self.debate.claims) <= LARGE_MAP:
            return self._label_map(state, self.evaluate(state))
        # Start only once the reader pauses: stepping quickly through a large map stays smooth.
        if self._label_timer is not None:
            self._label_timer.stop()
        self._label_timer = self.set_timer(
            LABEL_DELAY,
            lambda: self.run_worker(lambda: self._compute(state), thread=True, exclusive=True, group="labels"),
        )
        return None

    def _label_after_paint(self, state: DebateState) -> None:
        if len(self.debate.claims) <= LARGE_MAP:
            self._computed(state, self.evaluate(state))
        else:
            self._labels(state)

    def _compute(self, state: DebateState) -> None:
        evaluation = self.evaluate(state)
        self.app.call_from_thread(self._computed, state, evaluation)

    def _computed(self, state: DebateState, evaluation: Evaluation) -> None:
        if state.evaluation_key != self.state.evaluation_key:
            return  # the reader has moved on; a newer computation is under way
        self.view = step_view(self.debate, state.step, self._label_map(state, evaluation))
        self._show_status(self.state, computing=False)
        self.sides.show(self.maker, self.view, self.state, counts=False)

    def _label_map(self, state: DebateState, evaluation: Evaluation) -> dict[str, str]:
        self._evaluation = evaluation
        return shown_labels(self.debate, state, evaluation)

    def _label_changes(self, state: DebateState) -> int:
        """How many labels this step changed (claims new at the step aside); small maps only."""
        if state.step <= self.debate.first_step or len(self.debate.claims) > LARGE_MAP:
            return 0
        before = self.evaluate(state.at_step(state.step - 1)).labels
        return label_changes(before, self._evaluation.labels if self._evaluation is not None else {})

    def _show_status(self, state: DebateState, *, computing: bool) -> None:
        changed = 0 if computing else self._label_changes(state)
        status = status_text(state, self._evaluation, computing=computing, changed=changed)
        self.query_one(StepBar).show(self.debate, state.step, status, whatif_alert(state))

    # --- what if --------------------------------------------------------------------------

    def _target_claim(self) -> str | None:
        column = self._focused_column()
        if column is not None and column.highlighted_claim:
            return column.highlighted_claim
        return self.state.selected

    def action_switch_off(self) -> None:
        claim = self._target_claim()
        if claim is None:
            self.notify("Pick a claim first (Tab to a side, ↑/↓).", timeout=3)
            return
        self.apply(self.state.select(claim).toggle_off(claim))

    def action_switch_off_speaker(self) -> None:
        claim = self._target_claim()
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
        claim = self._target_claim()
        if claim is None:
            self.notify("Pick a claim first (Tab to a side, ↑/↓).", timeout=3)
            return
        self.apply(self.state.select(claim).toggle_granted(claim))

    def action_reset_whatif(self) -> None:
        if self.state.whatif.active:
            self.apply(self.state.reset_whatif())
            self.notify("What-if reset: the debate as the sources give it.", timeout=3)

    def action_next_semantics(self) -> None:
        self.apply(self.state.next_semantics())

    def action_toggle_commentators(self) -> None:
        self.apply(self.state.toggle_commentators())

    def action_standpoints(self) -> None:
        self.post_message(StandpointsRequested(self.state, self._after_standpoints))

    def _after_standpoints(self, chosen: DebateState | None) -> None:
        if chosen is not None and chosen.selected is not None:
            self.open_claim(chosen.selected)

    def adopt(self, state: DebateState | None) -> None:
        """Take back the state a screen on top of this one returns."""
        if state is None:
            return
        self.apply(state)
        if state.selected is not None:
            self.reveal_claim(state.selected, focus=False)

    # --- timeline -------------------------------------------------------------------------

    def action_step_back(self) -> None:
        self.apply(self.state.step_back())

    def action_step_forward(self) -> None:
        self.apply(self.state.step_forward())

    def action_first_step(self) -> None:
        self.apply(self.state.to_first())

    def action_last_step(self) -> None:
        self.apply(self.state.to_last())

    def action_jump_to_date(self) -> None:
        self.post_message(DateRequested(self.go_to_step))

    def go_to_step(self, step: int | None) -> None:
        if step is not None:
            self.apply(self.state.at_step(step))

    # --- sides ----------------------------------------------------------------------------

    def action_show_side(self, index: int) -> None:
        panels = self.panels()
        if 0 <= index < len(panels):
            self._activate(index)
            panels[index].column.focus()

    def _activate(self, index: int) -> None:
        self.sides.activate(index)
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{index}":
            tabs.active = f"tab-{index}"

    @on(Tabs.TabActivated)
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab is not None and event.tab.id:
            self._activate(int(event.tab.id.removeprefix("tab-")))

    def _focused_column(self) -> ClaimColumn | None:
        focused = self.focused
        return focused if isinstance(focused, ClaimColumn) else None

    def action_fold(self) -> None:
        column = self._focused_column()
        if column is None:
            self.notify("Move to a side's claims (Tab) to fold a speaker.", timeout=3)
            return
        target = column.highlighted
        if isinstance(target, tuple):
            speaker = str(target[1])
        elif isinstance(target, str):
            speaker = self.maker.speaker_in(column.key, target)
        else:
            return
        folding = speaker not in self.state.folded
        self.apply(self.state.toggle_fold(speaker))
        if folding:
            column.move_to(("speaker", speaker))

    def action_unfold_all(self) -> None:
        self.apply(self.state.unfold_all())

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
        self.sides.scroll_to_topic(event.topic)
        if not self.sides.go_to_topic(event.topic, active_only=self.has_class("-narrow")):
            self.notify("No side has spoken on this topic yet.", timeout=3)

    # --- going elsewhere ------------------------------------------------------------------

    def claim_state(self, claim: str) -> DebateState:
        """The state to open a claim at: this one, moved on to when the claim was said if it
        was not by now (the view follows)."""
        state = self.state
        if not self.debate.is_said(claim, state.step):
            state = state.at_step(self.debate.step_of_claim(claim))
            self.apply(state)
        return state.open(claim)

    def open_claim(self, claim: str) -> None:
        self.post_message(ClaimRequested(self.claim_state(claim), self.adopt))

    def reveal_claim(self, claim: str, *, focus: bool = True) -> None:
        """Put the cursor on a claim in the first column that shows it."""
        index = self.sides.reveal(claim)
        if index is not None and focus:
            self._activate(index)
            self.panels()[index].column.focus()

    def reveal_topic(self, topic: str) -> None:
        matrix = self.query_one(PositionMatrix)
        matrix.move_to(topic)
        matrix.focus()
        self.sides.scroll_to_topic(topic)

    def reveal_actor(self, actor: str) -> None:
        side = self.debate.side_of_actor.get(actor)
        key = side if side is not None else APART
        if key not in self.panel_keys:
            return
        index = self.panel_keys.index(key)
        if actor in self.state.folded:
            self.apply(self.state.toggle_fold(actor))
        self._activate(index)
        panel = self.panels()[index]
        panel.column.focus()
        claims = speaker_claims(self.maker, key, panel.column.rows, actor)
        if claims:
            panel.column.move_to(claims[-1])
        else:
            self.notify(f"{self.debate.actor_name(actor)} has said nothing yet at this date.", timeout=3, markup=False)

    # --- classroom modes ------------------------------------------------------------------

    def action_walkthrough(self) -> None:
        self.post_message(ModeRequested("walkthrough"))

    def action_exercises(self) -> None:
        self.post_message(ModeRequested("exercises"))

    def action_roleplay(self) -> None:
        self.post_message(ModeRequested("roleplay"))

    def action_search(self) -> None:
        self.post_message(SearchRequested(self.state, self._found))

    def _found(self, claim: str | None) -> None:
        if claim is not None:
            self.open_claim(claim)

    def action_tree(self) -> None:
        claim = self.state.selected
        column = self._focused_column()
        if column is not None and column.highlighted_claim:
            claim = column.highlighted_claim
        if claim is None or not self.debate.is_said(claim, self.state.step):
            self.notify("Pick a claim first (Tab to a side, ↑/↓).", timeout=3)
            return
        self.post_message(TreeRequested(self.state.open(claim), self._after_tree))

    def _after_tree(self, state: DebateState | None) -> None:
        if state is not None and state.selected is not None:
            self.open_claim(state.selected)
