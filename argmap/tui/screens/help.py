"""Every key, screen by screen, and what the symbols mean."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from argmap.tui.widgets.lines import LineList
from argmap.views.rows import (
    CHANGED,
    CONTRADICTION,
    FOLDED,
    LABEL_MARK,
    NEW,
    NO_POSITION,
    STANCE_SYMBOL,
    Piece,
    Row,
    pad,
)

KEY_WIDTH = 16

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
    (f"{LABEL_MARK['in']} accepted", "label-in", "the claim stands under the semantics in force (m switches)"),
    (f"{LABEL_MARK['out']} rejected", "label-out", "an accepted claim attacks it"),
    (f"{LABEL_MARK['undec']} undecided", "label-undec", "neither can be established (e.g. a mutual rebuttal)"),
    (f"{LABEL_MARK['off']} switched off", "label-off", "left out by a what-if (o toggles, z resets all)"),
]


def _sections() -> list[tuple[str, list[tuple[str, str]]]]:
    from argmap.tui.app import ArgmapApp
    from argmap.tui.screens.claim import ClaimScreen
    from argmap.tui.screens.date import DateScreen
    from argmap.tui.screens.exercise import ExerciseScreen
    from argmap.tui.screens.glossary import GlossaryScreen
    from argmap.tui.screens.pick import PickScreen
    from argmap.tui.screens.positions import PositionsScreen
    from argmap.tui.screens.roleplay import RolePlayScreen
    from argmap.tui.screens.search import SearchScreen
    from argmap.tui.screens.source import SourceReader, SourceScreen
    from argmap.tui.screens.tree import TreeScreen
    from argmap.tui.screens.walkthrough import WalkthroughScreen

    def keys(*owners: type, extra: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
        out = list(extra)
        for owner in owners:
            for b in getattr(owner, "BINDINGS", []):
                # Arrow, Home/End and Tab keys are described once, in the extras.
                covered = b.key in ("home", "end", "tab", "left", "right") or b.key.isdigit()
                # Letters that answer a question are described once, as "a b c…".
                covered = covered or (owner is ExerciseScreen and b.key != "a" and len(b.key) == 1)
                if isinstance(b, Binding) and b.description and not covered:
                    out.append((b.key_display or _key_name(b.key), b.description))
        return out

    lists = (("↑ ↓", "move in a list"), ("PgUp PgDn", "move a page"), ("Enter", "open"), ("Tab", "next panel"))
    return [
        (
            "Everywhere",
            keys(
                ArgmapApp,
                extra=(
                    (
                        "ctrl+p",
                        "command palette: jump to a claim, actor, topic or date; start a classroom mode",
                    ),
                ),
            ),
        ),
        (
            "Positions (home)",
            keys(
                PositionsScreen,
                extra=(
                    ("← →", "step back, step on in time"),
                    *lists,
                    ("1-9", "show side 1 to 9"),
                    ("Home End", "first and last step"),
                ),
            ),
        ),
        ("Claim detail", keys(ClaimScreen, extra=(("Enter", "follow a relation, open a quote or a term"),))),
        ("Debate tree", keys(TreeScreen, extra=(("Enter", "open the claim"), ("← →", "fold, unfold")))),
        (
            "Source reader",
            keys(SourceScreen, SourceReader, extra=(("↑ ↓ PgUp PgDn", "scroll"), ("Tab", "claims citing the passage"))),
        ),
        ("Search", keys(SearchScreen, extra=(("↓", "to the results"),))),
        ("Go to date", keys(DateScreen)),
        ("Glossary", keys(GlossaryScreen)),
        (
            "Walkthrough",
            keys(
                WalkthroughScreen,
                extra=(("→ ← n b space", "next and back through the steps"), ("Enter", "open a claim")),
            ),
        ),
        (
            "Exercises",
            keys(
                ExerciseScreen,
                extra=(("↑ ↓ Enter", "pick a choice; once answered, Enter moves on"),),
            ),
        ),
        (
            "Role-play",
            keys(RolePlayScreen, extra=(("Enter", "play the highlighted claim"), ("↓", "from the search to the list"))),
        ),
        ("Picking a walkthrough, set or side", keys(PickScreen)),
    ]


def _key_name(key: str) -> str:
    return {"slash": "/", "question_mark": "?", "escape": "Esc", "backspace": "Backspace", "space": "Space"}.get(
        key, key
    )


class HelpScreen(Screen[None]):
    """Keys for every screen (the one help was opened from first), then the symbols."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
    ]

    def __init__(self, opened_from: Screen[object] | None = None) -> None:
        super().__init__()
        self.opened_from = type(opened_from).__name__ if opened_from is not None else ""

    def compose(self) -> ComposeResult:
        yield Static("Help: keys and symbols", classes="screen-title", markup=False)
        yield LineList(id="help")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        rows: list[Row] = []
        for title, keys in _sections():
            rows.append(Row(("section", title), ((title, "heading"),), target=title))
            seen = set()
            for key, what in keys:
                if (key, what) in seen:
                    continue
                seen.add((key, what))
                pieces: tuple[Piece, ...] = ((pad("  " + key, KEY_WIDTH), "key"), (what, ""))
                rows.append(Row(("key", title, key, what), pieces, indent=KEY_WIDTH))
            rows.append(Row(("gap", title), ((" ", ""),)))
        rows.append(Row(("section", "Symbols"), (("Symbols", "heading"),), target="Symbols"))
        for symbol, role, meaning in LEGEND:
            rows.append(
                Row(
                    ("legend", symbol),
                    (("  ", ""), (pad(symbol, KEY_WIDTH - 2), role), (meaning, "")),
                    indent=KEY_WIDTH,
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
