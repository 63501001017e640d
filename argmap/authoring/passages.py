"""The smallest passages of a source holding some words, as the source writes them.

A passage is a run of whole clauses: text between clause marks (, ; : dashes and brackets) and
sentence ends, never past its paragraph. ``context`` widens it by that many clauses on each side.
Its text is the source's own, byte for byte, but for page furniture (which a quote may not hold)
and the white space at either end.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.reading.parsing import parse
from argmap.scenario.quotes import SourceText, normalise
from argmap.validation.nearest import paragraph_of

# In the normalised text: after a clause mark (with the closing quotes or brackets that follow
# it), or after a sentence end that a space follows.
_CLAUSE_END = re.compile(r"[,;:)][\"')\]]*|[(\u2014]|[.!?][\"')\]]*(?= )")
_TRIM = " \t\r\n,;:(\u2014\u2013-"


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage's exact text and where it starts in the source file (1-based)."""

    text: str
    line: int
    col: int


def _bounds(text: SourceText) -> list[int]:
    return [m.end() for m in _CLAUSE_END.finditer(text.text)]


def _widen(bounds: list[int], start: int, end: int, context: int, low: int, high: int) -> tuple[int, int]:
    """Clause marks around [start, end), ``context`` more on each side, inside [low, high]."""
    i = bisect.bisect_right(bounds, start) - 1 - context
    j = bisect.bisect_left(bounds, end) + context
    a = bounds[i] if i >= 0 else 0
    b = bounds[j] if j < len(bounds) else high
    return max(a, low), min(b, high)


def _exact(text: SourceText, start: int, end: int, furniture: Sequence[str]) -> str:
    """The original text of a normalised span, without page furniture or white space at its ends."""
    a, b = text.to_original(start), text.to_original(end)
    passage = text.original[a:b]
    for piece in furniture:
        if piece.strip() and piece in passage:
            passage = " ".join(part.strip() for part in passage.split(piece))
    return passage.strip(_TRIM) if passage.strip(_TRIM) else passage.strip()


def _word_spans(text: SourceText, words: str) -> list[tuple[int, int]]:
    """Where the words stand in the normalised text: the phrase, else every word in one sentence."""
    phrase = normalise(words)
    if not phrase:
        return []
    found, at = [], text.text.find(phrase)
    while at != -1:
        found.append((at, at + len(phrase)))
        at = text.text.find(phrase, at + 1)
    if found:
        return found
    wanted = [w.lower() for w in phrase.split(" ") if w]
    lower = text.text.lower()
    spans = []
    for m in re.finditer(r"[^.!?]+[.!?]*", lower):
        s, e = m.start(), m.end()
        hits = [lower.find(w, s, e) for w in wanted]
        if all(h != -1 for h in hits):
            spans.append((min(hits), max(h + len(w) for h, w in zip(hits, wanted, strict=True))))
    return spans


def passages(
    text: SourceText, words: str, context: int = 0, furniture: Sequence[str] = (), limit: int = 20
) -> list[Passage]:
    """The smallest passages holding the words, in the order of the source, one per place;
    ``furniture`` is the source's page furniture as written."""
    bounds = _bounds(text)
    out: list[Passage] = []
    seen: set[int] = set()
    for start, end in _word_spans(text, words):
        para_start, para_end = paragraph_of(text, text.to_original(start))
        low, high = text.to_normalised(para_start), text.to_normalised(para_end)
        a, b = _widen(bounds, start, end, context, low, high)
        if a in seen:
            continue
        seen.add(a)
        exact = _exact(text, a, b, furniture)
        orig = text.original.find(exact, text.to_original(a))
        line, col = text.line_col(orig if orig != -1 else text.to_original(a))
        out.append(Passage(exact, line, col))
        if len(out) >= limit:
            break
    return out


def evidence_block(source_id: str, passage: str, indent: int = 6) -> str:
    """``- source: ... / quote: ...`` to paste under ``evidence:``, its quote reading back as the
    passage exactly."""
    pad = " " * indent
    block = f"{pad}- source: {source_id}\n{pad}  quote: {yaml_text(passage, indent + 2)}"
    data, _, problems = parse(block, "evidence")
    if problems or not isinstance(data, list) or data[0].get("quote") != passage:
        block = f"{pad}- source: {source_id}\n{pad}  quote: {_quoted(passage)}"
    return block


def yaml_text(value: str, indent: int) -> str:
    """A YAML scalar that reads back as ``value`` exactly: double-quoted on one line, or a literal
    block when the passage runs over lines."""
    if "\n" in value and not any(line != line.rstrip(" \t") for line in value.split("\n")):
        pad = " " * (indent + 2)
        lines = "\n".join(pad + line if line else "" for line in value.split("\n"))
        marker = "|2-" if value.startswith((" ", "\t")) else "|-"
        return f"{marker}\n{lines}"
    return _quoted(value)


def _quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    return f'"{escaped}"'
