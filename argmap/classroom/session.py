"""An exercise session: the questions of a set in the order they are asked, and the student's
way through them, as one immutable value replaced by every answer.

The order is the author's, or a shuffle seeded by the student's name and the set, so that a
student who comes back finds the questions in the same order (and students with different
names, in any script, mostly different orders). A session starts at the first
question not yet answered for this version of the scenario; the answers themselves are kept by
the results file (``results.ResultsFile``), saved as each one is given.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from argmap.classroom.filenames import normal, old_slug
from argmap.classroom.question import Labeller, Question
from argmap.classroom.questions import Graded, derive, grade
from argmap.debate.index import Debate
from argmap.scenario.exercises import Exercise

ALL = "all"
"""The set name of every exercise of a scenario, when it has several sets (or none)."""


@dataclass(frozen=True, slots=True)
class ExerciseSetup:
    """How to start exercises: from the command line, or asked for in the app when None."""

    folder: Path
    student: str | None = None
    set_name: str | None = None
    shuffle: bool = False


def exercise_sets(debate: Debate) -> dict[str, tuple[Exercise, ...]]:
    """The named sets in the order they first appear, then ``all`` when there is more than one
    set or some exercise belongs to none."""
    sets: dict[str, list[Exercise]] = {}
    for ex in debate.scenario.exercises:
        if ex.set is not None:
            sets.setdefault(ex.set, []).append(ex)
    out = {name: tuple(exercises) for name, exercises in sets.items()}
    exercises = debate.scenario.exercises
    if exercises and (len(out) != 1 or any(ex.set is None for ex in exercises)) and ALL not in out:
        out[ALL] = tuple(exercises)
    return out


def unknown_set(debate: Debate, name: str) -> str:
    """Why a set name is refused, listing the known ones."""
    known = ", ".join(exercise_sets(debate)) or "none (this scenario has no exercises)"
    return f"no exercise set '{name}'; sets: {known}"


def ordered(exercises: Sequence[Exercise], *, student: str, set_name: str, shuffle: bool) -> list[Exercise]:
    """The author's order, or a shuffle that is the same every time for a student and a set."""
    out = list(exercises)
    if shuffle:
        random.Random(f"{shuffle_name(student)}\n{set_name}").shuffle(out)
    return out


def shuffle_name(student: str) -> str:
    """The name a shuffle is seeded by: for an ASCII name, its slug as argmap has always used
    (so the order stays what it was), else the whole name (a slug of ASCII letters would give
    every Cyrillic or Greek name one order)."""
    name = normal(student)
    return old_slug(name) if name.isascii() else name


@dataclass(frozen=True, slots=True)
class Skipped:
    """An exercise that cannot be asked here, and why (shown to the student)."""

    exercise: str
    kind: str
    reason: str


def questions(
    debate: Debate, exercises: Sequence[Exercise], labeller: Labeller | None
) -> tuple[tuple[Question, ...], tuple[Skipped, ...]]:
    """The questions to ask, and the exercises skipped: what-if needs the engine's labels."""
    asked: list[Question] = []
    skipped: list[Skipped] = []
    for ex in exercises:
        result = derive(debate, ex, labeller)
        if isinstance(result, Question):
            asked.append(result)
        elif ex.kind == "what-if" and labeller is None:
            skipped.append(Skipped(ex.id, ex.kind, "what-if questions need the argumentation engine"))
        else:
            skipped.append(Skipped(ex.id, ex.kind, "; ".join(p.message for p in result)))
    return tuple(asked), tuple(skipped)


@dataclass(frozen=True, slots=True)
class Session:
    """Where a student is in a set: the current question, the choices picked so far, and the
    grade of the answer just given (until the student moves on)."""

    questions: tuple[Question, ...]
    skipped: tuple[Skipped, ...] = ()
    results: tuple[tuple[str, bool], ...] = ()
    """(exercise, right?) for every question answered, this time or before."""
    index: int = 0
    picks: tuple[str, ...] = ()
    graded: Graded | None = None
    earlier: int = field(default=0)
    """How many questions were answered before this session (on resuming)."""

    @classmethod
    def start(
        cls, asked: Sequence[Question], skipped: Sequence[Skipped] = (), answered: Mapping[str, bool] | None = None
    ) -> Session:
        """A session at the first question not yet answered."""
        answered = answered or {}
        ids = {q.exercise for q in asked}
        results = tuple((q.exercise, answered[q.exercise]) for q in asked if q.exercise in answered)
        session = cls(tuple(asked), tuple(skipped), results, -1, earlier=len([e for e in answered if e in ids]))
        return replace(session, index=session._next_unanswered(-1))

    # --- reading --------------------------------------------------------------------------

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if 0 <= self.index < len(self.questions) else None

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def answered(self) -> dict[str, bool]:
        return dict(self.results)

    @property
    def right(self) -> int:
        return sum(ok for _, ok in self.results)

    @property
    def position(self) -> int:
        """The current question's number, counting from 1."""
        return min(self.index, len(self.questions) - 1) + 1

    def _next_unanswered(self, after: int) -> int:
        done = self.answered
        for i in range(after + 1, len(self.questions)):
            if self.questions[i].exercise not in done:
                return i
        return len(self.questions)

    # --- answering ------------------------------------------------------------------------

    def pick(self, value: str) -> Session:
        """Pick a choice. A question is graded once it has all its picks: at once for one pick;
        for two (a contradiction), picking again takes a pick back; for an order, the last
        choice left is placed by itself."""
        question = self.current
        if question is None or self.graded is not None:
            return self
        if value not in {c.value for c in question.choices}:
            return self
        if value in self.picks:
            return self if question.ordered else replace(self, picks=tuple(p for p in self.picks if p != value))
        picks = (*self.picks, value)
        left = [c.value for c in question.choices if c.value not in picks]
        if question.ordered and len(picks) == question.picks - 1 and len(left) == 1:
            picks = (*picks, left[0])
        if len(picks) < question.picks:
            return replace(self, picks=picks)
        graded = grade(question, picks)
        return replace(self, picks=picks, graded=graded, results=(*self.results, (question.exercise, graded.correct)))

    def undo(self) -> Session:
        """Take back the last pick of an answer not yet complete."""
        if self.graded is not None or not self.picks:
            return self
        return replace(self, picks=self.picks[:-1])

    def next(self) -> Session:
        """On to the next question not yet answered, once this one is graded."""
        if self.graded is None:
            return self
        return replace(self, index=self._next_unanswered(self.index), picks=(), graded=None)
