"""A scenario as loaded: its model, its source texts and what was found wrong with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from argmap.base.diagnostics import Diagnostic, has_errors
from argmap.scenario.model import Scenario, Source
from argmap.scenario.quotes import SourceText


@dataclass
class LoadedSource:
    """A source with its facts completed from a catalogue and its text ready for quotes."""

    facts: Source
    path: Path
    text: SourceText
    catalogue: Path | None = None


@dataclass
class Loaded:
    """The outcome of loading one file: a scenario when there are no errors, and diagnostics."""

    path: Path
    scenario: Scenario | None
    sources: dict[str, LoadedSource] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sha256: str = ""
    """SHA-256 of the scenario's text: results files use it to tell versions apart."""

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not has_errors(self.diagnostics)
