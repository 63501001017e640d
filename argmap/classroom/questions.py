"""Exercises as questions whose right answers come from the map.

An exercise in a scenario names what it is about (a claim, some options, a side and a topic);
``derive`` turns it into a ``Question`` with its choices and its right answer, read off the
argument map. An exercise cannot disagree with the map it stands on: when the map gives no
right answer, or more than one, or not the one the author wrote, ``derive`` reports a
``Problem`` instead, and the validator shows it.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from argmap.debate.index import Debate
from argmap.engine.labels import STUDENT_LABELS
from argmap.scenario.dates import FuzzyDate
from argmap.scenario.model import Exercise

Label = str
"""An argumentation label: "in", "out" or "undecided"."""

Labeller = Callable[[Debate, frozenset[str], str], Label]
"""Labels a claim at the last step with some claims switched off (for what-if exercises)."""

STANCES = ("for", "against", "neutral", "conflicting")


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


def _quote(debate: Debate, claim: str) -> str:
    # Typographic marks, so a quote that itself holds straight quotes reads cleanly.
    ev = debate.claims[claim].evidence[0]
    quote = ev.quote.strip()
    if not (quote[:1] in '"\u201c' and quote[-1:] in '"\u201d'):
        quote = f"\u201c{quote}\u201d"
    return f"{quote} ({ev.source})"


def _when(debate: Debate, claim: str) -> str:
    date = debate.date_of_claim(claim)
    return date.describe() if date else "undated"


def claim_label(debate: Debate, claim: str) -> str:
    """A claim as a choice: its paraphrase, speaker and date."""
    return f"{debate.claims[claim].text} ({debate.speaker_names(claim)}, {_when(debate, claim)})"


def attackers(debate: Debate, target: str) -> set[str]:
    """Claims that attack or contradict a claim (a contradiction goes both ways)."""
    return {ch.claim for ch in debate.answers(target, debate.last_step) if ch.edge in ("attacks", "contradicts")}


def supported_by(debate: Debate, claim: str) -> set[str]:
    """The claims a claim supports."""
    return {r.to for r in debate.relations_out.get(claim, ()) if r.type == "supports"}


def _need(ex: Exercise, **fields: object) -> list[Problem]:
    missing = [name for name, value in fields.items() if not value]
    return [Problem("E116", f"a {ex.kind} exercise needs '{name}'", name) for name in missing]


def _claims_only(debate: Debate, ex: Exercise, name: str, ids: tuple[str, ...]) -> list[Problem]:
    return [Problem("E116", f"'{i}' in '{name}' is not a claim", name) for i in ids if i not in debate.claims]


def _single(ex: Exercise, right: list[str], what: str) -> list[Problem]:
    if not right:
        return [Problem("E117", f"no option is {what} according to the map", "options")]
    if len(right) > 1:
        both = " and ".join(f"'{r}'" for r in right)
        return [Problem("E117", f"options {both} are all {what}: a distractor is also right", "options")]
    return []


def derive(debate: Debate, ex: Exercise, labeller: Labeller | None = None) -> Question | list[Problem]:
    """The question an exercise asks, or the problems that stop it being asked."""
    builder = _BUILDERS[ex.kind]
    result = builder(debate, ex, labeller)
    if isinstance(result, list):
        return result
    if ex.answer is not None:
        expected = (ex.answer,) if isinstance(ex.answer, str) else tuple(ex.answer)
        same = expected == result.answer if result.ordered else set(expected) == set(result.answer)
        if not same:
            return [
                Problem(
                    "E117",
                    f"the answer given ({', '.join(expected)}) is not the map's ({', '.join(result.answer)})",
                    "answer",
                )
            ]
    return result


def _who_said_it(debate: Debate, ex: Exercise, _: Labeller | None) -> Question | list[Problem]:
    problems = _need(ex, claim=ex.claim)
    if problems or ex.claim not in debate.claims:
        return problems or [Problem("E116", f"'{ex.claim}' is not a claim", "claim")]
    claim = debate.claims[ex.claim]
    right = claim.actor
    options = list(ex.options)
    bad = [o for o in options if o not in debate.actors]
    if bad:
        return [Problem("E116", f"'{o}' in 'options' is not an actor", "options") for o in bad]
    also_right = [o for o in options if o in claim.with_]
    if also_right:
        return [
            Problem("E117", f"'{also_right[0]}' is a party to this joint claim: a distractor is also right", "options")
        ]
    if not options:
        options = _place(ex.id, right, _speaker_distractors(debate, ex.claim))
    elif right not in options:
        options = _place(ex.id, right, options)
    choices = tuple(Choice(a, _actor_label(debate, a)) for a in options)
    prompt = ex.prompt or f"Who said this? {_quote(debate, ex.claim)}"
    side = debate.side_of_claim(ex.claim)
    said = f"{debate.actor_name(right)}" + (f" ({debate.actor_name(side)})" if side else "")
    feedback = (f"{said}, {_when(debate, ex.claim)}: {_quote(debate, ex.claim)}",)
    return Question(ex.id, ex.kind, prompt, choices, (right,), 1, False, feedback, ex.explanation, ex.set)


def _actor_label(debate: Debate, actor: str) -> str:
    side = debate.side_of_actor.get(actor)
    if side and side != actor:
        return f"{debate.actor_name(actor)} ({debate.actor_name(side)})"
    return debate.actor_name(actor)


def _speaker_distractors(debate: Debate, claim: str) -> list[str]:
    """Three other speakers: two from the claim's own side where it has them (the plausible
    mistakes), then others, in file order."""
    own = debate.claims[claim]
    excluded = {own.actor, *own.with_}
    own_side = debate.side_of_claim(claim)
    speakers: list[str] = []
    for c in debate.scenario.claims:
        if c.actor not in excluded and c.actor not in speakers and debate.side_of_actor.get(c.actor):
            speakers.append(c.actor)
    same = [a for a in speakers if debate.side_of_actor.get(a) == own_side and a != own_side][:2]
    other = [a for a in speakers if debate.side_of_actor.get(a) != own_side]
    return (same + other)[:3]


def _place(exercise: str, right: str, others: list[str]) -> list[str]:
    """Put the right answer among generated options at a place fixed by the exercise's id."""
    at = zlib.crc32(exercise.encode("utf-8")) % (len(others) + 1)
    return [*others[:at], right, *others[at:]]


