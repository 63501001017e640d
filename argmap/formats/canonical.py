"""The canonical JSON export: a scenario fully resolved, the stable interface for other tools.

Sources carry their catalogue facts; dates are resolved with their precision; every claim has
its step in the debate's total order and its side. Documented in docs/export.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.debate.timeline import build_timeline
from argmap.formats import json_text
from argmap.scenario.dates import FuzzyDate
from argmap.scenario.loaded import Loaded
from argmap.scenario.model import FORMAT_VERSION
from argmap.scenario.sides import side_of

if TYPE_CHECKING:
    from argmap.views.selection import Selection

EXPORT_VERSION = 1


def export(loaded: Loaded) -> dict[str, Any]:
    s = loaded.scenario
    assert s is not None, "export needs a valid scenario"
    timeline = build_timeline(s)
    parents = {a.id: a.parent for a in s.actors}
    kinds = {a.id: a.kind for a in s.actors}

    def evidence(items: Any) -> list[dict[str, str]]:
        return [{"source": e.source, "quote": e.quote} for e in items]

    sources = []
    for src in s.sources:
        loaded_source = loaded.sources[src.id]
        facts = loaded_source.facts
        sources.append(
            {
                "id": src.id,
                "title": facts.title,
                "author": facts.author,
                "publisher": facts.publisher,
                "published": FuzzyDate.parse(facts.published).to_json() if facts.published else None,
                "url": facts.url,
                "file": facts.file,
                "sha256": facts.sha256,
                "note": facts.note,
            }
        )
    event_step = {st.event: st.index for st in timeline.steps if st.event}
    speaker = {c.id: c.actor for c in s.claims}
    return {
        "argmap_export": EXPORT_VERSION,
        "format": FORMAT_VERSION,
        "title": s.title,
        "summary": s.summary,
        "licence": s.licence,
        "authors": list(s.authors),
        "glossary": [g.model_dump(mode="json") for g in s.glossary],
        "sources": sources,
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "parent": a.parent,
                "side": side_of(a.id, parents, kinds),
                "role": a.role,
                "colour": a.colour,
                "note": a.note,
            }
            for a in s.actors
        ],
        "topics": [{"id": t.id, "question": t.question, "short": t.short, "note": t.note} for t in s.topics],
        "events": [
            {
                "id": e.id,
                "title": e.title,
                "date": FuzzyDate.parse(e.date).to_json(),
                "step": event_step[e.id],
                "actors": list(e.actors),
                "note": e.note,
                "evidence": evidence(e.evidence),
            }
            for e in s.events
        ],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "actor": c.actor,
                "side": side_of(c.actor, parents, kinds),
                "with": list(c.with_),
                "date": timeline.claim_date[c.id].to_json(),
                "step": timeline.claim_step[c.id],
                "event": c.event,
                "topic": c.topic,
                "stance": c.stance,
                "kind": c.kind,
                "tags": list(c.tags),
                "note": c.note,
                "evidence": evidence(c.evidence),
            }
            for c in s.claims
        ],
        "relations": [
            {
                "id": r.id,
                "type": r.type,
                "from": r.from_,
                "to": r.to,
                "by": r.by or speaker[r.from_],
                "note": r.note,
                "evidence": evidence(r.evidence),
            }
            for r in s.relations
        ],
        "steps": [
            {
                "index": st.index,
                "label": st.label,
                "date": st.date.to_json(),
                "event": st.event,
                "claims": list(st.claims),
            }
            for st in timeline.steps
        ],
        "walkthroughs": [w.model_dump(mode="json", by_alias=True) for w in s.walkthroughs],
        "exercises": [x.model_dump(mode="json", by_alias=True) for x in s.exercises],
    }


def dumps(loaded: Loaded) -> str:
    return json_text.dumps(export(loaded))


def of_selection(selection: Selection) -> str:
    """The whole scenario, whatever part of it is selected."""
    return dumps(selection.loaded)
