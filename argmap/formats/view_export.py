"""Export what a reader is looking at (a step, a what-if, a semantics) to a new file."""

from __future__ import annotations

from pathlib import Path

from argmap.base.files import check_output, exists, write_atomic
from argmap.debate.index import Debate
from argmap.formats.registry import EXPORTERS, named
from argmap.scenario.loaded import Loaded
from argmap.views.selection import Scope, select

MAX_TRIES = 1000


def file_name(loaded: Loaded, fmt: str, step: int) -> str:
    """``<scenario>-step<N>.<suffix>``: says what the file holds, and sorts by step."""
    suffixes = named(EXPORTERS, fmt).suffixes
    return f"{loaded.path.stem}-step{step}{suffixes[0] if suffixes else '.' + fmt}"


def export_view(loaded: Loaded, scope: Scope, fmt: str, folder: Path, debate: Debate | None = None) -> Path:
    """Write the view in format ``fmt`` to a new file in ``folder`` and return its path; an
    existing file is never written over (the name gets -2, -3, ...); ``debate`` is the
    scenario's, when the caller has it. Raises ``OutputRefused``
    or ``OSError`` when it cannot be written."""
    selection = select(loaded, scope, debate)
    text = named(EXPORTERS, fmt).load()(selection)
    wanted = folder / file_name(loaded, fmt, selection.step)
    path = wanted
    for n in range(2, MAX_TRIES):
        if not exists(path):
            break
        path = wanted.with_name(f"{wanted.stem}-{n}{wanted.suffix}")
    inputs = [loaded.path, *(s.path for s in loaded.sources.values())]
    check_output(path, inputs)
    write_atomic(path, text)
    return path
