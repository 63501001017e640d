"""Which glossary terms some texts use."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.scenario.model import Scenario


def terms_in(scenario: Scenario, texts: Iterable[str]) -> list[str]:
    """Glossary terms (by their main spelling) used in some texts, in glossary order. A
    spelling in capitals (an acronym) must match its case."""
    joined = " ".join(texts)
    low = joined.lower()
    found = []
    for entry in scenario.glossary:
        for spelling in (entry.term, *entry.aliases):
            if _has_word(
                low if not spelling.isupper() else joined, spelling if spelling.isupper() else spelling.lower()
            ):
                found.append(entry.term)
                break
    return found


def _has_word(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` not inside a longer word."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(word, start + 1)
    return False
