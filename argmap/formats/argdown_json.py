"""Reading Argdown's own JSON export (``argdown json``) into a scenario draft.

Each statement (an equivalence class) becomes a claim, its text the first member's. An argument
with a premise-conclusion structure stands for its main conclusion: its premises support the
conclusion, and relations to or from the argument go to or from that conclusion. An argument
without one becomes a claim of its own, its text its description. Relations keep their type
(contrary as an attack, entailment as a support); an undercut becomes an undercut of the
support or attack the undercut argument makes. The texts are kept as the source text.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from argmap.base.diagnostics import Diagnostic
from argmap.formats.draft import Draft
from argmap.reading.document import JsonDocument

TYPES = {
    "support": "supports",
    "entails": "supports",
    "attack": "attacks",
    "contrary": "attacks",
    "contradictory": "contradicts",
    "undercut": "undercuts",
}
SPEAKER = "Unnamed speaker"


def _text(node: dict[str, Any]) -> str | None:
    for member in node.get("members") or ():
        if isinstance(member, dict) and isinstance(member.get("text"), str) and member["text"].strip():
            return " ".join(member["text"].split())
    return None


def read(text: str, name: str) -> Draft:
    parsed = JsonDocument(text, name)
    draft = Draft(
        title=f"Imported from {PurePath(name).name}",
        summary="A map imported from Argdown's JSON export: describe the debate it records.",
    )

    def problem(code: str, message: str, path: tuple[str | int, ...], hint: str | None = None) -> None:
        line, col = parsed.where(path)
        draft.problems.append(Diagnostic(code, message, name, line, col, hint, path))

    if parsed.diagnostics:
        draft.problems.extend(parsed.diagnostics)
        return draft
    data = parsed.data
    if not isinstance(data, dict) or not isinstance(data.get("statements"), dict):
        problem("E203", "not Argdown's JSON export: it has no 'statements' mapping", (), "write it with 'argdown json'")
        return draft
    found_arguments, found_relations = data.get("arguments"), data.get("relations")
    arguments: dict[str, Any] = found_arguments if isinstance(found_arguments, dict) else {}
    relations: list[Any] = found_relations if isinstance(found_relations, list) else []

    texts: dict[str, str] = {}  # claim made -> its text
    claim_of: dict[tuple[str, str], str] = {}  # (kind, title) -> claim id
    for title, node in data["statements"].items():
        if isinstance(node, dict):
            texts[draft.new_id(title, "statement")] = _text(node) or title
            claim_of[("equivalence-class", title)] = next(reversed(texts))
    conclusion: dict[str, str] = {}  # argument title -> its main conclusion's title
    premises: dict[str, list[str]] = {}
    for title, node in arguments.items():
        if not isinstance(node, dict):
            continue
        pcs = [p for p in node.get("pcs") or () if isinstance(p, dict) and isinstance(p.get("title"), str)]
        main = [p["title"] for p in pcs if p.get("role") == "main-conclusion"]
        if main and ("equivalence-class", main[0]) in claim_of:
            conclusion[title] = main[0]
            premises[title] = [p["title"] for p in pcs if p.get("role") == "premise"]
            claim_of[("argument", title)] = claim_of[("equivalence-class", main[0])]
        else:
            texts[draft.new_id(title, "argument")] = _text(node) or title
            claim_of[("argument", title)] = next(reversed(texts))

    source = draft.add_source(
        f"Argdown map {PurePath(name).stem}", f"{PurePath(name).stem}.argdown.txt", "\n\n".join(texts.values()) + "\n"
    )
    actor = draft.add_actor(SPEAKER, "person")
    draft.note(
        f"Argdown names no speakers: every claim is by '{SPEAKER}'; name the real ones, and group them into sides"
    )
    draft.note("Argdown's JSON carries no dates: the claims are dated 'standing'; date them")
    for claim, claim_text in texts.items():
        draft.add_claim(claim_text, actor, source, claim_text, id=claim, date="standing")

    made: dict[tuple[str, str, str], str] = {}  # (from, type, to) -> relation id

    def relate(type_: str, from_: str, to: str) -> str | None:
        if from_ == to:
            return None
        key = (from_, type_, to)
        if key not in made:
            made[key] = draft.add_relation(type_, from_, to)
        return made[key]

    for title, conclusion_title in conclusion.items():
        for premise in premises[title]:
            if ("equivalence-class", premise) in claim_of:
                relate(
                    "supports",
                    claim_of[("equivalence-class", premise)],
                    claim_of[("equivalence-class", conclusion_title)],
                )

    undercuts: list[tuple[int, str, str]] = []
    for i, rel in enumerate(relations):
        if not isinstance(rel, dict):
            continue
        kind = TYPES.get(str(rel.get("relationType")))
        ends = [(str(rel.get(f"{end}Type")), str(rel.get(end))) for end in ("from", "to")]
        if kind is None:
            problem("E204", f"unknown relation type '{rel.get('relationType')}'", ("relations", i, "relationType"))
            continue
        if any(end not in claim_of for end in ends):
            problem("E101", f"relation to or from unknown '{ends[0][1]}' or '{ends[1][1]}'", ("relations", i))
            continue
        if kind == "undercuts":
            undercuts.append((i, claim_of[ends[0]], ends[1][1]))
            continue
        relate(kind, claim_of[ends[0]], claim_of[ends[1]])

    for i, from_, target in undercuts:
        # An undercut attacks an argument's inference: the relation the argument makes.
        cut = claim_of[("argument", target)] if ("argument", target) in claim_of else None
        outgoing = [rid for (f, t, _to), rid in made.items() if f == cut and t in ("supports", "attacks")]
        if target in conclusion:
            outgoing = [rid for (_f, t, to), rid in made.items() if to == cut and t == "supports"]
        if len(outgoing) == 1:
            relate("undercuts", from_, outgoing[0])
        elif cut is not None:
            relate("attacks", from_, cut)
            draft.note(f"an undercut of <{target}> is read as an attack on it: the argument makes no single inference")
        else:
            problem("E101", f"undercut of unknown argument '{target}'", ("relations", i))
    return draft
