"""The map as a Mermaid flowchart: one subgraph per side, claims as boxes in their side's
colour with their label's mark, relations drawn by kind, an undercut onto a small circle on the
arrow it cuts, and a legend. Every text from the scenario goes through ``_text``."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from argmap.engine.labels import MARK, WORD
from argmap.formats.picture import LOOKS, groups, mark, short, side_name, tint

if TYPE_CHECKING:
    from argmap.views.selection import Selection

ARROWS = {"supports": "-->", "attacks": "--x", "contradicts": "x-.-x", "undercuts": "-.-x"}
"""Mermaid's arrow for each relation type; colours come from ``linkStyle``."""
# Letters and digits of any script (\\w without the underscore) and a little punctuation stay.
_SYNTAX = re.compile(r"[^\w ,.'\-:?!]|_")


def _text(text: str) -> str:
    """A label's text for inside double quotes: every character Mermaid, Markdown or HTML could
    read as syntax becomes an entity code (``#35;``), so nothing in it is markup."""
    return _SYNTAX.sub(_entity, " ".join(text.split()))


def _entity(match: re.Match[str]) -> str:
    return f"#{ord(match.group())};"


def dumps(selection: Selection) -> str:
    node = {c.id: f"c{i}" for i, c in enumerate(selection.claims)}
    cut = {r.to for r in selection.relations if r.type == "undercuts"}
    point = {r.id: f"r{i}" for i, r in enumerate(selection.relations) if r.id in cut}
    lines = [
        "---",
        # A JSON string is a YAML one; the title is drawn as text, so only quoting matters.
        f"title: {json.dumps(f'{selection.title} (step {selection.step})')}",
        "---",
        "flowchart TB",
    ]
    for index, (side, claims) in enumerate(groups(selection)):
        colour = selection.colour(side)
        lines.append(f'  subgraph side{index}["{_text(side_name(selection, side))}"]')
        for claim_id in claims:
            claim = selection.claim(claim_id)
            body = "<br>".join(_text(line) for line in short(claim.text))
            lines.append(f'    {node[claim_id]}["{_text(mark(selection, claim_id))} {body}"]:::side{index}')
        lines.append("  end")
        lines.append(f"  classDef side{index} fill:{tint(colour)},stroke:{colour},stroke-width:2px,color:#000")
    links: list[str] = []
    for relation in selection.relations:
        if relation.type == "undercuts":
            links.append(f"  {node[relation.from_]} {ARROWS['undercuts']} {point[relation.to]}")
            continue
        if relation.id in point:
            # The cut arrow passes through a small circle the undercut can reach.
            p = point[relation.id]
            lines.append(f'  {p}((" ")):::cut')
            links.append(f"  {node[relation.from_]} --- {p}")
            links.append(f"  {p} {ARROWS[relation.type]} {node[relation.to]}")
        else:
            links.append(f"  {node[relation.from_]} {ARROWS[relation.type]} {node[relation.to]}")
    lines.extend(links)
    lines.append("  classDef cut fill:#666666,stroke:#666666")
    lines.extend(_legend())
    lines.extend(_styles(selection, len(links)))
    return "\n".join(lines) + "\n"


def _kinds(selection: Selection) -> list[str]:
    """Each link's relation type, in the order the links are written."""
    cut = {r.to for r in selection.relations if r.type == "undercuts"}
    kinds: list[str] = []
    for relation in selection.relations:
        kinds.extend([relation.type] * (2 if relation.id in cut else 1))
    return kinds


def _legend() -> list[str]:
    marks = " ".join(f"{MARK[name]} {WORD[name]}" for name in MARK)
    lines = ['  subgraph legend["Legend"]', f'    legendmarks["{_text(marks)}"]']
    for i, kind in enumerate(LOOKS):
        lines.append(f'    legend{i}a[" "] {ARROWS[kind]}|"{_text(kind)}"| legend{i}b[" "]')
    lines.append("  end")
    return lines


def _styles(selection: Selection, relation_links: int) -> list[str]:
    kinds = _kinds(selection) + list(LOOKS)
    assert len(kinds) == relation_links + len(LOOKS)
    by: dict[str, list[int]] = {}
    for index, kind in enumerate(kinds):
        by.setdefault(kind, []).append(index)
    lines = []
    for kind, indices in by.items():
        look = LOOKS[kind]
        dash = ",stroke-dasharray:5 4" if look.style in ("dashed", "dotted") else ""
        width = "2.5px" if look.style == "bold" else "1.5px"
        lines.append(f"  linkStyle {','.join(map(str, indices))} stroke:{look.colour},stroke-width:{width}{dash}")
    return lines
