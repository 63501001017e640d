"""The terminal UI: ``make_app`` builds it for the command line and for the tests.

The app starts on the positions screen and pushes the other screens when asked: screens post
the requests of ``argmap.tui.messages`` and the app answers them. The app owns the debate;
screens read it through ``argmap.tui.host`` and never keep a copy, so ``replace_loaded`` can
swap it for another. Screens other than the first are imported only when first opened, so the
positions view paints quickly.

Text from files is data: the app is given a copy of the scenario and its sources with every
control character made visible (``argmap.views.visible``), and notifications, which may name
files or quote errors, pass the same gate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from argmap.base.textsafe import visible
from argmap.debate.index import Debate
from argmap.engine.state import DebateState
from argmap.tui.messages import (
    ClaimRequested,
    DateRequested,
    GlossaryRequested,
    JumpRequested,
    ModeRequested,
    SearchRequested,
    SourceRequested,
    StandpointsRequested,
    StateReply,
    TreeRequested,
)
from argmap.tui.screens.base import OnDebate
from argmap.tui.screens.positions import PositionsScreen
from argmap.tui.start import BROWSE, Start, StartExercises, StartRolePlay, StartWalkthrough
from argmap.views.rows import Piece, Row

if TYPE_CHECKING:
    from textual.command import Provider

    from argmap.classroom.roleplay import Labels, RolePlay
    from argmap.classroom.session import ExerciseSetup
    from argmap.classroom.walkthrough import Tour
    from argmap.engine.evaluation import ArgumentEngine, Evaluation
    from argmap.scenario.loaded import Loaded

LIGHT, DARK = "textual-light", "textual-dark"


def _engine_labels() -> Labels | None:
    from argmap.classroom.labels import engine_labels

    return engine_labels()


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

    def __init__(
        self,
        debate: Debate,
        state: DebateState,
        *,
        claim: str | None = None,
        start: Start = BROWSE,
        exercise_setup: ExerciseSetup | None = None,
        scenario_name: str = "scenario",
        sha256: str = "",
    ) -> None:
        """``exercise_setup`` is how exercises start when asked for without one (it comes from
        the command line, checked: ``classroom.start.command_line_setup``)."""
        super().__init__()
        self.debate = debate
        self.start_state = state
        self.start_claim = claim
        self.start = start
        self.scenario_name = scenario_name
        self.sha256 = sha256
        self.title = debate.scenario.title
        self.unsaved_answers: list[tuple[str, str, list[str]]] = []
        """Answers that could not be saved when the app closed: (file, reason, lines)."""
        self.tours: dict[str, Tour] = {}
        """Walkthroughs left part-way, by name: coming back resumes them."""
        self.last_tour: str | None = None
        self.roleplays: dict[str, RolePlay] = {}
        self.roleplay_labels: Labels | None = _engine_labels()
        """Labels for the outcome of a role-play, from the argumentation engine when present."""
        self.start_setup = exercise_setup
        self.exercise_setup: ExerciseSetup | None = None
        self._engine: ArgumentEngine | None = None

    @property
    def engine(self) -> ArgumentEngine:
        """The argumentation engine of this debate, built on first use."""
        if self._engine is None:
            from argmap.engine.evaluation import ArgumentEngine

            self._engine = ArgumentEngine(self.debate)
        return self._engine

    def evaluate(self, state: DebateState) -> Evaluation:
        """The labels at a state's step, under its semantics and what-if (remembered)."""
        return self.engine.evaluate(state.step, state.semantics, state.whatif, commentators=state.commentators)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notification, its text shown with every control character made visible."""
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=markup)

    def get_default_screen(self) -> Screen[None]:
        return PositionsScreen(self.start_state)

    def on_mount(self) -> None:
        if self.start_claim is not None:
            home = self.home
            self._show_claim(home.claim_state(self.start_claim), home.adopt)
        start = self.start
        if isinstance(start, StartWalkthrough):
            self.start_walkthrough(start.name)
        elif isinstance(start, StartExercises):
            self.start_exercises(self.start_setup, from_command_line=True)
        elif isinstance(start, StartRolePlay):
            self.start_roleplay(start.side)

    @property
    def home(self) -> PositionsScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, PositionsScreen)
        return screen

    def replace_loaded(self, loaded: Loaded) -> None:
        """Show another scenario, or the same one read again, in place of the one open.

        Open screens that can show the new debate redraw for it (the positions view always
        does, keeping the date where it can); the others, and those above them, close.
        Walkthroughs and role-plays left part-way are forgotten. Raises ``ValueError`` for a
        scenario with nothing to step through.
        """
        loaded, debate = _shown(loaded)
        self.debate = debate
        self._engine = None
        self.scenario_name, self.sha256 = loaded.path.stem, loaded.sha256
        self.title = debate.scenario.title
        self.tours.clear()
        self.last_tour = None
        self.roleplays.clear()
        keep = 0
        for screen in self.screen_stack:
            if not (isinstance(screen, OnDebate) and screen.debate_replaced()):
                break
            keep += 1
        while len(self.screen_stack) > max(keep, 1):
            self.pop_screen()

    # --- screens --------------------------------------------------------------------------

    def _show_claim(self, state: DebateState, reply: StateReply) -> None:
        from argmap.tui.screens.claim import ClaimScreen

        self.push_screen(ClaimScreen(state), reply)

    def on_claim_requested(self, message: ClaimRequested) -> None:
        self._show_claim(message.state, message.reply)

    def on_tree_requested(self, message: TreeRequested) -> None:
        from argmap.tui.screens.tree import TreeScreen

        self.push_screen(TreeScreen(message.state), message.reply)

    def on_source_requested(self, message: SourceRequested) -> None:
        from argmap.tui.screens.source import SourceScreen

        self.push_screen(SourceScreen(message.state, message.source, message.span), message.reply)

    def on_search_requested(self, message: SearchRequested) -> None:
        from argmap.tui.screens.search import SearchScreen

        self.push_screen(SearchScreen(message.state), message.reply)

    def on_standpoints_requested(self, message: StandpointsRequested) -> None:
        from argmap.tui.screens.standpoints import StandpointsScreen

        self.push_screen(StandpointsScreen(message.state, self.evaluate(message.state)), message.reply)

    def on_date_requested(self, message: DateRequested) -> None:
        from argmap.tui.screens.date import DateScreen

        self.push_screen(DateScreen(), message.reply)

    def on_glossary_requested(self, message: GlossaryRequested) -> None:
        self.action_glossary(message.term)

    def action_glossary(self, term: str | None = None) -> None:
        from argmap.tui.screens.glossary import GlossaryScreen

        if isinstance(self.screen, GlossaryScreen):
            return
        self.push_screen(GlossaryScreen(term))

    def action_help(self) -> None:
        from argmap.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        from argmap.tui.keys import key_sections

        self.push_screen(HelpScreen(key_sections(type(self)), self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme != LIGHT else DARK

    # --- classroom modes ------------------------------------------------------------------

    def _to_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def _pick(self, title: str, rows: list[Row], done: Callable[[str], None], current: str | None = None) -> None:
        from argmap.tui.screens.pick import PickScreen

        def picked(value: str | None) -> None:
            if value is not None:
                done(value)

        self.push_screen(PickScreen(title, rows, current=current), picked)

    def start_walkthrough(self, name: str | None = None) -> None:
        """Start or resume a walkthrough; with no name, the only one, or pick one."""
        from argmap.classroom.walkthrough import Tour, find
        from argmap.tui.screens.walkthrough import WalkthroughScreen

        walks = self.debate.scenario.walkthroughs
        if not walks:
            self.notify("This scenario has no walkthroughs.", timeout=3)
            return
        if name is None and len(walks) > 1:
            rows = []
            for walk in walks:
                pieces: list[Piece] = [(walk.title, "title")]
                tour = self.tours.get(walk.id)
                if tour is not None:
                    pieces.append((f"  resume at step {tour.index + 1} of {len(walk.steps)}", "key"))
                else:
                    pieces.append((f"  {len(walk.steps)} steps", "dim"))
                if walk.description:
                    pieces.append(("\n" + walk.description, "dim"))
                rows.append(Row(("walk", walk.id, tour), tuple(pieces), target=walk.id, indent=2))
            self._pick("Walkthroughs", rows, self.start_walkthrough, current=self.last_tour)
            return
        name = name or walks[0].id
        tour = self.tours.get(name) or Tour(find(self.debate, name))
        self._to_home()
        self.push_screen(WalkthroughScreen(tour), self._left_tour)

    def _left_tour(self, tour: Tour | None) -> None:
        from argmap.views.present_classroom import focus_claim

        if tour is None:
            return
        self.tours[tour.walkthrough.id] = tour
        self.last_tour = tour.walkthrough.id
        home = self.home
        state = home.state.at_step(tour.debate_step(self.debate))
        home.adopt(state.select(focus_claim(self.debate, tour.step.focus) or state.selected))

    def _exercise_setup(self) -> ExerciseSetup:
        """The setup of exercises asked for without one: the last used, else the command line's."""
        from argmap.classroom.results import default_folder
        from argmap.classroom.session import ExerciseSetup

        return self.exercise_setup or self.start_setup or ExerciseSetup(default_folder())

    def start_exercises(self, setup: ExerciseSetup | None = None, *, from_command_line: bool = False) -> None:
        """Start or resume an exercise set; ask the student's name and the set when not given.

        When the results file cannot be used (another session has it open, it cannot be read,
        it is another student's), the set does not start: the app says why, or, for a name and
        a set given on the command line, exits with the reason and ``EXIT_USAGE``."""
        from argmap.classroom.results import ResultsUnavailable
        from argmap.classroom.session import exercise_sets
        from argmap.classroom.start import begin, with_only_set
        from argmap.tui.screens.exercise import ExerciseScreen
        from argmap.tui.screens.pick import NameScreen

        setup = setup or self._exercise_setup()
        sets = exercise_sets(self.debate)
        if not sets:
            self.notify("This scenario has no exercises.", timeout=3)
            return
        if not (setup.student or "").strip():
            self.push_screen(
                NameScreen("Your name", "Your answers are saved under it as you go. Enter start · Esc cancel"),
                lambda name: self.start_exercises(replace(setup, student=name)) if name else None,
            )
            return
        setup = with_only_set(setup, self.debate)
        if setup.set_name is None or setup.set_name not in sets:
            rows = [
                Row(("set", name), ((name, "title"), (f"  {len(exs)} exercises", "dim")), target=name)
                for name, exs in sets.items()
            ]
            self._pick("Exercise sets", rows, lambda name: self.start_exercises(replace(setup, set_name=name)))
            return
        # The file of a set being done now is let go first: coming back to it is no second session.
        for screen in self.screen_stack:
            if isinstance(screen, ExerciseScreen) and screen.results.unsaved:
                self.notify("Some answers of this set are not saved yet: leave it first (Esc).", severity="error")
                return
        for screen in self.screen_stack:
            if isinstance(screen, ExerciseScreen):
                screen.results.close()
        try:
            started = begin(self.debate, setup, self.scenario_name, self.sha256)
        except ResultsUnavailable as exc:
            if from_command_line:
                from argmap.base.exits import EXIT_USAGE

                # After the first paint: exiting while the first screen mounts would break it.
                self.call_after_refresh(self.exit, None, EXIT_USAGE, f"argmap: error: {exc}")
            else:
                self.exercise_setup = replace(setup, student=None)  # asked again next time
                self._to_home()
                self.notify(str(exc), title="Exercises not started", severity="error", timeout=12, markup=False)
            return
        self.exercise_setup = setup
        self._to_home()
        self.push_screen(ExerciseScreen(started.session, started.results, started.set_name))

    def start_roleplay(self, side: str | None = None) -> None:
        """Start a role-play as a side (picked when not given), or resume one left part-way."""
        from argmap.classroom import roleplay
        from argmap.tui.screens.roleplay import RolePlayScreen
        from argmap.views.present_classroom import side_topics

        d = self.debate
        if side is None:
            rows = []
            for s in d.sides:
                pieces: list[Piece] = [(d.actor_name(s), "title"), (f"  {side_topics(d, s)}", "dim")]
                play = self.roleplays.get(s)
                if play is not None and not play.finished:
                    pieces.append((f"  resume at round {len(play.turns) + 1}", "key"))
                rows.append(Row(("side", s, play), tuple(pieces), target=s))
            self._pick("Role-play: pick your side", rows, self.start_roleplay)
            return
        play = self.roleplays.get(side)
        if play is None or play.finished:
            play = roleplay.start(d, side)
        if not play.rounds:
            self.notify(f"No claim of another side bears on {d.actor_name(side)}'s.", timeout=3, markup=False)
            return
        self._to_home()
        self.push_screen(RolePlayScreen(play, self.roleplay_labels), self._left_roleplay)

    def _left_roleplay(self, play: RolePlay | None) -> None:
        if play is not None:
            self.roleplays[play.side] = play

    def on_mode_requested(self, message: ModeRequested) -> None:
        if message.kind == "walkthrough":
            self.start_walkthrough(message.value)
        elif message.kind == "roleplay":
            self.start_roleplay(message.value)
        elif message.kind == "exercises":
            setup = self._exercise_setup()
            self.start_exercises(replace(setup, set_name=message.value or setup.set_name))

    # --- jumps from the command palette ---------------------------------------------------

    def on_jump_requested(self, message: JumpRequested) -> None:
        self._to_home()
        home = self.home
        if message.kind == "claim":
            home.open_claim(message.value)
        elif message.kind == "step":
            home.go_to_step(int(message.value))
        elif message.kind == "topic":
            home.reveal_topic(message.value)
        elif message.kind == "actor":
            home.reveal_actor(message.value)


