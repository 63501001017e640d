"""One diagnostic type for every problem argmap reports, and its renderers.

A diagnostic reads like a compiler's: ``file:line:col: error[E104]: message`` and a hint.
Codes are stable; ``CODES`` names each one and the authoring guide documents them.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

Severity = Literal["error", "warning"]
Path = tuple[str | int, ...]

CODES: dict[str, str] = {
    # Reading and parsing the file.
    "E001": "cannot-read",
    "E002": "file-too-large",
    "E003": "not-utf8",
    "E004": "empty-file",
    "E005": "syntax",
    "E006": "alias",
    "E007": "tag",
    "E008": "too-deep",
    "E009": "duplicate-key",
    "E010": "forbidden-character",
    # Shape: the JSON Schema and the models.
    "E201": "wrong-type",
    "E202": "unknown-key",
    "E203": "missing-key",
    "E204": "bad-value",
    "E205": "newer-format",
    # Meaning: references, sources, quotes, time.
    "E101": "unknown-reference",
    "E102": "duplicate-id",
    "E103": "source-not-found",
    "E104": "quote-not-found",
    "E105": "sha256-mismatch",
    "E106": "unsafe-path",
    "E107": "date-after-publication",
    "E108": "self-relation",
    "E109": "actor-cycle",
    "E110": "time-placement",
    "E111": "contradiction-across-sides",
    "E112": "stance-topic",
    "E113": "source-incomplete",
    "E114": "wrong-target",
    "E115": "misplaced-side",
    "E116": "exercise-incomplete",
    "E117": "exercise-answer",
    "E118": "walkthrough-focus",
    "E119": "glossary-basis",
    # Framework files read by `argmap solve` (ICCMA 2023, APX).
    "E301": "af-header",
    "E302": "af-syntax",
    "E303": "af-unknown-argument",
    # Argdown files read by `argmap import`.
    "E304": "argdown-unreadable",
    # Results files read by `argmap results` and `argmap exercise`.
    "W401": "unreadable-answer",
    "W101": "unrelated-claim",
    "W102": "unaddressed-topic",
    "W103": "unordered-events",
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A located problem. ``path`` is the place in the data; ``line``/``col`` are 1-based."""

    code: str
    message: str
    file: str = ""
    line: int = 0
    col: int = 0
    hint: str | None = None
    path: Path = field(default=())

    @property
    def severity(self) -> Severity:
        return "warning" if self.code.startswith("W") else "error"

    @property
    def name(self) -> str:
        return CODES.get(self.code, "")

    def located(self, file: str, line: int, col: int) -> Diagnostic:
        return replace(self, file=file, line=line, col=col)

    def render(self) -> str:
        where = self.file or "<input>"
        if self.line:
            where += f":{self.line}:{self.col}"
        text = f"{where}: {self.severity}[{self.code}]: {self.message}"
        if self.hint:
            text += "".join(
                f"\n  = hint: {h}" if i == 0 else f"\n          {h}" for i, h in enumerate(self.hint.splitlines())
            )
        return text

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "hint": self.hint,
            "path": list(self.path),
        }


def did_you_mean(name: str, known: Iterable[str]) -> str | None:
    """A hint naming the closest known name, if one is close."""
    return _closest(name, tuple(str(k) for k in known))


@functools.lru_cache(maxsize=4096)
def _closest(name: str, known: tuple[str, ...]) -> str | None:
    # Cached: a file with the same typo ten thousand times asks the same question each time.
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    return (d.file, d.line, d.col, d.code)


def render_text(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(d.render() for d in sorted(diagnostics, key=sort_key))


def render_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in sorted(diagnostics, key=sort_key)], indent=2)


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    noun = "file" if files == 1 else "files"
    return f"{files} {noun} checked: {errors} error(s), {warnings} warning(s)"
