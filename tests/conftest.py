"""Shared fixtures and helpers: small scenarios written into a temporary folder; the text an
app shows, for the tests of the terminal UI."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rich.cells import cell_len

from argmap.authoring.starter import render
from argmap.scenario.loaded import Loaded
from argmap.validation.load import load_scenario

if TYPE_CHECKING:
    from textual.app import App

    from argmap.tui.widgets.columns import ClaimColumn

Edit = Callable[[str], str]
WIDE, NARROW = (120, 40), (80, 24)


@pytest.fixture
def starter(tmp_path: Path) -> Callable[..., Path]:
    """Write the starter scenario (optionally edited) and its source; returns the scenario path."""

    def write(edit: Edit | None = None, name: str = "s.yaml") -> Path:
        scenario, source = render(name, "s-source.txt")
        (tmp_path / "s-source.txt").write_text(source, encoding="utf-8")
        path = tmp_path / name
        path.write_text(edit(scenario) if edit else scenario, encoding="utf-8")
        return path

    return write


@pytest.fixture
def load_starter(starter: Callable[..., Path]) -> Callable[..., Loaded]:
    def load(edit: Edit | None = None) -> Loaded:
        return load_scenario(starter(edit))

    return load


FIXTURES = Path(__file__).parent / "fixtures"


def _interop_files() -> Path:
    """Real Argdown, AIF and Kialo files from public projects, kept beside the project (never in
    it): ``ARGMAP_INTEROP_FILES``, else ``../shared/interop-files`` of the checkout."""
    named = os.environ.get("ARGMAP_INTEROP_FILES")
    if named:
        return Path(named)
    for root in (Path(__file__).resolve().parent.parent.parent, Path("/work")):
        if (root / "shared" / "interop-files").is_dir():
            return root / "shared" / "interop-files"
    return Path(__file__).resolve().parent.parent.parent / "shared" / "interop-files"


INTEROP = _interop_files()


def valid(path: Path) -> Loaded:
    """A scenario every test may read but none changes, loaded and checked once per process."""
    if path not in _VALID:
        loaded = load_scenario(path)
        assert loaded.ok, [d.render() for d in loaded.diagnostics]
        _VALID[path] = loaded
    return _VALID[path]


_VALID: dict[Path, Loaded] = {}


@pytest.fixture(scope="session")
def harbour() -> Loaded:
    """The small debate the interface tests step through."""
    return valid(FIXTURES / "tui" / "harbour.yaml")


@pytest.fixture(scope="session")
def bridge() -> Loaded:
    """The classroom scenario: walkthroughs, every kind of exercise, role-play."""
    return valid(FIXTURES / "classroom" / "bridge.yaml")


@pytest.fixture(scope="session")
def council() -> Loaded:
    """The engine's scenario: undercuts, contradictions, commentators."""
    return valid(FIXTURES / "engine" / "council.yaml")


def codes(loaded: Loaded) -> list[str]:
    return sorted(d.code for d in loaded.diagnostics)


# One text run of Rich's SVG export: its x (in pixels), its length in pixels, its line, its text.
_SVG_TEXT = re.compile(r'<text [^>]*?x="([\d.]+)"[^>]*?textLength="([\d.]+)"[^>]*?line-(\d+)\)"[^>]*>(.*?)</text>')


def screen_text(app: App[object]) -> str:
    """What the app's screen shows, one line of text a row, read from its screenshot."""
    rows: dict[int, list[tuple[float, str]]] = {}
    char_width = 0.0
    for x, length, line, escaped in _SVG_TEXT.findall(app.export_screenshot()):
        text = html.unescape(escaped).replace("\xa0", " ")
        rows.setdefault(int(line), []).append((float(x), text))
        if not char_width and len(text) == cell_len(text) and text:
            char_width = float(length) / len(text)
    lines = []
    for y in range(max(rows, default=-1) + 1):
        line = ""
        for x, text in sorted(rows.get(y, [])):
            line += " " * max(round(x / char_width) - cell_len(line), 0) + text
        lines.append(line)
    return "\n".join(lines)


def column(app: App[object], key: str) -> ClaimColumn:
    """The claim column of a side (or ``APART``) on the positions screen."""
    from argmap.tui.widgets.columns import SidePanel

    panel = next(p for p in app.screen.query(SidePanel) if p.key == key)
    return panel.column


class Ran:
    """What an argmap command did, with the names of ``subprocess.CompletedProcess``, so that a
    test reads the same whichever way the command ran."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Ran]:
    """Run ``argmap ARGS`` in this process: ``main(argv)``, its output captured. A subprocess is
    for what only a process shows (imports, the entry point, closed streams, signals)."""
    from argmap.cli import main

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Ran:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's --help, --version and usage errors
            code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run
