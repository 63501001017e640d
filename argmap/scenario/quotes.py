"""Verbatim quotes: normalising layout, finding quotes in a source, and the passages around them.

A quote matches its source when the two are equal after normalising *layout only*: runs of
whitespace and line breaks become one space; a hyphen or dash at a line end joins the next line
(the hyphen stays: "US-" then "Russian" reads "US-Russian"); curly quotes and apostrophes become
straight ones; "--", en and em dashes become one dash; the ellipsis character becomes "...".
Spelling and case are never touched. Declared page furniture is cut out of the source before
matching, and ``[...]`` in a quote stands for omitted words (at most ``MAX_GAP`` characters).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

ELISION = re.compile(r"\s*\[(?:\.\.\.|…)\]\s*")
MAX_GAP = 400
"""The most normalised characters an elision ``[...]`` may stand for."""

# Sources larger than this many characters times quotes are searched with an index.
_INDEX_THRESHOLD = 5_000_000
_KEY_CHARS = 24

# Two implementations of one normalisation: ``_layout_free`` runs in a few passes of C code and
# serves validation; ``_LAYOUT`` works match by match so offsets can be mapped back to the
# original text (for line numbers, coverage and the source reader). A test keeps them equal.
_HYPHENS = "-\u2010\u2011"
_LAYOUT = re.compile(
    rf"(?P<brk>[{_HYPHENS}]{{2,}}|[{_HYPHENS}\u2012\u2013\u2014\u2015])[ \t\xa0]*\r?\n\s*"
    r"|(?P<ws>[^\S ]\s*| \s+)"
    rf"|(?P<dash>[{_HYPHENS}]{{2,}}|[\u2012\u2013\u2014\u2015])"
    r"|(?P<hy>[\u2010\u2011])"
    r"|(?P<q2>[\u201c\u201d\u201e\u201f\u2033])"
    r"|(?P<q1>[\u2018\u2019\u201a\u201b\u2032])"
    r"|(?P<ell>\u2026)"
)


def _dash(run: str) -> str:
    return "-" if len(run) == 1 and run in _HYPHENS else "\u2014"


def _replacement(m: re.Match[str]) -> str:
    kind = m.lastgroup
    if kind == "brk":
        return _dash(m.group("brk"))
    if kind == "ws":
        return " "
    if kind == "dash":
        return "\u2014"
    if kind == "hy":
        return "-"
    if kind == "q2":
        return '"'
    if kind == "q1":
        return "'"
    return "..."


# A dash at a line end joins the next line: one pattern a dash, as a pattern that starts with
# one character is searched for much faster than one that starts with a choice of two.
_LINE_END_HYPHEN = re.compile(r"-[ \t\xa0]*\r?\n\s*")
_LINE_END_EM_DASH = re.compile(r"\u2014[ \t\xa0]*\r?\n\s*")
_CHARS = {
    "\u2010": "-",
    "\u2011": "-",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u2026": "...",
    "\u2012": "\u2014",
    "\u2013": "\u2014",
    "\u2015": "\u2014",
}
# Replaced one character at a time where it occurs, which is much faster than ``str.translate``
# on a text that is not ASCII, and the same: no replacement holds a character that is replaced.
_REPLACED = tuple(_CHARS.items())
_DASH_RUN = re.compile(r"--+")


def layout_free(text: str) -> str:
    """The normalised text, fast (no offsets)."""
    # Single dashes become an em dash here, runs of hyphens below; every character replaced
    # here is outside ASCII.
    if not text.isascii():
        for char, replacement in _REPLACED:
            if char in text:
                text = text.replace(char, replacement)
    if "--" in text:
        text = _DASH_RUN.sub("\u2014", text)
    if "\n" in text:
        text = _LINE_END_HYPHEN.sub("-", text)
        if "\u2014" in text:
            text = _LINE_END_EM_DASH.sub("\u2014", text)
    # Runs of white space become one space: split and join is the same as the regex, faster,
    # but drops white space at either end, which the regex keeps as one space.
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def layout_free_mapped(text: str) -> tuple[str, list[int], list[int]]:
    """The normalised text with anchors: (normalised, original) offsets where they stop running
    in step; between anchors the two advance together."""
    pieces: list[str] = []
    norm_at, orig_at = [0], [0]
    n = o = 0
    for m in _LAYOUT.finditer(text):
        pieces.append(text[o : m.start()])
        n += m.start() - o
        rep = _replacement(m)
        pieces.append(rep)
        n += len(rep)
        o = m.end()
        norm_at.append(n)
        orig_at.append(o)
    pieces.append(text[o:])
    return "".join(pieces), norm_at, orig_at


def normalise(text: str) -> str:
    """The layout-free form of a quote (or of any text)."""
    return layout_free(text).strip()


def _normalise_all(groups: list[list[str]]) -> list[list[str]]:
    """``normalise`` over many texts in one pass: NUL (which no text read through the gate can
    hold, and which no layout rule touches) keeps them apart."""
    flat = [t for g in groups for t in g]
    if not flat:
        return [[] for _ in groups]
    joined = "\x00".join(flat)
    if joined.count("\x00") != len(flat) - 1:  # a text holds a NUL of its own
        return [[normalise(t) for t in g] for g in groups]
    done = [p.strip() for p in layout_free(joined).split("\x00")]
    out, at = [], 0
    for g in groups:
        out.append(done[at : at + len(g)])
        at += len(g)
    return out


def _furniture_spans(text: str, passage: str) -> list[tuple[int, int]]:
    """Where a furniture passage occurs, each with the space before it."""
    spans = []
    start = text.find(passage)
    while start != -1:
        a = start - 1 if start > 0 and text[start - 1] == " " else start
        spans.append((a, start + len(passage)))
        start = text.find(passage, start + len(passage))
    return spans


@dataclass(frozen=True, slots=True)
class Match:
    """Where a quote was found, as a span of the normalised source."""

    start: int
    end: int


class SourceText:
    """A source document, normalised once; offsets map back to the original on demand."""

    def __init__(self, original: str, furniture: Sequence[str] = ()) -> None:
        self.original = original
        self._furniture = [p for p in (normalise(f) for f in furniture) if p]
        text = layout_free(original)
        for passage in self._furniture:
            for a, b in reversed(_furniture_spans(text, passage)):
                text = text[:a] + text[b:]
        self.text = text
        self._anchors: tuple[list[int], list[int]] | None = None

    def _mapped(self) -> tuple[list[int], list[int]]:
        if self._anchors is None:
            text, norm_at, orig_at = layout_free_mapped(self.original)
            for passage in self._furniture:
                for a, b in reversed(_furniture_spans(text, passage)):
                    orig_b = self._orig_of(norm_at, orig_at, b)
                    text = text[:a] + text[b:]
                    cut = b - a
                    i = bisect.bisect_right(norm_at, a)
                    kept = [(x - cut, y) for x, y in zip(norm_at[i:], orig_at[i:], strict=True) if x >= b]
                    norm_at[i:] = [a, *(x for x, _ in kept)]
                    orig_at[i:] = [orig_b, *(y for _, y in kept)]
            assert text == self.text, "the two normalisations disagree"
            self._anchors = (norm_at, orig_at)
        return self._anchors

    def _orig_of(self, norm_at: list[int], orig_at: list[int], pos: int) -> int:
        i = bisect.bisect_right(norm_at, pos) - 1
        return min(orig_at[i] + (pos - norm_at[i]), len(self.original))

    def to_original(self, pos: int) -> int:
        """Original offset of a normalised offset."""
        norm_at, orig_at = self._mapped()
        return self._orig_of(norm_at, orig_at, pos)

    def to_normalised(self, pos: int) -> int:
        """Normalised offset of an original offset (the nearest one inside replaced layout)."""
        norm_at, orig_at = self._mapped()
        i = bisect.bisect_right(orig_at, pos) - 1
        nxt = norm_at[i + 1] if i + 1 < len(norm_at) else len(self.text)
        return min(norm_at[i] + (pos - orig_at[i]), nxt)

    def line_col(self, orig_pos: int) -> tuple[int, int]:
        line = self.original.count("\n", 0, orig_pos) + 1
        col = orig_pos - (self.original.rfind("\n", 0, orig_pos) + 1) + 1
        return line, col

    # --- finding quotes -------------------------------------------------------------------

    def find(self, quote: str) -> Match | None:
        return self.find_many([quote])[0]

    def find_many(self, quotes: Sequence[str]) -> list[Match | None]:
        """Find each quote; costs about the source length plus the quotes' length."""
        return [Match(*span) if span is not None else None for span in self.spans(quotes)]

    def spans(self, quotes: Sequence[str]) -> list[tuple[int, int] | None]:
        """``find_many`` as (start, end) pairs: for a caller that asks only which are found."""
        parts = [[p for p in ps if p] for ps in _normalise_all([ELISION.split(q) if "[" in q else [q] for q in quotes])]
        firsts = [ps[0] if ps else "" for ps in parts]
        if len(quotes) * len(self.text) > _INDEX_THRESHOLD:
            candidates = self._indexed_candidates(firsts)
        else:
            candidates = [self._scan(f) for f in firsts]
        return [self._complete(ps, c) for ps, c in zip(parts, candidates, strict=True)]

    def _scan(self, first: str) -> list[int]:
        if not first:
            return []
        found, start = [], self.text.find(first)
        while start != -1:
            found.append(start)
            start = self.text.find(first, start + 1)
        return found

    def _indexed_candidates(self, firsts: Sequence[str]) -> list[list[int]]:
        from ahocorasick_rs import AhoCorasick, Implementation

        keys = dict.fromkeys(f[:_KEY_CHARS] for f in firsts if f)
        if not keys:
            return [[] for _ in firsts]
        numbers = {key: number for number, key in enumerate(keys)}
        # Every occurrence of every key, overlapping ones too, by character offset; each key has
        # one length, so its starts come in order.
        automaton = AhoCorasick(list(numbers), implementation=Implementation.ContiguousNFA)
        hits: list[list[int]] = [[] for _ in numbers]
        for number, start, _ in automaton.find_matches_as_indexes(self.text, overlapping=True):
            hits[number].append(start)
        text = self.text
        return [[s for s in hits[numbers[f[:_KEY_CHARS]]] if text.startswith(f, s)] if f else [] for f in firsts]

    def _complete(self, parts: list[str], starts: list[int]) -> tuple[int, int] | None:
        if len(parts) == 1 and starts:  # no elision: the first place it starts is the match
            return starts[0], starts[0] + len(parts[0])
        for start in starts:
            end = start + len(parts[0])
            for part in parts[1:]:
                nxt = self.text.find(part, end, end + MAX_GAP + len(part))
                if nxt == -1:
                    break
                end = nxt + len(part)
            else:
                return start, end
        return None

    # --- helping authors ------------------------------------------------------------------

    def closest(self, quote: str) -> str | None:
        """The passage of the source most like a quote that was not found."""
        target = normalise(ELISION.sub(" ", quote))
        words = target.split(" ")
        votes: dict[int, int] = {}
        width = 3 if len(words) >= 3 else len(words)
        for i in range(len(words) - width + 1):
            gram = " ".join(words[i : i + width])
            offset = len(" ".join(words[:i])) + (1 if i else 0)
            for pos in self._scan(gram)[:50]:
                votes[pos - offset] = votes.get(pos - offset, 0) + 1
        if not votes:
            return None
        best = max(votes, key=lambda k: (votes[k], -k))
        start = self.text.rfind(" ", 0, max(best, 0) + 1) + 1
        end = self.text.find(" ", start + len(target) + 12)
        return self.text[start : end if end != -1 else len(self.text)].strip()

    def passages(self, words: str, limit: int = 20) -> list[tuple[int, str]]:
        """Sentences containing a phrase, as (line, pastable text); falls back to all words."""
        phrase = normalise(words)
        starts = self._scan(phrase)
        if not starts:
            wanted = [w.lower() for w in phrase.split(" ") if w]
            starts = [s for s, e in self._sentences() if all(w in self.text[s:e].lower() for w in wanted)]
        out: list[tuple[int, str]] = []
        seen: set[int] = set()
        for pos in starts:
            s, e = self._sentence_around(pos)
            if s in seen:
                continue
            seen.add(s)
            out.append((self.line_col(self.to_original(s))[0], self.text[s:e]))
            if len(out) >= limit:
                break
        return out

    def _sentences(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in re.finditer(r"(?<=[.!?])[\"']? (?=[A-Z\"'])", self.text):
            spans.append((start, m.end() - 1))
            start = m.end()
        spans.append((start, len(self.text)))
        return spans

    def _sentence_around(self, pos: int) -> tuple[int, int]:
        for s, e in self._sentences():
            if s <= pos < e:
                return s, e
        return pos, len(self.text)
