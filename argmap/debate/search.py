"""Finding claims by the words of their text, id, speaker, topic or quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from argmap.debate.placed import PlacedScenario
from argmap.scenario.quotes import normalise

SearchField = Literal["text", "speaker", "quote", "id", "topic"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A claim matching a search, with where it matched first."""

    claim: str
    field: SearchField
    snippet: str


_FIELD_RANK: dict[SearchField, int] = {"text": 0, "id": 1, "speaker": 2, "topic": 3, "quote": 4}


class SearchIndex:
    """Each claim's searchable fields, as shown and in lower case, in timeline order."""

    def __init__(self, placed: PlacedScenario) -> None:
        self._index: list[tuple[str, tuple[tuple[SearchField, str, str], ...]]] = []
        for cid in placed.ordered:
            c = placed.claims[cid]
            fields: list[tuple[SearchField, str, str]] = [
                ("text", c.text, c.text.lower()),
                ("id", c.id, c.id.lower()),
            ]
            speaker = placed.speaker_names(cid)
            fields.append(("speaker", speaker, speaker.lower()))
            if c.topic in placed.topics:
                q = placed.topics[c.topic].question
                fields.append(("topic", q, q.lower()))
            for ev in c.evidence:
                quote = normalise(ev.quote)
                fields.append(("quote", quote, quote.lower()))
            self._index.append((cid, tuple(fields)))

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Claims whose text, id, speaker, topic or quotes contain every word of a query
        (ignoring case). Best field first, then timeline order."""
        words = [w for w in normalise(query).lower().split(" ") if w]
        if not words:
            return []
        hits: list[tuple[int, int, SearchHit]] = []
        for i, (cid, fields) in enumerate(self._index):
            joined = " ".join(low for _, _, low in fields)
            if not all(w in joined for w in words):
                continue
            best: tuple[SearchField, str] | None = None
            best_count = -1
            for field, original, low in fields:
                count = sum(w in low for w in words)
                if count > best_count or (
                    count == best_count and best is not None and _FIELD_RANK[field] < _FIELD_RANK[best[0]]
                ):
                    best, best_count = (field, original), count
            assert best is not None
            hits.append((_FIELD_RANK[best[0]] if best_count == len(words) else 9, i, SearchHit(cid, best[0], best[1])))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[:limit]]
