"""The keys of every screen, read from their bindings, for the help screen."""

from __future__ import annotations

from textual.binding import Binding

from argmap.tui.screens.claim import ClaimScreen
from argmap.tui.screens.date import DateScreen
from argmap.tui.screens.exercise import ExerciseScreen
from argmap.tui.screens.glossary import GlossaryScreen
from argmap.tui.screens.help import Sections
from argmap.tui.screens.pick import PickScreen
from argmap.tui.screens.positions import PositionsScreen
from argmap.tui.screens.roleplay import RolePlayScreen
from argmap.tui.screens.search import SearchScreen
from argmap.tui.screens.source import SourceReader, SourceScreen
from argmap.tui.screens.tree import TreeScreen
from argmap.tui.screens.walkthrough import WalkthroughScreen


def key_sections(app: type) -> Sections:
    """Every screen's keys from its bindings, those of ``app`` (the app class) first."""

    def keys(*owners: type, extra: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
        out = list(extra)
        # A key the extras describe is not listed again under its binding's own words.
        described = {k for shown, _ in extra for k in shown.replace("…", "").split()}
        for owner in owners:
            for b in getattr(owner, "BINDINGS", []):
                name = b.key_display or _key_name(b.key)
                # Arrow, Home/End and Tab keys are described once, in the extras.
                covered = b.key in ("home", "end", "tab", "left", "right") or b.key.isdigit()
                covered = covered or name in described or name.lower() in described
                # Letters that answer a question are described once, as "a b c…".
                covered = covered or (owner is ExerciseScreen and b.key != "a" and len(b.key) == 1)
                if isinstance(b, Binding) and b.description and not covered:
                    out.append((name, b.description))
        return out

    lists = (("↑ ↓", "move in a list"), ("PgUp PgDn", "move a page"), ("Enter", "open"), ("Tab", "next panel"))
    return [
        (
            "Everywhere",
            keys(
                app,
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
                extra=(("→ ← n b Space", "next and back through the steps"), ("Enter", "open a claim")),
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


_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "escape": "Esc",
    "backspace": "Backspace",
    "space": "Space",
    "enter": "Enter",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
}


def _key_name(key: str) -> str:
    """A key as the keyboard shows it, not as Textual names it."""
    return _NAMES.get(key, key)
