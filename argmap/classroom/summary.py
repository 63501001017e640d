"""A class summary of results files: per student, per exercise, per kind, most missed.

Only each student's latest answer to each exercise counts, and answers to different versions of
a scenario are summarised apart (a scenario's version is its SHA-256, shortened). Names are
shown on one line with every control character visible, and the lines and files that could not
be read are counted.
"""

from __future__ import annotations

import csv
import io
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


def _not_read(summary: Summary) -> str | None:
    parts = []
    if summary.lines_not_read:
        n = summary.lines_not_read
        parts.append(f"{n} line{'s' if n > 1 else ''} (kept in {'their files' if n > 1 else 'its file'})")
    if summary.files_not_read:
        n = summary.files_not_read
        parts.append(f"{n} file{'s' if n > 1 else ''}")
    return "Not read, so not counted: " + " and ".join(parts) + " (see the messages)" if parts else None


def _sections(summary: Summary) -> list[tuple[str, str, tuple[Tally, ...]]]:
    return [
        ("Students", "student", summary.students),
        ("Exercises", "exercise", summary.exercises),
        ("Kinds of exercise", "kind", summary.kinds),
        ("Most missed", "exercise", summary.most_missed),
    ]


def to_text(summary: Summary) -> str:
    not_read = _not_read(summary)
    if not summary.students:
        return "\n".join(["no answers found", *([not_read] if not_read else [])])
    lines = ["Scenario versions: " + "; ".join(summary.versions), *([not_read] if not_read else [])]
    for title, column, rows in _sections(summary):
        lines += ["", title]
        width = max([len(column), *(len(t.name) for t in rows)])
        lines.append(f"  {column:<{width}}  answered  correct  score")
        lines += [f"  {t.name:<{width}}  {t.answered:>8}  {t.correct:>7}  {t.percent:>4}%" for t in rows]
        if not rows:
            lines.append("  (none)")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(summary: Summary) -> str:
    out = ["# Class results", "", "Scenario versions: " + "; ".join(summary.versions or ("none",))]
    not_read = _not_read(summary)
    if not_read:
        out += ["", not_read]
    for title, column, rows in _sections(summary):
        out += ["", f"## {title}", "", f"| {column} | answered | correct | score |", "| --- | ---: | ---: | ---: |"]
        out += [f"| {_cell(t.name)} | {t.answered} | {t.correct} | {t.percent}% |" for t in rows]
    return "\n".join(out) + "\n"


def to_csv(summary: Summary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "name", "answered", "correct", "score_percent"])
    for _, column, rows in _sections(summary):
        table = "most-missed" if rows is summary.most_missed else column
        for t in rows:
            writer.writerow([table, t.name, t.answered, t.correct, t.percent])
    return buffer.getvalue()
