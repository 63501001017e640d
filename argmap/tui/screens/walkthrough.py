"""A guided tour: the author's narration beside the live map, step by step."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from argmap.classroom.walkthrough import Tour
from argmap.engine.state import DebateState
from argmap.tui.messages import ClaimRequested, GlossaryRequested, TreeRequested
from argmap.tui.screens.base import OnDebate
from argmap.tui.widgets.lines import LineList
from argmap.tui.widgets.matrix import MatrixHeader, PositionMatrix
from argmap.tui.widgets.stepbar import StepBar
from argmap.views.present import RowMaker, step_view
from argmap.views.present_classroom import focus_claim, focus_rows, focus_topic
from argmap.views.rows import Row


class WalkthroughScreen(OnDebate, Screen[Tour]):
    """Next and back through the tour's steps; the map follows. Escape leaves with the tour
    where it stands, so that coming back resumes there."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (declared per instance by Textual)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012
    """Short terminals leave out the matrix: the step's focus and the narration need the room."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "next", "Next", key_display="→", priority=True),
        Binding("n", "next", "Next", show=False),
        Binding("space", "next", "Next", show=False),
        Binding("left", "back", "Back", key_display="←", priority=True),
        Binding("b", "back", "Back", show=False),
        Binding("t", "tree", "Tree"),
        Binding("tab", "app.focus_next", "Next panel", show=False),
        Binding("escape", "leave", "Leave"),
    ]

    maker: RowMaker
    step: int

    def __init__(self, tour: Tour) -> None:
        super().__init__()
        self.tour = tour

    @property
    def state(self) -> DebateState:
        """Where the map stands: the tour step's date, on its claim."""
        d = self.debate
        claim = focus_claim(d, self.tour.step.focus)
        return DebateState(step=self.step, first=d.first_step, last=d.last_step, selected=claim)

    def compose(self) -> ComposeResult:
        self.maker = RowMaker(self.debate)
        self.step = self.tour.debate_step(self.debate)
        yield StepBar(id="step-bar")
        yield Static(id="tour-title", classes="screen-title", markup=False)
        with Horizontal(id="tour-body"):
            with Vertical(id="tour-map"):
                with Vertical(id="tour-matrix-box"):
                    yield MatrixHeader(self.maker, id="tour-matrix-header")
                    yield PositionMatrix(self.maker, step_view(self.debate, self.step), id="tour-matrix")
                yield LineList(id="tour-focus")
            with VerticalScroll(id="tour-narration"):
                yield Markdown(id="narration")
        yield Static(id="tour-hint", classes="hint", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show(force=True)

    def _show(self, *, force: bool = False) -> None:
        d, tour = self.debate, self.tour
        step = tour.debate_step(d)
        if force or step != self.step:
            self.step = step
            self.query_one(StepBar).show(d, step)
            self.query_one(PositionMatrix).show(step_view(d, step))
        focus = tour.step.focus
        walk = tour.walkthrough
        self.query_one("#tour-title", Static).update(
            Content.assemble(
                ("Walkthrough  ", "$text-muted"),
                (walk.title, "bold"),
                (f"   step {tour.index + 1} of {len(walk.steps)}", "$text-accent bold"),
            )
        )
        self.query_one("#narration", Markdown).update(tour.step.narration)
        self.query_one("#tour-narration", VerticalScroll).scroll_home(animate=False)
        focus_list = self.query_one("#tour-focus", LineList)
        focus_list.set_rows(focus_rows(d, self.maker, focus, step), keep=None)
        focus_list.scroll_to(y=0, animate=False, immediate=True)
        topic = focus_topic(d, focus)
        matrix = self.query_one(PositionMatrix)
        if topic is not None:
            matrix.move_to(topic)
        on_matrix = focus is not None and (focus.topic is not None or focus.view == "matrix")
        (matrix if on_matrix and not self.has_class("-short") else focus_list).focus()
        keys = [
            "→ next" if not tour.at_end else "last step",
            "← back" if not tour.at_start else "",
            "Enter open a claim",
        ]
        if focus is not None and focus.view == "tree" and focus_claim(d, focus):
            keys.append("t the debate tree of this claim")
        keys.append("Esc back to the map")
        self.query_one("#tour-hint", Static).update(" · ".join(k for k in keys if k))

    def go(self, tour: Tour) -> None:
        """Adopt a new tour position."""
        if tour != self.tour:
            self.tour = tour
            self._show()

    def action_next(self) -> None:
        if self.tour.at_end:
            self.notify("That was the last step. Esc returns to the map.", timeout=3)
            return
        self.go(self.tour.next())

    def action_back(self) -> None:
        self.go(self.tour.back())

    def _chosen_claim(self) -> str | None:
        focus_list = self.query_one("#tour-focus", LineList)
        return _claim_of(focus_list.cursor_row) if focus_list.has_focus else None

    def action_tree(self) -> None:
        claim = focus_claim(self.debate, self.tour.step.focus) or self._chosen_claim()
        if claim is None:
            self.notify("This step points at no claim; pick one (↑ ↓) and press Enter.", timeout=3)
            return
        self.post_message(TreeRequested(self.state.open(claim), self._after_tree))

    def _after_tree(self, state: DebateState | None) -> None:
        if state is not None and state.selected is not None:
            self.open_claim(state.selected)

    @on(LineList.RowSelected, "#tour-focus")
    def _chosen(self, event: LineList.RowSelected) -> None:
        claim = _claim_of(event.row)
        if claim is not None:
            self.open_claim(claim)
        elif isinstance(event.target, tuple) and event.target[0] == "term":
            self.post_message(GlossaryRequested(str(event.target[1])))

    def open_claim(self, claim: str) -> None:
        state = self.state.open(claim)
        if not self.debate.is_said(claim, state.step):
            state = state.at_step(self.debate.step_of_claim(claim))
        self.post_message(ClaimRequested(state))

    def action_leave(self) -> None:
        self.dismiss(self.tour)


def _claim_of(row: Row | None) -> str | None:
    target = row.target if row is not None else None
    if isinstance(target, str):
        return target
    if isinstance(target, tuple) and len(target) == 2 and target[0] == "claim":
        return str(target[1])
    return None
