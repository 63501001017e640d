"""The handout and its answer key in Markdown that renders as printed: a section per set,
each question a numbered item with its choices as a list beneath it, the sources listed.

Scenario text is escaped so that no character in it formats the page. Each question is indented
under its number by the width of that number (``10. `` takes four columns), so the lists hold
together past question 9; a question whose number does not follow the one before starts a new
list, so Markdown keeps its number.
"""

from __future__ import annotations

from argmap.classroom.handout import LETTERS, Handout, Numbered, build
from argmap.classroom.question import Labeller
from argmap.debate.index import Debate

_SPECIAL = "\\`*_[]<>#|&~!"
_BLANK = "\\_"
"""An underscore that Markdown prints, for the lines a student writes on."""


def md(text: str) -> str:
    """Scenario text in Markdown, every character that would format it escaped, on one line."""
    out = " ".join(text.split())
    for ch in _SPECIAL:
        out = out.replace(ch, "\\" + ch)
    return out


def _url(url: str) -> str:
    """An address for an autolink, which cannot hold spaces or angle brackets."""
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def name_line() -> list[str]:
    blank = _BLANK * 20
    return [f"Name: {blank}  Date: {blank[: len(blank) // 2]}", ""]


def _brief(made: Handout) -> list[str]:
    if made.side is None:
        return []
    lines = [f"## Brief: {md(made.side)}", ""]
    for topic in made.brief:
        stance = f" (by the end: {md(topic.stance)})" if topic.stance else ""
        lines += [f"### {md(topic.question)}{stance}", ""]
        for claim in topic.claims:
            stance_word = f" \\[{md(claim.stance)}\\]" if claim.stance else ""
            lines.append(f"- **{md(claim.when)}**, {md(claim.speakers)}{stance_word}: {md(claim.text)}")
            for n, (quote, source) in enumerate(claim.quotes):
                if n:
                    lines.append("  >")
                lines.append(f"  > {md(quote)} ({md(source)})")
        lines.append("")
    return lines


def _list_break(previous: int | None, number: int) -> list[str]:
    """A comment between two questions whose numbers do not follow, so the second keeps its number."""
    return ["<!-- -->", ""] if previous is not None and number != previous + 1 else []


def _question(item: Numbered) -> list[str]:
    q = item.question
    lead = f"{item.number}. "
    pad = " " * len(lead)
    lines = [f"{lead}{md(q.prompt)}", ""]
    lines += [f"{pad}- {LETTERS[i]}) {md(choice.label)}" for i, choice in enumerate(q.choices)]
    if q.ordered:
        lines += ["", f"{pad}Order (earliest first): {_BLANK * 12}"]
    elif q.picks > 1:
        lines += ["", f"{pad}Pick {q.picks}."]
    return [*lines, ""]


def sheet(made: Handout) -> str:
    """The students' handout."""
    out = [f"# {md(made.title)}", "", *name_line(), md(made.summary), "", *_brief(made)]
    for section in made.sections:
        out += [f"## {md(section.heading)}", ""]
        previous = None
        for item in section.questions:
            out += _list_break(previous, item.number) + _question(item)
            previous = item.number
    if made.references:
        out += ["## Sources", ""]
        out += [f"- {md(ref.line())}" + (f" <{_url(ref.url)}>" if ref.url else "") for ref in made.references]
    return "\n".join(out).rstrip() + "\n"


def key(made: Handout) -> str:
    """The answer key, apart from the handout: each question's answer and what settles it."""
    out = [f"# {md(made.title)}: answer key", ""]
    for section in made.sections:
        out += [f"## {md(section.heading)}", ""]
        previous = None
        for item in section.questions:
            q = item.question
            pad = " " * len(f"{item.number}. ")
            joiner = "; then " if q.ordered else "; "
            out += _list_break(previous, item.number)
            out += [f"{item.number}. {md(joiner.join(item.answer_text()))}", ""]
            notes = [*q.feedback, *([q.explanation] if q.explanation else [])]
            out += [f"{pad}- {md(line)}" for line in notes]
            out.append("")
            previous = item.number
    return "\n".join(out).rstrip() + "\n"


def handout(
    debate: Debate, side: str | None, set_name: str | None, labeller: Labeller | None = None
) -> tuple[str, str]:
    """The handout and its answer key, as Markdown."""
    made = build(debate, side, set_name, labeller)
    return sheet(made), key(made)
