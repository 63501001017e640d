"""Reading AIF (AIFdb JSON nodesets) into a scenario draft.

I-nodes become claims; RA nodes supports, CA nodes attacks, MA nodes (rephrase) supports with a
note; a CA node onto an RA or CA node becomes an undercut of the relation made from that node.
L-nodes ("Speaker : words") give each claim its speaker and its verbatim quote, through the YA
node that anchors the L-node to the I-node; locutions and participants name the speakers and
date what they said. The L-node and I-node texts are kept as the source text, so every quote is
found in it. What is wrong in the file is a located diagnostic, and the rest is imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any, get_args

from argmap.base.diagnostics import Diagnostic
from argmap.formats.draft import Draft
from argmap.reading.document import JsonDocument
from argmap.scenario.dates import check_date
from argmap.scenario.model import ClaimKind

RELATION_NODES = ("RA", "CA", "MA")
KNOWN = ("I", "L", "YA", "TA", "PA", *RELATION_NODES)
KINDS = get_args(ClaimKind)
_ID = re.compile(r"^[a-z0-9]+([-_.][a-z0-9]+)*$")
_DAY = re.compile(r"^\s*([0-9]{4}-[0-9]{2}-[0-9]{2})")
UNATTRIBUTED = "Unattributed"


class _Reader:
    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.parsed = JsonDocument(text, name)
        stem = PurePath(name).stem or "aif"
        self.draft = Draft(
            title=f"Imported from {PurePath(name).name}",
            summary="A map imported from an AIF nodeset: describe the debate it records.",
        )
        self.stem = stem
        self.node_index: dict[str, int] | None = None

    def problem(self, code: str, message: str, path: tuple[str | int, ...], hint: str | None = None) -> None:
        line, col = self.parsed.where(path)
        self.draft.problems.append(Diagnostic(code, message, self.name, line, col, hint, path))

    def items(self, data: dict[str, Any], key: str, *, required: bool) -> Iterator[tuple[int, dict[str, Any]]]:
        """The mappings in the list under ``key``; anything else is reported and skipped."""
        value = data.get(key)
        if value is None:
            if required:
                self.problem("E203", f"missing key '{key}'", (), "an AIF nodeset has 'nodes' and 'edges'")
            return
        if not isinstance(value, list):
            self.problem("E201", f"'{key}' should be a list, found {_kind(value)}", (key,))
            return
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item
            else:
                self.problem("E201", f"{key}[{i}] should be a mapping, found {_kind(item)}", (key, i))

    def field(self, item: dict[str, Any], key: str, path: tuple[str | int, ...], *, required: bool) -> str | None:
        """A text field; AIFdb writes ids as strings, some tools as numbers, so both are read."""
        value = item.get(key)
        if value is None:
            if required:
                self.problem("E203", f"missing key '{key}'", path)
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.problem("E201", f"'{key}' should be text, found {_kind(value)}", (*path, key))
            return None
        return str(value)


def _kept(person: dict[str, Any]) -> tuple[str | None, str | None, tuple[str, str] | None]:
    """The id, kind and side argmap wrote for a participant, where it wrote them well."""

    def own(key: str) -> str | None:
        value = person.get(key)
        return value if isinstance(value, str) and _ID.match(value) else None

    kind = person.get("argmapKind")
    side, side_name = own("argmapSide"), person.get("argmapSideName")
    if side is None or not isinstance(side_name, str) or not side_name.strip():
        return own("argmapID"), kind if isinstance(kind, str) else None, None
    return own("argmapID"), kind if isinstance(kind, str) else None, (side, side_name.strip())


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    return type(value).__name__


def _day(text: str | None) -> str | None:
    if not text or not (m := _DAY.match(text)):
        return None
    try:
        return check_date(m.group(1))
    except ValueError:
        return None


def read(text: str, name: str) -> Draft:
    reader = _Reader(text, name)
    draft = reader.draft
    if reader.parsed.diagnostics:
        draft.problems.extend(reader.parsed.diagnostics)
        return draft
    data = reader.parsed.data
    if not isinstance(data, dict):
        reader.problem("E201", f"an AIF nodeset is a mapping, found {_kind(data)}", ())
        return draft

    # Nodes, by id.
    nodes: dict[str, dict[str, Any]] = {}
    node_path: dict[str, tuple[str | int, ...]] = {}
    for i, node in reader.items(data, "nodes", required=True):
        path: tuple[str | int, ...] = ("nodes", i)
        node_id = reader.field(node, "nodeID", path, required=True)
        node_type = reader.field(node, "type", path, required=True)
        if node_id is None or node_type is None:
            continue
        if node_id in nodes:
            reader.problem("E102", f"duplicate nodeID '{node_id}'", (*path, "nodeID"))
            continue
        if node_type not in KNOWN:
            reader.problem(
                "E204", f"unknown node type '{node_type}'", (*path, "type"), f"AIF types: {', '.join(KNOWN)}"
            )
            continue
        if node_type in ("I", "L") and not reader.field(node, "text", path, required=True):
            if isinstance(node.get("text"), str):
                reader.problem("E204", f"{node_type}-node '{node_id}' has no text", (*path, "text"))
            continue
        nodes[node_id] = node
        node_path[node_id] = path
    if any(n["type"] == "PA" for n in nodes.values()):
        draft.note("preferences (PA nodes) are not imported: argmap has none")

    # Edges: what goes into each node and what comes out.
    into: dict[str, list[str]] = {n: [] for n in nodes}
    out_of: dict[str, list[str]] = {n: [] for n in nodes}
    for i, edge in reader.items(data, "edges", required=True):
        path = ("edges", i)
        from_ = reader.field(edge, "fromID", path, required=True)
        to = reader.field(edge, "toID", path, required=True)
        if from_ is None or to is None:
            continue
        missing = [(k, v) for k, v in (("fromID", from_), ("toID", to)) if v not in nodes]
        if missing:
            key, value = missing[0]
            reader.problem("E101", f"edge {key} '{value}' names no node", (*path, key))
            continue
        if from_ == to:
            reader.problem("E108", f"edge from node '{from_}' to itself", path, "the edge is left out")
            continue
        out_of[from_].append(to)
        into[to].append(from_)

    # Speakers: participants by id, then each locution's speaker and time.
    people: dict[str, str] = {}
    # What argmap wrote of each speaker: its id, kind and side (id and name).
    kept: dict[str, tuple[str | None, str | None, tuple[str, str] | None]] = {}
    for i, person in reader.items(data, "participants", required=False):
        path = ("participants", i)
        person_id = reader.field(person, "participantID", path, required=True)
        first = reader.field(person, "firstname", path, required=False) or ""
        last = reader.field(person, "surname", path, required=False) or ""
        full = " ".join(p for p in (first.strip(), last.strip()) if p)
        if person_id is not None and full:
            people[person_id] = full
            kept.setdefault(full, _kept(person))
    said_by: dict[str, str] = {}
    said_on: dict[str, str] = {}
    for i, locution in reader.items(data, "locutions", required=False):
        path = ("locutions", i)
        node_id = reader.field(locution, "nodeID", path, required=True)
        if node_id is None:
            continue
        if node_id not in nodes:
            reader.problem("E101", f"locution nodeID '{node_id}' names no node", (*path, "nodeID"))
            continue
        person_id = reader.field(locution, "personID", path, required=False)
        if person_id is not None and person_id in people:
            said_by[node_id] = people[person_id]
        # When it was said ("start") comes before when it was annotated ("timestamp").
        for key in ("start", "timestamp"):
            day = _day(reader.field(locution, key, path, required=False))
            if day:
                said_on[node_id] = day
                break

    # The source text: every locution and proposition, one paragraph each, so quotes are verbatim.
    texts = [str(n["text"]) for n in nodes.values() if n["type"] == "L"]
    texts += [str(n["text"]) for n in nodes.values() if n["type"] == "I"]
    source = draft.add_source(f"AIF nodeset {reader.stem}", f"{reader.stem}.aif.txt", "\n\n".join(texts) + "\n")

    # Ids argmap wrote are kept; reserved first so that no made id takes one of them.
    for node in nodes.values():
        own = node.get("argmapID")
        if isinstance(own, str) and _ID.match(own):
            draft.reserve(own)

    for own_id, _, side in kept.values():
        for taken in (own_id, side[0] if side else None):
            if taken is not None:
                draft.reserve(taken)
    actors: dict[str, str] = {}
    sides: dict[str, str] = {}  # side id in the file -> the side actor made for it
    sideless: list[str] = []
    given: set[str] = set()  # ids of the file's already given to an actor

    def actor(name: str) -> str:
        if name not in actors:
            own_id, kind, side = kept.get(name, (None, None, None))
            if kind == "side" and own_id is not None and (own_id in sides or own_id not in given):
                # A side speaking for itself: the side its members name, made here if not yet.
                if own_id not in sides:
                    given.add(own_id)
                    sides[own_id] = draft.add_actor(name, "side", id=own_id)
                actors[name] = sides[own_id]
                return actors[name]
            facts: dict[str, Any] = {}
            if own_id is not None and own_id not in given:
                facts["id"] = own_id
                given.add(own_id)
            if side is not None:
                if side[0] not in sides:
                    own_side = side[0] not in given
                    given.add(side[0])
                    sides[side[0]] = draft.add_actor(side[1], "side", **({"id": side[0]} if own_side else {}))
                facts["parent"] = sides[side[0]]
            elif kind != "commentator":
                sideless.append(name)
            actors[name] = draft.add_actor(
                name, kind if kind in ("person", "body", "commentator") else "person", **facts
            )
        return actors[name]

    # Claims, each with the first locution that asserts it.
    claim_of: dict[str, str] = {}
    used: set[str] = set()
    anchored: dict[str, list[str]] = {}  # L-node -> the I-nodes it asserts
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        spoken = next(
            (src for ya in into[node_id] if nodes[ya]["type"] == "YA" for src in into[ya] if nodes[src]["type"] == "L"),
            None,
        )
        speaker, quote = UNATTRIBUTED, str(node["text"])
        facts: dict[str, Any] = {}
        if spoken is not None:
            anchored.setdefault(spoken, []).append(node_id)
            words = str(nodes[spoken]["text"])
            named, sep, rest = words.partition(" : ")
            if sep and rest.strip():
                speaker, quote = named.strip() or UNATTRIBUTED, rest
            else:
                quote = words
            speaker = said_by.get(spoken, speaker)
            if day := said_on.get(spoken):
                facts["date"] = day
        if (date := node.get("argmapDate")) and isinstance(date, str):
            try:
                facts["date"] = check_date(date)
            except ValueError:
                pass  # a date argmap did not write: keep the locution's
        if "date" not in facts:
            # argmap places every claim in time; with no locution time the author dates it.
            facts["date"] = "standing"
            draft.note("claims with no time in the file are dated 'standing': date them")
        own = node.get("argmapID")
        if isinstance(own, str) and _ID.match(own) and own not in used:
            facts["id"] = own
        kind = node.get("argmapKind")
        claim = draft.add_claim(
            str(node["text"]),
            actor(speaker),
            source,
            quote,
            kind=kind if isinstance(kind, str) and kind in KINDS else "position",
            **facts,
        )
        used.add(claim)
        claim_of[node_id] = claim
    # Locutions anchored nowhere else may be ends of relations (IAT sometimes links L-nodes).
    for node_id, node in nodes.items():
        if node["type"] == "L":
            for ya in out_of[node_id]:
                if nodes[ya]["type"] == "YA":
                    anchored.setdefault(node_id, []).extend(
                        i for i in out_of[ya] if i in claim_of and i not in anchored.get(node_id, [])
                    )
    # An L-node that is itself the end of a relation, asserting no I-node, is a claim in its own words.
    for node_id, node in nodes.items():
        if node["type"] != "L" or anchored.get(node_id):
            continue
        if not any(nodes[n]["type"] in RELATION_NODES for n in (*into[node_id], *out_of[node_id])):
            continue
        named, sep, rest = str(node["text"]).partition(" : ")
        speaker, words = (named.strip() or UNATTRIBUTED, rest) if sep and rest.strip() else (UNATTRIBUTED, named)
        facts = {"date": said_on.get(node_id, "standing")}
        claim_of[node_id] = draft.add_claim(
            words.strip(), actor(said_by.get(node_id, speaker)), source, words, note="an AIF locution", **facts
        )
    if UNATTRIBUTED in actors:
        draft.note(f"claims with no locution are by '{UNATTRIBUTED}': name their speakers")
    if sideless:
        draft.note("AIF has no sides: group the speakers into sides (actors of kind side, and parent)")

    def claims_of(end: str) -> list[str]:
        if end in claim_of:
            return [claim_of[end]]
        return [claim_of[i] for i in anchored.get(end, []) if i in claim_of]

    # Relations: a node onto a relation node waits until that node's relations exist.
    made: dict[str, list[str]] = {}
    seen_types: set[str] = set()
    merged: dict[str, str] = {}  # argmap id of a contradiction -> the relation made for it
    todo = [n for n, node in nodes.items() if node["type"] in RELATION_NODES]
    while todo:
        waiting = []
        for node_id in todo:
            node = nodes[node_id]
            targets = [t for t in out_of[node_id] if nodes[t]["type"] not in ("YA", "TA")]
            if any(nodes[t]["type"] in RELATION_NODES and t not in made for t in targets):
                if all(t in todo for t in targets if nodes[t]["type"] in RELATION_NODES):
                    waiting.append(node_id)
                    continue
            made[node_id] = _relations(reader, node_id, node, into, targets, nodes, claims_of, made, merged, used)
            seen_types.add(str(node["type"]))
        if len(waiting) == len(todo):
            for node_id in waiting:  # a cycle of relation nodes: nothing to anchor them to
                reader.problem("E114", f"{nodes[node_id]['type']}-node '{node_id}' bears on itself", node_path[node_id])
            break
        todo = waiting
    if "MA" in seen_types:
        draft.note("rephrases (MA nodes) are imported as supports: check each")
    return draft


def _relations(
    reader: _Reader,
    node_id: str,
    node: dict[str, Any],
    into: dict[str, list[str]],
    targets: list[str],
    nodes: dict[str, dict[str, Any]],
    claims_of: Any,
    made: dict[str, list[str]],
    merged: dict[str, str],
    used: set[str],
) -> list[str]:
    """The argmap relations of one RA, CA or MA node: one for each premise and conclusion."""
    draft = reader.draft
    node_type = str(node["type"])
    where = ("nodes", _index(reader, node_id))
    premises = [p for p in into[node_id] if nodes[p]["type"] not in ("YA", "TA")]
    froms = [c for p in premises for c in claims_of(p)]
    if not froms:
        others = sorted({str(nodes[p]["type"]) for p in into[node_id]})
        found = f"only {', '.join(others)}-nodes lead" if others else "nothing leads"
        _at(reader, where, "E114", f"{node_type}-node '{node_id}' has no premise: {found} into it")
        return []
    if not targets:
        _at(reader, where, "E114", f"{node_type}-node '{node_id}' has no conclusion")
        return []
    own = node.get("argmapID")
    own = own if isinstance(own, str) and _ID.match(own) else None
    if node.get("argmapType") == "contradicts" and own is not None:
        if own in merged:
            return [merged[own]]  # the other direction of a contradiction already imported
        type_ = "contradicts"
    elif node_type == "CA":
        type_ = "attacks"
    else:
        type_ = "supports"
    out: list[str] = []
    for target in targets:
        if nodes[target]["type"] in RELATION_NODES:
            if node_type != "CA":
                _at(reader, where, "E114", f"{node_type}-node '{node_id}' supports an inference or conflict")
                continue
            pairs = [("undercuts", f, r) for f in froms for r in made.get(target, [])]
        else:
            ends = claims_of(target)
            if not ends:
                kind = nodes[target]["type"]
                _at(reader, where, "E114", f"{node_type}-node '{node_id}' leads to {kind}-node '{target}', no claim")
                continue
            pairs = [(type_, f, t) for f in froms for t in ends]
        for relation_type, from_, to in pairs:
            if from_ == to:
                _at(reader, where, "E108", f"{node_type}-node '{node_id}' relates claim '{from_}' to itself")
                continue
            facts: dict[str, Any] = {}
            if own is not None and own not in used and len(pairs) == 1:
                facts["id"] = own
            if node_type == "MA":
                facts["note"] = "a rephrase (AIF MA node)"
            relation = draft.add_relation(relation_type, from_, to, **facts)
            relation = facts.get("id", relation)
            used.add(relation)
            out.append(relation)
    if type_ == "contradicts" and own is not None and out:
        merged[own] = out[0]
    return out


def _index(reader: _Reader, node_id: str) -> int:
    """Where a node stands in the file's list (the first, for an id not found)."""
    if reader.node_index is None:
        nodes = reader.parsed.data.get("nodes", [])
        reader.node_index = {}
        for i, n in enumerate(nodes if isinstance(nodes, list) else ()):
            if isinstance(n, dict):
                reader.node_index.setdefault(str(n.get("nodeID")), i)
    return reader.node_index.get(node_id, 0)


def _at(reader: _Reader, where: tuple[str | int, ...], code: str, message: str) -> None:
    line, col = reader.parsed.where(where)
    reader.draft.problems.append(Diagnostic(code, message, reader.name, line, col, path=where))
