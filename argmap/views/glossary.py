"""The glossary as rows: each term, its meaning, and whether the meaning rests on the sources
(with the words it rests on) or is background the texts do not give."""

from __future__ import annotations

from argmap.debate.index import Debate
from argmap.scenario.model import GlossaryEntry
from argmap.views.quoting import quoted
from argmap.views.rows import Piece, Row

BASIS_WORD = {"sources": "From the sources", "background": "Background, not from the sources"}
"""How each basis is named to the reader."""


def basis_pieces(debate: Debate, entry: GlossaryEntry) -> tuple[Piece, ...]:
    """The line under a meaning that says what it rests on."""
    if entry.basis == "background" or not entry.evidence:
        return ((BASIS_WORD["background"], "label"),)
    pieces: list[Piece] = [(BASIS_WORD["sources"] + ":", "label")]
    for ev in entry.evidence:
        source = debate.sources.get(ev.source)
        title = source.facts.title if source is not None and source.facts.title else ev.source
        pieces += [("\n“", "dim"), (quoted(ev.quote)[1:-1], "quote"), ("”  — ", "dim"), (title, "speaker")]
    return tuple(pieces)


def glossary_rows(debate: Debate) -> list[Row]:
    """Every entry in glossary order, a blank row after each; choosing an entry names its term."""
    rows: list[Row] = []
    for entry in debate.scenario.glossary:
        pieces: list[Piece] = [(entry.term, "title")]
        if entry.aliases:
            pieces.append(("  also " + ", ".join(entry.aliases), "dim"))
        pieces.append(("\n" + entry.meaning, ""))
        pieces.append(("\n", ""))
        pieces += basis_pieces(debate, entry)
        rows.append(Row(("term", entry.term), tuple(pieces), target=entry.term, indent=2))
        rows.append(Row(("gap", entry.term), ((" ", ""),)))
    return rows
