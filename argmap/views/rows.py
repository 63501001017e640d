"""Rows of styled text: what the list widgets draw, built without touching the screen.

A row is plain text in pieces, each piece naming a *role* (``"for"``, ``"speaker"``, ...) that
the widget's CSS turns into a style. Scenario text goes into pieces as it is: it is never parsed
as markup, so ``[bold]`` in a claim shows as those characters.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from argmap.engine.labels import MARK, OFF, OFF_MARK, OFF_WORD, WORD

Piece = tuple[str, str]
"""Some text and its role ("" for plain)."""

Line = tuple[Piece, ...]

STANCE_SYMBOL = {"for": "▲", "against": "▼", "neutral": "◆", "conflicting": "±"}
NO_POSITION = "·"
NEW = "✱"
CHANGED = "Δ"
CONTRADICTION = "⚠"
FOLDED = "▸"
LABEL_MARK: dict[str, str] = {**MARK, OFF: OFF_MARK}
"""Argumentation labels: accepted, rejected, undecided; and switched off by a what-if."""
LABEL_WORD: dict[str, str] = {**WORD, OFF: OFF_WORD}


@dataclass(frozen=True, slots=True)
class Row:
    """One entry of a list; it may wrap onto several lines."""

    key: Hashable
    """Identity for caching: equal keys must mean equal pieces."""
    pieces: tuple[Piece, ...]
    target: Hashable | None = None
    """What choosing the row means (a claim id, ...); None for rows that cannot be chosen."""
    indent: int = 0
    """Where wrapped lines start."""
    role: str = ""
    """A style for the whole row."""
    wrap: bool = True
    block: tuple[Line, ...] = ()
    """Lines laid out already (a table row whose cells wrap in their columns): shown as they
    are, in place of ``pieces``, which the row still carries for searching and tests."""


_TOKENS = re.compile(r"\n|[^\S\n]+|\S+[^\S\n]*")


def text_width(text: str) -> int:
    """The cells a text takes on a terminal."""
    return len(text) if text.isascii() else cell_len(text)


_width = text_width


def _split_long(token: str, width: int) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    used = 0
    for ch in token:
        w = _width(ch)
        if used + w > width and current:
            parts.append("".join(current))
            current, used = [], 0
        current.append(ch)
        used += w
    if current:
        parts.append("".join(current))
    return parts


def wrap_pieces(pieces: Sequence[Piece], width: int, indent: int = 0) -> list[Line]:
    """Word-wrap pieces to a width, continuation lines indented; never loses a character
    other than spaces at a break."""
    width = max(width, 1)
    indent = min(indent, max(width - 8, 0))
    lines: list[Line] = []
    current: list[Piece] = []
    used = 0

    def newline() -> None:
        nonlocal current, used
        lines.append(tuple(current))
        current = [(" " * indent, "")] if indent else []
        used = indent

    for text, role in pieces:
        for m in _TOKENS.finditer(text):
            token = m.group()
            if token == "\n":
                newline()
                continue
            visible = _width(token.rstrip())
            if used + visible > width and used > indent:
                if token.isspace():
                    continue
                newline()
            if token.isspace() and used == indent and current and lines:
                continue  # no leading spaces on a wrapped line
            if visible > width - used:
                chunks = _split_long(token, width - used if used < width else width)
                for i, chunk in enumerate(chunks):
                    if i:
                        newline()
                    current.append((chunk, role))
                    used += _width(chunk)
                continue
            current.append((token, role))
            used += _width(token)
    lines.append(tuple(current))
    return lines


def truncate_pieces(pieces: Sequence[Piece], width: int) -> Line:
    """Cut pieces to a width, ending with an ellipsis when something was cut."""
    out: list[Piece] = []
    used = 0
    for text, role in pieces:
        w = _width(text)
        if used + w <= width:
            out.append((text, role))
            used += w
            continue
        room = width - used - 1
        if room > 0:
            kept = _split_long(text, room)[0] if text else ""
            out.append((kept, role))
        out.append(("…", role))
        break
    return tuple(out)


def pad(text: str, width: int) -> str:
    """Text cut or padded to exactly ``width`` cells."""
    w = _width(text)
    if w <= width:
        return text + " " * (width - w)
    return _split_long(text, max(width - 1, 1))[0] + "…"