def _shown(loaded: Loaded) -> tuple[Loaded, Debate]:
    """The scenario made safe to show, and its debate; ``ValueError`` when it has no steps."""
    from argmap.views.visible import visible_loaded

    loaded = visible_loaded(loaded)
    debate = Debate.from_loaded(loaded)
    if not debate.steps:
        raise ValueError("the scenario has no dated events or claims to step through")
    return loaded, debate


def make_app(loaded: Loaded, *, start: Start = BROWSE, date: str | None = None, claim: str | None = None) -> ArgmapApp:
    """The app for a loaded scenario: the positions view at a date and/or on a claim, with a
    walkthrough, an exercise set or a role-play begun over it when ``start`` says so.

    Raises ``ValueError`` with a readable reason for a bad date, an unknown claim, walkthrough
    or side, or exercises the scenario cannot give (naming the sets).
    """
    from argmap.scenario.dates import FuzzyDate

    loaded, debate = _shown(loaded)
    step = debate.first_step
    if date is not None:
        step = debate.step_of_date(FuzzyDate.parse(date))
    if claim is not None:
        if claim not in debate.claims:
            from argmap.base.diagnostics import did_you_mean

            hint = did_you_mean(claim, debate.claims)
            raise ValueError(f"no claim '{claim}' in this scenario" + (f": {hint}" if hint else ""))
        if date is None or not debate.is_said(claim, step):
            step = max(step, debate.step_of_claim(claim)) if date is not None else debate.step_of_claim(claim)
    state = DebateState(step=step, first=debate.first_step, last=debate.last_step)
    setup = None
    if isinstance(start, StartWalkthrough) and start.name is not None:
        from argmap.classroom.walkthrough import find

        find(debate, start.name)
    elif isinstance(start, StartExercises):
        from argmap.classroom.start import command_line_setup

        setup = command_line_setup(
            debate, set_name=start.set_name, folder=start.folder, student=start.student, shuffle=start.shuffle
        )
    elif isinstance(start, StartRolePlay) and start.side is not None and start.side not in debate.sides:
        raise ValueError(f"'{start.side}' is not a side; sides: {', '.join(debate.sides)}")
    return ArgmapApp(
        debate,
        state,
        claim=claim,
        start=start,
        exercise_setup=setup,
        scenario_name=loaded.path.stem,
        sha256=loaded.sha256,
    )
