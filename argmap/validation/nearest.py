"""The passage of a source nearest a quote that was not found, within one paragraph, and where
the two first part.

What the author sees is the source's own text, byte for byte, so that what they copy from the
hint is what the source says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.scenario.quotes import ELISION, SourceText, normalise

_BLANK_LINE = re.compile(r"\n[ \t\xa0]*\n")
_WORDS_SHOWN = 4


@dataclass(frozen=True, slots=True)
class Nearest:
    """A passage of the source (its exact text and where it starts) and the first difference."""

    passage: str
    line: int
    col: int
    same: str
    """The words the quote and the passage share just before they part (normalised)."""
    quote_has: str
    """What the quote has where they part (empty when the quote stops first)."""
    source_has: str
    """What the source has there (empty when the passage stops first)."""

    def hint(self) -> str:
        """Two lines for a diagnostic: the passage, and where the quote leaves it."""
        one_line = " ".join(self.passage.split())
        first = f'closest passage in the source (line {self.line}): "{one_line}"'
        if not self.quote_has and not self.source_has:
            return first
        before = f'after "{self.same}"' if self.same else "at its start"
        quote = f'"{self.quote_has}"' if self.quote_has else "nothing more"
        source = f'"{self.source_has}"' if self.source_has else "nothing more"
        return f"{first}\nthe quote first differs {before}: it has {quote}, the source {source}"


def paragraph_of(text: SourceText, pos: int) -> tuple[int, int]:
    """The paragraph (between blank lines) around an offset of the original text."""
    start, end = 0, len(text.original)
    for m in _BLANK_LINE.finditer(text.original):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _anchor(text: SourceText, target: str) -> int | None:
    """Where the quote would start in the normalised source, by votes of its runs of three words."""
    words = target.split(" ")
    width = min(3, len(words))
    votes: dict[int, int] = {}
    for i in range(len(words) - width + 1):
        gram = " ".join(words[i : i + width])
        offset = len(" ".join(words[:i])) + (1 if i else 0)
        start = text.text.find(gram)
        seen = 0
        while start != -1 and seen < 50:
            votes[start - offset] = votes.get(start - offset, 0) + 1
            start = text.text.find(gram, start + 1)
            seen += 1
    if not votes:
        return None
    return max(votes, key=lambda k: (votes[k], -k))


def _words_before(text: str, at: int) -> str:
    return " ".join(text[:at].split(" ")[-_WORDS_SHOWN - 1 :]).strip()


def _words_from(text: str, at: int) -> str:
    return " ".join(text[at:].split()[:_WORDS_SHOWN])


def nearest(text: SourceText, quote: str) -> Nearest | None:
    """The passage most like ``quote``, kept inside its paragraph, or None when none shares three
    words in a row with it."""
    target = normalise(ELISION.sub(" ", quote))
    if not target:
        return None
    best = _anchor(text, target)
    if best is None:
        return None
    para_start, para_end = paragraph_of(text, text.to_original(max(best, 0)))
    low, high = text.to_normalised(para_start), text.to_normalised(para_end)
    start = max(best, low)
    start = text.text.rfind(" ", low, start + 1) + 1 if start > low else low
    while start < high and text.text[start] == " ":
        start += 1
    end = text.text.find(" ", min(start + len(target), high), high)
    end = high if end == -1 else end
    shown = text.text[start:end].strip()
    orig_start, orig_end = text.to_original(start), text.to_original(start + len(shown))
    passage = text.original[orig_start:orig_end].strip()
    line, col = text.line_col(orig_start)
    at = 0
    while at < min(len(target), len(shown)) and target[at] == shown[at]:
        at += 1
    word_start = target.rfind(" ", 0, at) + 1 if at < len(target) or at < len(shown) else at
    rest = text.original[text.to_original(start + word_start) : orig_end] if word_start < len(shown) else ""
    return Nearest(
        passage,
        line,
        col,
        _words_before(target, word_start),
        _words_from(target, word_start),
        _words_from(rest, 0),
    )
