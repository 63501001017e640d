"""Jump to a date, typed or picked from the timeline."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from argmap.tui.screens.base import OnDebate
from argmap.tui.widgets.field import TextField
from argmap.tui.widgets.lines import LineList
from argmap.views.date_entry import outside, read_date
from argmap.views.rows import Row, pad


class DateScreen(OnDebate, ModalScreen[int | None]):
    """Type a date and press Enter, or pick a step from the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("down", "steps", "Steps", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Go to a date", classes="panel-title", markup=False)
            yield TextField(placeholder="June 2000, 3 February 2001, 2001, 2000-06…", id="date")
            yield Static("", id="date-error", markup=False)
            yield LineList(self._rows(), id="results")
            yield Static("Enter go · ↓ pick a step · Esc close", classes="hint", markup=False)

    def _rows(self) -> list[Row]:
        rows = []
        for step in self.debate.steps:
            when = step.date.describe()
            # The date in its column, then what happened, unless that is only the date again.
            pieces = (
                (pad(f"{step.index}", 5), "dim"),
                (pad(when, 24), "date"),
                ("" if step.label == when else step.label, ""),
            )
            rows.append(Row(("step", step.index), pieces, target=step.index, indent=29))
        return rows

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#date")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            date = read_date(event.value)
        except ValueError as exc:
            self.query_one("#date-error", Static).update(str(exc))
            return
        note = outside(self.debate, date)
        if note is not None:
            self.notify(note, timeout=5, markup=False)
        self.dismiss(self.debate.step_of_date(date))

    @on(LineList.RowSelected, "#results")
    def _picked(self, event: LineList.RowSelected) -> None:
        self.dismiss(int(str(event.target)))

    def action_steps(self) -> None:
        self.query_one("#results", LineList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
