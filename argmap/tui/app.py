"""The terminal UI: ``make_app`` builds it for the command line and for the tests.

The app starts on the positions screen and pushes the other screens when asked: screens post
the requests of ``argmap.tui.messages`` and the app answers them. The app owns the debate;
screens read it through ``argmap.tui.host`` and never keep a copy, so ``replace_loaded`` can
swap it for another. Screens other than the first are imported only when first opened, so the
positions view paints quickly. The classroom modes begin in ``argmap.tui.modes``, mixed in.

Text from files is data: the app is given a copy of the scenario and its sources with every
control character made visible (``argmap.views.visible``), and notifications, which may name
files or quote errors, pass the same gate.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from pathlib import Path
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
    ExportRequested,
    GlossaryRequested,
    JumpRequested,
    ModeRequested,
    SearchRequested,
    SourceRequested,
    StandpointsRequested,
    StateReply,
    TreeRequested,
)
from argmap.tui.modes import ClassroomModes
from argmap.tui.screens.base import OnDebate
from argmap.tui.screens.positions import PositionsScreen
from argmap.tui.start import BROWSE, Start, StartExercises, StartRolePlay, StartWalkthrough

if TYPE_CHECKING:
    from textual.command import Provider

    from argmap.authoring.watching import Watcher
    from argmap.base.diagnostics import Diagnostic
    from argmap.classroom.presence import Presence
    from argmap.classroom.session import ExerciseSetup
    from argmap.engine.evaluation import ArgumentEngine, Evaluation
    from argmap.scenario.loaded import Loaded

LIGHT, DARK = "textual-light", "textual-dark"


@dataclass(frozen=True)
class LiveFile:
    """A scenario shown live: read again from ``path`` whenever it or a file it depends on
    changes. ``watcher`` reports the changes (by default the file system's)."""

    path: Path
    search_path: tuple[Path, ...] = ()
    watcher: Watcher | None = None


def _debate_commands() -> type[Provider]:
    # Imported when the palette first opens, not at startup.
    from argmap.tui.palette import DebateCommands

    return DebateCommands


class ArgmapApp(ClassroomModes, App[None]):
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
        loaded: Loaded | None = None,
        class_folder: Path | None = None,
        live: LiveFile | None = None,
    ) -> None:
        """``exercise_setup`` is how exercises start when asked for without one (it comes from
        the command line, checked: ``classroom.start.command_line_setup``). With a
        ``class_folder`` the student gives their name first, and answers go to that folder."""
        super().__init__()
        self.debate = debate
        self.loaded = loaded
        """The scenario as loaded, for exports of the view (None when the app was given a
        debate alone)."""
        self.start_state = state
        self.start_claim = claim
        self.start = start
        self.scenario_name = scenario_name
        self.sha256 = sha256
        self.title = debate.scenario.title
        self.unsaved_answers: list[tuple[str, str, list[str]]] = []
        """Answers that could not be saved when the app closed: (file, reason, lines)."""
        self.start_setup = exercise_setup
        self._engine: ArgumentEngine | None = None
        self.class_folder = class_folder
        self.presence: Presence | None = None
        """The student's presence in the class's folder, from the name given to the end."""
        self.live = live
        self.reloads = 0
        """How many times the file was read again (valid or not)."""
        self.problems: list[Diagnostic] = []
        """What is wrong with the file on disk, while the map shows its last good version."""
        self._reloaded = asyncio.Event()
        self._last_read: Loaded | None = None

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
        if self.live is not None:
            self.run_worker(self._follow_files(), group="live", exclusive=True)
        if self.class_folder is not None:
            from argmap.tui.screens.student import StudentScreen

            self.push_screen(StudentScreen(self.debate.scenario.title), self._joined)
        else:
            self._begin()

    def _joined(self, student: str | None) -> None:
        """A student of a class gave their name: exercises save under it, in the class's
        folder, and the teacher sees them present."""
        from argmap.classroom.presence import Here, Presence
        from argmap.classroom.results import now
        from argmap.classroom.session import ExerciseSetup, exercise_sets

        folder = self.class_folder
        if student is None or folder is None:
            return
        self.start_setup = replace(self.start_setup or ExerciseSetup(folder), student=student, folder=folder)
        sets = {name: len(exercises) for name, exercises in exercise_sets(self.debate).items()}
        try:
            self.presence = Presence.announce(folder, Here(student, self.scenario_name, self.sha256, now(), sets))
        except OSError as exc:
            self.notify(f"Your teacher cannot see you present: {exc}", severity="warning", timeout=8, markup=False)
        self._begin()

    def _begin(self) -> None:
        if self.start_claim is not None:
            home = self.home
            self._show_claim(home.claim_state(self.start_claim), home.adopt)
        start = self.start
        if isinstance(start, StartWalkthrough):
            self.start_walkthrough(start.name)
        elif isinstance(start, StartExercises):
            # In a class the app stays when the set cannot start: there is no command line to go back to.
            self.start_exercises(self.start_setup, from_command_line=self.class_folder is None)
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
        self.loaded = loaded
        self._engine = None
        self.scenario_name, self.sha256 = loaded.path.stem, loaded.sha256
        self.title = debate.scenario.title
        self.forget_modes()
        keep = 0
        for screen in self.screen_stack:
            if not (isinstance(screen, OnDebate) and screen.debate_replaced()):
                break
            keep += 1
        while len(self.screen_stack) > max(keep, 1):
            self.pop_screen()

    # --- live preview ---------------------------------------------------------------------

    def _watched(self) -> frozenset[Path]:
        from argmap.authoring.watching import depends_on

        assert self.live is not None
        return depends_on(self.live.path, self.loaded) | depends_on(self.live.path, self._last_read)

    async def _follow_files(self) -> None:
        """Read the scenario again whenever one of its files changes; the folders watched
        follow the sources the file names."""
        from argmap.authoring.watching import file_changes, folders_of, touches

        assert self.live is not None
        watcher = self.live.watcher or file_changes
        while True:
            files = self._watched()
            folders = folders_of(files)
            stop = asyncio.Event()
            async for changed in watcher(folders, stop):
                if touches(changed, files):
                    await self.reload_scenario()
                    if folders_of(self._watched()) != folders:
                        stop.set()
                        break
            else:
                return

    async def reload_scenario(self) -> None:
        """Read the scenario again and show it, or its problems over the last good map."""
        from argmap.validation.load import load_scenario

        assert self.live is not None
        live = self.live
        loaded = await asyncio.to_thread(load_scenario, live.path, live.search_path)
        self.show_reloaded(loaded)

    def show_reloaded(self, loaded: Loaded) -> None:
        """Show a fresh reading of the file: the new map when it is valid (keeping the step,
        the selection and the screens open where they can), else its problems in a panel over
        the map as it last was."""
        from argmap.base.diagnostics import Diagnostic
        from argmap.tui.screens.diagnostics import DiagnosticsScreen

        self._last_read = loaded
        self.reloads += 1
        problems = [d for d in loaded.diagnostics if d.severity == "error"]
        if not problems and loaded.scenario is not None:
            try:
                if isinstance(self.screen, DiagnosticsScreen):
                    self.pop_screen()
                self.replace_loaded(loaded)
            except ValueError as exc:
                problems = [Diagnostic("E203", str(exc), self.scenario_file, 1, 1)]
            else:
                self.problems = []
                self.notify(f"Reloaded {self.scenario_file}", timeout=2)
        if problems:
            self.problems = problems
            self._show_problems(problems)
        self._reloaded.set()
        self._reloaded = asyncio.Event()

    @property
    def scenario_file(self) -> str:
        from argmap.base.files import display_name

        return display_name(self.live.path) if self.live is not None else self.scenario_name

    def _show_problems(self, problems: list[Diagnostic]) -> None:
        from argmap.reading import gate
        from argmap.tui.screens.diagnostics import DiagnosticsScreen

        assert self.live is not None
        text, _ = gate.read(self.live.path, self.scenario_file)
        noun = "error" if len(problems) == 1 else "errors"
        title = f"{self.scenario_file} has {len(problems)} {noun}; the map is its last good version"
        if isinstance(self.screen, DiagnosticsScreen):
            self.screen.show(problems, text or "", self.scenario_file, title)
        else:
            self.push_screen(DiagnosticsScreen(problems, text or "", self.scenario_file, title))

    async def reloaded(self, count: int) -> None:
        """Wait until the file has been read ``count`` times (for tests and scripts)."""
        while self.reloads < count:
            await self._reloaded.wait()

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

    def on_export_requested(self, message: ExportRequested) -> None:
        from argmap.formats.registry import EXPORTERS, names
        from argmap.tui.screens.pick import PickScreen
        from argmap.views.rows import Row, pad

        if message.fmt is not None:
            self.export_view(message.state, message.fmt)
            return

        def picked(fmt: str | None) -> None:
            if fmt in names(EXPORTERS):
                self.export_view(message.state, fmt)

        rows = [Row(f.name, ((pad(f.name, 10), "key"), (f.description, "")), target=f.name) for f in EXPORTERS]
        self.push_screen(PickScreen("Export the view to a file in the working folder, as", rows), picked)

    def export_view(self, state: DebateState, fmt: str) -> None:
        """Write the view at ``state`` (its step, what-if, semantics) to a new file in the
        working folder, and say where it went."""
        from pathlib import Path

        from argmap.base.files import OutputRefused, display_name
        from argmap.formats.view_export import export_view
        from argmap.views.selection import Scope

        if self.loaded is None:
            self.notify("This view cannot be exported: the app was opened without its scenario file.", severity="error")
            return
        scope = Scope(state.step, None, state.commentators, state.whatif, state.semantics)
        try:
            path = export_view(self.loaded, scope, fmt, Path.cwd(), self.debate)
        except (OutputRefused, OSError, ValueError) as exc:
            self.notify(f"Not exported: {exc}", title="Export", severity="error", timeout=8)
            return
        self.notify(f"Exported to {display_name(path)}", title="Export", timeout=8)

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


