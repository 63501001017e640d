"""One document read, parsed and checked, with every problem located.

A valid file takes the fast path: a fast parser and the check; positions are computed only once
there is something to report, and then every diagnostic is the same as if they had run from the
start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from argmap.base.diagnostics import Diagnostic
from argmap.reading import gate
from argmap.reading.json_positions import positioned_json
from argmap.reading.parsing import parse, positioned_parse, same_data
from argmap.reading.positions import Positioned

T = TypeVar("T")


@dataclass(frozen=True)
class Written:
    """A text argmap has just written and checked reads back to ``data``; ``where`` gives the
    position of each part (exactly those the careful parser finds)."""

    text: str
    data: Any
    where: Callable[[], Positioned]


def read_checked(
    file: Path,
    name: str,
    check: Callable[[Any], tuple[T | None, list[Diagnostic]]],
    written: Written | None = None,
) -> tuple[str | None, T | None, list[Diagnostic]]:
    """Read a file through the gate, parse it and ``check`` its data: the text (None when it
    could not be read), what the check made of the data, and every problem, located.

    When there is something to report, the careful parser supplies the positions and has the
    last word: its own problems win, and if its data differ from the fast parser's, the check
    runs again on them. A file argmap has just written comes as ``written``: its text, the
    data it reads back to, and where each part stands, known from writing it."""
    positioned: Positioned | None = None
    if written is not None:
        text, data = written.text, written.data
    else:
        read, problems = gate.read(file, name)
        if read is None:
            return None, None, problems
        text = read
        data, parsed, problems = parse(text, name)
        if problems:
            return text, None, problems
        positioned = parsed
    made, diagnostics = check(data)
    if diagnostics and written is not None:
        positioned = written.where()
    elif diagnostics and positioned is None:
        positioned = positioned_parse(text, name)
        if positioned.diagnostics:
            return text, None, positioned.diagnostics
        if not same_data(data, positioned.data):
            made, diagnostics = check(positioned.data)
    if diagnostics:
        assert positioned is not None
        diagnostics = [locate(d, name, positioned) for d in diagnostics]
    return text, made, diagnostics


def locate(d: Diagnostic, name: str, positioned: Positioned) -> Diagnostic:
    if d.file and d.file != name:
        return d
    line, col = positioned.where(d.path, key=d.code == "E202")
    return d.located(name, line, col)


class JsonDocument:
    """A JSON text another tool wrote: its data parsed fast and exactly as strictly as the
    careful parser, and the positions, for locating problems, computed only when the first
    problem is located."""

    def __init__(self, text: str, name: str) -> None:
        self.text, self.name = text, name
        self._positioned: Positioned | None = None
        self.data: Any = None
        self.diagnostics: list[Diagnostic] = []
        if text.strip():
            self.data, self._positioned, self.diagnostics = parse(text, name, as_json=True)
        else:  # the careful parser names an empty text as JSON
            self._positioned = positioned_json(text, name)
            self.data, self.diagnostics = self._positioned.data, self._positioned.diagnostics

    def where(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        if self._positioned is None:
            self._positioned = positioned_json(self.text, self.name)
        return self._positioned.where(path)
