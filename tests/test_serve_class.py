"""A class: each student's name on the app's first screen, their presence in the results
folder while their session is open, and the teacher's live view (``argmap results --watch``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.classroom.filenames import MAX_NAME, name_problem
from argmap.classroom.live import follow, to_text
from argmap.classroom.presence import PRESENT, Here, Presence, present
from argmap.classroom.results import ResultsFile
from argmap.cli.results import watch
from argmap.scenario.loaded import Loaded
from argmap.tui.app import make_app
from argmap.tui.screens.exercise import ExerciseScreen
from argmap.tui.screens.positions import PositionsScreen
from argmap.tui.screens.student import StudentScreen
from argmap.tui.start import BROWSE, StartExercises
from tests.conftest import WIDE, screen_text

# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Zoë Ōkubo", "Пётр Иванов", "محمد‌رضا", "李小龙", "Ngũgĩ wa Thiong'o", "x" * MAX_NAME])
def test_a_name_in_any_script_is_welcome(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("", "give your name"),
        ("  \t ", "give your name"),
        ("Ann\x1b[2J", "control characters"),
        ("Ann\x00", "control characters"),
        ("Ann␛[2J", "control characters"),  # what a text field shows for a control typed in
        ("evil\u202egnp.exe", "control characters"),
        ("x" * (MAX_NAME + 1), f"at most {MAX_NAME}"),
    ],
)
def test_a_name_that_cannot_be_used_is_said_why(name: str, said: str) -> None:
    problem = name_problem(name)
    assert problem is not None and said in problem


@settings(deadline=None)
@given(st.text(max_size=MAX_NAME + 20))
def test_a_name_accepted_is_never_empty_nor_holds_a_control_character(name: str) -> None:
    if name_problem(name) is None:
        shown = " ".join(name.split())
        assert shown and len(shown) <= MAX_NAME
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)


# --- presence --------------------------------------------------------------------------------


def here(student: str, sets: dict[str, int] | None = None) -> Here:
    return Here(student, "bridge", "ab" * 32, "2026-01-01T09:00:00Z", sets or {"basics": 5})


def test_a_student_is_present_while_their_session_holds_its_file(tmp_path: Path) -> None:
    held = Presence.announce(tmp_path, here("Иван"))
    assert [h.student for h in present(tmp_path)] == ["Иван"]
    assert [h.student for h in present(tmp_path)] == ["Иван"]  # looking does not take it away
    held.leave()
    held.leave()
    assert present(tmp_path) == []


def test_a_session_that_ended_without_a_word_is_not_present_and_its_file_goes(tmp_path: Path) -> None:
    (tmp_path / PRESENT).mkdir()
    ended = tmp_path / PRESENT / "0123456789abcdef.json"
    ended.write_text(here("Gone").to_json(), encoding="utf-8")  # written, then its process killed
    live = Presence.announce(tmp_path, here("Still here"))
    assert [h.student for h in present(tmp_path)] == ["Still here"]
    assert not ended.exists()
    live.leave()


def test_a_presence_file_that_is_not_one_is_left_out(tmp_path: Path) -> None:
    (tmp_path / PRESENT).mkdir()
    for text in (
        "{",
        "[]",
        '{"student": 3}',
        '{"student": "a", "scenario": "b", "scenario_sha256": "c", "since": "d"}',
    ):
        assert Here.from_json(text) is None
    (tmp_path / PRESENT / "x.json").write_text("not json", encoding="utf-8")
    assert present(tmp_path) == []


# --- the first screen ------------------------------------------------------------------------


async def test_the_first_screen_of_a_class_asks_the_name_again_until_it_can_be_used(
    bridge: Loaded, tmp_path: Path
) -> None:
    app = make_app(bridge, start=StartExercises("basics", folder=tmp_path), class_folder=tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        assert isinstance(app.screen, StudentScreen)
        await pilot.press("space", "enter")
        assert isinstance(app.screen, StudentScreen)
        assert "Give your name." in screen_text(app)
        await pilot.press(*"Ана", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        assert [(h.student, h.sets) for h in present(tmp_path)] == [("Ана", {"basics": 5, "reed": 1, "all": 6})]
        await pilot.press("a")
        await pilot.pause()
    assert app.presence is not None
    app.presence.leave()
    saved = list(tmp_path.glob("*.jsonl"))
    assert len(saved) == 1 and '"student": "Ана"' in saved[0].read_text(encoding="utf-8")


async def test_the_first_screen_shows_the_title_and_the_name_typed_literally(tmp_path: Path) -> None:
    from argmap.validation.load import load_scenario

    markup = load_scenario(Path(__file__).parent / "fixtures" / "classroom" / "markup.yaml")
    assert markup.ok
    app = make_app(markup, class_folder=tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        assert "Markup [bold]title[/] (test fixture)" in screen_text(app)
        await pilot.press(*"[b]Ana[/b]")
        assert "[b]Ana[/b]" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen)
        assert [h.student for h in present(tmp_path)] == ["[b]Ana[/b]"]
    assert app.presence is not None
    app.presence.leave()


async def test_without_a_class_the_app_starts_as_before(bridge: Loaded) -> None:
    app = make_app(bridge, start=BROWSE)
    async with app.run_test(size=WIDE):
        assert isinstance(app.screen, PositionsScreen)
        assert app.presence is None


# --- the teacher's view ----------------------------------------------------------------------


def answer(folder: Path, student: str, exercise: str, correct: bool, set_name: str = "basics") -> None:
    with ResultsFile.open(folder, student, "bridge", "ab" * 32, set_name) as results:
        results.add(exercise, "who-said-it", ("a",), ("b",), correct)


def test_the_teacher_sees_who_is_connected_how_far_each_is_and_what_is_most_missed(tmp_path: Path) -> None:
    answer(tmp_path, "Ana", "who-build", True)
    answer(tmp_path, "Ana", "order", False)
    answer(tmp_path, "Bo", "order", False)
    answer(tmp_path, "Bo", "stance", True)
    answer(tmp_path, "Cy", "who-build", True)
    ana, bo = Presence.announce(tmp_path, here("Ana")), Presence.announce(tmp_path, here("Bo"))
    text = to_text(follow(tmp_path))
    ana.leave()
    bo.leave()
    assert text.splitlines()[0] == "Connected (2): Ana, Bo"
    progress = {
        line.split()[0]: line.split()[2:4] for line in text.split("Progress\n")[1].split("\n\n")[0].splitlines()[1:]
    }
    assert progress == {"Ana": ["2/5", "1"], "Bo": ["2/5", "1"], "Cy": ["1/5", "1"]}
    missed = text.split("Most missed\n")[1].splitlines()
    assert missed[1].split() == ["order", "2", "2"]


def test_a_students_progress_is_shown_out_of_the_sets_size_after_their_session_ends(tmp_path: Path) -> None:
    answer(tmp_path, "Ana", "who-build", True)
    session = Presence.announce(tmp_path, here("Ana"))
    during = follow(tmp_path)
    session.leave()
    after = follow(tmp_path, during.sizes)
    assert [(p.answered, p.total) for p in after.progress] == [(1, 5)]
    assert after.present == ()
    assert [p.total for p in follow(tmp_path).progress] == [None]  # a first look after it has no size to tell


def test_watch_shows_the_class_again_only_when_it_changes(tmp_path: Path) -> None:
    shown: list[str] = []
    steps = iter(
        [
            lambda: None,  # nothing new: nothing shown
            lambda: answer(tmp_path, "Ana", "who-build", False),
            lambda: None,
        ]
    )

    def tick() -> bool:
        step = next(steps, None)
        if step is None:
            return False
        step()
        return True

    watch(tmp_path, shown.append, tick)
    assert len(shown) == 2
    assert "(no answers yet)" in shown[0]
    assert "Ana" in shown[1] and "who-build" in shown[1]


def test_results_watch_takes_no_output_or_format(run_cli: Any, tmp_path: Path) -> None:
    for extra in (["-o", str(tmp_path / "s.txt")], ["--format", "csv"]):
        ran = run_cli("results", str(tmp_path), "--watch", *extra)
        assert ran.returncode == 2 and "--watch" in ran.stderr
    assert not os.path.exists(tmp_path / "s.txt")
