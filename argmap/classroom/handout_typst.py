"""The handout and its answer key as Typst documents, and as PDF through the ``typst`` package.

The layout is fixed Typst code; every text from the scenario enters it as a Typst string
literal (``"…"`` with ``\\`` and ``"`` escaped, other characters as they are), and a string is
set as plain text, so no ``#``, ``*``, ``$``, ``[``, ``@`` or ``<`` in a claim can format the
page or run code. A4, one section per set, a name and date line at the top, the sources last.
"""

from __future__ import annotations

from argmap.classroom.handout import LETTERS, Handout, Numbered

PREAMBLE = """
#set page(paper: "a4", margin: (x: 2cm, y: 2cm), numbering: "1 / 1")
#set text(size: 10.5pt, lang: "en")
#set par(justify: false)
#show heading.where(level: 1): set text(size: 16pt)
#show heading.where(level: 2): it => block(above: 1.4em, below: 0.8em, text(size: 13pt, it.body))
#let question(n, prompt, choices, note) = block(breakable: false, above: 1em, below: 0.6em)[
  #grid(columns: (2em, 1fr), gutter: 0.3em, strong(str(n) + "."), [
    #prompt
    #v(0.15em)
    #grid(columns: (1.6em, 1fr), row-gutter: 0.5em, ..choices)
    #if note != none { v(0.3em); emph(note) }
  ])
]
"""


def lit(text: str) -> str:
    """A Typst string literal holding ``text`` exactly."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'


def _text(text: str) -> str:
    """Scenario text in markup, as a string set literally."""
    return f"#{lit(text)}"


def _head(made: Handout, title: str) -> list[str]:
    return [f"#set document(title: {lit(title)})", PREAMBLE, f"= {_text(title)}", ""]


def _name_line() -> list[str]:
    return [
        "#grid(columns: (1fr, 14em), gutter: 2em, [Name: #box(width: 1fr, line(length: 100%, stroke: 0.5pt))],"
        " [Date: #box(width: 1fr, line(length: 100%, stroke: 0.5pt))])",
        "",
    ]


def _brief(made: Handout) -> list[str]:
    if made.side is None:
        return []
    out = [f"== Brief: {_text(made.side)}", ""]
    for topic in made.brief:
        stance = f" (by the end: {topic.stance})" if topic.stance else ""
        out += [f"=== {_text(topic.question + stance)}", ""]
        for claim in topic.claims:
            stance_word = f" [{claim.stance}]" if claim.stance else ""
            out.append(f"- *{_text(claim.when)}*, {_text(claim.speakers + stance_word)}: {_text(claim.text)}")
            for quote, source in claim.quotes:
                out.append(f"  #block(inset: (left: 1em))[#emph({lit(quote)}) ({_text(source)})]")
        out.append("")
    return out


def _question(item: Numbered) -> str:
    q = item.question
    choices = ", ".join(f"[{LETTERS[i]})], [{_text(c.label)}]" for i, c in enumerate(q.choices))
    if q.ordered:
        note = lit("Order (earliest first): ____________")
    elif q.picks > 1:
        note = lit(f"Pick {q.picks}.")
    else:
        note = "none"
    return f"#question({item.number}, [{_text(q.prompt)}], ({choices},), {note})"


def sheet(made: Handout) -> str:
    """The students' handout as a Typst document."""
    out = _head(made, made.title) + _name_line() + [_text(made.summary), ""] + _brief(made)
    for n, section in enumerate(made.sections):
        if n == 0 and made.brief:
            out += ["#pagebreak(weak: true)", ""]
        out += [f"== {_text(section.heading)}", ""]
        out += [_question(item) for item in section.questions]
        out.append("")
    if made.references:
        out += ["== Sources", ""]
        for ref in made.references:
            link = f" #link({lit(ref.url)})" if ref.url else ""
            out.append(f"- {_text(ref.line())}{link}")
    return "\n".join(out) + "\n"


def key(made: Handout) -> str:
    """The answer key as a Typst document."""
    out = _head(made, f"{made.title}: answer key")
    for section in made.sections:
        out += [f"== {_text(section.heading)}", ""]
        for item in section.questions:
            q = item.question
            joiner = "; then " if q.ordered else "; "
            notes = [*q.feedback, *([q.explanation] if q.explanation else [])]
            body = "".join(f"[{_text(line)}], " for line in notes)
            out.append(
                f"#block(above: 0.9em, grid(columns: (2em, 1fr), gutter: 0.3em, strong({lit(f'{item.number}.')}),"
                f" [*{_text(joiner.join(item.answer_text()))}* #list(spacing: 0.5em, {body})]))"
            )
        out.append("")
    return "\n".join(out) + "\n"


class PdfFailed(Exception):
    """Typst could not make the PDF (said to the user; not expected for a valid handout)."""


def pdf(document: str) -> bytes:
    """The PDF of a Typst document, with Typst's own fonts only, so it is the same everywhere."""
    import typst

    try:
        made = typst.compile(document.encode("utf-8"), format="pdf", ignore_system_fonts=True)
    except RuntimeError as exc:
        raise PdfFailed(str(exc)) from None
    if not isinstance(made, bytes):
        raise PdfFailed("Typst made no single PDF file")
    return made


def png_pages(document: str, ppi: float = 50) -> list[bytes]:
    """Each page of a Typst document as a PNG image, to look at a handout before printing it."""
    import typst

    made = typst.compile(document.encode("utf-8"), format="png", ppi=ppi, ignore_system_fonts=True)
    return [made] if isinstance(made, bytes) else list(made or [])
