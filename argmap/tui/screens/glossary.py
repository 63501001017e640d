"""The scenario's glossary: the terms students need explained."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from argmap.tui.screens.base import OnDebate
from argmap.tui.widgets.lines import LineList
from argmap.views.glossary import glossary_rows


class GlossaryScreen(OnDebate, Screen[None]):
    """Every term with its meaning and what the meaning rests on; opened on a term when one is given."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("backspace", "close", "Back", show=False),
    ]

    def __init__(self, term: str | None = None) -> None:
        super().__init__()
        self.term = term

    def compose(self) -> ComposeResult:
        yield Static("Glossary", classes="screen-title", markup=False)
        yield LineList(id="glossary", empty="This scenario has no glossary.")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        rows = glossary_rows(self.debate)
        glossary = self.query_one("#glossary", LineList)
        glossary.set_rows(rows)
        glossary.focus()
        if self.term is not None:
            self.call_after_refresh(glossary.move_to, self.term, top=True)

    def action_close(self) -> None:
        self.dismiss(None)
