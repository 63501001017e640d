"""Kialo discussion exports (plain text) to a scenario draft.

Two layouts exist. The old one: ``Discussion Title: ...``, then one claim a line,
``1.2.1. Con: text``. The new one: ``Discussion Name:`` and the title on the next line, each
claim as a header line (``  1.2. Pro:``, two spaces a level) and its text below, a top
``1. Question:`` above several ``1.x. Thesis:`` in a multi-thesis discussion, and a ``Sources:``
list of ``[n] url`` entries (often with an excerpt) that the texts cite by ``[n]``.

Kialo names no speakers, so claims are given to two sides made from the tree: a claim is for
its thesis when the path from the thesis holds an even number of cons, against it otherwise.
Each thesis is a claim on a topic (the discussion's question), each pro supports its parent and
each con attacks it; ``-> See 1.2.3.`` is a relation from the existing claim 1.2.3. The file
itself is the source, so every claim's quote is its text as it stands in the file, and each
footnote ``[n]`` adds its ``Sources:`` entry as a further quote.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from argmap.base.diagnostics import Diagnostic
from argmap.formats.draft import Draft, slug
from argmap.reading.gate import find_forbidden, forbidden_character

_HEADER = re.compile(
    r"^(?P<indent>[ \t]*)(?P<number>\d+(?:\.\d+)*)\.[ \t]+(?:(?P<label>Pro|Con|Thesis|Question):)?[ \t]*(?P<rest>.*)$"
)
_SEE = re.compile(r"^->[ \t]*See[ \t]+(?P<number>\d+(?:\.\d+)*)\.?[ \t]*$")
_FOOTNOTE = re.compile(r"[ \t]*\[(\d+)\]")
_ENTRY = re.compile(r"^\[(\d+)\][ \t]*")
# Kialo writes Markdown, escaping the characters Markdown would read.
_ESCAPE = re.compile(r"\\([\\()\[\]*_`#])")
_MAX_TEXT = 20_000
"""The longest text the scenario format holds."""


@dataclass
class _Entry:
    number: str
    label: str  # Pro, Con, Thesis, Question, or "" for the old layout's thesis
    line: int
    col: int
    lines: list[str] = field(default_factory=list)

    @property
    def raw(self) -> str:
        return "\n".join(line.strip() for line in self.lines).strip()

    @property
    def parent(self) -> str:
        return self.number.rpartition(".")[0]


def read(text: str, name: str) -> Draft:
    """A Kialo export's text to a draft; what cannot be read is reported, located, and left out."""
    problems: list[Diagnostic] = []
    bad = find_forbidden(text)
    if bad >= 0:  # the reading gate refuses these in files; text handed in directly is held to the same
        line = text.count("\n", 0, bad) + 1
        col = bad - (text.rfind("\n", 0, bad) + 1) + 1
        draft = Draft(title=PurePosixPath(name).stem or "Kialo discussion", summary="not imported")
        draft.problems.append(forbidden_character(text[bad], name, line, col))
        return draft
    lines = text.split("\n")
    title, start = _title(lines, name, problems)
    entries, sources, body_end = _entries(lines, start, name, problems)
    draft = Draft(
        title=title or PurePosixPath(name).stem or "Kialo discussion",
        summary=f"Imported from the Kialo discussion '{title or name}'.",
    )
    draft.problems = problems
    if not entries:
        where = len(lines) if text.strip() else 1
        message = "the discussion holds no claims" if text.strip() else "the file is empty"
        problems.append(
            Diagnostic(
                "E004", message, name, where, 1, hint="a Kialo export lists its claims as '1. ...', '1.1. Pro: ...'"
            )
        )
        return draft
    _Builder(draft, name, text, title, entries, sources, body_end).build()
    return draft


