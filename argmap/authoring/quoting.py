"""The source text ``argmap quote`` searches: a catalogue's source, a scenario's source, or a
text file.

A SOURCE is taken for a file when it looks like a path (it has a ``/`` or ends in ``.txt``) or
is no source id but names an existing file; otherwise it is a source id. With a scenario, an
id is looked up among the scenario's own ``sources:`` (its file and furniture, completed from
a catalogue where the entry is a reference), and a file that is one of those sources is read
as that source. A scenario with errors elsewhere still serves its sources.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from argmap.base.diagnostics import Diagnostic, did_you_mean
from argmap.base.files import display_name, exists, is_folder, same_file
from argmap.reading import gate
from argmap.reading.parsing import positioned_parse
from argmap.scenario.fields import Id
from argmap.scenario.quotes import SourceText
from argmap.validation.load import load_scenario
from argmap.validation.sources import load_source_text

PLACEHOLDER_ID = "SOURCE-ID"
"""What a pasted quote names as its source when the text came from a file of no known source."""

_ID = TypeAdapter(Id)


@dataclass(frozen=True)
class Found:
    """A source's text, where it was read, and the id a pasted quote names it by."""

    source_id: str
    path: Path
    text: SourceText
    furniture: tuple[str, ...] = ()
    """The source's page furniture as written: passages leave it out."""


class NotFound(Exception):
    """Why no text was found; ``usage`` is True when SOURCE itself was malformed."""

    def __init__(self, diagnostics: list[Diagnostic], *, usage: bool = False) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics
        self.usage = usage


def is_source_id(text: str) -> bool:
    try:
        _ID.validate_python(text)
    except ValidationError:
        return False
    return True


def find(source: str, scenario: Path | None = None, search_path: tuple[Path, ...] = ()) -> Found:
    """The text SOURCE names, or ``NotFound``."""
    as_file = _as_file(source)
    if as_file is None and not is_source_id(source):
        raise NotFound(
            [
                Diagnostic(
                    "E204",
                    f"'{source}' is neither a source id nor a file",
                    hint="a source id is lowercase words joined by hyphens, e.g. 'act-boese-2001'; "
                    "or give the path of a text file",
                )
            ],
            usage=True,
        )
    if scenario is not None:
        return _from_scenario(source, scenario, search_path, as_file)
    if as_file is not None:
        return _from_file(as_file)
    found = load_source_text(source, None, search_path)
    if isinstance(found, list):
        raise NotFound(found)
    return Found(source, found.path, found.text, found.facts.furniture)


def _as_file(source: str) -> Path | None:
    path = Path(source)
    if "/" in source or os.sep in source or source.lower().endswith(".txt"):
        return path
    if not is_source_id(source) and exists(path):
        return path
    return None


def _from_file(path: Path, source_id: str = PLACEHOLDER_ID) -> Found:
    name = display_name(path)
    if is_folder(path):
        raise NotFound([Diagnostic("E001", "is a folder, not a text file", name)], usage=True)
    text, problems = gate.read(path, name)
    if text is None:
        hint = "a SOURCE with a '/' or a .txt ending is read as a file; a source id names a catalogue's source"
        raise NotFound([replace(d, hint=d.hint or hint) for d in problems])
    return Found(source_id, path, SourceText(text))


def _from_scenario(source: str, scenario: Path, search_path: tuple[Path, ...], as_file: Path | None) -> Found:
    loaded = load_scenario(scenario, search_path)
    if as_file is not None:
        for sid, each in loaded.sources.items():
            if same_file(each.path, as_file):
                return Found(sid, each.path, each.text, each.facts.furniture)
        return _from_file(as_file)
    if source in loaded.sources:
        each = loaded.sources[source]
        return Found(source, each.path, each.text, each.facts.furniture)
    name = display_name(scenario)
    written = _sources_as_written(scenario, name)
    if written is None:
        raise NotFound([d for d in loaded.diagnostics if d.severity == "error"])
    entries, (line, col) = written
    ids = [e.get("id") for e in entries]
    if source in ids:
        at = ids.index(source)
        about = [d for d in loaded.diagnostics if d.path[:2] == ("sources", at) and d.severity == "error"]
        raise NotFound(about or [d for d in loaded.diagnostics if d.severity == "error"])
    known = [i for i in ids if isinstance(i, str)]
    raise NotFound(
        [
            Diagnostic(
                "E101",
                f"the scenario has no source '{source}'",
                name,
                line,
                col,
                did_you_mean(source, known) or ("its sources: " + ", ".join(known) if known else "it lists no sources"),
            )
        ]
    )


def _sources_as_written(scenario: Path, name: str) -> tuple[list[dict[str, Any]], tuple[int, int]] | None:
    """The scenario's ``sources:`` entries as written and where the key stands, or None when
    the file cannot be read as data."""
    text, _ = gate.read(scenario, name)
    if text is None:
        return None
    positioned = positioned_parse(text, name)
    if positioned.diagnostics or not isinstance(positioned.data, dict):
        return None
    entries = positioned.data.get("sources")
    written = [e if isinstance(e, dict) else {} for e in entries] if isinstance(entries, list) else []
    return written, positioned.where(("sources",), key=True)
