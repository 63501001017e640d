"""Starting an exercise set: what a command line may ask for, the set to do, and the session
that resumes the student's results file."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from argmap.base.textsafe import visible
from argmap.classroom.filenames import MAX_NAME, normal
from argmap.classroom.labels import engine_labeller
from argmap.classroom.results import ResultsFile, default_folder
from argmap.classroom.session import ExerciseSetup, Session, exercise_sets, ordered, questions, unknown_set
from argmap.debate.index import Debate


def command_line_setup(
    debate: Debate, *, set_name: str | None, folder: Path | None, student: str | None, shuffle: bool
) -> ExerciseSetup:
    """The setup a command line asks for, the student's name as it will be shown.

    Raises ``ValueError`` for a scenario without exercises, an unknown set (naming the sets),
    or a student's name that is empty or too long.
    """
    sets = exercise_sets(debate)
    if not sets:
        raise ValueError("this scenario has no exercises")
    if set_name is not None and set_name not in sets:
        raise ValueError(unknown_set(debate, set_name))
    if student is not None and len(normal(student)) > MAX_NAME:
        raise ValueError(f"a student's name has at most {MAX_NAME} characters")
    if student is not None and not normal(student):
        raise ValueError("give the student's name")
    shown_student = visible(student) if student is not None else None
    return ExerciseSetup(folder or default_folder(), shown_student, set_name, shuffle)


def with_only_set(setup: ExerciseSetup, debate: Debate) -> ExerciseSetup:
    """The setup, on the scenario's only set when it names none."""
    sets = exercise_sets(debate)
    if setup.set_name is None and len(sets) == 1:
        return replace(setup, set_name=next(iter(sets)))
    return setup


@dataclass(frozen=True, slots=True)
class Started:
    """A set begun: the session, at the first question not yet answered, and the results file
    it saves to (locked until closed)."""

    session: Session
    results: ResultsFile
    set_name: str


def begin(debate: Debate, setup: ExerciseSetup, scenario_name: str, sha256: str) -> Started:
    """Open the student's results file for the set and the session resuming it: the questions
    in the set's order (or the student's shuffle), those answered before counted.

    The setup names a student and a known set. Raises ``results.ResultsUnavailable`` when the
    results file cannot be used.
    """
    assert setup.student is not None and setup.set_name is not None
    student, set_name = setup.student, setup.set_name
    results = ResultsFile.open(setup.folder, student, scenario_name, sha256, set_name)
    exercises = ordered(exercise_sets(debate)[set_name], student=student, set_name=set_name, shuffle=setup.shuffle)
    asked, skipped = questions(debate, exercises, engine_labeller())
    answered = {exercise: record.correct for exercise, record in results.answered().items()}
    return Started(Session.start(asked, skipped, answered), results, set_name)
