"""A student's terminal killed in the middle of a set: the app, run in a pseudo-terminal, is
killed with SIGKILL, started again, and carries on at the next question with every answer
given so far still in the results file."""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.classroom.questions import Question, derive
from argmap.debate.index import Debate
from argmap.validation.load import load_scenario

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

BRIDGE = Path(__file__).parent / "fixtures" / "classroom" / "bridge.yaml"
TIMEOUT = 60.0
_ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


class Terminal:
    """The app in a pseudo-terminal of 120x40; what it draws is read as it comes."""

    def __init__(self, *args: str, cwd: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "argmap", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self._chunks: list[str] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.1)
                if not ready:
                    if self.process.poll() is not None:
                        return
                    continue
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self._chunks.append(data.decode("utf-8", errors="replace"))

    def text(self) -> str:
        """Everything drawn so far, without the escape sequences."""
        with self._lock:
            raw = "".join(self._chunks)
        return _ESCAPES.sub(" ", raw)

    def mark(self) -> int:
        return len(self.text())

    def wait_for(self, words: str, since: int = 0) -> None:
        wait_until(lambda: words in self.text()[since:], f"{words!r} on screen", self)

    def press(self, keys: str) -> None:
        os.write(self.master, keys.encode("utf-8"))

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=TIMEOUT)
        self._reader.join(timeout=TIMEOUT)
        os.close(self.master)


def wait_until(done: Callable[[], bool], what: str, terminal: Terminal) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not done():
        if time.monotonic() > deadline:
            tail = terminal.text()[-2000:]
            raise AssertionError(f"timed out waiting for {what}; the screen ended with:\n{tail}")
        if terminal.process.poll() is not None:
            raise AssertionError(f"the app exited ({terminal.process.returncode}) before {what}")
        time.sleep(0.02)


def saved(folder: Path) -> list[dict[str, object]]:
    files = list(folder.glob("*.jsonl"))
    if not files:
        return []
    return [json.loads(line) for line in files[0].read_text(encoding="utf-8").splitlines()]


def letters(question: Question, values: tuple[str, ...]) -> str:
    order = [c.value for c in question.choices]
    return "".join("abcdefghij"[order.index(v)] for v in values)


def test_killed_mid_set_it_resumes_at_the_next_question_with_nothing_lost(tmp_path):
    loaded = load_scenario(BRIDGE)
    debate = Debate.from_loaded(loaded)
    asked = []
    for ex in debate.scenario.exercises:
        if ex.set == "basics":
            question = derive(debate, ex)
            assert isinstance(question, Question)
            asked.append(question)
    folder = tmp_path / "results"
    args = ("exercise", str(BRIDGE), "--set", "basics", "--results", str(folder), "--student", "Ana")

    term = Terminal(*args, cwd=tmp_path)
    try:
        term.wait_for("question 1 of 5")
        term.press(letters(asked[0], asked[0].answer))  # right
        wait_until(lambda: len(saved(folder)) == 1, "the first answer saved", term)
        since = term.mark()
        term.press("\r")
        term.wait_for("question 2 of 5", since)
        wrong = next(c.value for c in asked[1].choices if c.value not in asked[1].answer)
        term.press(letters(asked[1], (wrong,)))
        wait_until(lambda: len(saved(folder)) == 2, "the second answer saved", term)
        since = term.mark()
        term.press("\r")
        term.wait_for("question 3 of 5", since)
    finally:
        term.kill()
    assert term.process.returncode == -signal.SIGKILL
    before = saved(folder)
    assert [(r["exercise"], r["correct"]) for r in before] == [("who-build", True), ("rebut-unsafe", False)]
    # No temporary file left behind; the lock file stays, its lock gone with the process.
    assert not [p for p in folder.iterdir() if p.suffix not in (".jsonl", ".lock")]

    term = Terminal(*args, cwd=tmp_path)
    try:
        term.wait_for("question 3 of 5")
        assert "question 1 of 5" not in term.text()
        term.press(letters(asked[2], asked[2].answer))
        wait_until(lambda: len(saved(folder)) == 3, "the third answer saved", term)
    finally:
        term.kill()
    after = saved(folder)
    assert after[:2] == before
    assert [(r["exercise"], r["correct"]) for r in after[2:]] == [("supports-what", True)]
