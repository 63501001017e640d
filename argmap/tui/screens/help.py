"""Every key, screen by screen, and what the symbols mean."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from argmap.engine.semantics_registry import BY_NAME, CYCLE
from argmap.tui.widgets.lines import LineList
from argmap.views.rows import (
    CHANGED,
    CONTRADICTION,
    FOLDED,
    LABEL_MARK,
    LABEL_WORD,
    NEW,
    NO_POSITION,
    STANCE_SYMBOL,
    Piece,
    Row,
    pad,
)
from argmap.views.semantics_words import DIFFERENCE, label_meaning

KEY_WIDTH = 16

Sections = list[tuple[str, list[tuple[str, str]]]]
"""Titled lists of (key, what it does)."""

LEGEND: list[tuple[str, str, str]] = [
    (f"{STANCE_SYMBOL['for']} for", "for", "the side (or claim) is for what the topic asks"),
    (f"{STANCE_SYMBOL['against']} against", "against", "against it"),
    (f"{STANCE_SYMBOL['neutral']} neutral", "neutral", "takes no side on it"),
    (
        f"{STANCE_SYMBOL['conflicting']} conflicting",
        "conflicting",
        "the side's current claims hold both for and against",
    ),
    (NO_POSITION, "none", "no position yet at this date"),
    (NEW, "new", "claim said at the current step"),
    (CHANGED, "changed", "position taken or changed at the current step"),
    (CONTRADICTION, "flag", "the side contradicts itself: two of its claims conflict"),
    (FOLDED, "dim", "a speaker's claims are folded (f unfolds)"),
    (
        f"{LABEL_MARK['in']} {LABEL_WORD['in']}",
        "label-in",
        f"the claim stands: under grounded, {label_meaning('grounded', 'in')}; under the others, "
        f"{label_meaning(None, 'in')}",
    ),
    (
        f"{LABEL_MARK['out']} {LABEL_WORD['out']}",
        "label-out",
        f"under grounded, {label_meaning('grounded', 'out')}; under the others, {label_meaning(None, 'out')}",
    ),
    (
        f"{LABEL_MARK['undec']} {LABEL_WORD['undec']}",
        "label-undec",
        f"under grounded, {label_meaning('grounded', 'undec')}; under the others, {label_meaning(None, 'undec')}",
    ),
    (
        f"{LABEL_MARK['off']} {LABEL_WORD['off']}",
        "label-off",
        "a what-if takes the claim out of the debate (o toggles, z resets all)",
    ),
    ("labels changed", "dim", "on the step bar, 'n labels changed': claims said earlier whose label the step changed"),
]


class HelpScreen(Screen[None]):
    """Keys for every screen (the one help was opened from first), then the symbols."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
    ]

    def __init__(self, sections: Sections, opened_from: Screen[object] | None = None) -> None:
        super().__init__()
        self.sections = sections
        self.opened_from = type(opened_from).__name__ if opened_from is not None else ""

    def compose(self) -> ComposeResult:
        yield Static("Help: keys and symbols", classes="screen-title", markup=False)
        yield LineList(id="help")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        rows: list[Row] = []
        for title, keys in self.sections:
            rows.append(Row(("section", title), ((title, "heading"),), target=title))
            seen = set()
            for key, what in keys:
                if (key, what) in seen:
                    continue
                seen.add((key, what))
                pieces: tuple[Piece, ...] = ((pad("  " + key, KEY_WIDTH), "key"), (what, ""))
                rows.append(Row(("key", title, key, what), pieces, indent=KEY_WIDTH))
            rows.append(Row(("gap", title), ((" ", ""),)))
        rows.append(Row(("section", "Semantics"), (("Semantics (m switches)", "heading"),), target="Semantics"))
        for name in CYCLE:
            rows.append(
                Row(
                    ("semantics", name),
                    ((pad("  " + name, KEY_WIDTH), "key"), (f"{BY_NAME[name].explanation} {DIFFERENCE[name]}", "")),
                    indent=KEY_WIDTH,
                )
            )
        rows.append(Row(("gap", "semantics"), ((" ", ""),)))
        rows.append(Row(("section", "Symbols"), (("Symbols", "heading"),), target="Symbols"))
        # The symbols' column is as wide as the widest, and a space always follows it.
        wide = max(KEY_WIDTH - 2, *(len(symbol) + 1 for symbol, _, _ in LEGEND))
        for symbol, role, meaning in LEGEND:
            rows.append(
                Row(
                    ("legend", symbol),
                    (("  ", ""), (pad(symbol, wide), role), (meaning, "")),
                    indent=wide + 2,
                )
            )
        rows.append(Row(("gap", "end"), ((" ", ""),)))
        rows.append(
            Row(
                ("note", 1),
                (
                    (
                        "Colours are a second cue only: every stance has a symbol and a word. "
                        "Set NO_COLOR=1 for no colour; ctrl+t switches light and dark.",
                        "dim",
                    ),
                ),
            )
        )
        help_list = self.query_one("#help", LineList)
        help_list.set_rows(rows)
        help_list.focus()
        section = {
            "ClaimScreen": "Claim detail",
            "TreeScreen": "Debate tree",
            "SourceScreen": "Source reader",
            "GlossaryScreen": "Glossary",
            "WalkthroughScreen": "Walkthrough",
            "ExerciseScreen": "Exercises",
            "RolePlayScreen": "Role-play",
        }.get(self.opened_from)
        if section:
            self.call_after_refresh(help_list.move_to, section, top=True)

    def action_close(self) -> None:
        self.dismiss(None)
