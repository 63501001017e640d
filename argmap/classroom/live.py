"""The class as it is now, for a teacher following it: who is connected, how far each student
is in each set, and the questions most missed so far.

Read from the results folder alone: the answers in its results files, and the sessions open now
in its ``.present`` folder (``presence``), which also tell how many questions each set has.
Only each student's latest answer to an exercise counts, as in the summary.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from argmap.classroom.filenames import normal
from argmap.classroom.presence import Here, present
from argmap.classroom.records import Record
from argmap.classroom.results import read_folder
from argmap.classroom.summary import Tally, one_line, summarise


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a student is in a set."""

    student: str
    set: str
    answered: int
    correct: int
    total: int | None
    """How many questions the set has, when an open session of that scenario says."""
    last: str
    """When the latest answer was given."""


@dataclass(frozen=True, slots=True)
class ClassNow:
    present: tuple[Here, ...]
    progress: tuple[Progress, ...]
    sizes: Sizes
    """The sizes of sets known: told by the sessions open now, and by those seen before."""
    most_missed: tuple[Tally, ...]
    not_read: int
    """Lines and files that could not be read."""


Sizes = dict[tuple[str, str], int]
"""How many questions each set has, by scenario version and set name."""


def _progress(records: list[Record], sizes: Sizes) -> tuple[Progress, ...]:
    latest: dict[tuple[str, str, str, str], Record] = {}
    for r in sorted(records, key=lambda r: r.at):
        latest[(normal(r.student), r.scenario_sha256, r.set, r.exercise)] = r
    groups: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for (student, sha, set_name, _), r in latest.items():
        groups[(student, sha, set_name)].append(r)
    out = [
        Progress(
            student, set_name, len(rs), sum(r.correct for r in rs), sizes.get((sha, set_name)), max(r.at for r in rs)
        )
        for (student, sha, set_name), rs in groups.items()
    ]
    return tuple(sorted(out, key=lambda p: (p.student.casefold(), p.set)))


def follow(folder: Path, known: Sizes | None = None) -> ClassNow:
    """The class of ``folder`` now; ``known`` are the sizes of sets an earlier look found, so
    that a student's progress is still shown out of the set's size once their session ends."""
    found = read_folder(folder)
    here = tuple(present(folder))
    sizes = {**(known or {}), **{(h.scenario_sha256, name): n for h in here for name, n in h.sets.items()}}
    summary = summarise(found.records, found.problems)
    return ClassNow(here, _progress(found.records, sizes), sizes, summary.most_missed[:5], len(found.problems))


def to_text(now: ClassNow) -> str:
    """The class as a few short tables, every name shown with its control characters visible."""
    connected = sorted({one_line(h.student) for h in now.present}, key=str.casefold)
    lines = [f"Connected ({len(connected)}): " + (", ".join(connected) if connected else "nobody yet")]
    lines += ["", "Progress"]
    if now.progress:
        width = max(len("student"), *(len(one_line(p.student)) for p in now.progress))
        sets = max(len("set"), *(len(one_line(p.set)) for p in now.progress))
        lines.append(f"  {'student':<{width}}  {'set':<{sets}}  answered  correct  last answer")
        for p in now.progress:
            of = f"{p.answered}/{p.total}" if p.total is not None else str(p.answered)
            at = p.last[11:19] if len(p.last) >= 19 else p.last
            lines.append(f"  {one_line(p.student):<{width}}  {one_line(p.set):<{sets}}  {of:>8}  {p.correct:>7}  {at}")
    else:
        lines.append("  (no answers yet)")
    lines += ["", "Most missed"]
    if now.most_missed:
        width = max(len("exercise"), *(len(t.name) for t in now.most_missed))
        lines.append(f"  {'exercise':<{width}}  missed  answered")
        lines += [f"  {t.name:<{width}}  {t.answered - t.correct:>6}  {t.answered:>8}" for t in now.most_missed]
    else:
        lines.append("  (none missed yet)")
    if now.not_read:
        lines += ["", f"{now.not_read} line(s) or file(s) could not be read: argmap results shows them"]
    return "\n".join(lines)
