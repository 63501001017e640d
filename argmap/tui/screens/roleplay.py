"""Role-play as a side: the other sides' claims arrive in the sources' order, and the student
answers each with one of the side's documented claims, or lets it pass. With a results file
each round is saved as it is played, as exercise answers are; the screen holds the file open
(locked) until it closes."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from argmap.base.files import display_name
from argmap.classroom.results import ResultsFile
from argmap.classroom.roleplay import ROLEPLAY_KIND, Labels, RolePlay, answer, outcome
from argmap.tui.screens.base import OnDebate
from argmap.tui.screens.closing import save_on_close
from argmap.tui.widgets.field import TextField
from argmap.tui.widgets.lines import LineList
from argmap.tui.widgets.stepbar import StepBar
from argmap.views.present_classroom import NEXT, VERDICT, outcome_rows, own_rows, round_rows, turn_rows
from argmap.views.rows import Row


class RolePlayScreen(OnDebate, Screen[RolePlay]):
    """Enter plays the highlighted claim, p passes, / searches the side's claims; after each
    answer, what the side really said. Escape leaves with the role-play where it stands."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (declared per instance by Textual)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", key_display="/"),
        Binding("p", "pass_round", "Pass"),
        Binding("space", "next", "Next"),
        Binding("down", "answers", "Your claims", show=False),
        Binding("tab", "app.focus_next", "Next panel", show=False),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, play: RolePlay, labels: Labels | None = None, results: ResultsFile | None = None) -> None:
        super().__init__()
        self.play = play
        self.labels = labels
        self.results = results
        """Where the rounds are saved; None when no student's name is known."""
        self.reviewing = False
        """True while the answer just given is shown, until the student moves on."""

    @property
    def side_name(self) -> str:
        return self.debate.actor_name(self.play.side)

    def compose(self) -> ComposeResult:
        yield StepBar(id="step-bar")
        yield Static(id="roleplay-title", classes="screen-title", markup=False)
        with Horizontal(id="roleplay-body"):
            yield LineList(id="round")
            with Vertical(id="answers"):
                yield Static(f"Answer as {self.side_name}", classes="panel-title", markup=False)
                yield TextField(placeholder="/ search your side's claims", id="answer-filter", compact=True)
                yield LineList(id="own", empty="None of your side's claims matches.")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show()
        self._fresh_answers()
        if self.play.turns and not self.play.finished:
            self.notify(
                f"Welcome back: carrying on at round {len(self.play.turns) + 1} of {len(self.play.rounds)}.",
                timeout=4,
                markup=False,
            )

    def on_unmount(self) -> None:
        if self.results is not None:
            save_on_close(self.app, self.results)

    @property
    def saved_to(self) -> str | None:
        return display_name(self.results.path) if self.results is not None else None

    # --- showing --------------------------------------------------------------------------

    def _show(self) -> None:
        d, play = self.debate, self.play
        turn = play.turns[-1] if self.reviewing and play.turns else None
        current = turn.round if turn is not None else play.current
        self.query_one(StepBar).show(d, current.step if current is not None else d.last_step)
        total = len(play.rounds)
        where = "the outcome" if current is None else f"round {len(play.turns) + (0 if turn else 1)} of {total}"
        self.query_one("#roleplay-title", Static).update(
            Content.assemble(
                ("Role-play as ", "$text-muted"),
                (self.side_name, "bold"),
                ("  ·  ", "$text-muted"),
                (where, "$text-accent bold"),
                ("  ·  ", "$text-muted"),
                (f"{play.answered} answered, {play.score} rebutted", ""),
            )
        )
        board = self.query_one("#round", LineList)
        if turn is not None:
            rows = round_rows(d, play.side, turn.round) + turn_rows(d, play, turn)
            board.set_rows(rows, keep=NEXT)
            board.focus()
            # The verdict and the way on, with as much of what the side said between as fits.
            self.call_after_refresh(board.reveal, _is_verdict, NEXT)
        elif current is not None:
            board.set_rows(round_rows(d, play.side, current), keep=None)
            board.scroll_to(y=0, animate=False, immediate=True)
        else:
            result = outcome(d, play, self.labels)
            board.set_rows(outcome_rows(d, play, result, self.labels is not None, self.saved_to), keep=None)
            board.scroll_to(y=0, animate=False, immediate=True)
            board.focus()
        self.set_class(current is None, "-over")
        self.refresh_bindings()

    def _fresh_answers(self) -> None:
        """A new round: the whole list of the side's claims, the cursor on the first."""
        search = self.query_one("#answer-filter", Input)
        with search.prevent(Input.Changed):
            search.value = ""
        self._list_answers("")
        if not self.play.finished:
            self.query_one("#own", LineList).focus()

    def _list_answers(self, query: str) -> None:
        own = self.query_one("#own", LineList)
        rows = own_rows(self.debate, self.play.side, query)
        own.set_rows(rows, keep=None)
        first = next((r.target for r in rows if r.target != "pass"), None)
        if first is not None:
            own.move_to(first)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        answering = not self.reviewing and not self.play.finished
        if action in ("pass_round", "search"):
            return answering
        if action == "next":
            return self.reviewing
        return True

    # --- playing --------------------------------------------------------------------------

    def play_claim(self, claim: str | None) -> None:
        """Answer the current round with a claim of the side, or pass (None)."""
        if self.reviewing or self.play.finished:
            return
        self.play = answer(self.debate, self.play, claim)
        self.reviewing = True
        self._save(self.play)
        self._show()

    def _save(self, play: RolePlay) -> None:
        """Save the round just played, as an exercise answer is saved."""
        if self.results is None:
            return
        turn = play.turns[-1]
        chosen = (turn.answer,) if turn.answer is not None else ()
        try:
            self.results.add(turn.round.opposing, ROLEPLAY_KIND, chosen, turn.round.replies, turn.scored)
        except OSError as exc:
            self.notify(
                f"Not saved to {self.saved_to}: {exc.strerror or exc}. It is kept here and tried again "
                "with your next answer.",
                title="Round not saved",
                severity="error",
                timeout=10,
                markup=False,
            )

    def action_pass_round(self) -> None:
        self.play_claim(None)

    def action_next(self) -> None:
        if not self.reviewing:
            return
        self.reviewing = False
        self._show()
        self._fresh_answers()

    def action_search(self) -> None:
        self.query_one("#answer-filter", Input).focus()

    def action_answers(self) -> None:
        if not self.reviewing and not self.play.finished:
            self.query_one("#own", LineList).focus()

    @on(Input.Changed, "#answer-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._list_answers(event.value)

    @on(Input.Submitted, "#answer-filter")
    def _to_list(self) -> None:
        self.query_one("#own", LineList).focus()

    @on(LineList.RowSelected, "#own")
    def _answered(self, event: LineList.RowSelected) -> None:
        target = event.target
        if target == "pass":
            self.play_claim(None)
        elif isinstance(target, tuple) and target[0] == "claim":
            self.play_claim(str(target[1]))

    @on(LineList.RowSelected, "#round")
    def _round_row(self, event: LineList.RowSelected) -> None:
        if event.target == NEXT:
            self.action_next()

    def action_leave(self) -> None:
        search = self.query_one("#answer-filter", Input)
        if search.has_focus:
            # Escape in the search field goes back to the list first.
            search.value = ""
            self.query_one("#own", LineList).focus()
            return
        self._say_where_answers_went()
        self.dismiss(self.play)

    def _say_where_answers_went(self) -> None:
        play = self.play
        if play.finished or not play.turns:
            return
        if self.saved_to is None:
            where = "They are not saved to a file (no name was given): they are kept until argmap closes."
        else:
            where = f"Your answers are saved to {self.saved_to}."
        self.app.notify(
            f"Role-play left at round {len(play.turns) + 1} of {len(play.rounds)}. {where} "
            f"Start the role-play as {self.side_name} again to carry on.",
            timeout=8,
            markup=False,
        )


def _is_verdict(row: Row) -> bool:
    return isinstance(row.key, tuple) and row.key[0] == VERDICT
