"""A selection as Argdown (argdown.org): one statement per claim, its facts as the statement's
data, its side as a tag, and the relations under the claim they start from.

Argdown has no relation aimed at a relation: an undercut is aimed at the inference of an
argument. Each relation that is undercut is therefore written as an argument of its own, titled
with the relation's id, and the undercut points at it; the relation itself stays a relation
between the two statements.
"""

from __future__ import annotations

import re

from argmap.views.selection import Selection

ARROWS = {"supports": "+>", "attacks": "->", "contradicts": "><", "undercuts": "_>"}

# Characters the Argdown lexer reads as markup (and "/" for comments "//", "/*"); a backslash
# makes each one plain text.
_SPECIAL = re.compile(r"([\\\[\]<>#{}*_@/])")
_UNSAFE = re.compile(r'[\\\[\]<>#{}*_@/"\x00-\x1f]')
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Text as Argdown reads it back word for word: one line, markup characters escaped."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def _value(value: object) -> str:
    # YAML flow (what Argdown's data blocks are) in JSON's form, with markup characters and
    # quotes as \u escapes: the lexer looks for comments and ends of data even inside strings.
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return '"' + _UNSAFE.sub(_code, str(value)) + '"'


def _code(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def data_block(facts: dict[str, object]) -> str:
    return "{" + ", ".join(f"{key}: {_value(value)}" for key, value in facts.items()) + "}"


def dumps(selection: Selection) -> str:
    out = [f"# {escape(selection.title)}", ""]
    by_from: dict[str, list[str]] = {}
    undercut = {r.to for r in selection.relations if r.type == "undercuts"}
    for r in selection.relations:
        target = f"<{r.to}>" if r.type == "undercuts" else f"[{r.to}]"
        by_from.setdefault(r.from_, []).append(f"  {ARROWS[r.type]} {target}")
    for claim in selection.claims:
        actor = selection.actor(claim.actor)
        side = selection.side_of(claim.id)
        facts: dict[str, object] = {"speaker": actor.name, "actor": claim.actor}
        if side is not None:
            facts["side"] = side
        date = selection.debate.date_of_claim(claim.id)
        if date is not None:
            facts["date"] = str(date)
        facts["kind"] = claim.kind
        facts["quotes"] = [e.quote for e in claim.evidence]
        tag = f" #({side})" if side is not None else ""
        out.append(f"[{claim.id}]: {escape(claim.text)}{tag} {data_block(facts)}")
        out.extend(by_from.get(claim.id, []))
        out.append("")
    for r in selection.relations:
        if r.id in undercut:
            facts = {"relation": r.type, "from": r.from_, "to": r.to}
            out.append(f"<{r.id}>: {escape(f'{r.from_} {r.type} {r.to}')} {data_block(facts)}")
            out.append("")
    return "\n".join(out)
