"""The terminal UI: ``make_app`` builds it for the command line and for the tests.

The app starts on the positions screen and pushes the other screens when asked. Screens other
than the first are imported only when first opened, so the positions view paints quickly.

Text from files is data: the factories give the app a copy of the scenario and its sources with
every control character made visible (``argmap.views.visible``), and notifications, which may
name files or quote errors, pass the same gate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from argmap.base.textsafe import visible
from argmap.classroom.filenames import MAX_NAME, normal
from argmap.debate.index import Debate
from argmap.engine.state import DebateState
from argmap.tui.messages import JumpRequested, ModeRequested
from argmap.tui.screens.positions import PositionsScreen
from argmap.views.rows import Piece, Row

if TYPE_CHECKING:
    from textual.command import Provider

    from argmap.classroom.roleplay import Labels, RolePlay
    from argmap.classroom.session import ExerciseSetup
    from argmap.classroom.walkthrough import Tour
    from argmap.engine.evaluation import ArgumentEngine, Evaluation
    from argmap.scenario.loaded import Loaded

LIGHT, DARK = "textual-light", "textual-dark"

StateCallback = Callable[[DebateState | None], None]


@dataclass(frozen=True, slots=True)
class StartMode:
    """A classroom mode to start in: a walkthrough by name, exercises, or a role-play as a
    side (asked for when None)."""

    kind: Literal["walkthrough", "exercises", "roleplay"]
    name: str | None = None
    setup: ExerciseSetup | None = None


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
        start: StartMode | None = None,
        scenario_name: str = "scenario",
        sha256: str = "",
    ) -> None:
        super().__init__()
        self.debate = debate
        self.start_state = state
        self.start_claim = claim
        self.start_mode = start
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
        return PositionsScreen(self.debate, self.start_state)

    def on_mount(self) -> None:
        if self.start_claim is not None:
            self.home.open_claim(self.start_claim)
        mode = self.start_mode
        if mode is None:
            return
        if mode.kind == "walkthrough":
            self.start_walkthrough(mode.name)
        elif mode.kind == "exercises":
            self.start_exercises(mode.setup, from_command_line=True)
        elif mode.kind == "roleplay":
            self.start_roleplay(mode.name)

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

    def show_standpoints(self, debate: Debate, state: DebateState) -> None:
        from argmap.tui.screens.standpoints import StandpointsScreen

        evaluation = self.evaluate(state)

        def opened(chosen: DebateState | None) -> None:
            if chosen is not None and chosen.selected is not None:
                self.home.open_claim(chosen.selected)

        self.push_screen(StandpointsScreen(debate, state, evaluation), opened)

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
        self.push_screen(WalkthroughScreen(self.debate, tour), self._left_tour)

    def _left_tour(self, tour: Tour | None) -> None:
        from argmap.views.present_classroom import focus_claim

        if tour is None:
            return
        self.tours[tour.walkthrough.id] = tour
        self.last_tour = tour.walkthrough.id
        home = self.home
        state = home.state.at_step(tour.debate_step(self.debate))
        home.adopt(state.select(focus_claim(self.debate, tour.step.focus) or state.selected))

    def start_exercises(self, setup: ExerciseSetup | None = None, *, from_command_line: bool = False) -> None:
        """Start or resume an exercise set; ask the student's name and the set when not given.

        When the results file cannot be used (another session has it open, it cannot be read,
        it is another student's), the set does not start: the app says why, or, for a name and
        a set given on the command line, exits with the reason and ``EXIT_USAGE``."""
        from argmap.classroom.labels import engine_labeller
        from argmap.classroom.questions import Question
        from argmap.classroom.results import ResultsFile, ResultsUnavailable, default_folder
        from argmap.classroom.session import ExerciseSetup, Session, exercise_sets, ordered, questions
        from argmap.tui.screens.exercise import ExerciseScreen
        from argmap.tui.screens.pick import NameScreen

        start = self.start_mode.setup if self.start_mode is not None else None
        setup = setup or self.exercise_setup or start or ExerciseSetup(default_folder())
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
        if setup.set_name is None and len(sets) == 1:
            setup = replace(setup, set_name=next(iter(sets)))
        if setup.set_name is None or setup.set_name not in sets:
            rows = [
                Row(("set", name), ((name, "title"), (f"  {len(exs)} exercises", "dim")), target=name)
                for name, exs in sets.items()
            ]
            self._pick("Exercise sets", rows, lambda name: self.start_exercises(replace(setup, set_name=name)))
            return
        student, set_name = str(setup.student), setup.set_name
        # The file of a set being done now is let go first: coming back to it is no second session.
        for screen in self.screen_stack:
            if isinstance(screen, ExerciseScreen) and screen.results.unsaved:
                self.notify("Some answers of this set are not saved yet: leave it first (Esc).", severity="error")
                return
        for screen in self.screen_stack:
            if isinstance(screen, ExerciseScreen):
                screen.results.close()
        try:
            results = ResultsFile.open(setup.folder, student, self.scenario_name, self.sha256, set_name)
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
        exercises = ordered(sets[set_name], student=student, set_name=set_name, shuffle=setup.shuffle)
        asked: tuple[Question, ...]
        asked, skipped = questions(self.debate, exercises, engine_labeller())
        answered = {exercise: record.correct for exercise, record in results.answered().items()}
        self._to_home()
        self.push_screen(ExerciseScreen(Session.start(asked, skipped, answered), results, set_name))

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
        self.push_screen(RolePlayScreen(d, play, self.roleplay_labels), self._left_roleplay)

    def _left_roleplay(self, play: RolePlay | None) -> None:
        if play is not None:
            self.roleplays[play.side] = play

    def on_mode_requested(self, message: ModeRequested) -> None:
        if message.kind == "walkthrough":
            self.start_walkthrough(message.value)
        elif message.kind == "roleplay":
            self.start_roleplay(message.value)
        elif message.kind == "exercises":
            from argmap.classroom.results import default_folder
            from argmap.classroom.session import ExerciseSetup

            setup = (
                self.exercise_setup or (self.start_mode and self.start_mode.setup) or ExerciseSetup(default_folder())
            )
            self.start_exercises(replace(setup, set_name=message.value or setup.set_name))

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


def make_app(
    loaded: Loaded, *, date: str | None = None, claim: str | None = None, walkthrough: str | None = None
) -> ArgmapApp:
    """The app for a loaded scenario, at a date and/or on a claim, or in a walkthrough.

    Raises ``ValueError`` with a readable reason for a bad date, an unknown claim or an unknown
    walkthrough.
    """
    from argmap.scenario.dates import FuzzyDate
    from argmap.views.visible import visible_loaded

    loaded = visible_loaded(loaded)
    debate = Debate.from_loaded(loaded)
    if not debate.steps:
        raise ValueError("the scenario has no dated events or claims to step through")
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
    start = None
    if walkthrough is not None:
        from argmap.classroom.walkthrough import find

        find(debate, walkthrough)
        start = StartMode("walkthrough", walkthrough)
    return ArgmapApp(debate, state, claim=claim, start=start, scenario_name=loaded.path.stem, sha256=loaded.sha256)


def make_exercise_app(
    loaded: Loaded,
    *,
    set_name: str | None = None,
    folder: Path | None = None,
    student: str | None = None,
    shuffle: bool = False,
) -> ArgmapApp:
    """The app started on an exercise set; the student's name and the set are asked for when
    not given. Results go to ``folder`` (default: ``results.default_folder()``).

    Raises ``ValueError`` for a scenario without exercises or an unknown set, naming the sets.
    """
    from argmap.classroom.results import default_folder
    from argmap.classroom.session import ExerciseSetup, exercise_sets, unknown_set

    app = make_app(loaded)
    sets = exercise_sets(app.debate)
    if not sets:
        raise ValueError("this scenario has no exercises")
    if set_name is not None and set_name not in sets:
        raise ValueError(unknown_set(app.debate, set_name))
    if student is not None and len(normal(student)) > MAX_NAME:
        raise ValueError(f"a student's name has at most {MAX_NAME} characters")
    if student is not None and not normal(student):
        raise ValueError("give the student's name")
    shown_student = visible(student) if student is not None else None
    setup = ExerciseSetup(folder or default_folder(), shown_student, set_name, shuffle)
    app.start_mode = StartMode("exercises", set_name, setup)
    return app


def make_roleplay_app(loaded: Loaded, *, side: str | None = None) -> ArgmapApp:
    """The app started on a role-play as a side (asked for when not given).

    Raises ``ValueError`` for an unknown side, naming the sides.
    """
    app = make_app(loaded)
    if side is not None and side not in app.debate.sides:
        raise ValueError(f"'{side}' is not a side; sides: {', '.join(app.debate.sides)}")
    app.start_mode = StartMode("roleplay", side)
    return app
