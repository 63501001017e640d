"""The exercise app and its results file: an answer that could not be saved is never called
saved, a second session of one student and set does not start, and a file the reading gate
refuses or that holds unreadable lines is never overwritten."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.classroom import results as results_module
from argmap.classroom.filenames import results_name
from argmap.classroom.results import ResultsFile
from argmap.tui.app import make_app
from argmap.tui.screens.exercise import ExerciseScreen
from argmap.tui.screens.pick import NameScreen
from argmap.tui.screens.positions import PositionsScreen
from argmap.tui.start import StartExercises
from argmap.tui.widgets.lines import LineList
from tests.conftest import screen_text

BRIDGE = Path(__file__).parent / "fixtures" / "classroom" / "bridge.yaml"
WIDE = (120, 40)
TIMEOUT = 120


@pytest.fixture
def full_disk(monkeypatch):
    """Every save fails as on a full disk, until ``full_disk.clear()``."""
    real = results_module.write_atomic

    class Disk:
        def clear(self) -> None:
            monkeypatch.setattr(results_module, "write_atomic", real)

    def fail(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(results_module, "write_atomic", fail)
    return Disk()


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """A results folder named by a short relative path, so that toasts naming it wrap the same
    however deep the temporary folder is."""
    monkeypatch.chdir(tmp_path)
    return Path("results")


async def answer_right(pilot, screen: ExerciseScreen) -> None:
    """Answer the current question right, then move on."""
    question = screen.session.current
    assert question is not None
    order = [c.value for c in question.choices]
    await pilot.press(*("abcdefghij"[order.index(v)] for v in question.answer))
    await pilot.pause()
    if screen.session.graded is not None:
        await pilot.press("enter")
        await pilot.pause()


def toasts(app) -> str:
    """The text of the notifications on screen, their wrapped lines joined."""
    # A toast line starts at its "▌" border; the screen under it may show through at the right.
    parts = [line.rsplit("▌", 1)[1].split("▕")[0] for line in screen_text(app).splitlines() if "▌" in line]
    return " ".join(" ".join(parts).split())


def score(screen: ExerciseScreen) -> str:
    rows = screen.query_one("#exercise", LineList).rows
    return "\n".join("".join(text for text, _ in row.pieces) for row in rows)


def students_file(folder: Path, student: str = "Ana") -> Path:
    return folder / results_name(student, "bridge", "basics")


async def test_answers_that_could_not_be_saved_are_never_called_saved(bridge, here, full_disk):
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=here, student="Ana"))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        await answer_right(pilot, screen)
        assert "1 not saved" in screen_text(app)  # the title
        said = toasts(app)
        assert "Answer not saved" in said and "No space left on device" in said
        assert "This answer is kept here: saving is tried again with your next answer, and when you leave." in said
        while not screen.session.finished:
            await answer_right(pilot, screen)
        assert "5 answers could not be saved to" in score(screen) and "Answers saved to" not in score(screen)
        app.clear_notifications()  # the toasts so far would push the new one off the screen
        await pilot.press("escape")  # one more try, and a warning: nothing is left silently
        await pilot.pause()
        assert app.screen is screen and "Press Esc again to leave without them." in toasts(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen)
    assert not students_file(here).exists()


async def test_answers_kept_after_a_failed_save_go_with_the_next_one(bridge, here, full_disk):
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=here, student="Ana"))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        await answer_right(pilot, screen)
        await answer_right(pilot, screen)
        assert screen.results.unsaved == 2 and "2 not saved" in screen_text(app)
        full_disk.clear()
        app.clear_notifications()
        await answer_right(pilot, screen)
        assert screen.results.unsaved == 0 and "Saved now, with the 2 not saved before." in toasts(app)
        while not screen.session.finished:
            await answer_right(pilot, screen)
        assert "Answers saved to" in score(screen) and "could not be saved" not in score(screen)
        assert "not saved" not in screen_text(app).splitlines()[0]  # the title
    with ResultsFile.open(here, "Ana", "bridge", bridge.sha256, "basics") as rf:
        assert len(rf.answered()) == 5 and all(r.correct for r in rf.records)


async def test_a_second_session_given_on_the_command_line_exits_with_a_usage_error(bridge, tmp_path):
    with ResultsFile.open(tmp_path, "Ana", "bridge", bridge.sha256, "basics") as first:
        first.add("who-build", "who-said-it", ("upton-mayor",), ("upton-mayor",), True)
        before = first.path.read_bytes()
        app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path, student="Ana"))
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            await pilot.pause()
        assert app.return_code == 2
        assert first.path.read_bytes() == before


async def test_a_second_session_whose_name_is_typed_in_the_app_is_told_why_in_the_app(bridge, tmp_path):
    with ResultsFile.open(tmp_path, "Ana Lima", "bridge", bridge.sha256, "basics"):
        app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path))
        async with app.run_test(size=WIDE, notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, NameScreen)
            await pilot.press(*"Ana Lima", "enter")
            await pilot.pause()
            assert isinstance(app.screen, PositionsScreen) and app.return_code is None
            assert "these answers (Ana Lima, set basics) are open in another argmap session" in toasts(app)
            await pilot.press("x")  # asked again, another student starts
            await pilot.pause()
            await pilot.press(*"ana-lima", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ExerciseScreen) and app.screen.results.student == "ana-lima"


async def test_a_file_with_unreadable_lines_opens_resumes_and_keeps_them(bridge, tmp_path):
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path, student="Ana"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        await answer_right(pilot, app.screen)
    path = students_file(tmp_path)
    kept = path.read_bytes() + b'{"v": 1e999}\n' + b"[" * 100_000 + b"\n" + b'{"correct": "false"'
    path.write_bytes(kept)
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path, student="Ana"))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen) and "question 2 of 5" in screen_text(app)
        assert "3 lines of your results file could not be read: they are kept as they are." in toasts(app)
        await answer_right(pilot, screen)
    assert path.read_bytes().startswith(kept + b"\n") and path.read_bytes().count(b"\n") == 5


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd
    )


def test_the_exercise_command_refuses_a_second_session_with_exit_2(bridge, tmp_path):
    folder = tmp_path / "res"
    with ResultsFile.open(folder, "Иван", "bridge", bridge.sha256, "basics"):
        out = run(
            "exercise", str(BRIDGE), "--set", "basics", "--results", str(folder), "--student", "Иван", cwd=tmp_path
        )
    assert out.returncode == 2
    said = " ".join(out.stderr.split())
    assert "argmap: error: these answers (Иван, set basics) are open in another argmap session" in said


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_the_exercise_command_will_not_start_on_a_fifo_and_leaves_it(tmp_path):
    folder = tmp_path / "res"
    folder.mkdir()
    fifo = students_file(folder)
    os.mkfifo(fifo)
    out = run("exercise", str(BRIDGE), "--set", "basics", "--results", str(folder), "--student", "Ana", cwd=tmp_path)
    assert out.returncode == 2
    said = " ".join(out.stderr.split())
    assert "cannot use the results file" in said and "is a named pipe (FIFO)" in said and "left untouched" in said
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


async def test_quitting_with_unsaved_answers_asks_again_and_hands_them_over(bridge, tmp_path, full_disk):
    app = make_app(bridge, start=StartExercises(set_name="basics", folder=tmp_path, student="Ana"))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        await answer_right(pilot, screen)
        await pilot.press("q")  # one more try, and a warning: the app stays open
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert "Press q again to quit without it." in toasts(app)
        await pilot.press("q")
        await pilot.pause()
    # Closed without a save: the answer goes to the command line, which prints it.
    [(name, reason, lines)] = app.unsaved_answers
    assert "No space left on device" in reason and name.endswith(".jsonl")
    assert len(lines) == 1 and '"student": "Ana"' in lines[0]
