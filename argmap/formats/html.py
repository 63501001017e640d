"""One self-contained page for a class: the map as a picture (graphviz's SVG inline when
``dot`` is installed, else the claims as boxes by side), then each side's claims with their
labels, dates, quotes and sources. No scripts and nothing fetched, so it opens from disk
offline and prints; every text from the scenario is escaped by ``_e``."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from argmap.engine.labels import MARK, WORD
from argmap.formats import dot
from argmap.formats.picture import (
    LOOKS,
    MAX_DRAWN,
    PictureError,
    groups,
    has_graphviz,
    mark,
    render_svg,
    side_name,
    tint,
    word,
)
from argmap.views.quoting import quoted

if TYPE_CHECKING:
    from argmap.views.selection import Selection

STYLE = """
body { font-family: system-ui, Helvetica, Arial, sans-serif; max-width: 70rem; margin: 1rem auto;
  padding: 0 1rem; color: #111; line-height: 1.4; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 3px solid var(--c, #999); padding-bottom: .2rem; }
.map { overflow: auto; border: 1px solid #ccc; padding: .5rem; }
.map svg { max-width: 100%; height: auto; }
.sides { display: flex; gap: .5rem; align-items: flex-start; }
.sides > div { flex: 1; min-width: 0; }
.box { border: 2px solid var(--c, #999); background: var(--f, #fff); border-radius: .4rem;
  padding: .3rem .5rem; margin: .3rem 0; font-size: .85rem; }
.claim { border-left: 4px solid var(--c, #999); padding: .2rem .8rem; margin: .8rem 0;
  break-inside: avoid; page-break-inside: avoid; }
.meta { color: #444; font-size: .85rem; }
blockquote { margin: .3rem 0 .3rem 1rem; font-style: italic; }
.legend span { margin-right: 1rem; }
ul.rel { margin: .2rem 0; font-size: .85rem; }
@media print { .map { border: none; overflow: visible; } a { color: inherit; }
  h2 { break-after: avoid; page-break-after: avoid; } }
"""
_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)


_ESCAPED = re.compile("[&<>\"']")


def _e(text: str) -> str:
    # Most texts hold nothing to escape: one search instead of five replacements.
    return html.escape(text, quote=True) if _ESCAPED.search(text) else text


def dumps(selection: Selection) -> str:
    title = f"{selection.title} (step {selection.step})"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        _legend(selection),
        '<section class="map">',
        _picture(selection),
        "</section>",
    ]
    sources: dict[str, str] = {}
    for side, claims in groups(selection):
        colour = selection.colour(side)
        parts.append(f'<section style="--c: {_e(colour)}"><h2>{_e(side_name(selection, side))}</h2>')
        parts.extend(_claim(selection, claim_id, sources) for claim_id in claims)
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _legend(selection: Selection) -> str:
    marks = "".join(f"<span>{_e(MARK[n])} {_e(WORD[n])}</span>" for n in MARK)
    arrows = "".join(f'<span style="color: {look.colour}">{_e(look.word)}</span>' for look in LOOKS.values())
    sides = "".join(
        f'<span style="color: {_e(selection.colour(side))}">■ {_e(side_name(selection, side))}</span>'
        for side, _ in groups(selection)
    )
    return f'<p class="legend">{sides}</p><p class="legend">{marks}{arrows}</p>'


def _picture(selection: Selection) -> str:
    too_many = len(selection.claims) > MAX_DRAWN
    if has_graphviz() and not too_many:
        try:
            return _PROLOG.sub("", render_svg(dot.dumps(selection)), count=1)
        except PictureError:
            pass  # the boxes below still show the map
    columns = []
    for side, claims in groups(selection):
        colour = selection.colour(side)
        boxes = "".join(
            f'<div class="box" style="--c: {_e(colour)}; --f: {_e(tint(colour))}">'
            f"{_e(mark(selection, c))} {_e(_text(selection, c))}</div>"
            for c in claims
        )
        columns.append(f"<div><strong>{_e(side_name(selection, side))}</strong>{boxes}</div>")
    note = (
        f'<p class="meta">{len(selection.claims)} claims are too many to draw as one map: export one side '
        "(--side) or an earlier step (--at) for a drawn map; here are the claims by side.</p>"
        if too_many
        else '<p class="meta">Install graphviz for the map drawn with its arrows; here are the claims by side.</p>'
    )
    return note + f'<div class="sides">{"".join(columns)}</div>'


def _text(selection: Selection, claim_id: str) -> str:
    return selection.claim(claim_id).text


def _claim(selection: Selection, claim_id: str, sources: dict[str, str]) -> str:
    """A claim's article; ``sources`` keeps each source's line, written once."""
    claim = selection.claim(claim_id)
    date = selection.debate.date_of_claim(claim_id)
    meta = [selection.actor(claim.actor).name, claim.kind, *([date.describe()] if date else [])]
    out = [
        f'<article class="claim" id="{_e(claim_id)}">',
        f"<p><strong>{_e(mark(selection, claim_id))} {_e(claim.text)}</strong></p>",
        f'<p class="meta">{_e(" · ".join(meta))} · {_e(word(selection, claim_id))}</p>',
    ]
    for evidence in claim.evidence:
        out.append(f"<blockquote>{_e(quoted(evidence.quote))}</blockquote>")
        if evidence.source not in sources:
            sources[evidence.source] = _source(selection, evidence.source)
        out.append(f'<p class="meta">{sources[evidence.source]}</p>')
    answers = [r for r in selection.relations_from(claim_id) if r.type != "undercuts"]
    if answers:
        items = "".join(
            f'<li>{_e(r.type)} <a href="#{_e(r.to)}">{_e(_text(selection, r.to))}</a></li>' for r in answers
        )
        out.append(f'<ul class="rel">{items}</ul>')
    out.append("</article>")
    return "\n".join(out)


def _source(selection: Selection, source_id: str) -> str:
    loaded = selection.loaded.sources.get(source_id)
    if loaded is None:
        return _e(source_id)
    facts = loaded.facts
    words = [w for w in (facts.author, facts.title or source_id, facts.published) if w]
    text = _e(", ".join(words))
    url = facts.url
    if url and url.startswith(("https://", "http://")):
        # Only a web address becomes a link; anything else (javascript:, a path) stays text.
        text += f' — <a href="{_e(url)}">{_e(url)}</a>'
    elif url:
        text += f" — {_e(url)}"
    return text
