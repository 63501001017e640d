"""Scenario files in, validated scenarios (or located diagnostics) out.

The layers run in order: read the bytes safely, parse (YAML or JSON), check the shape against
the JSON Schema and the models, then the meaning (``argmap.checks``). Every problem found is
reported in one run. A valid file takes the fast path: a fast parser, the models, the checks;
positions and the JSON Schema are computed only once there is something to report, and then
every diagnostic is the same as if they had run from the start.

This is the only module that reads files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from argmap import gate, shape
from argmap.diagnostics import Diagnostic, did_you_mean, has_errors
from argmap.diagnostics import Path as DataPath
from argmap.locations import UnsafePath, find_file, source_roots
from argmap.model import FORMAT_VERSION, Catalogue, Scenario, Source
from argmap.parsing import parse, positioned_parse, same_data
from argmap.positions import Positioned
from argmap.quotes import SourceText

CATALOGUE_NAME = "catalogue.yaml"

T = TypeVar("T")


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


def display_name(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder, a link loop, a bad name
        return str(path)


def load_scenario(path: Path, search_path: tuple[Path, ...] = ()) -> Loaded:
    """Load and check one scenario file; never raises for bad input."""
    name = display_name(path)
    result = Loaded(path, None)
    text, scenario, diagnostics = _load(path, name, lambda data: _check(data, path, search_path, result))
    if text is not None:
        result.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if scenario is None:
        result.sources = {}
    result.diagnostics = diagnostics
    if not has_errors(diagnostics):
        result.scenario = scenario
    return result


def _load(
    file: Path, name: str, check: Callable[[Any], tuple[T | None, list[Diagnostic]]]
) -> tuple[str | None, T | None, list[Diagnostic]]:
    """Read a file through the gate, parse it and ``check`` its data: the text (None when it
    could not be read), what the check made of the data, and every problem, located.

    When there is something to report, the careful parser supplies the positions and has the
    last word: its own problems win, and if its data differ from the fast parser's, the check
    runs again on them."""
    text, problems = gate.read(file, name)
    if text is None:
        return None, None, problems
    data, positioned, problems = parse(text, name)
    if problems:
        return text, None, problems
    made, diagnostics = check(data)
    if diagnostics and positioned is None:
        positioned = positioned_parse(text, name)
        if positioned.diagnostics:
            return text, None, positioned.diagnostics
        if not same_data(data, positioned.data):
            made, diagnostics = check(positioned.data)
    if diagnostics:
        assert positioned is not None
        diagnostics = [_locate(d, name, positioned) for d in diagnostics]
    return text, made, diagnostics


def _check(
    data: Any, path: Path, search_path: tuple[Path, ...], result: Loaded
) -> tuple[Scenario | None, list[Diagnostic]]:
    """Every layer after parsing: shape, sources, meaning, classroom material."""
    if data is None:
        data = {}
    diagnostics: list[Diagnostic] = []
    scenario: Scenario | None = None
    if not isinstance(data, dict):
        diagnostics.append(
            Diagnostic(
                "E201",
                f"a scenario is a mapping of keys (title:, claims:, ...), not a {shape.type_name(data)}",
                path=(),
                hint="start from 'argmap new'",
            )
        )
        return None, diagnostics
    version = data.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        diagnostics.append(
            Diagnostic(
                "E205",
                f"written for scenario format {version if version.bit_length() < 64 else 'of a far later version'}; "
                f"this argmap reads up to {FORMAT_VERSION}",
                path=("format",),
                hint="upgrade argmap to open this file",
            )
        )
        return None, diagnostics
    scenario, shape_problems = shape.validate(data)
    diagnostics += shape_problems
    if scenario is not None:
        sources, source_problems = resolve_sources(scenario, path, search_path)
        result.sources = sources
        diagnostics += source_problems
        from argmap.checks import check

        diagnostics += check(scenario, sources, shape.raw_ids(data) if shape_problems else None)
        if not has_errors(diagnostics) and (scenario.exercises or scenario.walkthroughs):
            # Imported only when there is classroom material: it brings in the engine.
            from argmap.classroom.validate import check as check_classroom

            diagnostics += check_classroom(scenario, sources)
    return scenario, diagnostics


def _locate(d: Diagnostic, name: str, positioned: Positioned) -> Diagnostic:
    if d.file and d.file != name:
        return d
    line, col = positioned.where(d.path, key=d.code == "E202")
    return d.located(name, line, col)


# --- sources --------------------------------------------------------------------------------


def _catalogues(roots: list[Path]) -> tuple[dict[str, tuple[Source, Path]], list[Diagnostic]]:
    """Every catalogue entry found in the roots, first root winning."""
    entries: dict[str, tuple[Source, Path]] = {}
    problems: list[Diagnostic] = []
    for root in roots:
        file = root / CATALOGUE_NAME
        if not file.exists():
            continue
        _, catalogue, found = _load(file, display_name(file), lambda data: shape.validate(data, Catalogue))
        problems += found
        if catalogue is None:
            continue
        for source in catalogue.sources:
            entries.setdefault(source.id, (source, root))
    return entries, problems


def _is_reference(source: Source) -> bool:
    return source.model_fields_set <= {"id"}


def resolve_sources(
    scenario: Scenario, scenario_path: Path, search_path: tuple[Path, ...] = ()
) -> tuple[dict[str, LoadedSource], list[Diagnostic]]:
    """Complete catalogue references, find each source file safely and read it."""
    roots = source_roots(scenario_path, search_path)
    problems: list[Diagnostic] = []
    catalogue: dict[str, tuple[Source, Path]] | None = None
    loaded: dict[str, LoadedSource] = {}
    for i, source in enumerate(scenario.sources):
        at: DataPath = ("sources", i)
        facts, lookup_roots, catalogue_root = source, roots, None
        if _is_reference(source):
            if catalogue is None:
                catalogue, catalogue_problems = _catalogues(roots)
                problems += catalogue_problems
            if source.id not in catalogue:
                problems.append(
                    Diagnostic(
                        "E101",
                        f"source '{source.id}' is not in any catalogue",
                        path=(*at, "id"),
                        hint=did_you_mean(source.id, catalogue)
                        or "describe it here (title, file, ...) or add it to a catalogue.yaml beside its file",
                    )
                )
                continue
            facts, catalogue_root = catalogue[source.id]
            lookup_roots = [catalogue_root, *[r for r in roots if r != catalogue_root]]
        origin = f" (from {display_name(catalogue_root / CATALOGUE_NAME)})" if catalogue_root else ""
        if facts.file is None:
            problems.append(
                Diagnostic(
                    "E113",
                    f"source '{source.id}' names no file{origin}",
                    path=at,
                    hint="add 'file:' with the text file's name",
                )
            )
            continue
        try:
            file, refused = find_file(facts.file, lookup_roots)
        except UnsafePath as exc:
            problems.append(
                Diagnostic(
                    "E106",
                    f"unsafe source path: {exc}{origin}",
                    path=(*at, "file"),
                    hint="name the file relative to the scenario's folder, a search path or seeds/",
                )
            )
            continue
        if file is None:
            code = "E106" if refused else "E103"
            message = (
                f"source file '{facts.file}' is a link out of its folder{origin}"
                if refused
                else f"source file '{facts.file}' not found{origin}"
            )
            problems.append(
                Diagnostic(
                    code,
                    message,
                    path=(*at, "file"),
                    hint="looked in: " + ", ".join(display_name(r) for r in lookup_roots),
                )
            )
            continue
        raw_name = display_name(file)
        text, read_problems = _read_source(file, raw_name, facts, at, origin)
        problems += read_problems
        if text is None:
            continue
        loaded[source.id] = LoadedSource(
            facts,
            file,
            SourceText(text, facts.furniture),
            catalogue_root / CATALOGUE_NAME if catalogue_root else None,
        )
    return loaded, problems


def _read_source(
    file: Path, name: str, facts: Source, at: DataPath, origin: str
) -> tuple[str | None, list[Diagnostic]]:
    try:
        raw = gate.read_bytes(file, name)
    except gate.Refused as refused:
        return None, [_about_source(refused.diagnostic, name, at)]
    problems = []
    if facts.sha256 is not None:
        actual = hashlib.sha256(raw).hexdigest()
        if actual != facts.sha256:
            problems.append(
                Diagnostic(
                    "E105",
                    f"source '{facts.id}': {name} has sha256 {actual}{origin}",
                    path=(*at, "sha256"),
                    hint=f"expected {facts.sha256}; if the text was changed on purpose, "
                    "re-check the quotes and update sha256",
                )
            )
    try:
        return gate.decode(raw, name), problems
    except gate.Refused as refused:
        return None, [*problems, _about_source(refused.diagnostic, name, at)]


def _about_source(d: Diagnostic, name: str, at: DataPath) -> Diagnostic:
    """A problem of the source file, reported where the file is (when located) and tied to the
    scenario entry that names it."""
    if d.line:
        return d
    return Diagnostic(d.code, f"source file {name}: {d.message}", hint=d.hint, path=at)


def load_source_text(
    source_id: str, scenario_path: Path | None = None, search_path: tuple[Path, ...] = ()
) -> LoadedSource | list[Diagnostic]:
    """One source by id, from the catalogues (for ``argmap quote``)."""
    from argmap.locations import bundled_scenario

    base = scenario_path or bundled_scenario()
    stub = Scenario.model_construct(sources=(Source(id=source_id),))
    loaded, problems = resolve_sources(stub, base, search_path)
    if source_id in loaded:
        return loaded[source_id]
    return problems
