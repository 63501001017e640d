"""Where each claim's quotes sit in the sources' normalised text."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.debate.placed import PlacedScenario


@dataclass(frozen=True, slots=True)
class Citation:
    """A claim's quote found in a source: its span in the normalised source text."""

    claim: str
    index: int
    source: str
    start: int
    end: int


def find_citations(placed: PlacedScenario) -> dict[str, list[Citation]]:
    """Source -> every claim quote found in it, by position in its normalised text. Sources not
    loaded are left out."""
    out: dict[str, list[Citation]] = {}
    wanted: dict[str, list[tuple[str, int, str]]] = {}
    for claim in placed.scenario.claims:
        for i, ev in enumerate(claim.evidence):
            wanted.setdefault(ev.source, []).append((claim.id, i, ev.quote))
    for sid, items in wanted.items():
        loaded = placed.sources.get(sid)
        if loaded is None:
            continue
        found = loaded.text.find_many([q for _, _, q in items])
        cites = [
            Citation(cid, i, sid, m.start, m.end) for (cid, i, _), m in zip(items, found, strict=True) if m is not None
        ]
        cites.sort(key=lambda c: (c.start, c.end))
        out[sid] = cites
    return out
