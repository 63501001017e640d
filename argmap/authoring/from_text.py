"""A scenario started from a text: its source entry (with the text's sha256), one claim quoting
its first paragraph as a pattern, and every paragraph of substance listed as a comment to cover."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.authoring.coverage import paragraphs
from argmap.authoring.passages import evidence_block, passages
from argmap.authoring.starter import command_word, schema_location, yaml_string
from argmap.scenario.loaded import LoadedSource
from argmap.scenario.model import Source
from argmap.scenario.quotes import SourceText

_NOT_ID = re.compile(r"[^a-z0-9]+")
_TITLE_LIMIT = 100
_OPENING = 70

HEAD = """\
# yaml-language-server: $schema={schema}
# A scenario started from {source_name}. Check it with: argmap validate {command_name}
# Every key is explained in the authoring guide (docs/authoring.md).
format: 1
title: {title}
summary: >-
  What the debate is about, in a sentence or two.
licence: CC-BY-4.0

sources:
  - id: {source_id}
    title: {title}
    file: {source_file}
    sha256: {sha256}

actors:
  - {{id: speaker, name: The first speaker, kind: side}}

claims:
  - id: first-claim
    text: What the first paragraph claims, in your words.
    actor: speaker
    kind: position
    date: standing  # the date the text gives, e.g. 2001-06 or 416 BC
    evidence:
{evidence}

# The paragraphs of {source_name} to cover (argmap coverage lists those not quoted yet):
"""


def source_id(name: str) -> str:
    """An id for a source file: its name without the ending, in lowercase words and hyphens."""
    return _NOT_ID.sub("-", Path(name).stem.lower()).strip("-") or "source"


def _title(text: str, fallback: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if 0 < len(first) <= _TITLE_LIMIT else fallback


def _opening(text: SourceText, start: int) -> str:
    """The first words of a paragraph as the text writes them, on one line."""
    at = text.to_original(start)
    words = text.original[at : at + 4 * _OPENING].split()
    shown: list[str] = []
    while words and len(" ".join([*shown, words[0]])) <= _OPENING:
        shown.append(words.pop(0))
    return " ".join(shown or words[:1])


def render_from(name: str, source_file: str, text: str, sha256: str, folder: Path | None = None) -> str:
    """The scenario text for a source text named ``source_file`` (relative to the scenario),
    whose file has the hash ``sha256``."""
    ident = source_id(source_file)
    loaded = LoadedSource(Source(id=ident), Path(source_file), SourceText(text))
    paras = paragraphs(loaded)
    first = paras[0] if paras else None
    quote = None
    if first is not None:
        words = " ".join(first.preview.split(" ")[:3])
        found = passages(loaded.text, words)
        quote = found[0].text if found else None
    if quote is None:
        stripped = " ".join(text.split()[:8])
        quote = stripped or "words of the text"
    head = HEAD.format(
        schema=schema_location(folder),
        source_name=source_file,
        command_name=command_word(name),
        title=yaml_string(_title(text, Path(source_file).stem)),
        source_id=ident,
        source_file=yaml_string(source_file),
        sha256=sha256,
        evidence=evidence_block(ident, quote, indent=6),
    )
    listed = [f"#   ¶{p.number} (line {p.line}): {_opening(loaded.text, p.start)}..." for p in paras]
    return head + "\n".join(listed) + ("\n" if listed else "#   (no paragraph of a dozen words or more)\n")
