"""What a class is served with: chosen by the teacher when the server starts, never by a browser."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

STARTS = ("browse", "walkthrough", "exercise", "roleplay")
"""What each session begins with, over the positions view."""


@dataclass(frozen=True, slots=True)
class ClassConfig:
    scenario: Path
    results: Path
    start: str = "browse"
    start_value: str | None = None
    """The walkthrough, exercise set or side; asked for in the app when None."""
    source_path: tuple[Path, ...] = ()
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None
    max_sessions: int = 30
    idle_minutes: float = 30.0

    def session_argv(self) -> list[str]:
        """The command line of every session process: the same for all, from this config alone."""
        argv = [sys.executable, "-m", "argmap.serve.session", "--results", str(self.results), "--start", self.start]
        if self.start_value is not None:
            argv += ["--value", self.start_value]
        for folder in self.source_path:
            argv += ["--source-path", str(folder)]
        # After "--": a scenario path starting with "-" stays a path.
        return [*argv, "--", str(self.scenario)]
