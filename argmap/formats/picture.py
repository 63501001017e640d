"""What every picture of a map shares: a claim's short text, its label's mark, how each kind of
relation is drawn, and running graphviz."""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import TYPE_CHECKING, NamedTuple

from argmap.engine.labels import MARK, WORD

if TYPE_CHECKING:
    from argmap.views.selection import Selection

WRAP, LINES = 28, 4
"""A box's width in characters and its most lines: long paraphrases are cut, the full text is
in the tooltip and in the HTML page."""


class Look(NamedTuple):
    colour: str
    style: str
    """DOT edge style."""
    arrowhead: str
    word: str


LOOKS: dict[str, Look] = {
    "supports": Look("#2e7d32", "solid", "normal", "supports"),
    "attacks": Look("#c62828", "bold", "tee", "attacks"),
    "contradicts": Look("#6a1b9a", "dashed", "none", "contradicts (both ways)"),
    "undercuts": Look("#ef6c00", "dotted", "tee", "undercuts (the arrow it points at)"),
}
"""Relation type to how it is drawn, in the legend's order."""

MAX_DRAWN = 400
"""Most claims drawn as one map: beyond it a picture is neither legible nor quick to lay out."""

NO_LABEL = "–"
"""The mark of a claim with no label (switched off, or a commentator's left out)."""


class PictureError(Exception):
    """A picture could not be drawn: graphviz is missing or failed. The message says what to do."""


def short(text: str, width: int = WRAP, lines: int = LINES) -> list[str]:
    """The text wrapped to ``width``, at most ``lines`` lines, the last cut with an ellipsis."""
    wrapped = _wrap(" ".join(text.split()), width, lines + 1) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return wrapped


def _wrap(flat: str, width: int, most: int) -> list[str]:
    """Greedy wrapping of single-spaced text, a word longer than the width broken across lines;
    stops once ``most`` lines are full."""
    width = max(width, 1)
    out: list[str] = []
    line = ""
    for word in flat.split(" "):
        while len(word) > width:
            room = width - len(line) - 1 if line else width
            if room > 0:
                out.append(f"{line} {word[:room]}" if line else word[:room])
                word = word[room:]
            else:
                out.append(line)
            line = ""
            if len(out) >= most:
                return out
        if not word:
            continue
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            out.append(line)
            line = word
            if len(out) >= most:
                return out
    if line:
        out.append(line)
    return out


def mark(selection: Selection, claim: str) -> str:
    label = selection.labels.get(claim)
    return MARK[label] if label else NO_LABEL


def word(selection: Selection, claim: str) -> str:
    label = selection.labels.get(claim)
    return WORD[label] if label else "not labelled"


def side_name(selection: Selection, side: str | None) -> str:
    return "Commentators and others" if side is None else selection.actor(side).name


def groups(selection: Selection) -> list[tuple[str | None, list[str]]]:
    """The shown claims by side, in the scenario's order of sides; those of no side last."""
    return list(selection.by_side.items())


_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def tint(colour: str) -> str:
    """A pale fill for a side's colour (white for a colour given by name)."""
    if not _HEX.fullmatch(colour):
        return "#ffffff"
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * 0.85):02x}" for c in rgb)


def has_graphviz() -> bool:
    return shutil.which("dot") is not None


def render_svg(dot_text: str) -> str:
    """The DOT text drawn as SVG by graphviz's ``dot``."""
    dot = shutil.which("dot")
    if dot is None:
        raise PictureError("drawing SVG needs graphviz's 'dot': install graphviz (e.g. apt-get install graphviz)")
    try:
        done = subprocess.run([dot, "-Tsvg"], input=dot_text.encode(), capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PictureError(f"graphviz's 'dot' did not run: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise PictureError(f"graphviz's 'dot' failed: {message[0] if message else done.returncode}")
    return done.stdout.decode()
