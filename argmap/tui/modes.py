"""The classroom modes begun over the positions view: walkthroughs, exercise sets and
role-plays, each picked when there is a choice, and resumed when left part-way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from argmap.views.rows import Row

if TYPE_CHECKING:
    from textual.app import App

    from argmap.classroom.results import ResultsFile
    from argmap.classroom.roleplay import Labels, RolePlay
    from argmap.classroom.session import ExerciseSetup
    from argmap.classroom.walkthrough import Tour
    from argmap.debate.index import Debate
    from argmap.tui.screens.positions import PositionsScreen

    AppMixin = App[None]
else:
    # As for the screens' key sets (``tui.screens.base``): typed as the app, a plain class at
    # run time.
    AppMixin = object


def _engine_labels() -> Labels | None:
    from argmap.classroom.labels import engine_labels

    return engine_labels()


class ClassroomModes(AppMixin):
    """Mixed into the app, which holds the debate and the home screen."""

    debate: Debate
    scenario_name: str
    sha256: str

    def __init__(self) -> None:
        super().__init__()
        self.tours: dict[str, Tour] = {}
        """Walkthroughs left part-way, by name: coming back resumes them."""
        self.last_tour: str | None = None
        self.roleplays: dict[str, RolePlay] = {}
        self.roleplay_labels: Labels | None = _engine_labels()
        """Labels for the outcome of a role-play, from the argumentation engine when present."""
        self.start_setup: ExerciseSetup | None = None
        """How exercises start when asked for without a setup (from the command line, checked)."""
        self.exercise_setup: ExerciseSetup | None = None
        """The setup last used."""

    if TYPE_CHECKING:
        # The app's own: the screen at the bottom of the stack, and closing all above it.
        @property
        def home(self) -> PositionsScreen: ...

        def _to_home(self) -> None: ...

    def forget_modes(self) -> None:
        """Forget the walkthroughs and role-plays left part-way (another debate is shown)."""
        self.tours.clear()
        self.last_tour = None
        self.roleplays.clear()

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
            from argmap.views.choices import walkthrough_choices

            rows = walkthrough_choices(self.debate, self.tours)
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
            from argmap.views.choices import set_choices

            self._pick(
                "Exercise sets", set_choices(sets), lambda name: self.start_exercises(replace(setup, set_name=name))
            )
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
        """Start a role-play as a side (picked when not given), or resume one left part-way; a
        finished one begins again as a new attempt. When the student's name is known (given on
        the command line, in a class, or for an exercise set), its rounds are saved as they are
        played, and a role-play left part-way resumes from the file."""
        from argmap.classroom import roleplay
        from argmap.tui.screens.roleplay import RolePlayScreen

        d = self.debate
        if side is None:
            from argmap.views.choices import side_choices

            self._pick("Role-play: pick your side", side_choices(d, self.roleplays), self.start_roleplay)
            return
        if not roleplay.start(d, side).rounds:
            self.notify(
                f"No claim of another side bears on the claims of {d.actor_name(side)}.", timeout=3, markup=False
            )
            return
        for screen in self.screen_stack:
            if isinstance(screen, RolePlayScreen) and screen.results is not None:
                screen.results.close()
        results = self._roleplay_results(side)
        play = self.roleplays.get(side)
        if play is None and results is not None:
            play = roleplay.resume(d, side, results.answered())
        if play is None or play.finished:
            if play is not None and results is not None and results.answered():
                results.retake()
            play = roleplay.start(d, side)
        self._to_home()
        self.push_screen(RolePlayScreen(play, self.roleplay_labels, results), self._left_roleplay)

    def _roleplay_results(self, side: str) -> ResultsFile | None:
        """The student's results file for a role-play as the side, or None (no name known, or
        the file cannot be used: then the app says why)."""
        from argmap.classroom.results import ResultsFile, ResultsUnavailable
        from argmap.classroom.roleplay import roleplay_set

        setup = self._exercise_setup()
        if not (setup.student or "").strip():
            return None
        student = setup.student or ""
        try:
            return ResultsFile.open(setup.folder, student, self.scenario_name, self.sha256, roleplay_set(side))
        except ResultsUnavailable as exc:
            self.notify(str(exc), title="Role-play not saved", severity="warning", timeout=10, markup=False)
            return None

    def _left_roleplay(self, play: RolePlay | None) -> None:
        if play is not None:
            self.roleplays[play.side] = play
