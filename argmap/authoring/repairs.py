"""The mechanical repairs of a scenario: what ``argmap fix`` writes and an editor offers.

Each repair sets one value of the file as written: a source's ``sha256`` to its file's hash, and a
quote that matches its source only after layout is forgiven to the source's own characters (line
breaks written as spaces). Nothing that needs judgement is repaired: a quote not found stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.base.diagnostics import Path as DataPath
from argmap.scenario.loaded import LoadedSource
from argmap.scenario.quotes import ELISION
from argmap.validation.pipeline import Validation
from argmap.validation.sources import file_sha256

EVIDENCE_SECTIONS = ("glossary", "topics", "claims", "relations", "events")
_LINE_BREAK_RUN = re.compile(r"[ \t\xa0]*\r?\n\s*")


@dataclass(frozen=True, slots=True)
class Repair:
    """Set the value at ``path`` (a data path of the file as written) to ``new``."""

    path: DataPath
    old: str | None
    """The value written there, or None when the key is missing."""
    new: str
    why: str


def _entries(data: Any, section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    items = data.get(section) if isinstance(data, dict) else None
    if isinstance(items, list):
        for i, item in enumerate(items):
            if isinstance(item, dict):
                yield i, item


def sha256_repairs(v: Validation) -> list[Repair]:
    """Each source described in the file (not a catalogue reference) whose ``sha256`` is missing,
    malformed or not its file's."""
    out = []
    for i, entry in _entries(v.data, "sources"):
        ident = entry.get("id")
        if not isinstance(ident, str) or "file" not in entry or ident not in v.sources:
            continue
        actual = file_sha256(v.sources[ident].path)
        written = entry.get("sha256")
        if actual is None or written == actual:
            continue
        why = "add the file's sha256" if written is None else "the file's sha256"
        out.append(Repair(("sources", i, "sha256"), written if isinstance(written, str) else None, actual, why))
    return out


def exact_passage(source: LoadedSource, quote: str) -> str | None:
    """The source's own text of the passage a quote matches, line breaks written as spaces; None
    when the quote is not found, elides words, or spans page furniture."""
    if ELISION.search(quote):
        return None
    text = source.text
    match = text.find(quote)
    if match is None:
        return None
    passage = text.original[text.to_original(match.start) : text.to_original(match.end)]
    passage = _LINE_BREAK_RUN.sub(" ", passage).strip()
    if any(piece.strip() and piece in passage for piece in source.facts.furniture):
        return None
    return passage if text.find(passage) == match else None


def quote_repairs(v: Validation) -> list[Repair]:
    """Each quote found in its source only after layout is forgiven: to the source's characters."""
    out = []
    for section in EVIDENCE_SECTIONS:
        for i, item in _entries(v.data, section):
            evidence = item.get("evidence")
            if not isinstance(evidence, list):
                continue
            for j, ev in enumerate(evidence):
                if not isinstance(ev, dict):
                    continue
                source, quote = ev.get("source"), ev.get("quote")
                if not isinstance(source, str) or not isinstance(quote, str) or source not in v.sources:
                    continue
                exact = exact_passage(v.sources[source], quote)
                if exact is not None and exact != quote:
                    out.append(Repair((section, i, "evidence", j, "quote"), quote, exact, "the source's own text"))
    return out


def repairs(v: Validation) -> list[Repair]:
    return sha256_repairs(v) + quote_repairs(v)


def validation_of(text: str, path: Path, search_path: tuple[Path, ...] = ()) -> Validation | None:
    """The checkers' findings on a file's text (already read through the gate), or None when the
    text is not data."""
    from argmap.reading.parsing import parse
    from argmap.validation.pipeline import validate

    data, _, problems = parse(text, path.name)
    if problems:
        return None
    return validate(data, path, search_path)
