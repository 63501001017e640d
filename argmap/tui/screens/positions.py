"""The home screen: where each side stands at the current step, and what each has said."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Tab, Tabs

from argmap.debate.index import Debate
from argmap.engine.state import DebateState
from argmap.tui.widgets.columns import ClaimColumn, SidePanel
from argmap.tui.widgets.matrix import MatrixHeader, PositionMatrix
from argmap.tui.widgets.stepbar import StepBar
from argmap.views.present import APART, RowMaker, StepView, step_view
from argmap.views.rows import Row

if TYPE_CHECKING:
    from textual.timer import Timer

    from argmap.engine.evaluation import Evaluation
    from argmap.tui.app import ArgmapApp

LARGE_MAP = 3_000
"""Above this many claims, labels are computed off the interface thread."""
LABEL_DELAY = 0.15
"""Seconds of rest before a large map is labelled."""


class PositionsScreen(Screen[None]):
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
        Binding("m", "next_semantics", "Semantics: grounded, preferred, stable, complete", show=False),
        Binding("c", "toggle_commentators", "Commentators' claims in or out of the debate", show=False),
        Binding("p", "standpoints", "Standpoints: the claims that can hold together", show=False),
        Binding("tab", "app.focus_next", "Next panel", show=False),
        *(Binding(str(n), f"show_side({n - 1})", f"Side {n}", show=False) for n in range(1, 10)),
    ]

    def __init__(self, debate: Debate, state: DebateState) -> None:
        super().__init__()
        self.debate = debate
        self.state = state
        self.maker = RowMaker(debate)
        self.view: StepView = step_view(debate, state.step)
        self._evaluation: Evaluation | None = None
        self._label_timer: Timer | None = None
        self._painted = False
        self.panel_keys: list[str] = list(debate.sides)
        if debate.commentators or any(debate.is_apart(c) for c in debate.ordered):
            self.panel_keys.append(APART)

    @property
    def argmap(self) -> ArgmapApp:
        return self.app  # type: ignore[return-value]

    # --- building -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StepBar(id="step-bar")
        with Vertical(id="matrix-box"):
            yield MatrixHeader(self.maker, id="matrix-header")
            yield PositionMatrix(self.maker, self.view, id="matrix")
        yield Tabs(*(Tab(self._panel_title(k), id=f"tab-{i}") for i, k in enumerate(self.panel_keys)), id="side-tabs")
        with Horizontal(id="sides"):
            for i, key in enumerate(self.panel_keys):
                colour = self.debate.actors[key].colour if key != APART else None
                yield SidePanel(
                    key, self._panel_title(key), colour, id=f"side-{i}", classes="-active" if i == 0 else ""
                )
        yield Footer(compact=True)

    def _panel_title(self, key: str) -> str:
        if key == APART:
            return "Commentators" if self.debate.commentators else "Outside the sides"
        return self.debate.actor_name(key)

    def on_mount(self) -> None:
        self._show(self.state, force=True)
        self.query_one(PositionMatrix).focus()

    def panels(self) -> list[SidePanel]:
        return list(self.query(SidePanel))

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
            for panel in self.panels():
                rows = self.maker.column_rows(panel.key, self.view, state)
                keep = state.selected if panel.has_focus_within else None
                panel.column.set_rows(rows, keep=keep, empty=self._empty_text(panel.key))
                panel.set_count(sum(map(len, self.view.columns.get(panel.key, {}).values())))

    # --- labels ---------------------------------------------------------------------------

    def _labels(self, state: DebateState) -> dict[str, str] | None:
        """Each claim's label at the state's step, or None while a large map is computed."""
        if not self._painted:
            # The first paint comes before the engine is even imported: startup stays quick.
            self._painted = True
            self.call_after_refresh(self._label_after_paint, state)
            return None
        if len(self.debate.claims) <= LARGE_MAP:
            return self._label_map(state, self.argmap.evaluate(state))
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
            self._computed(state, self.argmap.evaluate(state))
        else:
            self._labels(state)

    def _compute(self, state: DebateState) -> None:
        evaluation = self.argmap.evaluate(state)
        self.app.call_from_thread(self._computed, state, evaluation)

    def _computed(self, state: DebateState, evaluation: Evaluation) -> None:
        if state.evaluation_key != self.state.evaluation_key:
            return  # the reader has moved on; a newer computation is under way
        self.view = step_view(self.debate, state.step, self._label_map(state, evaluation))
        self._show_status(self.state, computing=False)
        for panel in self.panels():
            rows = self.maker.column_rows(panel.key, self.view, self.state)
            panel.column.set_rows(
                rows, keep=self.state.selected if panel.has_focus_within else None, empty=self._empty_text(panel.key)
            )

    def _label_map(self, state: DebateState, evaluation: Evaluation) -> dict[str, str]:
        labels: dict[str, str] = dict(evaluation.labels)
        if state.whatif.active:
            # Said by now, in the debate but for the what-if: shown as switched off.
            for cid in self.debate.said_by(state.step):
                if cid not in labels and (state.commentators or not self.debate.is_apart(cid)):
                    labels[cid] = "off"
        self._evaluation = evaluation
        return labels

    def _label_changes(self, state: DebateState) -> int:
        """How many labels this step changed (claims new at the step aside); small maps only."""
        if state.step <= self.debate.first_step or len(self.debate.claims) > LARGE_MAP:
            return 0
        before = self.argmap.evaluate(state.at_step(state.step - 1)).labels
        now = self._evaluation.labels if self._evaluation is not None else {}
        return sum(1 for c, label in now.items() if c in before and before[c] != label)

    def _show_status(self, state: DebateState, *, computing: bool) -> None:
        if computing:
            status = f"{state.semantics} · computing labels…"
        else:
            counts = self._evaluation.counts() if self._evaluation is not None else {}
            status = f"{state.semantics}  ✓{counts.get('in', 0)} ✗{counts.get('out', 0)} ?{counts.get('undec', 0)}"
            if self._evaluation is not None and not self._evaluation.exists:
                status += "  no stable extension"
            changed = self._label_changes(state)
            if changed:
                status = f"Δ{changed} label{'s' if changed != 1 else ''}  " + status
        if state.commentators:
            status += " · +commentators"
        changes = len(state.whatif.describe())
        alert = f"WHAT-IF: {changes} change{'s' if changes != 1 else ''} (z resets)" if changes else ""
        self.query_one(StepBar).show(self.debate, state.step, status, alert)

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
        self.argmap.show_standpoints(self.debate, self.state)

    def _empty_text(self, key: str) -> str:
        if key == APART:
            return "No commentary yet."
        return "Nothing said yet."

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
        self.argmap.ask_date(self.debate, self.go_to_step)

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
        for i, panel in enumerate(self.panels()):
            panel.set_class(i == index, "-active")
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
        self._scroll_columns_to(event.topic)

    @on(PositionMatrix.TopicSelected)
    def _topic_selected(self, event: PositionMatrix.TopicSelected) -> None:
        self._scroll_columns_to(event.topic)
        panels = self.panels()
        narrow = self.has_class("-narrow")
        for panel in panels:
            if narrow and not panel.has_class("-active"):
                continue
            target = panel.column.first_target_after(lambda r: _is_heading(r, event.topic))
            if target is not None:
                panel.column.move_to(target)
                panel.column.focus()
                return
        self.notify("No side has spoken on this topic yet.", timeout=3)

    def _scroll_columns_to(self, topic: str) -> None:
        for panel in self.panels():
            panel.column.scroll_to_row(lambda r: _is_heading(r, topic))

    # --- going elsewhere ------------------------------------------------------------------

    def open_claim(self, claim: str) -> None:
        state = self.state
        if not self.debate.is_said(claim, state.step):
            state = state.at_step(self.debate.step_of_claim(claim))
            self.apply(state)
        self.argmap.show_claim(self.debate, state.open(claim), self.adopt)

    def reveal_claim(self, claim: str, *, focus: bool = True) -> None:
        """Put the cursor on a claim in the first column that shows it."""
        for i, panel in enumerate(self.panels()):
            if panel.column.move_to(claim):
                if focus:
                    self._activate(i)
                    panel.column.focus()
                return

    def reveal_topic(self, topic: str) -> None:
        matrix = self.query_one(PositionMatrix)
        matrix.move_to(topic)
        matrix.focus()
        self._scroll_columns_to(topic)

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
        claims = [
            r.target
            for r in panel.column.rows
            if isinstance(r.target, str) and self.maker.speaker_in(key, r.target) == actor
        ]
        if claims:
            panel.column.move_to(claims[-1])
        else:
            self.notify(f"{self.debate.actor_name(actor)} has said nothing yet at this date.", timeout=3, markup=False)

    # --- classroom modes ------------------------------------------------------------------

    def action_walkthrough(self) -> None:
        self.argmap.start_walkthrough()

    def action_exercises(self) -> None:
        self.argmap.start_exercises()

    def action_roleplay(self) -> None:
        self.argmap.start_roleplay()

    def action_search(self) -> None:
        self.argmap.show_search(self.debate, self.state, self._found)

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
        self.argmap.show_tree(self.debate, self.state.open(claim), self._after_tree)

    def _after_tree(self, state: DebateState | None) -> None:
        if state is not None and state.selected is not None:
            self.open_claim(state.selected)


def _is_heading(row: Row, topic: str) -> bool:
    key = row.key
    return isinstance(key, tuple) and key[0] == "heading" and key[2] == topic
