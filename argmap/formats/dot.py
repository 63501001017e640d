"""The map as a Graphviz DOT graph: claims as boxes in their side's colour with their label's
mark, one cluster per side, relations drawn by kind, an undercut onto a point on the arrow it
cuts, and a legend. Every text from the scenario goes through ``_html`` or ``_quoted``."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from argmap.engine.labels import MARK, WORD
from argmap.formats.picture import LOOKS, groups, mark, short, side_name, tint

if TYPE_CHECKING:
    from argmap.views.selection import Selection


_MARKUP = re.compile("[&<>\"'\x00-\x1f]")


def _html(text: str) -> str:
    """Text for a DOT HTML-like label (graphviz reads only a few named entities, so numbers)."""
    return _MARKUP.sub(_entity, text)


def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def _quoted(text: str) -> str:
    """A DOT double-quoted string; backslashes doubled so graphviz's escapes (\\N, \\l) stay text."""
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dumps(selection: Selection) -> str:
    node = {c.id: f"c{i}" for i, c in enumerate(selection.claims)}
    cut = {r.to for r in selection.relations if r.type == "undercuts"}
    point = {r.id: f"r{i}" for i, r in enumerate(selection.relations) if r.id in cut}
    lines = [
        "digraph argmap {",
        f"  graph [rankdir=TB, newrank=true, nodesep=0.25, ranksep=0.45, fontname=Helvetica, "
        f"labelloc=t, fontsize=20, label={_quoted(f'{selection.title} (step {selection.step})')}];",
        '  node [shape=box, style="rounded,filled", fontname=Helvetica, fontsize=10, margin="0.08,0.04"];',
        "  edge [fontname=Helvetica, fontsize=9, penwidth=1.2];",
    ]
    spine, rows = _timeline(selection, node)
    lines.extend(spine)
    lines.append('  node [shape=box, style="rounded,filled", fontcolor=black, fontsize=10];')
    for index, (side, claims) in enumerate(groups(selection)):
        colour = selection.colour(side)
        lines.append(f"  subgraph cluster_side{index} {{")
        lines.append(
            f"    graph [label=<<b>{_html(side_name(selection, side))}</b>>, fontsize=14, fontcolor={_quoted(colour)}, "
            f'color={_quoted(colour)}, style="rounded,dashed"];'
        )
        for claim_id in claims:
            lines.append(f"    {node[claim_id]} [{_claim(selection, claim_id, colour)}];")
        lines.append("  }")
    lines.extend(rows)
    for relation in selection.relations:
        look = LOOKS[relation.type]
        # Rows are times, set by the timeline; arrows must not move claims off their row.
        attrs = f"color={_quoted(look.colour)}, style={look.style}, arrowhead={look.arrowhead}, constraint=false"
        if relation.type == "contradicts":
            attrs += ", dir=both, arrowtail=none"
        tooltip = f"tooltip={_quoted(f'{relation.from_} {relation.type} {relation.to}')}"
        if relation.type == "undercuts":
            lines.append(f"  {node[relation.from_]} -> {point[relation.to]} [{attrs}, {tooltip}];")
        elif relation.id in point:
            # The cut arrow passes through a point the undercut can reach.
            p = point[relation.id]
            lines.append(f'  {p} [shape=point, width=0.08, color={_quoted(look.colour)}, label=""];')
            lines.append(f"  {node[relation.from_]} -> {p} [{attrs}, arrowhead=none, {tooltip}];")
            lines.append(f"  {p} -> {node[relation.to]} [{attrs}, {tooltip}];")
        else:
            lines.append(f"  {node[relation.from_]} -> {node[relation.to]} [{attrs}, {tooltip}];")
    lines.extend(_legend())
    lines.append("}")
    return "\n".join(lines) + "\n"


def _timeline(selection: Selection, node: dict[str, str]) -> tuple[list[str], list[str]]:
    """A column of dates down the left, one row per step with a claim shown, each step's claims
    on its row: the map reads top to bottom in time and side by side across."""
    steps: dict[int, list[str]] = {}
    for claim in selection.claims:
        steps.setdefault(selection.debate.step_of_claim(claim.id), []).append(claim.id)
    lines = ['  node [shape=plaintext, style="", fontsize=9, fontcolor="#555555"];']
    rows = []
    previous = None
    texts = {}
    for step, claims in steps.items():
        date = selection.debate.date_of_claim(claims[0])
        texts[step] = date.describe() if date else f"step {step}"
    shared = {text for text, n in Counter(texts.values()).items() if n > 1}
    for step, claims in steps.items():
        # Steps that share a date (events of one month, say) are told apart by their number.
        text = f"{texts[step]} · step {step}" if texts[step] in shared else texts[step]
        lines.append(f"  t{step} [label={_quoted(text)}];")
        if previous is not None:
            lines.append(f"  t{previous} -> t{step} [style=invis];")
        rows.append(f"  {{ rank=same; t{step}; {'; '.join(node[c] for c in claims)}; }}")
        previous = step
    return lines, rows


def _claim(selection: Selection, claim_id: str, colour: str) -> str:
    claim = selection.claim(claim_id)
    date = selection.debate.date_of_claim(claim_id)
    who = selection.actor(claim.actor).name + (f" · {date.describe()}" if date else "")
    body = "<br/>".join(_html(line) for line in short(claim.text))
    label = (
        f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="1">'
        f'<tr><td align="left"><b>{_html(mark(selection, claim_id))}</b> '
        f'<font point-size="8" color="#444444">{_html(who)}</font></td></tr>'
        f'<tr><td align="left">{body}</td></tr></table>>'
    )
    return (
        f"label={label}, color={_quoted(colour)}, fillcolor={_quoted(tint(colour))}, "
        f"tooltip={_quoted(claim.text)}, penwidth=1.5"
    )


def _legend() -> list[str]:
    marks = " ".join(f"{MARK[name]} {WORD[name]}" for name in MARK)
    lines = [
        "  subgraph cluster_legend {",
        f'    graph [label=<<b>Legend</b><br/>{_html(marks)}>, fontsize=11, color="#999999", style=rounded];',
        '    node [shape=plaintext, style="", fontsize=9, width=0.3, height=0.2, label=""];',
    ]
    for i, (kind, look) in enumerate(LOOKS.items()):
        extra = ", dir=both, arrowtail=none" if kind == "contradicts" else ""
        lines.append(f"    legend{i}a; legend{i}b [label={_quoted(kind)}];")
        lines.append(
            f"    legend{i}a -> legend{i}b [color={_quoted(look.colour)}, style={look.style}, "
            f"arrowhead={look.arrowhead}{extra}];"
        )
    lines.append("  }")
    return lines
