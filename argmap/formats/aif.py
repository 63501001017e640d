"""AIF as AIFdb writes it (JSON nodesets): claims as I-nodes, quotes as L-nodes, relations as RA and CA.

Each quote becomes a locution ("Speaker : quote") anchored to its claim by an "Asserting" YA node;
a support is an RA node, an attack a CA node, a contradiction two CA nodes (one each way) and an
undercut a CA node onto the RA or CA node of the relation it attacks. AIF has no place for
argmap's ids, kinds, sides and fuzzy dates, so nodes and participants carry them in ``argmap*``
keys, which AIF readers ignore and ``argmap import --from aif`` reads back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.formats import json_text

if TYPE_CHECKING:
    from argmap.scenario.dates import FuzzyDate
    from argmap.views.selection import Selection

INFERENCE = "Default Inference"
CONFLICT = "Default Conflict"


def _timestamp(date: FuzzyDate | None, start: str) -> str:
    # AIFdb timestamps are instants; a fuzzy date stands at the first day it may mean.
    if date is None or date.precision == "standing":
        return start
    return f"{date.earliest.isoformat()} 00:00:00"


def dumps(selection: Selection) -> str:
    debate = selection.debate
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    participants: list[dict[str, Any]] = []
    counter = 0

    def new_id() -> str:
        nonlocal counter
        counter += 1
        return str(counter)

    def edge(from_: str, to: str) -> None:
        edges.append({"edgeID": new_id(), "fromID": from_, "toID": to, "formEdgeID": None})

    dates = {c.id: debate.date_of_claim(c.id) for c in selection.claims}
    # Standing positions and undated claims get the debate's first date: AIFdb needs a timestamp.
    known = [d.earliest for d in dates.values() if d is not None and d.precision != "standing"]
    start = f"{min(known).isoformat()} 00:00:00" if known else "1970-01-01 00:00:00"

    person: dict[str, str] = {}
    for claim in selection.claims:
        if claim.actor not in person:
            actor = selection.actor(claim.actor)
            person[claim.actor] = new_id()
            participant: dict[str, Any] = {
                "participantID": person[claim.actor],
                "firstname": actor.name,
                "surname": "",
                "argmapID": actor.id,
                "argmapKind": actor.kind,
            }
            side = debate.side_of_actor.get(claim.actor)
            if side is not None and side != claim.actor:
                participant["argmapSide"] = side
                participant["argmapSideName"] = selection.actor(side).name
            participants.append(participant)

    node_of: dict[str, str] = {}
    for claim in selection.claims:
        date = dates[claim.id]
        stamp = _timestamp(date, start)
        i_node: dict[str, Any] = {
            "nodeID": new_id(),
            "text": claim.text,
            "type": "I",
            "timestamp": stamp,
            "argmapID": claim.id,
            "argmapKind": claim.kind,
        }
        if date is not None:
            i_node["argmapDate"] = str(date)
        nodes.append(i_node)
        node_of[claim.id] = i_node["nodeID"]
        speaker = selection.actor(claim.actor).name
        for evidence in claim.evidence:
            l_id, ya_id = new_id(), new_id()
            nodes.append({"nodeID": l_id, "text": f"{speaker} : {evidence.quote}", "type": "L", "timestamp": stamp})
            nodes.append(
                {"nodeID": ya_id, "text": "Asserting", "type": "YA", "timestamp": stamp, "scheme": "Asserting"}
            )
            edge(l_id, ya_id)
            edge(ya_id, i_node["nodeID"])
            locutions.append(
                {
                    "nodeID": l_id,
                    "personID": person[claim.actor],
                    "timestamp": stamp,
                    "start": stamp,
                    "end": None,
                    "source": evidence.source,
                }
            )

    def scheme_node(kind: str, relation_id: str, relation_type: str) -> str:
        scheme = INFERENCE if kind == "RA" else CONFLICT
        node_id = new_id()
        nodes.append(
            {
                "nodeID": node_id,
                "text": scheme,
                "type": kind,
                "timestamp": start,
                "scheme": scheme,
                "argmapID": relation_id,
                "argmapType": relation_type,
            }
        )
        return node_id

    # Undercuts last, and until none is left that can be placed: an undercut needs its target's node.
    pending = list(selection.relations)
    while pending:
        placed: set[str] = set()
        for relation in pending:
            source = node_of.get(relation.from_)
            target = node_of.get(relation.to)
            if source is None or target is None:
                continue
            if relation.type == "supports":
                middle = scheme_node("RA", relation.id, relation.type)
            else:
                middle = scheme_node("CA", relation.id, relation.type)
            edge(source, middle)
            edge(middle, target)
            if relation.type == "contradicts":
                back = scheme_node("CA", relation.id, relation.type)
                edge(target, back)
                edge(back, source)
            node_of[relation.id] = middle
            placed.add(relation.id)
        if not placed:
            break  # what is left points at nothing shown
        pending = [r for r in pending if r.id not in placed]

    document = {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}
    return json_text.dumps(document)
