"""The terminal UI: ``make_app`` builds it for the command line and for the tests.

The app starts on the positions screen and pushes the other screens when asked. Screens other
than the first are imported only when first opened, so the positions view paints quickly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from argmap.engine.debate import Debate
from argmap.engine.state import DebateState
from argmap.tui.messages import JumpRequested
from argmap.tui.screens.positions import PositionsScreen

if TYPE_CHECKING:
    from textual.command import Provider

    from argmap.loading import Loaded

LIGHT, DARK = "textual-light", "textual-dark"

StateCallback = Callable[[DebateState | None], None]


def _debate_commands() -> type[Provider]:
    # Imported when the palette first opens, not at startup.
    from argmap.tui.palette import DebateCommands

    return DebateCommands


class ArgmapApp(App[None]):
    """Step through a debate; read its claims, trees and sources."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {_debate_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("g", "glossary", "Glossary"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, debate: Debate, state: DebateState, *, claim: str | None = None) -> None:
        super().__init__()
        self.debate = debate
        self.start_state = state
        self.start_claim = claim
        self.title = debate.scenario.title

    def get_default_screen(self) -> Screen[None]:
        return PositionsScreen(self.debate, self.start_state)

    def on_mount(self) -> None:
        if self.start_claim is not None:
            self.home.open_claim(self.start_claim)

    @property
    def home(self) -> PositionsScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, PositionsScreen)
        return screen

    # --- screens --------------------------------------------------------------------------

    def show_claim(self, debate: Debate, state: DebateState, done: StateCallback) -> None:
        from argmap.tui.screens.claim import ClaimScreen

        self.push_screen(ClaimScreen(debate, state), done)

    def show_tree(self, debate: Debate, state: DebateState, done: StateCallback) -> None:
        from argmap.tui.screens.tree import TreeScreen

        self.push_screen(TreeScreen(debate, state), done)

    def show_source(
        self, debate: Debate, state: DebateState, source: str, span: tuple[int, int] | None, done: StateCallback
    ) -> None:
        from argmap.tui.screens.source import SourceScreen

        self.push_screen(SourceScreen(debate, state, source, span), done)

    def show_search(self, debate: Debate, state: DebateState, done: Callable[[str | None], None]) -> None:
        from argmap.tui.screens.search import SearchScreen

        self.push_screen(SearchScreen(debate, state), done)

    def ask_date(self, debate: Debate, done: Callable[[int | None], None]) -> None:
        from argmap.tui.screens.date import DateScreen

        self.push_screen(DateScreen(debate), done)

    def action_glossary(self, term: str | None = None) -> None:
        from argmap.tui.screens.glossary import GlossaryScreen

        if isinstance(self.screen, GlossaryScreen):
            return
        self.push_screen(GlossaryScreen(self.debate, term))

    def action_help(self) -> None:
        from argmap.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme != LIGHT else DARK

    # --- jumps from the command palette ---------------------------------------------------

    def on_jump_requested(self, message: JumpRequested) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        home = self.home
        if message.kind == "claim":
            home.open_claim(message.value)
        elif message.kind == "step":
            home.go_to_step(int(message.value))
        elif message.kind == "topic":
            home.reveal_topic(message.value)
        elif message.kind == "actor":
            home.reveal_actor(message.value)


def make_app(loaded: Loaded, *, date: str | None = None, claim: str | None = None) -> ArgmapApp:
    """The app for a loaded scenario, at a date and/or on a claim.

    Raises ``ValueError`` with a readable reason for a bad date or an unknown claim.
    """
    from argmap.dates import FuzzyDate

    debate = Debate.from_loaded(loaded)
    if not debate.steps:
        raise ValueError("the scenario has no dated events or claims to step through")
    step = debate.first_step
    if date is not None:
        step = debate.step_of_date(FuzzyDate.parse(date))
    if claim is not None:
        if claim not in debate.claims:
            from argmap.checks import did_you_mean

            hint = did_you_mean(claim, debate.claims)
            raise ValueError(f"no claim '{claim}' in this scenario" + (f": {hint}" if hint else ""))
        if date is None or not debate.is_said(claim, step):
            step = max(step, debate.step_of_claim(claim)) if date is not None else debate.step_of_claim(claim)
    state = DebateState(step=step, first=debate.first_step, last=debate.last_step)
    return ArgmapApp(debate, state, claim=claim)
