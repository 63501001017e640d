"""Which paragraphs of each source a scenario quotes, and which it does not yet."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.scenario.loaded import Loaded, LoadedSource
from argmap.scenario.model import Claim, Event, Relation
from argmap.scenario.quotes import normalise

MIN_WORDS = 12
"""Shorter blocks (titles, headings, bylines, page numbers) are not paragraphs of substance."""

_BLANK = re.compile(r"\n[ \t\xa0]*\n")
_ENDS_SENTENCE = re.compile(r"[.!?:\"'\u201d\u2019)\]]$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int
    line: int
    start: int  # in the normalised text
    end: int
    preview: str


def paragraphs(source: LoadedSource) -> list[Paragraph]:
    """Paragraphs of substance; a paragraph broken by page furniture counts once."""
    text = source.text
    furniture = {normalise(f) for f in source.facts.furniture}
    blocks: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK.finditer(text.original + "\n\n"):
        if text.original[pos : m.start()].strip():
            blocks.append((pos, m.start()))
        pos = m.end()
    merged: list[list[int]] = []
    for a, b in blocks:
        body = normalise(text.original[a:b])
        if len(body.split(" ")) < MIN_WORDS or any(body in f for f in furniture):
            continue
        if merged and not _ENDS_SENTENCE.search(normalise(text.original[merged[-1][0] : merged[-1][1]])):
            merged[-1][1] = b
        else:
            merged.append([a, b])
    out = []
    for n, (a, b) in enumerate(merged, 1):
        start, end = text.to_normalised(a), text.to_normalised(b)
        # The opening as the source writes it (its dashes and quotation marks), on one line.
        preview = " ".join(text.original[a : min(b, a + 4 * 70)].split())[:70].strip()
        out.append(
            Paragraph(
                n,
                text.line_col(a + len(text.original[a:b]) - len(text.original[a:b].lstrip()))[0],
                start,
                end,
                preview,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class SourceCoverage:
    source: str
    paragraphs: tuple[Paragraph, ...]
    quoted: frozenset[int]

    @property
    def missing(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.number not in self.quoted]


def coverage(loaded: Loaded) -> list[SourceCoverage]:
    """Per source, its paragraphs and the numbers of those some quote falls in."""
    assert loaded.scenario is not None
    quotes: dict[str, list[str]] = {}
    s = loaded.scenario
    items: tuple[Claim | Relation | Event, ...] = (*s.claims, *s.relations, *s.events)
    for item in items:
        for ev in item.evidence:
            quotes.setdefault(ev.source, []).append(ev.quote)
    result = []
    for source_id, source in loaded.sources.items():
        paras = paragraphs(source)
        quoted: set[int] = set()
        for match in source.text.find_many(quotes.get(source_id, [])):
            if match is None:
                continue
            for p in paras:
                if match.start < p.end and match.end > p.start:
                    quoted.add(p.number)
        result.append(SourceCoverage(source_id, tuple(paras), frozenset(quoted)))
    return result