def _title(lines: list[str], name: str, problems: list[Diagnostic]) -> tuple[str, int]:
    """The discussion's title and the index of the line after it."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return "", len(lines)
    head, sep, rest = lines[first].strip().partition(":")
    if not sep or head not in ("Discussion Title", "Discussion Name"):
        problems.append(
            Diagnostic(
                "E005",
                "not a Kialo export: it begins with neither 'Discussion Title:' nor 'Discussion Name:'",
                name,
                first + 1,
                1,
                hint="export the discussion from Kialo as text",
            )
        )
        return "", first
    if rest.strip():
        return _unescape(rest.strip()), first + 1
    after = first + 1
    if after < len(lines) and lines[after].strip() and not _HEADER.match(lines[after]):
        return _unescape(lines[after].strip()), after + 1
    return "", after


def _entries(
    lines: list[str], start: int, name: str, problems: list[Diagnostic]
) -> tuple[list[_Entry], dict[str, tuple[int, str]], int]:
    """The numbered entries in file order; the Sources entries (number -> line, text); the
    index of the line that ends the discussion's body."""
    entries: list[_Entry] = []
    current: _Entry | None = None
    body_end = len(lines)
    for i in range(start, len(lines)):
        line = lines[i]
        if line.strip() == "Sources:" and not line[:1].isspace():
            body_end = i
            break
        m = _HEADER.match(line)
        if m and (m.group("label") or "." not in m.group("number")):
            current = _Entry(m.group("number"), m.group("label") or "", i + 1, len(m.group("indent")) + 1)
            if m.group("rest").strip():
                current.lines.append(m.group("rest"))
            entries.append(current)
        elif current is not None:
            current.lines.append(line)
        elif line.strip():
            problems.append(
                Diagnostic("E005", "text before the first numbered claim", name, i + 1, 1, hint="a claim begins '1. '")
            )
    sources: dict[str, tuple[int, str]] = {}
    number, first = "", 0
    chunk: list[str] = []
    for i in range(body_end + 1, len(lines) + 1):
        m = _ENTRY.match(lines[i]) if i < len(lines) else None
        if i == len(lines) or m:
            if number:
                sources.setdefault(number, (first + 1, "\n".join(chunk).strip()))
            if m:
                number, first, chunk = m.group(1), i, [lines[i]]
        elif number:
            chunk.append(lines[i])
    return entries, sources, body_end


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


