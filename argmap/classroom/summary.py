"""A class summary of results files: per student, per exercise, per kind, most missed, as the
live view of a class counts them (the gradebook, ``gradebook``, is what ``argmap results`` writes).

Only each student's latest answer to each exercise counts, and answers to different versions of
a scenario are summarised apart (a scenario's version is its SHA-256, shortened). Names are
shown on one line with every control character visible, and the lines and files that could not
be read are counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.base.diagnostics import Diagnostic
from argmap.base.textsafe import visible
from argmap.classroom.filenames import normal
from argmap.classroom.records import Record


@dataclass(frozen=True, slots=True)
class Tally:
    name: str
    answered: int
    correct: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


@dataclass(frozen=True, slots=True)
class Summary:
    versions: tuple[str, ...]
    students: tuple[Tally, ...]
    exercises: tuple[Tally, ...]
    kinds: tuple[Tally, ...]
    most_missed: tuple[Tally, ...]
    lines_not_read: int = 0
    files_not_read: int = 0


def _latest(records: list[Record]) -> list[Record]:
    latest: dict[tuple[str, str, str, str], Record] = {}
    for r in sorted(records, key=lambda r: r.at):
        latest[(normal(r.student), r.scenario_sha256, r.set, r.exercise)] = r
    return list(latest.values())


def one_line(name: str) -> str:
    """A name on one line, its control characters visible (one character for one)."""
    return visible(name.translate({0x09: 0x2409, 0x0A: 0x240A}))


def _tally(groups: dict[str, list[Record]]) -> tuple[Tally, ...]:
    return tuple(Tally(name, len(rs), sum(r.correct for r in rs)) for name, rs in sorted(groups.items()))


def summarise(records: list[Record], problems: Sequence[Diagnostic] = ()) -> Summary:
    """The class summary of ``records``; ``problems`` are the lines (warnings) and files
    (errors) that could not be read, counted."""
    latest = _latest(records)
    by_student: dict[str, list[Record]] = defaultdict(list)
    by_exercise: dict[str, list[Record]] = defaultdict(list)
    by_kind: dict[str, list[Record]] = defaultdict(list)
    versions = sorted({one_line(f"{r.scenario} @ {r.scenario_sha256[:12]}") for r in latest})
    several = len(versions) > 1
    for r in latest:
        version = f" @ {r.scenario_sha256[:12]}" if several else ""
        by_student[one_line(normal(r.student))].append(r)
        by_exercise[one_line(f"{r.exercise}{version}")].append(r)
        by_kind[one_line(r.kind)].append(r)
    exercises = _tally(by_exercise)
    missed = sorted(
        (t for t in exercises if t.correct < t.answered), key=lambda t: (-(t.answered - t.correct), t.percent, t.name)
    )
    lines = sum(d.severity == "warning" for d in problems)
    return Summary(
        tuple(versions),
        _tally(by_student),
        exercises,
        _tally(by_kind),
        tuple(missed[:10]),
        lines,
        len(problems) - lines,
    )
