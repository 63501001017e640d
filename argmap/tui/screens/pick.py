"""Pick one entry of a short list: a walkthrough, an exercise set, a side."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from argmap.classroom.filenames import MAX_NAME
from argmap.tui.widgets.field import TextField
from argmap.tui.widgets.lines import LineList
from argmap.views.rows import Row


class PickScreen(ModalScreen[str | None]):
    """↑ ↓ and Enter pick an entry; Escape picks nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, title: str, rows: Sequence[Row], *, current: Hashable | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.rows = list(rows)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, classes="panel-title", markup=False)
            yield LineList(self.rows, id="results")
            yield Static("↑ ↓ move · Enter pick · Esc close", classes="hint", markup=False)

    def on_mount(self) -> None:
        picker = self.query_one("#results", LineList)
        picker.focus()
        if self.current is not None:
            self.call_after_refresh(picker.move_to, self.current)

    @on(LineList.RowSelected, "#results")
    def _picked(self, event: LineList.RowSelected) -> None:
        self.dismiss(str(event.target))

    def action_close(self) -> None:
        self.dismiss(None)


class NameScreen(ModalScreen[str | None]):
    """Type a name and press Enter; Escape gives none."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, title: str, hint: str) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, classes="panel-title", markup=False)
            yield TextField(placeholder="your name", id="name", max_length=MAX_NAME)
            yield Static(self.hint, classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#name")
    def _submitted(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        if name:
            self.dismiss(name)

    def action_close(self) -> None:
        self.dismiss(None)
