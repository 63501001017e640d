"""The scenario format: pydantic models of a scenario file.

These models are the single definition of the format. The JSON Schema in
``argmap/schema/scenario.schema.json`` is generated from them (``argmap schema``), and a test
fails when the two drift apart. The models check shape and values; cross-references, quotes and
time are checked afterwards by ``argmap.validation.meaning``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StrictInt, StringConstraints

from argmap.scenario.exercises import Exercise
from argmap.scenario.fields import Colour, DateText, Id, Strict, Text

FORMAT_VERSION = 1
"""The newest scenario format this argmap reads. Files written for format 1 keep loading."""

ORDER_LIMIT = 10**9
"""Largest order number (either sign): orders only sort a few items of one date."""

SCHEMA_ID = "urn:argmap:schema:scenario:1"


class Source(Strict):
    """A source document. Give only ``id`` to take the entry of that id from a catalogue."""

    id: Id
    title: Text | None = None
    author: Text | None = Field(default=None, description="Author, or omitted when the text names none.")
    publisher: Text | None = None
    published: DateText | None = Field(default=None, description="Publication date, with its precision.")
    url: Text | None = None
    file: Text | None = Field(
        default=None,
        description="The text file, relative to the scenario's folder, the seeds folder or a "
        "search path. Never absolute, never with '..'.",
    )
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        default=None, description="SHA-256 of the file, so an edited copy is noticed."
    )
    furniture: tuple[Text, ...] = Field(
        default=(),
        description="Page furniture inside the text (running headers, page numbers) that a quote "
        "may span: each passage is skipped when quotes are matched.",
    )
    note: Text | None = None


class Catalogue(Strict):
    """A catalogue of source documents (``catalogue.yaml`` beside them)."""

    sources: tuple[Source, ...]


ActorKind = Literal["side", "person", "body", "commentator"]


class Actor(Strict):
    """A side, a person or body speaking for one, or a commentator analysing the debate."""

    id: Id
    name: Text
    kind: ActorKind = Field(
        description="side: a top-level party; person/body: speaks within a side (or stands "
        "alone); commentator: an author whose analysis is kept apart from the sides."
    )
    parent: Id | None = Field(default=None, description="The side or body this actor belongs to.")
    role: Text | None = Field(default=None, description="Office or description, e.g. 'Foreign Minister'.")
    colour: Colour | None = None
    note: Text | None = None


class Topic(Strict):
    """A question in dispute; claims take a stance on it."""

    id: Id
    question: Text
    short: Text | None = Field(
        default=None,
        description="A short title for narrow places (the position matrix); the question shows in full elsewhere.",
    )
    note: Text | None = None


class Event(Strict):
    """Something that happened at a date: a summit, an interview, a ratification."""

    id: Id
    title: Text
    date: DateText
    order: StrictInt | None = Field(
        ge=-ORDER_LIMIT,
        le=ORDER_LIMIT,
        default=None,
        description="Order among events and claims of the same date (1, 2, ...), as the texts allow.",
    )
    actors: tuple[Id, ...] = Field(default=(), description="Who took part.")
    note: Text | None = None
    evidence: tuple[Evidence, ...] = ()


class Evidence(Strict):
    """A verbatim quote from a source. Write ``[...]`` where words are left out."""

    source: Id
    quote: Text


GlossaryBasis = Literal["sources", "background"]


class GlossaryEntry(Strict):
    """A term students need explained, such as ABM or NMD, and what its meaning rests on."""

    term: Text = Field(description="The term as it appears in the texts, e.g. 'ABM'.")
    meaning: Text = Field(description="What it stands for and means, in a sentence or two.")
    aliases: tuple[Text, ...] = Field(default=(), description="Other spellings that should link to this entry.")
    basis: GlossaryBasis = Field(
        default="background",
        description="sources: the meaning says only what the quotes in 'evidence' show; background: "
        "general knowledge the texts do not give, kept uncontroversial.",
    )
    evidence: tuple[Evidence, ...] = Field(
        default=(), description="With basis 'sources': the quotes the meaning rests on (one or more)."
    )


Stance = Literal["for", "against", "neutral"]
ClaimKind = Literal["position", "assessment", "proposal", "prediction", "report"]


class Claim(Strict):
    """One claim: a short paraphrase, who made it, when, and the words that show it."""

    id: Id
    text: Text = Field(description="A short paraphrase in the author's own words.")
    actor: Id
    with_: tuple[Id, ...] = Field(default=(), alias="with", description="The other parties of a joint statement.")
    topic: Id | None = None
    stance: Stance | None = Field(default=None, description="The claim's stance on its topic.")
    kind: ClaimKind
    event: Id | None = Field(default=None, description="The event the claim was made at.")
    date: DateText | None = Field(default=None, description="The claim's date, when it has no event.")
    order: StrictInt | None = Field(
        ge=-ORDER_LIMIT,
        le=ORDER_LIMIT,
        default=None,
        description="Order among claims of the same date (with no event).",
    )
    tags: tuple[Text, ...] = ()
    note: Text | None = Field(default=None, description="What the text leaves uncertain.")
    evidence: tuple[Evidence, ...] = Field(min_length=1)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


RelationType = Literal["supports", "attacks", "undercuts", "contradicts"]


class Relation(Strict):
    """An arrow between claims; ``undercuts`` points at another relation."""

    id: Id
    type: RelationType
    from_: Id = Field(alias="from", description="The claim that supports, attacks or contradicts.")
    to: Id = Field(description="The claim (or, for undercuts, the relation) it bears on.")
    by: Id | None = Field(
        default=None,
        description="Who asserts the relation: the speaker of 'from' unless a commentator draws it.",
    )
    note: Text | None = None
    evidence: tuple[Evidence, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Focus(Strict):
    """What a walkthrough step points at; give one."""

    claim: Id | None = None
    relation: Id | None = None
    side: Id | None = None
    topic: Id | None = None
    view: Literal["positions", "matrix", "timeline", "tree"] | None = None


class WalkthroughStep(Strict):
    """One step of a guided tour."""

    narration: Text = Field(description="Short Markdown shown beside the map.")
    date: DateText | None = Field(default=None, description="The date the step moves the debate to.")
    focus: Focus | None = None


class Walkthrough(Strict):
    """A named guided tour through the debate."""

    id: Id
    title: Text
    description: Text | None = None
    steps: tuple[WalkthroughStep, ...] = Field(min_length=1)


class Scenario(Strict):
    """A debate: its sources, who speaks, the questions, the claims and how they relate."""

    format: StrictInt = Field(ge=1, description=f"Scenario format version; this argmap reads 1 to {FORMAT_VERSION}.")
    title: Text
    summary: Text
    licence: Text = Field(description="Licence of the scenario file, e.g. CC-BY-4.0.")
    authors: tuple[Text, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    actors: tuple[Actor, ...] = Field(min_length=1)
    topics: tuple[Topic, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = Field(min_length=1)
    relations: tuple[Relation, ...] = ()
    walkthroughs: tuple[Walkthrough, ...] = ()
    exercises: tuple[Exercise, ...] = ()

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_extra={"$id": SCHEMA_ID},
        title="argmap scenario",
    )


Event.model_rebuild()
