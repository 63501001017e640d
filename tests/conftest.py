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
