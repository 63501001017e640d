"""The gradebook of a class: every student's answers to every question, numbered as the handout
numbers them, with each set's score and completion.

The questions and their numbers come from the scenario (``numbering``) when it is known; an
answer to an exercise the scenario does not have (another version, another scenario) gets a
column of its own, named by its exercise id. For each student and set only the latest attempt
counts, and in it the latest answer to each question; earlier attempts are kept as scores.
Role-plays are sets too: their rounds count towards their score, not as question columns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.base.diagnostics import Diagnostic
from argmap.classroom import roleplay
from argmap.classroom.filenames import normal
from argmap.classroom.labels import engine_labeller
from argmap.classroom.numbering import numbers
from argmap.classroom.question import Question
from argmap.classroom.questions import derive
from argmap.classroom.records import Record
from argmap.classroom.roleplay import ROLEPLAY_KIND, roleplay_set
from argmap.classroom.session import exercise_sets
from argmap.classroom.summary import one_line
from argmap.debate.index import Debate


@dataclass(frozen=True, slots=True)
class Column:
    """A question of the gradebook."""

    number: int | None
    exercise: str
    set: str
    kind: str
    prompt: str | None = None
    """The question as the handout asks it, when the scenario is known."""

    @property
    def label(self) -> str:
        return f"Q{self.number}" if self.number is not None else one_line(self.exercise)


@dataclass(frozen=True, slots=True)
class Plan:
    """What the scenario asks: its questions in order, and how many questions or rounds each set has."""

    scenario: str | None
    columns: tuple[Column, ...] = ()
    sizes: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    """A set's name as shown, when it is not the set's own (a role-play's side)."""


def plan_of(debate: Debate) -> Plan:
    """What a scenario asks, for its gradebook."""
    number = numbers(debate.scenario)
    labeller = engine_labeller()
    columns = []
    for ex in debate.scenario.exercises:
        q = derive(debate, ex, labeller)
        prompt = q.prompt if isinstance(q, Question) else None
        columns.append(Column(number[ex.id], ex.id, ex.set or "all", ex.kind, prompt))
    sizes = {name: len(exs) for name, exs in exercise_sets(debate).items()}
    titles = {}
    for side in debate.sides:
        rounds = len(roleplay.start(debate, side).rounds)
        if rounds:
            sizes[roleplay_set(side)] = rounds
            titles[roleplay_set(side)] = f"role-play as {debate.actor_name(side)}"
    return Plan(debate.scenario.title, tuple(columns), sizes, titles)


@dataclass(frozen=True, slots=True)
class SetResult:
    answered: int
    correct: int
    total: int | None
    """How many questions (or rounds) the set has, when the scenario is known."""
    attempt: int
    earlier: tuple[tuple[int, int, int], ...] = ()
    """(attempt, correct, answered) of each earlier attempt."""

    @property
    def completion(self) -> int | None:
        return round(100 * self.answered / self.total) if self.total else None

    @property
    def done(self) -> str:
        """``5 of 7`` (or ``5`` when the set's size is not known)."""
        return f"{self.answered} of {self.total}" if self.total else str(self.answered)


@dataclass(frozen=True, slots=True)
class StudentLine:
    name: str
    cells: dict[str, bool]
    """Right or wrong, by exercise id, in the latest attempt."""
    sets: dict[str, SetResult]


@dataclass(frozen=True, slots=True)
class Tally:
    name: str
    answered: int
    correct: int
    prompt: str | None = None
    """For a question: what it asks."""

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


@dataclass(frozen=True, slots=True)
class Gradebook:
    title: str | None
    columns: tuple[Column, ...]
    """The questions answered or asked, in the handout's order."""
    sets: tuple[str, ...]
    titles: dict[str, str]
    students: tuple[StudentLine, ...]
    questions: tuple[Tally, ...]
    """Each column's answers over the class, named by the column's label."""
    kinds: tuple[Tally, ...]
    most_missed: tuple[Tally, ...]
    versions: tuple[str, ...]
    lines_not_read: int = 0
    files_not_read: int = 0

    def set_title(self, name: str) -> str:
        return self.titles.get(name, one_line(name))

    def columns_of(self, set_name: str) -> list[Column]:
        return [c for c in self.columns if c.set == set_name]


def _latest_attempts(records: list[Record]) -> dict[tuple[str, str], dict[int, dict[str, Record]]]:
    """By (student, set), each attempt's latest answer to each exercise."""
    out: dict[tuple[str, str], dict[int, dict[str, Record]]] = defaultdict(lambda: defaultdict(dict))
    for r in sorted(records, key=lambda r: r.at):
        out[(one_line(normal(r.student)), normal(r.set))][r.attempt][r.exercise] = r
    return out


def gradebook(records: list[Record], plan: Plan | None = None, problems: Sequence[Diagnostic] = ()) -> Gradebook:
    """The gradebook of ``records``; ``problems`` are the lines (warnings) and files (errors)
    that could not be read, counted."""
    plan = plan or Plan(None)
    attempts = _latest_attempts(records)
    planned = {c.exercise: c for c in plan.columns}
    columns = list(plan.columns)
    kinds: dict[str, str] = {}
    for r in records:
        kinds.setdefault(r.exercise, r.kind)
        if r.exercise not in planned and r.kind != ROLEPLAY_KIND:
            planned[r.exercise] = Column(None, r.exercise, normal(r.set), r.kind)
            columns.append(planned[r.exercise])
    set_order = list(dict.fromkeys([c.set for c in columns] + [s for _, s in sorted(attempts)]))
    students: dict[str, StudentLine] = {}
    by_question: dict[str, list[bool]] = defaultdict(list)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for (student, set_name), tries in sorted(attempts.items()):
        last = max(tries)
        answers = tries[last]
        earlier = tuple(
            (n, sum(r.correct for r in rs.values()), len(rs)) for n, rs in sorted(tries.items()) if n != last
        )
        line = students.setdefault(student, StudentLine(student, {}, {}))
        line.sets[set_name] = SetResult(
            len(answers), sum(r.correct for r in answers.values()), plan.sizes.get(set_name), last, earlier
        )
        for exercise, r in answers.items():
            if r.kind == ROLEPLAY_KIND:
                continue
            line.cells[exercise] = r.correct
            by_question[exercise].append(r.correct)
            by_kind[one_line(r.kind)].append(r.correct)
    answered = [c for c in columns if c.exercise in by_question or c.number is not None]
    questions = tuple(
        Tally(c.label, len(by_question[c.exercise]), sum(by_question[c.exercise]), c.prompt) for c in answered
    )
    missed = sorted(
        (t for t in questions if t.correct < t.answered), key=lambda t: (-(t.answered - t.correct), t.percent)
    )
    versions = sorted({one_line(f"{r.scenario} @ {r.scenario_sha256[:12]}") for r in records})
    lines = sum(d.severity == "warning" for d in problems)
    return Gradebook(
        plan.scenario,
        tuple(answered),
        tuple(set_order),
        dict(plan.titles),
        tuple(students[name] for name in sorted(students)),
        questions,
        tuple(Tally(k, len(v), sum(v)) for k, v in sorted(by_kind.items())),
        tuple(missed[:10]),
        tuple(versions),
        lines,
        len(problems) - lines,
    )
