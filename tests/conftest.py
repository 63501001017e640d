"""Shared fixtures: small scenarios written into a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.authoring.starter import render
from argmap.scenario.loaded import Loaded
from argmap.validation.load import load_scenario

Edit = Callable[[str], str]


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


def codes(loaded: Loaded) -> list[str]:
    return sorted(d.code for d in loaded.diagnostics)


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
