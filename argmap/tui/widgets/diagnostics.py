"""The problems of a scenario file as a list, and the line of the file the chosen one is about.

Shown by the live preview when the file on disk stops being valid: the map above stays the last
good one. Every text here (messages quote the file) is data, drawn as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from argmap.base.diagnostics import Diagnostic, sort_key
from argmap.tui.widgets.lines import LineList
from argmap.views.rows import Row


def diagnostic_rows(diagnostics: Sequence[Diagnostic]) -> list[Row]:
    rows = []
    for i, d in enumerate(sorted(diagnostics, key=sort_key)):
        where = f"{d.line}:{d.col}" if d.line else "-"
        role = "against" if d.severity == "error" else "flag"
        rows.append(
            Row(
                ("diagnostic", i, d.render()),
                ((f"{where:>8} ", "dim"), (f"{d.severity}[{d.code}] ", role), (d.message, "")),
                target=i,
                indent=9,
            )
        )
    return rows


def line_shown(d: Diagnostic, lines: Sequence[str], scenario_name: str) -> str:
    """The diagnostic in full: its hint, and the line of the scenario it points at, marked."""
    parts = [d.render()]
    if d.line and d.file == scenario_name and 0 < d.line <= len(lines):
        text = lines[d.line - 1].expandtabs(1)
        parts.append(f"\n{d.line:>5} | {text}\n      | {' ' * max(d.col - 1, 0)}^")
    return "\n".join(parts)


class DiagnosticsPanel(Vertical):
    """↑ ↓ choose a problem; the line it is about shows below the list."""

    DEFAULT_CSS = """
    DiagnosticsPanel {
        height: auto;
        max-height: 60%;
        border-top: heavy $error;
        background: $surface;
    }
    DiagnosticsPanel > #diagnostics-title {
        color: $error;
        text-style: bold;
        padding: 0 1;
    }
    DiagnosticsPanel > LineList {
        height: 8;
    }
    DiagnosticsPanel > #diagnostic-line {
        padding: 0 1;
        height: auto;
        color: $text;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.diagnostics: list[Diagnostic] = []
        self.lines: list[str] = []
        self.scenario_name = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="diagnostics-title", markup=False)
        yield LineList([], id="diagnostic-list")
        yield Static("", id="diagnostic-line", markup=False)

    def show(self, diagnostics: Sequence[Diagnostic], text: str, scenario_name: str, title: str) -> None:
        """Show these problems of the scenario whose text (as it is now on disk) is ``text``."""
        self.diagnostics = sorted(diagnostics, key=sort_key)
        self.lines = text.split("\n")
        self.scenario_name = scenario_name
        self.query_one("#diagnostics-title", Static).update(Content(title))
        listing = self.query_one("#diagnostic-list", LineList)
        listing.set_rows(diagnostic_rows(self.diagnostics), keep=listing.highlighted)
        self._describe(listing.highlighted if isinstance(listing.highlighted, int) else 0)

    def _describe(self, index: int) -> None:
        shown = ""
        if 0 <= index < len(self.diagnostics):
            shown = line_shown(self.diagnostics[index], self.lines, self.scenario_name)
        self.query_one("#diagnostic-line", Static).update(Content(shown))

    @property
    def chosen(self) -> Diagnostic | None:
        target = self.query_one("#diagnostic-list", LineList).highlighted
        return self.diagnostics[target] if isinstance(target, int) and target < len(self.diagnostics) else None

    @on(LineList.RowHighlighted, "#diagnostic-list")
    def _highlighted(self, event: LineList.RowHighlighted) -> None:
        if isinstance(event.target, int):
            self._describe(event.target)
