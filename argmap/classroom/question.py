"""What a question is, what each kind of exercise provides to ask one, and the wording that
questions share: claims as choices, quotes, dates."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from argmap.base.quoting import quoted
from argmap.debate.index import Debate
from argmap.scenario.dates import FuzzyDate
from argmap.scenario.exercises import EXERCISE_MODELS, ExerciseBase, incomplete

Label = str
"""An argumentation label: "in", "out" or "undecided"."""

Labeller = Callable[[Debate, frozenset[str], str], Label]
"""Labels a claim at the last step with some claims switched off (for what-if exercises)."""


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Question:
    """A question ready to ask: its choices and its right answer."""

    exercise: str
    kind: str
    prompt: str
    choices: tuple[Choice, ...]
    answer: tuple[str, ...]
    """The right choice values; in order for order-in-time, a pair for spot-the-contradiction."""
    picks: int
    """How many choices the student gives."""
    ordered: bool
    feedback: tuple[str, ...]
    """Lines shown after answering: the quotes that settle it."""
    explanation: str | None = None
    set: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an exercise cannot be asked: a missing key (E116) or an answer at odds with the map (E117)."""

    code: str
    message: str
    field: str | None = None


Table = Literal["claim", "actor", "topic"]


@dataclass(frozen=True, slots=True)
class Reference:
    """A key of an exercise that names something in the map: one id, or a list of ids."""

    key: str
    table: Table


E = TypeVar("E", bound=ExerciseBase)


@dataclass(frozen=True, slots=True)
class Kind(Generic[E]):
    """What a kind of exercise provides: its model, the keys that name things in the map (in
    the order they are checked), and how its question is derived from the map. ``derive`` may
    take every reference to resolve."""

    model: type[E]
    references: tuple[Reference, ...]
    derive: Callable[[Debate, E, Labeller | None], Question | list[Problem]]

    @property
    def name(self) -> str:
        return next(name for name, model in EXERCISE_MODELS.items() if model is self.model)


def source_title(debate: Debate, source: str) -> str:
    """A source as readers know it: its title from the catalogue, else its id."""
    found = debate.sources.get(source)
    title = found.facts.title if found is not None else None
    if title is None:
        listed = next((s for s in debate.scenario.sources if s.id == source), None)
        title = listed.title if listed is not None else None
    return title or source


def quote(debate: Debate, claim: str) -> str:
    """A claim's first quote in quotation marks, and the title of its source."""
    ev = debate.claims[claim].evidence[0]
    return f"{quoted(ev.quote)} ({source_title(debate, ev.source)})"


def when(debate: Debate, claim: str) -> str:
    date = debate.date_of_claim(claim)
    return date.describe() if date else "undated"


def claim_label(debate: Debate, claim: str) -> str:
    """A claim as a choice: its paraphrase, speaker and date."""
    return f"{debate.claims[claim].text} ({debate.speaker_names(claim)}, {when(debate, claim)})"


def undated_label(debate: Debate, claim: str) -> str:
    """A claim as a choice without its date, for questions whose answer the dates would give."""
    return f"{debate.claims[claim].text} ({debate.speaker_names(claim)})"


def said(debate: Debate, claim: str) -> str:
    """Who said a claim, when, and the words that show it."""
    return f"{debate.speaker_names(claim)}, {when(debate, claim)}: {quote(debate, claim)}"


def attackers(debate: Debate, target: str) -> set[str]:
    """Claims that attack or contradict a claim (a contradiction goes both ways)."""
    return {ch.claim for ch in debate.answers(target, debate.last_step) if ch.edge in ("attacks", "contradicts")}


def supported_by(debate: Debate, claim: str) -> set[str]:
    """The claims a claim supports."""
    return {r.to for r in debate.relations_out.get(claim, ()) if r.type == "supports"}


def place(exercise: str, right: str, others: list[str]) -> list[str]:
    """Put the right answer among generated options at a place fixed by the exercise's id."""
    at = zlib.crc32(exercise.encode("utf-8")) % (len(others) + 1)
    return [*others[:at], right, *others[at:]]


def in_date(date: FuzzyDate) -> str:
    """'on 12 March 2001', 'in June 2000', 'before June 2000'."""
    text = date.describe()
    if date.qualifier or date.precision == "standing":
        return text
    return f"on {text}" if date.precision == "day" else f"in {text}"


def need(ex: ExerciseBase, **fields: object) -> list[Problem]:
    """A problem for each list given empty where the kind needs items."""
    return [Problem("E116", incomplete(ex.kind, name), name) for name, value in fields.items() if not value]


def single(right: list[str], what: str) -> list[Problem]:
    """Problems unless exactly one option is right."""
    if not right:
        return [Problem("E117", f"no option is {what} according to the map", "options")]
    if len(right) > 1:
        both = " and ".join(f"'{r}'" for r in right)
        return [Problem("E117", f"options {both} are all {what}: a distractor is also right", "options")]
    return []
