"""The classroom modes in the terminal UI: walkthroughs, exercises saved as they are answered,
and role-play as a side; their command-line entry points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.classroom.questions import Choice, Question
from argmap.classroom.session import ALL, Session, exercise_sets, ordered, questions
from argmap.cli import main
from argmap.debate.index import Debate
from argmap.scenario.exercises import WhatIf
from argmap.tui.app import make_app
from argmap.tui.screens.exercise import ExerciseScreen
from argmap.tui.screens.pick import NameScreen, PickScreen
from argmap.tui.screens.positions import PositionsScreen
from argmap.tui.screens.roleplay import RolePlayScreen
from argmap.tui.screens.walkthrough import WalkthroughScreen
from argmap.tui.start import StartExercises, StartRolePlay, StartWalkthrough
from argmap.tui.widgets.lines import LineList
from tests.conftest import screen_text

FIXTURES = Path(__file__).parent / "fixtures" / "classroom"
BRIDGE = FIXTURES / "bridge.yaml"
WIDE, NARROW = (120, 40), (80, 24)


@pytest.fixture(scope="module")
def debate(bridge) -> Debate:
    return Debate.from_loaded(bridge)


def rows_text(widget: LineList) -> str:
    return "\n".join("".join(text for text, _ in row.pieces) for row in widget.rows)


def records(folder: Path) -> list[dict[str, object]]:
    (path,) = folder.glob("*.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- the session, without the screen -----------------------------------------------------------


def test_sets_and_a_shuffle_that_is_the_same_for_a_student(debate):
    sets = exercise_sets(debate)
    assert list(sets) == ["basics", "reed", ALL]
    assert [e.id for e in sets["basics"]] == ["who-build", "rebut-unsafe", "supports-what", "order", "stance"]
    once = ordered(sets["basics"], student="Ana Lima", set_name="basics", shuffle=True)
    again = ordered(sets["basics"], student="ana lima", set_name="basics", shuffle=True)
    assert [e.id for e in once] == [e.id for e in again]
    assert sorted(e.id for e in once) == sorted(e.id for e in sets["basics"])
    shuffles = {
        tuple(e.id for e in ordered(sets["basics"], student=name, set_name="basics", shuffle=True))
        for name in ("Ana", "Bo", "Cy", "Di", "Ed")
    }
    assert len(shuffles) > 1


def test_what_if_questions_are_skipped_with_a_reason_without_the_engine(debate):
    what_if = WhatIf(id="w", kind="what-if", claim="mayor-build-now", switch_off=("reed-more-traffic",))
    asked, skipped = questions(debate, [*exercise_sets(debate)["reed"], what_if], None)
    assert [q.exercise for q in asked] == ["who-traffic"]
    assert [(s.exercise, s.kind) for s in skipped] == [("w", "what-if")]
    assert "argumentation engine" in skipped[0].reason
    asked, skipped = questions(debate, [what_if], lambda d, off, claim: "in")
    assert [q.answer for q in asked] == [("in",)] and not skipped


def test_a_session_picks_grades_and_resumes_at_the_first_unanswered(debate):
    asked, _ = questions(debate, exercise_sets(debate)["basics"], None)
    session = Session.start(asked, answered={"who-build": True, "supports-what": False})
    assert session.current is not None and session.current.exercise == "rebut-unsafe"
    assert session.earlier == 2 and session.right == 1
    session = session.pick("mayor-build-now")
    assert session.graded is not None and not session.graded.correct
    assert session.pick("reed-bridge-sound") is session  # graded: no second answer
    session = session.next()
    assert session.current is not None and session.current.exercise == "order"  # supports-what was answered
    session = session.pick("mayor-build-now").pick("reed-bridge-sound")
    assert session.graded is not None and session.picks[-1] == "reed-more-traffic"  # the last one places itself
    assert session.graded.correct
    session = session.next().pick("for")
    assert session.next().finished and session.next().right == 2


def test_undo_and_two_picks():
    choices = tuple(Choice(v, v) for v in "abc")
    question = Question("x", "spot-the-contradiction", "?", choices, ("a", "b"), 2, False, ())
    session = Session.start([question])
    session = session.pick("a").pick("c")
    assert session.graded is not None and not session.graded.correct
    session = Session.start([question]).pick("c").pick("c")  # picking again takes it back
    assert session.picks == ()
    session = session.pick("b").undo()
    assert session.picks == ()
    assert session.pick("b").pick("a").graded.correct


# --- walkthrough --------------------------------------------------------------------------------


async def test_a_walkthrough_moves_the_map_and_resumes_where_it_was_left(bridge, debate):
    app = make_app(bridge, start=StartWalkthrough("tour"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        assert screen.step == debate.step_of_claim("mayor-build-now")
        focus = screen.query_one("#tour-focus", LineList)
        assert focus.highlighted == ("claim", "mayor-build-now")
        assert "The new bridge must be built this year." in rows_text(focus)
        assert "The mayor speaks first." in screen_text(app)
        assert "step 1 of 4" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert screen.tour.index == 1
        # A relation: both ends, the answering one first, with their quotes.
        assert screen.step == debate.step_of_claim("reed-bridge-sound")
        text = rows_text(focus)
        assert text.index("An inspection in March") < text.index("attacks") < text.index("no longer safe")
        assert "Reed answers the safety worry." in screen_text(app)
        await pilot.press("n", "space")
        await pilot.pause()
        assert screen.tour.at_end and "step 4 of 4" in screen_text(app)
        assert "Downton" in rows_text(focus) and "▼ against" in rows_text(focus)
        assert screen.query_one("#tour-matrix", LineList).highlighted == "new-bridge"
        await pilot.press("right")  # already at the end: stays
        await pilot.press("left", "b")
        await pilot.pause()
        assert screen.tour.index == 1
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, PositionsScreen)
        assert home.state.step == debate.step_of_claim("reed-bridge-sound")
        assert home.state.selected == "reed-bridge-sound"
        await pilot.press("w")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickScreen)
        assert "resume at step 2 of 4" in rows_text(picker.query_one(LineList))
        assert picker.query_one(LineList).highlighted == "tour"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.tour.index == 1


async def test_a_walkthrough_opens_claims_and_their_tree(bridge):
    app = make_app(bridge, start=StartWalkthrough("tour"))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClaimScreen"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "TreeScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)


async def test_the_palette_starts_a_walkthrough(bridge):
    app = make_app(bridge)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"One step")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        assert app.screen.tour.walkthrough.id == "short"


# --- exercises ----------------------------------------------------------------------------------


def _letter(screen: ExerciseScreen, value: str) -> str:
    question = screen.session.current
    assert question is not None
    return "abcdefghij"[[c.value for c in question.choices].index(value)]


async def test_an_exercise_set_right_and_wrong_answers_saved_as_given(bridge, tmp_path):
    folder = tmp_path / "results"
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=folder, student="Ana Lima"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        assert "question 1 of 5" in screen_text(app)
        # 1. who said it: right, by letter.
        await pilot.press(_letter(screen, "upton-mayor"))
        await pilot.pause()
        assert "✓ Right." in screen_text(app)
        assert "(Town Council Minutes, 3 May 2024)" in screen_text(app)  # the feedback names the source
        assert [r["exercise"] for r in records(folder)] == ["who-build"]  # saved at once
        await pilot.press("enter")
        await pilot.pause()
        # 2. find the rebuttal: wrong, by letter; the explanation is shown.
        await pilot.press(_letter(screen, "mayor-build-now"))
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Not right." in text and "Reed answers the safety worry with the March inspection." in text
        await pilot.press("space")
        await pilot.pause()
        # 3. what does it support: right, with the arrows and Enter.
        lines = screen.query_one("#exercise", LineList)
        while lines.highlighted != ("choice", "mayor-build-now"):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        # 4. order in time: a wrong pick taken back, then the right order.
        await pilot.press(_letter(screen, "reed-bridge-sound"), "backspace")
        await pilot.press(_letter(screen, "mayor-build-now"), _letter(screen, "reed-bridge-sound"))
        await pilot.pause()
        assert screen.session.graded is not None and screen.session.graded.correct
        await pilot.press("enter")
        await pilot.pause()
        # 5. the stance: wrong.
        await pilot.press(_letter(screen, "for"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.finished
        text = screen_text(app)
        assert "Score: 3 of 5 right" in text and "Answers saved to" in text
    saved = records(folder)
    assert [(r["exercise"], r["correct"]) for r in saved] == [
        ("who-build", True),
        ("rebut-unsafe", False),
        ("supports-what", True),
        ("order", True),
        ("stance", False),
    ]
    assert saved[1]["answer"] == ["mayor-build-now"] and saved[1]["expected"] == ["reed-bridge-sound"]
    assert saved[3]["answer"] == ["mayor-build-now", "reed-bridge-sound", "reed-more-traffic"]
    assert {r["student"] for r in saved} == {"Ana Lima"} and {r["set"] for r in saved} == {"basics"}
    assert {r["scenario_sha256"] for r in saved} == {bridge.sha256} and {r["scenario"] for r in saved} == {"bridge"}


async def test_an_exercise_set_resumes_at_the_first_unanswered_question(bridge, tmp_path):
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path, student="Bo"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press(_letter(app.screen, "upton-mayor"), "enter")
        await pilot.press(_letter(app.screen, "reed-bridge-sound"))
        await pilot.pause()
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path, student="Bo"))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        assert screen.session.current is not None and screen.session.current.exercise == "supports-what"
        assert "question 3 of 5" in screen_text(app) and "2 right" in screen_text(app)
        assert "Welcome back: 2 answered before" in screen_text(app)
    assert [r["exercise"] for r in records(tmp_path)] == ["who-build", "rebut-unsafe"]


async def test_exercises_ask_the_name_and_the_set(bridge, tmp_path):
    app = make_app(bridge, start=StartExercises(folder=tmp_path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        await pilot.press(*"Cy q", "enter")  # q types, it does not quit
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickScreen)
        assert [r.target for r in picker.query_one(LineList).rows] == ["basics", "reed", ALL]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen) and app.screen.set_name == "reed"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen)
        await pilot.press("x")  # back to the same student and set
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen) and app.screen.results.student == "Cy q"


# --- role-play ----------------------------------------------------------------------------------


async def test_a_role_play_round_scores_real_attacks_and_ends_with_the_outcome(bridge):
    app = make_app(bridge, start=StartRolePlay("downton"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RolePlayScreen)
        board = screen.query_one("#round", LineList)
        assert "The new bridge must be built this year." in rows_text(board)
        assert "Mayor of Upton, 1 April 2024" in rows_text(board)
        assert "round 1 of 2" in screen_text(app)
        # Search the side's claims, then play one that does not answer this claim.
        await pilot.press("slash", *"inspection")
        await pilot.pause()
        own = screen.query_one("#own", LineList)
        assert [r.target for r in own.rows] == ["pass", ("claim", "reed-bridge-sound")]
        await pilot.press("down")
        await pilot.pause()
        assert own.has_focus and own.highlighted == ("claim", "reed-bridge-sound")
        await pilot.press("enter")
        await pilot.pause()
        text = rows_text(board)
        assert "✗ That does not answer it" in text
        assert "1 answered, 0 rebutted" in screen_text(app)  # a wrong answer is still an answer
        assert "What Downton actually said:" in text and "A new bridge would bring more traffic" in text
        assert "Councillor Reed, 3 May 2024" in text
        await pilot.press("enter")
        await pilot.pause()
        assert "round 2 of 2" in screen_text(app)
        own.move_to(("claim", "reed-bridge-sound"))
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ That answers it" in rows_text(board)
        await pilot.press("space")
        await pilot.pause()
        text = rows_text(board)
        assert "Score: 1 of 2 rounds rebutted" in text
        assert "2 answered (1 with a rebuttal, 1 without), 0 passed" in text
        # The engine labels the side's claims in the student's debate: the one played stands.
        assert "needs the argumentation engine" not in text
        assert "stands" in text
        # The round answered wrongly is listed, and no round was passed.
        assert "Passed (0)" in text
        assert "Answered, but not with a rebuttal (1)" in text
        assert text.rindex("The new bridge must be built this year.") > text.index("not with a rebuttal")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen)
        assert app.roleplays["downton"].finished


async def test_a_role_play_asks_the_side_and_can_pass(bridge):
    app = make_app(bridge, start=StartRolePlay())
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("down", "enter")  # Downton
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RolePlayScreen) and screen.play.side == "downton"
        await pilot.press("p")
        await pilot.pause()
        assert screen.play.turns[-1].answer is None
        assert "You let it pass." in rows_text(screen.query_one("#round", LineList))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "resume at round 2" in rows_text(app.screen.query_one(LineList))


# --- the command line ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["open", str(BRIDGE), "--walkthrough", "nope"], "walkthroughs: tour, short"),
        (["exercise", str(BRIDGE), "--set", "nope"], "sets: basics, reed, all"),
        (["roleplay", str(BRIDGE), "--side", "reed"], "sides: Upton (upton), Downton (downton)"),
    ],
)
def test_unknown_names_are_usage_errors_listing_the_known_ones(args, words, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


# --- leaving, retaking, role-play results -----------------------------------------------------


async def test_leaving_a_set_part_way_says_where_the_answers_went(bridge, tmp_path):
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path, student="Bo"))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(_letter(app.screen, "upton-mayor"), "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "1 answer of set basics saved to" in text and "carry on at question 2 of 5" in text
        await pilot.press("x")
        await pilot.pause()
        said: list[str] = []
        app.exit = lambda *args, message=None, **kw: said.append(str(message))  # type: ignore[method-assign]
        await pilot.press("q")
        await pilot.pause()
    assert said and "saved to" in said[0] and "question 2 of 5" in said[0]


async def test_a_finished_set_can_be_retaken_and_the_earlier_attempt_is_kept(bridge, tmp_path):
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path, student="Bo"))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        while not screen.session.finished:
            await pilot.press("a")
            await pilot.pause()
            if screen.session.graded is None:  # two picks, or an order
                await pilot.press("b", "c", "d", "e")
                await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        first = screen.session.right
        assert "r takes the set again" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert not screen.session.finished and screen.session.position == 1
        assert "Attempt 2" in screen_text(app)
        await pilot.press(_letter(screen, "upton-mayor"), "enter")
        await pilot.pause()
    saved = records(tmp_path)
    assert [r["attempt"] for r in saved] == [1] * 5 + [2]
    # Starting the set again goes on with the second attempt, and the first is shown.
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path, student="Bo"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.screen.session.position == 2
        assert app.screen.results.earlier_attempts() == [(1, first, 5)]


async def test_role_play_rounds_are_saved_resumed_and_shown_by_results(bridge, tmp_path, run_cli):
    start = StartRolePlay("Downton", folder=tmp_path, student="Ana")  # the side by name
    app = make_app(bridge, start=start)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RolePlayScreen) and screen.results is not None
        await pilot.press("p")  # a pass is saved too
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("Role-play left at round 2 of 2. Your answers are saved to" in m for m in said), said
    (saved,) = records(tmp_path)
    fields = (saved["kind"], saved["set"], saved["answer"], saved["correct"])
    assert fields == ("roleplay", "roleplay-downton", [], False)
    app = make_app(bridge, start=start)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RolePlayScreen) and len(screen.play.turns) == 1  # resumed from the file
        screen.query_one("#own", LineList).move_to(("claim", "reed-bridge-sound"))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Your rounds are saved to" in rows_text(screen.query_one("#round", LineList))
    ran = run_cli("results", str(tmp_path), "--scenario", str(BRIDGE))
    assert ran.returncode == 0, ran.stderr
    assert "role-play as Downton" in ran.stdout and "1/2 right, 2 of 2 done" in ran.stdout
