"""Exercises of the scenario format: one model per kind, holding exactly the keys it takes.

``kind`` tells the kinds apart. What a kind asks and how its right answer is read off the map
is ``argmap.classroom.kinds``'s.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field

from argmap.scenario.fields import DateText, Id, Strict, Text


class ExerciseBase(Strict):
    """The keys every kind of exercise takes."""

    id: Id
    kind: str
    set: Id | None = Field(default=None, description="The exercise set it belongs to.")
    prompt: Text | None = Field(default=None, description="The question, when the default wording will not do.")
    answer: Text | tuple[Text, ...] | None = Field(
        default=None,
        description="Optional: the answer the author expects; it must agree with the map.",
    )
    explanation: Text | None = Field(default=None, description="Shown after the student answers.")


class WhoSaidIt(ExerciseBase):
    """Who made a claim: the right answer is its speaker."""

    kind: Literal["who-said-it"]
    claim: Id = Field(description="The claim whose speaker is asked for.")
    options: tuple[Id, ...] = Field(
        default=(), description="The speakers to offer; by default three others are chosen."
    )


class FindTheRebuttal(ExerciseBase):
    """Which option attacks or contradicts a claim."""

    kind: Literal["find-the-rebuttal"]
    claim: Id = Field(description="The claim answered.")
    options: tuple[Id, ...] = Field(description="The claims offered.")


class WhatDoesItSupport(ExerciseBase):
    """Which option a claim supports."""

    kind: Literal["what-does-it-support"]
    claim: Id = Field(description="The claim that supports.")
    options: tuple[Id, ...] = Field(description="The claims offered.")


class OrderInTime(ExerciseBase):
    """Claims to put in the order they were made."""

    kind: Literal["order-in-time"]
    claims: tuple[Id, ...] = Field(description="The claims to put in order (two or more).")


class SpotTheContradiction(ExerciseBase):
    """The one pair of options that are in conflict within a side."""

    kind: Literal["spot-the-contradiction"]
    side: Id
    options: tuple[Id, ...] = Field(description="The claims offered.")


class FillTheStance(ExerciseBase):
    """A side's stance on a topic at a date."""

    kind: Literal["fill-the-stance"]
    side: Id
    topic: Id
    date: DateText


class WhatIf(ExerciseBase):
    """A claim's label at the end of the debate with some claims switched off."""

    kind: Literal["what-if"]
    claim: Id = Field(description="The claim whose label is asked for.")
    switch_off: tuple[Id, ...] = Field(description="The claims switched off.")


Exercise = Annotated[
    WhoSaidIt | FindTheRebuttal | WhatDoesItSupport | OrderInTime | SpotTheContradiction | FillTheStance | WhatIf,
    Field(discriminator="kind"),
]
"""An exercise whose correct answer argmap derives from the map itself."""

EXERCISE_MODELS: dict[str, type[ExerciseBase]] = {
    get_args(model.model_fields["kind"].annotation)[0]: model for model in get_args(get_args(Exercise)[0])
}
"""Each kind's model, by the ``kind`` it is written with."""


def incomplete(kind: str, key: str) -> str:
    """How an exercise without a key its kind needs is reported (E116), wherever that is found."""
    return f"a {kind} exercise needs '{key}'"
