"""Exercises: one question at a time, answered by keys, with feedback quoting the sources and
a score at the end. Each answer is saved to the student's results file as it is given."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from argmap.classroom.results import ResultsFile
from argmap.classroom.session import Session
from argmap.loading import display_name
from argmap.tui.present_classroom import LETTERS, NEXT, VERDICT, question_rows, score_rows
from argmap.tui.rows import Row
from argmap.tui.widgets.lines import LineList


def _is_verdict(row: Row) -> bool:
    return isinstance(row.key, tuple) and row.key[0] == VERDICT


class ExerciseScreen(Screen[None]):
    """a, b, c… answer (or ↑ ↓ and Enter); Enter moves on; Escape leaves, and the set resumes
    at the first unanswered question next time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "choose(0)", "Answer", key_display="a b c…"),
        *(Binding(letter, f"choose({i})", "Answer", show=False) for i, letter in enumerate(LETTERS) if i),
        Binding("backspace", "undo", "Take back"),
        Binding("space", "next", "Next", key_display="space"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, session: Session, results: ResultsFile, set_name: str) -> None:
        super().__init__()
        self.session = session
        self.results = results
        self.set_name = set_name

    def compose(self) -> ComposeResult:
        yield Static(id="exercise-title", classes="screen-title", markup=False)
        yield LineList(id="exercise")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show()
        self.query_one("#exercise", LineList).focus()
        session = self.session
        if session.earlier and not session.finished:
            self.notify(
                f"Welcome back: {session.earlier} answered before; carrying on at question {session.position}.",
                timeout=4,
                markup=False,
            )
        elif self.results.older and not self.results.current:
            self.notify("Your earlier answers were to another version of the scenario: starting afresh.", timeout=4)
        if session.skipped:
            n = len(session.skipped)
            self.notify(f"{n} exercise{'s' if n > 1 else ''} skipped: see the list at the end.", timeout=4)

    # --- showing --------------------------------------------------------------------------

    def _title(self) -> Content:
        s = self.session
        total = len(s.questions)
        where = "done" if s.finished else f"question {s.position} of {total}"
        parts: list[tuple[str, str]] = [
            ("Exercises  ", "$text-muted"),
            (f"set {self.set_name}", "bold"),
            ("  ·  ", "$text-muted"),
            (self.results.student, ""),
            ("  ·  ", "$text-muted"),
            (where, "$text-accent bold"),
            ("  ·  ", "$text-muted"),
            (f"{s.right} right", ""),
        ]
        if s.skipped:
            parts += [("  ·  ", "$text-muted"), (f"{len(s.skipped)} skipped", "$text-warning")]
        return Content.assemble(*parts)

    def _show(self) -> None:
        s = self.session
        self.query_one("#exercise-title", Static).update(self._title())
        lines = self.query_one("#exercise", LineList)
        if s.finished:
            lines.set_rows(score_rows(s, display_name(self.results.path)), keep=None)
            lines.scroll_to(y=0, animate=False, immediate=True)
        else:
            picked = ("choice", s.picks[-1]) if s.picks else None
            lines.set_rows(question_rows(s), keep=NEXT if s.graded is not None else picked)
            if s.graded is not None:
                # The verdict and the way on, with as much of the feedback between as fits.
                self.call_after_refresh(lines.reveal, _is_verdict, NEXT)
            elif not s.picks:
                lines.scroll_to(y=0, animate=False, immediate=True)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        question = self.session.current
        if action == "choose":
            index = parameters[0]
            return (
                question is not None
                and self.session.graded is None
                and isinstance(index, int)
                and (index < len(question.choices))
            )
        if action == "undo":
            return bool(self.session.picks) and self.session.graded is None
        if action == "next":
            return self.session.graded is not None
        return True

    # --- answering ------------------------------------------------------------------------

    def apply(self, session: Session) -> None:
        """Adopt a new session; an answer just graded is saved at once."""
        old, self.session = self.session, session
        if old.graded is None and session.graded is not None and old.current is not None:
            question, graded = old.current, session.graded
            try:
                self.results.add(question.exercise, question.kind, graded.answer, graded.expected, graded.correct)
            except OSError as exc:
                self.notify(f"The answer could not be saved: {exc}", severity="error", timeout=8, markup=False)
        self._show()

    def action_choose(self, index: int) -> None:
        question = self.session.current
        if question is not None and 0 <= index < len(question.choices):
            self.apply(self.session.pick(question.choices[index].value))

    def action_undo(self) -> None:
        self.apply(self.session.undo())

    def action_next(self) -> None:
        self.apply(self.session.next())

    @on(LineList.RowSelected, "#exercise")
    def _chosen(self, event: LineList.RowSelected) -> None:
        target = event.target
        if target == NEXT:
            self.action_next()
        elif isinstance(target, tuple) and target[0] == "choice":
            self.apply(self.session.pick(str(target[1])))

    def action_leave(self) -> None:
        self.dismiss(None)
