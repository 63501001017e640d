"""A printable Markdown handout: a side's brief, the exercises, and a separate answer key."""

from __future__ import annotations

from argmap.classroom.question import Labeller, Question
from argmap.classroom.questions import derive
from argmap.debate.index import NO_TOPIC, Debate


def _md(text: str) -> str:
    """Scenario text in Markdown, with the characters that would format it escaped."""
    out = text
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def brief(debate: Debate, side: str) -> list[str]:
    """A side's positions by topic, each claim with its date, speaker and quotes."""
    name = debate.actor_name(side)
    lines = [f"## Brief: {_md(name)}", ""]
    claims = debate.side_claims(side, debate.last_step)
    by_topic: dict[str, list[str]] = {}
    for cid in claims:
        by_topic.setdefault(debate.claims[cid].topic or NO_TOPIC, []).append(cid)
    for topic in debate.topics_in_order():
        cids = by_topic.get(topic)
        if not cids:
            continue
        title = debate.topics[topic].question if topic in debate.topics else "Other claims"
        position = debate.position(side, topic, debate.last_step) if topic else None
        stance = f" (by the end: {position.stance})" if position else ""
        lines += [f"### {_md(title)}{stance}", ""]
        for cid in cids:
            claim = debate.claims[cid]
            date = debate.date_of_claim(cid)
            when = date.describe() if date else "undated"
            stance_word = f" [{claim.stance}]" if claim.stance else ""
            lines.append(f"- **{_md(when)}**, {_md(debate.speaker_names(cid))}{stance_word}: {_md(claim.text)}")
            for ev in claim.evidence:
                lines.append(f"  > \u201c{_md(ev.quote)}\u201d ({_md(ev.source)})")
        lines.append("")
    return lines


def _question_lines(n: int, q: Question) -> list[str]:
    lines = [f"{n}. {_md(q.prompt)}", ""]
    letters = "abcdefghijklmnopqrstuvwxyz"
    for i, choice in enumerate(q.choices):
        lines.append(f"   {letters[i]}) {_md(choice.label)}")
    if q.ordered:
        lines.append("")
        lines.append("   Order (earliest first): ____________")
    elif q.picks > 1:
        lines.append("")
        lines.append(f"   Pick {q.picks}.")
    lines.append("")
    return lines


def questions(debate: Debate, set_name: str | None, labeller: Labeller | None) -> list[Question]:
    out = []
    for ex in debate.scenario.exercises:
        if set_name is not None and ex.set != set_name:
            continue
        q = derive(debate, ex, labeller)
        if isinstance(q, Question):
            out.append(q)
    return out


def handout(
    debate: Debate, side: str | None, set_name: str | None, labeller: Labeller | None = None
) -> tuple[str, str]:
    """The handout and its answer key, as Markdown."""
    title = debate.scenario.title
    qs = questions(debate, set_name, labeller)
    sheet = [f"# {_md(title)}", "", _md(debate.scenario.summary), ""]
    if side is not None:
        sheet += brief(debate, side)
    if qs:
        sheet += ["## Exercises", ""]
        for n, q in enumerate(qs, 1):
            sheet += _question_lines(n, q)
    key = [f"# {_md(title)}: answer key", ""]
    letters = "abcdefghijklmnopqrstuvwxyz"
    for n, q in enumerate(qs, 1):
        index = {c.value: i for i, c in enumerate(q.choices)}
        answer = ", ".join(f"{letters[index[a]]}) {_md(q.choices[index[a]].label)}" for a in q.answer)
        key.append(f"{n}. {answer}")
        for line in q.feedback:
            key.append(f"   - {_md(line)}")
        if q.explanation:
            key.append(f"   - {_md(q.explanation)}")
    return "\n".join(sheet).rstrip() + "\n", "\n".join(key).rstrip() + "\n"
