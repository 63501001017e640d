"""The first screen of a class: the student gives their name, under which everything they do is saved."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from argmap.classroom.filenames import MAX_NAME, name_problem, normal
from argmap.tui.widgets.field import TextField


class StudentScreen(Screen[str]):
    """Type your name and press Enter; a name that cannot be used is said why, and asked again."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="student"):
            yield Static(self.title_text, classes="panel-title", markup=False)
            yield Static(
                "Your name, as your teacher knows you (any script). Your answers are saved under it.",
                markup=False,
            )
            # One more than allowed, so that a name too long is said so rather than cut short.
            yield TextField(placeholder="your name", id="student-name", max_length=MAX_NAME + 1)
            yield Static("", id="student-error", markup=False)
            yield Static("Enter start", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#student-name")
    def _submitted(self, event: Input.Submitted) -> None:
        problem = name_problem(event.value)
        if problem is not None:
            self.query_one("#student-error", Static).update(problem.capitalize() + ".")
            return
        self.dismiss(normal(event.value))
