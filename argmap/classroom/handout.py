"""A handout as data: a side's brief, the questions set by set, the sources, and the answer key.

``build`` reads everything a handout shows off the debate once; ``handout_markdown`` and
``handout_typst`` only lay it out, so the Markdown and the PDF say the same thing. Questions
carry the numbers of ``numbering`` (one numbering for handout, key and results), quotes come
in the marks of ``quoted``, and sources are named by their titles, listed in full at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.base.quoting import quoted
from argmap.classroom.numbering import numbers
from argmap.classroom.question import Labeller, Question, source_title
from argmap.classroom.questions import derive
from argmap.debate.index import NO_TOPIC, Debate
from argmap.scenario.dates import FuzzyDate

LETTERS = "abcdefghijklmnopqrstuvwxyz"
NO_SET = "Other questions"
"""The heading of the questions that belong to no set."""


@dataclass(frozen=True, slots=True)
class BriefClaim:
    when: str
    speakers: str
    stance: str | None
    text: str
    quotes: tuple[tuple[str, str], ...]
    """Each quote in quotation marks, with the title of its source."""


@dataclass(frozen=True, slots=True)
class BriefTopic:
    question: str
    stance: str | None
    """Where the side stood by the end."""
    claims: tuple[BriefClaim, ...]


@dataclass(frozen=True, slots=True)
class Numbered:
    number: int
    question: Question

    def answer_text(self) -> list[str]:
        """The right choices as the key gives them: ``b) …``, in order for an ordering."""
        index = {c.value: i for i, c in enumerate(self.question.choices)}
        return [f"{LETTERS[index[a]]}) {self.question.choices[index[a]].label}" for a in self.question.answer]


@dataclass(frozen=True, slots=True)
class SetSection:
    name: str | None
    questions: tuple[Numbered, ...]

    @property
    def heading(self) -> str:
        return f"Set {self.name}" if self.name else NO_SET


@dataclass(frozen=True, slots=True)
class Reference:
    title: str
    author: str | None
    publisher: str | None
    published: str | None
    url: str | None

    def line(self) -> str:
        """The entry as one line, without its address: author, title, publisher, date."""
        parts = [p for p in (self.author, quoted(self.title), self.publisher, self.published) if p]
        return ", ".join(parts) + "."


@dataclass(frozen=True, slots=True)
class Handout:
    title: str
    summary: str
    side: str | None
    """The side's name when the handout carries its brief."""
    brief: tuple[BriefTopic, ...]
    sections: tuple[SetSection, ...]
    references: tuple[Reference, ...]

    @property
    def questions(self) -> list[Numbered]:
        return [n for section in self.sections for n in section.questions]


def brief(debate: Debate, side: str) -> tuple[BriefTopic, ...]:
    """A side's positions by topic, each claim with its date, speakers and quotes."""
    by_topic: dict[str, list[str]] = {}
    for cid in debate.side_claims(side, debate.last_step):
        by_topic.setdefault(debate.claims[cid].topic or NO_TOPIC, []).append(cid)
    out = []
    for topic in debate.topics_in_order():
        cids = by_topic.get(topic)
        if not cids:
            continue
        question = debate.topics[topic].question if topic in debate.topics else "Other claims"
        position = debate.position(side, topic, debate.last_step) if topic in debate.topics else None
        claims = []
        for cid in cids:
            claim = debate.claims[cid]
            date = debate.date_of_claim(cid)
            quotes = tuple((quoted(ev.quote), source_title(debate, ev.source)) for ev in claim.evidence)
            when = date.describe() if date else "undated"
            claims.append(BriefClaim(when, debate.speaker_names(cid), claim.stance, claim.text, quotes))
        out.append(BriefTopic(question, position.stance if position else None, tuple(claims)))
    return tuple(out)


def sections(debate: Debate, set_name: str | None, labeller: Labeller | None) -> tuple[SetSection, ...]:
    """The questions that can be asked, set by set in the order sets first appear."""
    number = numbers(debate.scenario)
    grouped: dict[str | None, list[Numbered]] = {}
    for ex in debate.scenario.exercises:
        if set_name is not None and ex.set != set_name:
            continue
        q = derive(debate, ex, labeller)
        if isinstance(q, Question):
            grouped.setdefault(ex.set, []).append(Numbered(number[ex.id], q))
    named = [SetSection(name, tuple(qs)) for name, qs in grouped.items() if name is not None]
    rest = [SetSection(None, tuple(grouped[None]))] if None in grouped else []
    return tuple(named + rest)


def references(debate: Debate) -> tuple[Reference, ...]:
    """The scenario's sources with their facts from the catalogue, in the scenario's order."""
    out = []
    for listed in debate.scenario.sources:
        loaded = debate.sources.get(listed.id)
        facts = loaded.facts if loaded is not None else listed
        published = _published(str(facts.published)) if facts.published is not None else None
        out.append(Reference(facts.title or listed.id, facts.author, facts.publisher, published, facts.url))
    return tuple(out)


def _published(text: str) -> str:
    """A publication date in words (``October 2001``), or as written when it does not parse."""
    try:
        return FuzzyDate.parse(text).describe()
    except ValueError:
        return text


def build(debate: Debate, side: str | None, set_name: str | None, labeller: Labeller | None = None) -> Handout:
    """The handout of a scenario: with a side's brief when ``side`` is given, and only one set's
    questions when ``set_name`` is."""
    return Handout(
        debate.scenario.title,
        debate.scenario.summary,
        debate.actor_name(side) if side is not None else None,
        brief(debate, side) if side is not None else (),
        sections(debate, set_name, labeller),
        references(debate),
    )
