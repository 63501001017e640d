"""What both careful parsers (YAML and JSON) share: data with the place each part was written,
the limits, and the diagnostics of the rules they both enforce."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.base.diagnostics import Diagnostic, Path

MAX_DEPTH = 64
"""Deepest nesting accepted; a scenario needs about six levels."""

MAX_NUMBER = 100
"""Longest number accepted, in characters."""


@dataclass
class Positioned:
    """Data plus where each part of it was written (1-based line and column)."""

    data: Any = None
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path`` (its key if asked and known), else of its nearest ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def put(
        self,
        value: Any,
        at: tuple[int, int],
        parent: list[Any] | dict[str, Any] | None = None,
        path: Path = (),
        key: str | None = None,
        key_at: tuple[int, int] | None = None,
    ) -> Path:
        """Record ``value``, written at ``at``: the root when there is no parent, else appended
        to a list or set under ``key`` in a mapping. Returns its path."""
        if parent is None:
            self.data = value
            self.values[()] = at
            return ()
        if isinstance(parent, list):
            child: Path = (*path, len(parent))
            parent.append(value)
        else:
            assert key is not None
            child = (*path, key)
            parent[key] = value
            if key_at is not None:
                self.keys[child] = key_at
        self.values[child] = at
        return child


def too_deep(file: str, line: int, col: int) -> Diagnostic:
    return Diagnostic(
        "E008",
        f"nesting deeper than {MAX_DEPTH} levels",
        file,
        line,
        col,
        "a scenario needs only a few levels; check for runaway brackets",
    )


def duplicate_key(key: str, first: tuple[int, int] | None, file: str, line: int, col: int) -> Diagnostic:
    where = f" (first at line {first[0]})" if first else ""
    return Diagnostic("E009", f"duplicate key '{key}'{where}", file, line, col, "each key may appear once in a mapping")


def long_number(length: int, file: str, line: int, col: int) -> Diagnostic:
    return Diagnostic("E204", f"a number of {length} characters", file, line, col, "write it in quotes if it is text")
