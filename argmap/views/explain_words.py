"""Explanations in a student's words: each claim by its speaker, date and paraphrase, each
relation by what it does, and no ids (those are for authors, shown on demand)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.views.quoting import quoted

if TYPE_CHECKING:
    from argmap.debate.index import Debate

BRIEF_WORDS = 8
"""Words of a paraphrase kept when a claim is named inside a sentence."""

FULL_CHARACTERS = 90
"""Characters of a paraphrase kept when a claim is the subject of a line."""

_NOUN = {"supports": "support", "attacks": "attack", "contradicts": "contradiction", "undercuts": "undercut"}


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip(" ,;:") + "…"


class Words:
    """``argmap.engine.explain.Names`` in words, for one debate."""

    def __init__(self, debate: Debate) -> None:
        self.debate = debate

    def _when(self, claim: str) -> str:
        date = self.debate.date_of_claim(claim)
        return date.describe() if date is not None else "undated"

    def claim(self, claim: str) -> str:
        if claim not in self.debate.claims:
            return claim
        text = _cut(" ".join(self.debate.claims[claim].text.split()), FULL_CHARACTERS)
        return f"{quoted(text)} ({self.debate.speaker_names(claim)}, {self._when(claim)})"

    def brief(self, claim: str) -> str:
        if claim not in self.debate.claims:
            return claim
        words = self.debate.claims[claim].text.split()
        text = " ".join(words[:BRIEF_WORDS]) + ("…" if len(words) > BRIEF_WORDS else "")
        return f"{quoted(text)} ({self.debate.speaker_names(claim)})"

    def this(self, claim: str) -> str:
        return "This claim"

    it = True
    listed = 4

    def relation(self, relation: str) -> str:
        rel = self.debate.relations.get(relation)
        if rel is None:
            return "a relation"
        target = self.relation(rel.to) if rel.to in self.debate.relations else self.brief(rel.to)
        return f"the {_NOUN[rel.type]} of {self.brief(rel.from_)} on {target}"

    def relations(self, relations: tuple[str, ...]) -> str:
        return ""
