"""Validation of scenario data already in memory: ordered checkers, every problem in one run.

``validate(data, base)`` is what loading a file runs after parsing, and what an importer runs on
the data it built. Diagnostics carry data paths; a caller with positions locates them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argmap.base.diagnostics import Diagnostic, has_errors
from argmap.scenario.loaded import LoadedSource
from argmap.scenario.model import FORMAT_VERSION, Scenario
from argmap.validation import shape
from argmap.validation.sources import file_sha256, resolve_sources


@dataclass
class Validation:
    """What the checkers found: the model (when the data has its shape), the source texts read,
    and the diagnostics, in the checkers' order."""

    data: Any
    base: Path
    """The scenario's file, or a path in the folder its sources are named relative to."""
    search_path: tuple[Path, ...] = ()
    scenario: Scenario | None = None
    sources: dict[str, LoadedSource] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw_ids: set[str] | None = None
    """Ids of items that failed their shape, so that references to them are not called unknown."""
    raw_mentions: shape.Mentions | None = None
    """What the items as written mention, when some failed their shape: no warning then says
    a topic or a claim is left alone when a broken item takes it up."""
    positions: shape.Positions = field(default_factory=dict)
    """Where the items kept stand in the data, when some failed their shape."""
    shaped: int = 0
    """How many diagnostics there were once the shape was checked: later ones use the items kept."""

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not has_errors(self.diagnostics)


Checker = Callable[[Validation], bool]
"""Adds its diagnostics; returns False when the checkers after it cannot run."""


def _document(v: Validation) -> bool:
    if v.data is None:
        v.data = {}
    if not isinstance(v.data, dict):
        v.diagnostics.append(
            Diagnostic(
                "E201",
                f"a scenario is a mapping of keys (title:, claims:, ...), not a {shape.type_name(v.data)}",
                path=(),
                hint="start from 'argmap new'",
            )
        )
        return False
    version = v.data.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        v.diagnostics.append(
            Diagnostic(
                "E205",
                f"written for scenario format {version if version.bit_length() < 64 else 'of a far later version'}; "
                f"this argmap reads up to {FORMAT_VERSION}",
                path=("format",),
                hint="upgrade argmap to open this file",
            )
        )
        return False
    return True


def _shape(v: Validation) -> bool:
    v.scenario, problems, v.positions = shape.check(v.data)
    v.diagnostics += problems
    v.shaped = len(v.diagnostics)
    if problems:
        v.raw_ids = shape.raw_ids(v.data)
        v.raw_mentions = shape.raw_mentions(v.data)
    return v.scenario is not None


def _sources(v: Validation) -> bool:
    assert v.scenario is not None
    v.sources, problems = resolve_sources(v.scenario, v.base, v.search_path)
    v.diagnostics[: v.shaped] = [_with_actual_hash(d, v) for d in v.diagnostics[: v.shaped]]
    v.diagnostics += problems
    return True


def _with_actual_hash(d: Diagnostic, v: Validation) -> Diagnostic:
    """A malformed ``sha256`` of a source that was read, told the hash its file has."""
    if d.code != "E204" or len(d.path) != 3 or d.path[0] != "sources" or d.path[2] != "sha256":
        return d
    index = d.path[1]
    assert isinstance(index, int)
    kept = v.positions.get("sources")
    at = kept.index(index) if kept is not None and index in kept else None if kept is not None else index
    if at is None or v.scenario is None or at >= len(v.scenario.sources):
        return d
    source = v.sources.get(v.scenario.sources[at].id)
    actual = file_sha256(source.path) if source is not None else None
    return d if actual is None else replace(d, hint=f"its file has sha256: {actual}")


def _meaning(v: Validation) -> bool:
    from argmap.validation.meaning import check

    assert v.scenario is not None
    v.diagnostics += check(v.scenario, v.sources, v.raw_ids, v.raw_mentions)
    return True


MAP_NEUTRAL = frozenset({"E103", "E104", "E105", "E106", "E107", "E113", "E116", "E119"})
"""Errors that leave the map itself whole (a source, a quote, a date against its source, a
glossary entry, an incomplete exercise left out): exercises can still be checked against it."""


def _classroom(v: Validation) -> bool:
    assert v.scenario is not None
    # Any other error leaves items out of the map or its references broken: an exercise's answer
    # read off it could be wrong, so the exercises wait until the map is sound.
    if any(d.severity == "error" and d.code not in MAP_NEUTRAL for d in v.diagnostics):
        return True
    if not (v.scenario.exercises or v.scenario.walkthroughs):
        return True
    # Imported only when there is classroom material: it brings in the engine.
    from argmap.validation.classroom import check

    v.diagnostics += check(v.scenario, v.sources)
    return True


CHECKERS: tuple[tuple[str, Checker], ...] = (
    ("document", _document),
    ("shape", _shape),
    ("sources", _sources),
    ("meaning", _meaning),
    ("classroom", _classroom),
)


def validate(data: Any, base: Path, search_path: tuple[Path, ...] = ()) -> Validation:
    """Run every checker in order on parsed scenario data; never raises for bad data."""
    v = Validation(data, base, search_path)
    # The checkers make tens of thousands of objects that live on (the models, their tuples,
    # the indexes): the cycle collector would walk them over and over and free none of them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _name, checker in CHECKERS:
            if not checker(v):
                break
    finally:
        if collecting:
            gc.enable()
    if v.positions:
        later = [shape.placed(d, v.positions) for d in v.diagnostics[v.shaped :]]
        v.diagnostics[v.shaped :] = later
    return v
