"""Exercises: one question at a time, answered by keys, with feedback quoting the sources and
a score at the end. Each answer is saved to the student's results file as it is given; an
answer that could not be saved is said so, kept, and saved with the next one. The screen holds
the results file open (locked) until it closes."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from argmap.base.files import display_name
from argmap.classroom.results import ResultsFile
from argmap.classroom.session import Session
from argmap.tui.screens.closing import save_on_close
from argmap.tui.widgets.lines import LineList
from argmap.views.present_classroom import LETTERS, NEXT, VERDICT, attempt_rows, question_rows, score_rows
from argmap.views.rows import Row


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
        Binding("r", "retake", "Retake the set"),
        Binding("escape", "leave", "Leave"),
        Binding("q", "quit_exercises", "Quit"),
    ]

    def __init__(self, session: Session, results: ResultsFile, set_name: str) -> None:
        super().__init__()
        self.session = session
        self.results = results
        self.set_name = set_name
        self._leave_unsaved = False
        """Escape was pressed once with answers unsaved: a second press leaves without them."""

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
        if self.results.unreadable:
            n = len(self.results.unreadable)
            self.notify(
                f"{n} line{'s' if n > 1 else ''} of your results file could not be read: "
                f"{'they are' if n > 1 else 'it is'} kept as {'they are' if n > 1 else 'it is'}.",
                severity="warning",
                timeout=6,
            )

    def on_unmount(self) -> None:
        save_on_close(self.app, self.results)

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
        if self.results.unsaved:
            parts += [("  ·  ", "$text-muted"), (f"{self.results.unsaved} not saved", "$text-error bold")]
        return Content.assemble(*parts)

    def _show(self) -> None:
        s = self.session
        self.query_one("#exercise-title", Static).update(self._title())
        lines = self.query_one("#exercise", LineList)
        if s.finished:
            rows = score_rows(s, display_name(self.results.path), self.results.unsaved)
            rows += attempt_rows(self.results.attempt, self.results.earlier_attempts())
            lines.set_rows(rows, keep=None)
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
        if action == "retake":
            return self.session.finished and not self.results.unsaved
        return True

    # --- answering ------------------------------------------------------------------------

    def apply(self, session: Session) -> None:
        """Adopt a new session; an answer just graded is saved at once, with any left unsaved."""
        old, self.session = self.session, session
        if old.graded is None and session.graded is not None and old.current is not None:
            question, graded = old.current, session.graded
            before, self._leave_unsaved = self.results.unsaved, False
            try:
                self.results.add(question.exercise, question.kind, graded.answer, graded.expected, graded.correct)
            except OSError as exc:
                self._not_saved(exc)
            else:
                if before:
                    self.notify(f"Saved now, with the {before} not saved before.", timeout=4)
        self._show()

    def _not_saved(self, exc: OSError) -> None:
        n = self.results.unsaved
        reason = exc.strerror or str(exc)
        self.notify(
            f"Not saved to {display_name(self.results.path)}: {reason}. "
            f"{'This answer is' if n == 1 else f'{n} answers are'} kept here: saving is tried again "
            "with your next answer, and when you leave.",
            title="Answer not saved",
            severity="error",
            timeout=10,
            markup=False,
        )

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

    def action_retake(self) -> None:
        """Take a finished set again: a new attempt, the earlier one kept in the file and shown."""
        if not self.session.finished or self.results.unsaved:
            return
        self.results.retake()
        s = self.session
        self.session = Session.start(s.questions, s.skipped)
        self.notify(
            f"Attempt {self.results.attempt}: your earlier answers are kept in {display_name(self.results.path)}.",
            timeout=5,
            markup=False,
        )
        self._show()

    def _where_answers_went(self) -> str | None:
        """What leaving part-way means for the answers, or None when the set is done or untouched."""
        s = self.session
        if s.finished or not s.results or self.results.unsaved:
            return None
        n = len(s.results)
        return (
            f"{n} answer{'s' if n > 1 else ''} of set {self.set_name} saved to {display_name(self.results.path)}; "
            f"start the set again to carry on at question {s.position} of {len(s.questions)}."
        )

    def action_quit_exercises(self) -> None:
        """Quit the app; with answers unsaved, the same care as leaving the set."""
        if self._keep_unsaved("q", "quit"):
            return
        said = self._where_answers_went()
        if said is not None:
            from rich.text import Text

            self.app.exit(message=Text(said))  # printed once the app is gone, never as markup
        else:
            self.app.exit()

    def _keep_unsaved(self, key: str, verb: str) -> bool:
        """With answers unsaved, try once more; True when they still could not be saved and
        this is the first time of asking (the key must be pressed again to go without them)."""
        if not self.results.unsaved or self._leave_unsaved:
            return False
        try:
            self.results.save()
        except OSError as exc:
            self._leave_unsaved = True
            n = self.results.unsaved
            self.notify(
                f"{n} answer{'s' if n > 1 else ''} could not be saved to {display_name(self.results.path)}: "
                f"{exc.strerror or exc}. Press {key} again to {verb} without {'them' if n > 1 else 'it'}.",
                title="Answers not saved",
                severity="error",
                timeout=10,
                markup=False,
            )
            self._show()
            return True
        return False

    def action_leave(self) -> None:
        """Leave; with answers unsaved, try once more, and leave without them only when asked twice."""
        if self._keep_unsaved("Esc", "leave"):
            return
        said = self._where_answers_went()
        if said is not None:
            self.app.notify(said, title="Set left part-way", timeout=8, markup=False)
        self.dismiss(None)
