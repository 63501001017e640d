"""``argmap serve`` in a real browser: headless Chromium, driven by Playwright.

The terminal is drawn on a canvas, so its text is read from xterm's buffer: an init script
catches the terminal object as the page's script builds it. Set ``ARGMAP_SCREENSHOTS`` to a
folder to keep a screenshot of each step there.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.exists():
    pytest.skip(
        f"the browser tests need Chromium at {CHROMIUM} (apt-get install -y chromium); skipped",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need Playwright (the test extra)")

BRIDGE = Path(__file__).parent / "fixtures" / "classroom" / "bridge.yaml"
WAIT_MS = 30_000
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}

CATCH_TERMINAL = """
(() => {
  // The page's script defines each module's exports with Object.defineProperty; the one that
  // will hold xterm's Terminal class gets a setter that keeps every terminal made from it.
  window.__terminals = [];
  const define = Object.defineProperty;
  Object.defineProperty = function (target, name, how) {
    const done = define.call(Object, target, name, how);
    if (name === "__esModule" && target && !("Terminal" in target)) {
      let kept;
      define.call(Object, target, "Terminal", {
        configurable: true, enumerable: true,
        get() { return kept; },
        set(value) {
          kept = typeof value === "function" && value.prototype
            ? class extends value { constructor(...a) { super(...a); window.__terminals.push(this); } }
            : value;
        },
      });
    }
    return done;
  };
  window.__screen = () => {
    const t = window.__terminals.find((t) => t.buffer && t.buffer.active);
    if (!t) return "";
    const lines = [];
    for (let y = 0; y < t.rows; y++) lines.push(t.buffer.active.getLine(y).translateToString(true));
    return lines.join("\\n");
  };
  window.__rows = () => {
    const t = window.__terminals.find((t) => t.buffer && t.buffer.active);
    return t ? t.rows : 0;
  };
})();
"""


@contextmanager
def served(results: Path, *options: str) -> Iterator[str]:
    """``argmap serve`` of the bridge scenario on a free loopback port; yields its address."""
    command = [sys.executable, "-m", "argmap", "serve", str(BRIDGE), "--port", "0", "--results", str(results)]
    said = results.parent / f"{results.name}-server.txt"
    with said.open("w") as errors:
        process = subprocess.Popen([*command, *options], stdout=subprocess.PIPE, stderr=errors, text=True)
    try:
        address = None
        assert process.stdout is not None
        for line in process.stdout:
            if "http://" in line:
                address = line.split("http://", 1)[1].split()[0]
                break
        assert address is not None, said.read_text()
        # The server goes on printing (what sessions say as they end): read it all, so that it
        # never waits on a full pipe.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        yield f"http://{address}".rstrip("/")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


class Student:
    """A browser tab on the class, recording every address it asks for."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.add_init_script(CATCH_TERMINAL)
        self.asked: list[str] = []
        self.page.on("request", lambda request: self.asked.append(request.url))
        self.page.on("websocket", lambda socket: self.asked.append(socket.url))
        self.response = self.page.goto(url)

    def sees(self, text: str) -> str:
        self.page.wait_for_function("(text) => window.__screen().includes(text)", arg=text, timeout=WAIT_MS)
        return str(self.page.evaluate("window.__screen()"))

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def join(self, name: str) -> None:
        self.sees("Your name")
        self.page.click("#terminal")
        self.page.keyboard.type(name)
        self.press("Enter")

    def snap(self, name: str) -> None:
        folder = os.environ.get("ARGMAP_SCREENSHOTS")
        if folder:
            self.page.screenshot(path=str(Path(folder) / f"serve-{name}.png"))


def test_a_student_steps_through_the_debate_and_opens_help_with_nothing_fetched_from_elsewhere(
    browser: Any, tmp_path: Path
) -> None:
    with served(tmp_path) as url:
        student = Student(browser, url)
        student.sees("Your name")
        student.snap("name")
        student.join("Ада Lovelace")
        first = student.sees("Step 1 of 5")
        student.snap("positions")
        student.press("ArrowRight")
        second = student.sees("Step 2 of 5")
        assert first != second
        student.press("?")
        student.sees("Help: keys and symbols")
        help_screen = student.sees("Everywhere")  # the first list of keys
        student.snap("help")
        assert "Step 2 of 5" not in help_screen
        # The font is the page's own, loaded before the terminal measured its cells: 38 rows fit.
        assert student.page.evaluate("document.fonts.check(\"16px 'Roboto Mono'\")")
        assert student.page.evaluate("window.__rows()") == 38
    hosts = {urlsplit(u).hostname for u in student.asked if not u.startswith("data:")}
    assert hosts == {"127.0.0.1"}, student.asked
    assert any(u.startswith("ws://127.0.0.1") for u in student.asked)


def test_a_named_students_answer_is_saved_in_the_class_results_folder(browser: Any, tmp_path: Path) -> None:
    with served(tmp_path, "--start", "exercise", "basics") as url:
        student = Student(browser, url)
        student.join("Zoë Ōkubo")
        student.sees("Who said")
        student.press("a")
        student.sees("Next question")  # shown once the answer is given, and saved
        student.snap("exercise")
        saved = [json.loads(line) for f in tmp_path.glob("*.jsonl") for line in f.read_text().splitlines()]
        assert [(r["student"], r["set"], r["exercise"]) for r in saved] == [("Zoë Ōkubo", "basics", "who-build")]


def test_the_class_refuses_a_foreign_page_and_a_student_beyond_the_cap(browser: Any, tmp_path: Path) -> None:
    with served(tmp_path, "--max-sessions", "1") as url:
        # A page of another site, open in the same browser, tries to open a session.
        foreign = browser.new_page()
        foreign.route(
            "http://foreign.example/",
            lambda route: route.fulfill(status=200, content_type="text/html", body="<p>another site</p>"),
        )
        foreign.goto("http://foreign.example/")
        socket = url.replace("http:", "ws:") + "/ws"
        outcome = foreign.evaluate(
            """(socket) => new Promise((done) => {
                 const ws = new WebSocket(socket);
                 ws.onopen = () => done("opened");
                 ws.onerror = () => done("refused");
               })""",
            socket,
        )
        assert outcome == "refused"
        assert foreign.request.get(url + "/ws", headers={"Origin": "http://foreign.example"}).status == 403
        # The one place is the first student's; the second is told the class is full.
        first = Student(browser, url)
        first.join("Ana")
        first.sees("Step 1 of 5")
        second = Student(browser, url)
        assert second.response.status == 503
        assert "The class is full" in second.page.content()
        second.snap("full")
