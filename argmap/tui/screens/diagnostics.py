"""The live preview's problems, over the last good map: shown while the file on disk is invalid."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from argmap.base.diagnostics import Diagnostic
from argmap.tui.widgets.diagnostics import DiagnosticsPanel
from argmap.tui.widgets.lines import LineList


class DiagnosticsScreen(ModalScreen[None]):
    """↑ ↓ choose a problem and see its line; Esc hides the panel until the file changes again."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "hide", "Hide")]

    DEFAULT_CSS = """
    DiagnosticsScreen {
        align: center bottom;
        background: $background 0%;
    }
    DiagnosticsScreen > #diagnostics-hint {
        dock: bottom;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], text: str, scenario_name: str, title: str) -> None:
        super().__init__()
        self.shown = (list(diagnostics), text, scenario_name, title)
        self.ready = False

    def compose(self) -> ComposeResult:
        yield Static(
            "↑ ↓ choose a problem · Esc hide · the map is the last good one", id="diagnostics-hint", markup=False
        )
        yield DiagnosticsPanel(id="diagnostics")

    def on_mount(self) -> None:
        self.ready = True
        self.query_one(DiagnosticsPanel).show(*self.shown)
        self.query_one(LineList).focus()

    def show(self, diagnostics: Sequence[Diagnostic], text: str, scenario_name: str, title: str) -> None:
        """Show another reading's problems (the file changed and is still invalid)."""
        self.shown = (list(diagnostics), text, scenario_name, title)
        if self.ready:
            self.query_one(DiagnosticsPanel).show(diagnostics, text, scenario_name, title)

    @property
    def panel(self) -> DiagnosticsPanel:
        return self.query_one(DiagnosticsPanel)

    def action_hide(self) -> None:
        self.dismiss(None)
