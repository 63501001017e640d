"""Sources: catalogue references completed, each file found safely, read and its hash checked."""

from __future__ import annotations

import hashlib
from pathlib import Path

from argmap.base.diagnostics import Diagnostic, did_you_mean
from argmap.base.diagnostics import Path as DataPath
from argmap.base.files import display_name
from argmap.reading import gate
from argmap.reading.document import read_checked
from argmap.reading.locations import UnsafePath, find_file, source_roots
from argmap.scenario.loaded import LoadedSource
from argmap.scenario.model import Catalogue, Scenario, Source
from argmap.scenario.quotes import SourceText
from argmap.validation import shape

CATALOGUE_NAME = "catalogue.yaml"


def _catalogues(roots: list[Path]) -> tuple[dict[str, tuple[Source, Path]], list[Diagnostic]]:
    """Every catalogue entry found in the roots, first root winning."""
    entries: dict[str, tuple[Source, Path]] = {}
    problems: list[Diagnostic] = []
    for root in roots:
        file = root / CATALOGUE_NAME
        if not file.exists():
            continue
        _, catalogue, found = read_checked(file, display_name(file), lambda data: shape.validate(data, Catalogue))
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


def file_sha256(file: Path) -> str | None:
    """The SHA-256 of a file read through the gate, or None when it cannot be read."""
    try:
        return hashlib.sha256(gate.read_bytes(file, display_name(file))).hexdigest()
    except gate.Refused:
        return None


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
    from argmap.reading.locations import bundled_scenario

    base = scenario_path or bundled_scenario()
    stub = Scenario.model_construct(sources=(Source(id=source_id),))
    loaded, problems = resolve_sources(stub, base, search_path)
    if source_id in loaded:
        return loaded[source_id]
    return problems