class _Builder:
    def __init__(
        self,
        draft: Draft,
        name: str,
        text: str,
        title: str,
        entries: list[_Entry],
        sources: dict[str, tuple[int, str]],
        body_end: int,
    ) -> None:
        self.draft, self.name, self.title = draft, name, title
        self.entries = entries
        self.sources = sources
        stem = PurePosixPath(name).stem
        file = f"{slug(stem, 'kialo')}.kialo.txt"
        self.source = draft.add_source(
            title or stem,
            file,
            text,
            publisher="Kialo",
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )
        self.for_side = draft.add_actor(
            "For the thesis", "side", note="the thesis and every claim with an even number of cons above it"
        )
        self.against_side = draft.add_actor(
            "Against the thesis", "side", note="every claim with an odd number of cons above it"
        )
        self.by_number: dict[str, _Entry] = {}
        self.claim_of: dict[str, str] = {}
        """Kialo number -> claim id (for claims made) ."""
        self.topic_of: dict[str, str] = {}
        """Kialo number of a question -> its topic id."""
        self.against: dict[str, bool] = {}
        self.dropped: set[str] = set()

    def problem(self, code: str, message: str, entry: _Entry, hint: str | None = None) -> None:
        self.draft.problems.append(Diagnostic(code, message, self.name, entry.line, entry.col, hint=hint))

    def build(self) -> None:
        sees: list[tuple[_Entry, str]] = []
        for entry in self.entries:
            if entry.number in self.by_number:
                first = self.by_number[entry.number]
                self.problem("E005", f"{entry.number}. is numbered twice (first at line {first.line})", entry)
                continue
            self.by_number[entry.number] = entry
            if self.place(entry, sees):
                continue
            self.dropped.add(entry.number)
        for entry, parent in sees:
            self.see(entry, parent)
        self.draft.note(
            "Kialo names no speakers: the claims are given to two sides, 'for the thesis' (the thesis "
            "and every claim with an even number of cons on its path up to the thesis) and 'against the "
            "thesis' (an odd number); name the real speakers if the discussion has them"
        )
        self.draft.note(
            "Kialo exports carry no dates: give each claim a 'date' (or 'date: standing') "
            "and the source its 'published' date"
        )

    def place(self, entry: _Entry, sees: list[tuple[_Entry, str]]) -> bool:
        """Add the entry's claim, topic or pending cross-link; False when it is left out."""
        raw = entry.raw
        if "." not in entry.number:
            if entry.label == "Question":
                self.topic_of[entry.number] = self.add_topic(raw or self.title)
                return True
            if entry.label not in ("", "Thesis"):
                self.problem("E005", f"the top claim {entry.number}. is a {entry.label.lower()}", entry)
            return self.thesis(entry, self.add_topic(self.title or _unescape(raw)))
        parent = entry.parent
        if parent in self.dropped:
            return False  # its parent was reported already
        if parent not in self.by_number:
            self.problem(
                "E005",
                f"{entry.number}. skips a level: there is no {parent}. above it",
                entry,
                hint="number each claim under the one it answers",
            )
            return False
        if parent in self.topic_of:
            return self.thesis(entry, self.topic_of[parent])
        if entry.label not in ("Pro", "Con"):
            self.problem(
                "E005",
                f"{entry.number}. is a {entry.label.lower() or 'claim'} under a claim; "
                "only pros and cons answer claims",
                entry,
            )
            return False
        if parent not in self.claim_of:
            self.problem("E005", f"{entry.number}. answers a cross-link, not a claim", entry)
            return False
        see = _SEE.match(raw)
        if see:
            sees.append((entry, see.group("number")))
            return True
        self.against[entry.number] = self.against[parent] ^ (entry.label == "Con")
        claim = self.claim(entry, self.against_side if self.against[entry.number] else self.for_side)
        if claim is None:
            return False
        self.draft.add_relation("supports" if entry.label == "Pro" else "attacks", claim, self.claim_of[parent])
        return True

    def thesis(self, entry: _Entry, topic: str) -> bool:
        self.against[entry.number] = False
        return self.claim(entry, self.for_side, topic=topic, stance="for") is not None

    def add_topic(self, question: str) -> str:
        topic_id = self.draft.new_id(f"topic {question}", "topic")
        self.draft.topics.append({"id": topic_id, "question": question[:_MAX_TEXT]})
        return topic_id

    def claim(self, entry: _Entry, actor: str, **facts: str) -> str | None:
        raw = entry.raw
        text = _unescape(_FOOTNOTE.sub("", raw) if self.sources else raw).strip()
        if not text:
            self.problem("E005", f"{entry.number}. has no text", entry, hint="write the claim below its number")
            return None
        evidence = [
            {"source": self.source, "quote": quote}
            for n in dict.fromkeys(_FOOTNOTE.findall(raw))
            if (quote := self.footnote(n)) is not None
        ]
        # The discussion's own number, to find the claim in Kialo again.
        claim_id = self.draft.add_claim(text, actor, self.source, raw, note=f"Kialo {entry.number}.", **facts)
        if evidence:
            self.draft.claims[-1]["evidence"].extend(evidence)
        self.claim_of[entry.number] = claim_id
        return claim_id

    def footnote(self, number: str) -> str | None:
        """The quote for a footnote: its Sources entry as it stands, or its first line when long."""
        found = self.sources.get(number)
        if found is None:
            return None
        quote = found[1]
        return quote if len(quote) <= _MAX_TEXT else quote.splitlines()[0][:_MAX_TEXT]

    def see(self, entry: _Entry, target: str) -> None:
        parent = self.claim_of[entry.parent]
        if target not in self.claim_of:
            known = self.by_number.get(target)
            why = "is not a claim" if known is not None else "is not in the discussion"
            self.problem(
                "E101",
                f"{entry.number}. links to {target}., which {why}",
                entry,
                hint="a cross-link '-> See n.' names the number of a claim in the same discussion",
            )
            return
        source = self.claim_of[target]
        if source == parent:
            self.problem("E108", f"{entry.number}. links its own parent {target}. to itself", entry)
            return
        self.draft.add_relation("supports" if entry.label == "Pro" else "attacks", source, parent)
