"""Find claims by their words, speakers or quotes."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from argmap.engine.state import DebateState
from argmap.tui.screens.base import OnDebate
from argmap.tui.widgets.field import TextField
from argmap.tui.widgets.lines import LineList
from argmap.views.present import claim_brief
from argmap.views.rows import Row

_FIELD_WORDS = {"text": "", "id": "id", "speaker": "speaker", "topic": "topic", "quote": "quote"}


class SearchScreen(OnDebate, ModalScreen[str | None]):
    """Type to search; ↓ moves to the results; Enter opens a claim."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("down", "results", "Results", show=False),
    ]

    def __init__(self, state: DebateState) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Search claims, speakers and quotes", classes="panel-title", markup=False)
            yield TextField(placeholder="words to find", id="query")
            yield LineList(id="results", empty="Type some words.")
            yield Static(
                "↓ results · Enter open · Esc close · dimmed: said after the current date", classes="hint", markup=False
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self.show_results(event.value)

    def show_results(self, query: str) -> None:
        d = self.debate
        hits = d.search(query, limit=100)
        step = self.state.step
        rows = []
        for hit in hits:
            pieces = list(claim_brief(d, hit.claim, step))
            where = _FIELD_WORDS[hit.field]
            if where and where != "speaker":
                pieces.append((f"\n{where}: ", "label"))
                pieces.append((hit.snippet, "quote" if hit.field == "quote" else "dim"))
            rows.append(Row(("hit", hit.claim, hit.field, step), tuple(pieces), target=hit.claim, indent=2))
        empty = "No claim matches." if query.strip() else "Type some words."
        self.query_one("#results", LineList).set_rows(rows, empty=empty)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        results = self.query_one("#results", LineList)
        if results.highlighted is not None:
            self.dismiss(str(results.highlighted))

    @on(LineList.RowSelected, "#results")
    def _chosen(self, event: LineList.RowSelected) -> None:
        self.dismiss(str(event.target))

    def action_results(self) -> None:
        results = self.query_one("#results", LineList)
        if results.rows:
            results.focus()

    def action_close(self) -> None:
        self.dismiss(None)