def make_app(
    loaded: Loaded,
    *,
    start: Start = BROWSE,
    date: str | None = None,
    claim: str | None = None,
    class_folder: Path | None = None,
    live: LiveFile | None = None,
) -> ArgmapApp:
    """The app for a loaded scenario: the positions view at a date and/or on a claim, with a
    walkthrough, an exercise set or a role-play begun over it when ``start`` says so. With a
    ``class_folder`` (a class served to browsers) the student first gives their name; answers
    are saved in that folder under it. With ``live``, the app reads its files again whenever
    they change.

    Raises ``ValueError`` with a readable reason for a bad date, an unknown claim, walkthrough
    or side, or exercises the scenario cannot give (naming the sets).
    """
    from argmap.views.date_entry import read_date

    loaded, debate = _shown(loaded)
    step = debate.first_step
    if date is not None:
        step = debate.step_of_date(read_date(date))
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
    elif isinstance(start, StartRolePlay):
        from argmap.classroom.sides import find_side, unknown_side

        if start.side is not None:
            side = find_side(debate, start.side)
            if side is None:
                raise ValueError(unknown_side(debate, start.side))
            start = replace(start, side=side)
        if start.student is not None or start.folder is not None:
            from argmap.base.textsafe import visible
            from argmap.classroom.filenames import MAX_NAME, normal
            from argmap.classroom.results import default_folder
            from argmap.classroom.session import ExerciseSetup

            student = start.student
            if student is not None and not normal(student):
                raise ValueError("give the student's name")
            if student is not None and len(normal(student)) > MAX_NAME:
                raise ValueError(f"a student's name has at most {MAX_NAME} characters")
            setup = ExerciseSetup(start.folder or default_folder(), visible(student) if student else None)
    return ArgmapApp(
        debate,
        state,
        claim=claim,
        start=start,
        exercise_setup=setup,
        scenario_name=loaded.path.stem,
        sha256=loaded.sha256,
        loaded=loaded,
        class_folder=class_folder,
        live=live,
    )