def in_date(date: FuzzyDate) -> str:
    """'on 12 March 2001', 'in June 2000', 'before June 2000'."""
    text = date.describe()
    if date.qualifier or date.precision == "standing":
        return text
    return f"on {text}" if date.precision == "day" else f"in {text}"


def _pick_claim(
    debate: Debate, ex: Exercise, what: str, is_right: Callable[[str], bool], prompt: str
) -> Question | list[Problem]:
    problems = _need(ex, claim=ex.claim, options=ex.options)
    problems += _claims_only(debate, ex, "options", ex.options)
    if ex.claim is not None and ex.claim not in debate.claims:
        problems.append(Problem("E116", f"'{ex.claim}' is not a claim", "claim"))
    if problems:
        return problems
    right = [o for o in ex.options if is_right(o)]
    problems = _single(ex, right, what)
    if problems:
        return problems
    choices = tuple(Choice(o, claim_label(debate, o)) for o in ex.options)
    feedback = (f"{debate.speaker_names(right[0])}, {_when(debate, right[0])}: {_quote(debate, right[0])}",)
    return Question(
        ex.id, ex.kind, ex.prompt or prompt, choices, (right[0],), 1, False, feedback, ex.explanation, ex.set
    )


def _find_the_rebuttal(debate: Debate, ex: Exercise, _: Labeller | None) -> Question | list[Problem]:
    target = ex.claim or ""
    found = attackers(debate, target) if target in debate.claims else set()
    prompt = f"Which claim answers (attacks) this one? {claim_label(debate, target)}" if target in debate.claims else ""
    return _pick_claim(debate, ex, "an attack on the claim", found.__contains__, prompt)


def _what_does_it_support(debate: Debate, ex: Exercise, _: Labeller | None) -> Question | list[Problem]:
    source = ex.claim or ""
    found = supported_by(debate, source) if source in debate.claims else set()
    prompt = f"What does this claim support? {claim_label(debate, source)}" if source in debate.claims else ""
    return _pick_claim(debate, ex, "supported by the claim", found.__contains__, prompt)


def _order_in_time(debate: Debate, ex: Exercise, _: Labeller | None) -> Question | list[Problem]:
    problems = _need(ex, claims=ex.claims) + _claims_only(debate, ex, "claims", ex.claims)
    if not problems and len(ex.claims) < 2:
        problems = [Problem("E116", "an order-in-time exercise needs two claims or more", "claims")]
    if problems:
        return problems
    ordered = sorted(ex.claims, key=lambda c: (debate.step_of_claim(c), debate.order[c]))
    for a, b in pairwise(ordered):
        if debate.step_of_claim(a) == debate.step_of_claim(b):
            return [
                Problem("E117", f"'{a}' and '{b}' were said at the same step: the map does not order them", "claims")
            ]
    choices = tuple(Choice(c, claim_label(debate, c)) for c in ex.claims)
    feedback = tuple(f"{_when(debate, c)}: {debate.claims[c].text}" for c in ordered)
    prompt = ex.prompt or "Put these statements in the order they were made, earliest first."
    return Question(
        ex.id, ex.kind, prompt, choices, tuple(ordered), len(ordered), True, feedback, ex.explanation, ex.set
    )


def _spot_the_contradiction(debate: Debate, ex: Exercise, _: Labeller | None) -> Question | list[Problem]:
    problems = _need(ex, side=ex.side, options=ex.options) + _claims_only(debate, ex, "options", ex.options)
    if problems:
        return problems
    assert ex.side is not None
    options = set(ex.options)
    pairs = sorted(
        {
            tuple(sorted((c.first, c.second)))
            for c in debate.contradictions(debate.last_step, ex.side)
            if c.first in options and c.second in options
        }
    )
    if not pairs:
        return [
            Problem("E117", f"no two options are claims of '{ex.side}' in conflict according to the map", "options")
        ]
    if len(pairs) > 1:
        listed = "; ".join(" and ".join(p) for p in pairs)
        return [
            Problem(
                "E117", f"more than one pair of options conflicts ({listed}): a distractor is also right", "options"
            )
        ]
    pair = pairs[0]
    choices = tuple(Choice(o, claim_label(debate, o)) for o in ex.options)
    feedback = tuple(f"{debate.speaker_names(c)}, {_when(debate, c)}: {_quote(debate, c)}" for c in pair)
    prompt = ex.prompt or f"Two of these claims of {debate.actor_name(ex.side)} cannot both hold. Which two?"
    return Question(ex.id, ex.kind, prompt, choices, pair, 2, False, feedback, ex.explanation, ex.set)


def _fill_the_stance(debate: Debate, ex: Exercise, _: Labeller | None) -> Question | list[Problem]:
    problems = _need(ex, side=ex.side, topic=ex.topic, date=ex.date)
    if problems:
        return problems
    assert ex.side and ex.topic and ex.date
    step = debate.step_of_date(ex.date)
    position = debate.position(ex.side, ex.topic, step)
    when = in_date(FuzzyDate.parse(ex.date))
    if position is None:
        return [Problem("E117", f"the map gives no stance of '{ex.side}' on '{ex.topic}' {when}", "date")]
    question = debate.topics[ex.topic].question if ex.topic in debate.topics else ex.topic
    prompt = (
        ex.prompt or f"{debate.actor_name(ex.side)}, {when}: where did this side stand on this question? {question}"
    )
    choices = tuple(Choice(s, s) for s in STANCES)
    feedback = tuple(f"{debate.speaker_names(c)}, {_when(debate, c)}: {_quote(debate, c)}" for c in position.claims)
    return Question(ex.id, ex.kind, prompt, choices, (position.stance,), 1, False, feedback, ex.explanation, ex.set)


def _what_if(debate: Debate, ex: Exercise, labeller: Labeller | None) -> Question | list[Problem]:
    problems = _need(ex, claim=ex.claim, switch_off=ex.switch_off)
    problems += _claims_only(debate, ex, "switch_off", ex.switch_off)
    if ex.claim is not None and ex.claim not in debate.claims:
        problems.append(Problem("E116", f"'{ex.claim}' is not a claim", "claim"))
    if problems:
        return problems
    assert ex.claim is not None
    if labeller is None:
        return [Problem("E116", "what-if exercises need the argumentation engine", "kind")]
    label = labeller(debate, frozenset(ex.switch_off), ex.claim)
    off = "; ".join(f'"{debate.claims[c].text}"' for c in ex.switch_off)
    prompt = ex.prompt or (
        f"Suppose these claims were never made: {off}. At the end of the debate, does "
        f'"{debate.claims[ex.claim].text}" stand (in), fall (out) or stay undecided?'
    )
    choices = tuple(Choice(label_value, label_value) for label_value in STUDENT_LABELS)
    feedback = (f"With those claims switched off, the claim is {label} under grounded semantics.",)
    return Question(ex.id, ex.kind, prompt, choices, (label,), 1, False, feedback, ex.explanation, ex.set)


_BUILDERS: dict[str, Callable[[Debate, Exercise, Labeller | None], Question | list[Problem]]] = {
    "who-said-it": _who_said_it,
    "find-the-rebuttal": _find_the_rebuttal,
    "what-does-it-support": _what_does_it_support,
    "order-in-time": _order_in_time,
    "spot-the-contradiction": _spot_the_contradiction,
    "fill-the-stance": _fill_the_stance,
    "what-if": _what_if,
}


@dataclass(frozen=True, slots=True)
class Graded:
    correct: bool
    answer: tuple[str, ...]
    expected: tuple[str, ...]


def grade(question: Question, answer: tuple[str, ...]) -> Graded:
    """Right or wrong: order matters only for order-in-time."""
    if question.ordered:
        ok = tuple(answer) == question.answer
    else:
        ok = set(answer) == set(question.answer) and len(answer) == len(question.answer)
    return Graded(ok, tuple(answer), question.answer)
