"""Results files: one JSON Lines file per student, scenario and exercise set.

Each answer is saved the moment it is given, by rewriting the file through a temporary file and
a rename, so quitting, a crash or a killed terminal loses at most the answer being typed. Every
record carries the scenario's SHA-256: answers given to another version of the scenario are
recognised and kept apart. A line that cannot be read (a file edited by hand) is skipped, never
fatal.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from argmap.files import write_atomic

RESULTS_ENV = "ARGMAP_RESULTS"
RECORD_VERSION = 1


def default_folder() -> Path:
    """``$ARGMAP_RESULTS``, else ``$XDG_DATA_HOME/argmap/results``, else ``~/.local/share/argmap/results``."""
    if os.environ.get(RESULTS_ENV):
        return Path(os.environ[RESULTS_ENV])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "argmap" / "results"


def slug(text: str) -> str:
    """A file-name-safe form of a student's name."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")
    return cleaned or "student"


@dataclass(frozen=True, slots=True)
class Record:
    """One answer."""

    student: str
    scenario: str
    scenario_sha256: str
    set: str
    exercise: str
    kind: str
    answer: tuple[str, ...]
    expected: tuple[str, ...]
    correct: bool
    at: str
    v: int = RECORD_VERSION

    def to_json(self) -> str:
        data = asdict(self)
        data["answer"], data["expected"] = list(self.answer), list(self.expected)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> Record | None:
        try:
            data = json.loads(line)
            return cls(
                student=str(data["student"]),
                scenario=str(data["scenario"]),
                scenario_sha256=str(data["scenario_sha256"]),
                set=str(data["set"]),
                exercise=str(data["exercise"]),
                kind=str(data["kind"]),
                answer=tuple(str(a) for a in data["answer"]),
                expected=tuple(str(a) for a in data["expected"]),
                correct=bool(data["correct"]),
                at=str(data["at"]),
                v=int(data.get("v", RECORD_VERSION)),
            )
        except (ValueError, KeyError, TypeError):
            return None


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class ResultsFile:
    """The answers of one student to one exercise set of one scenario."""

    path: Path
    student: str
    scenario: str
    scenario_sha256: str
    set: str
    records: list[Record] = field(default_factory=list)

    @classmethod
    def open(cls, folder: Path, student: str, scenario: str, sha256: str, set_name: str) -> ResultsFile:
        path = folder / f"{slug(student)}--{slug(scenario)}--{slug(set_name)}.jsonl"
        result = cls(path, student, scenario, sha256, set_name)
        if path.exists():
            result.records = list(read_records(path))
        return result

    @property
    def current(self) -> list[Record]:
        """Answers given to this version of the scenario."""
        return [r for r in self.records if r.scenario_sha256 == self.scenario_sha256]

    @property
    def older(self) -> list[Record]:
        """Answers given to another version of the scenario."""
        return [r for r in self.records if r.scenario_sha256 != self.scenario_sha256]

    def answered(self) -> dict[str, Record]:
        """The latest answer to each exercise, for this version."""
        return {r.exercise: r for r in self.current}

    def add(
        self, exercise: str, kind: str, answer: tuple[str, ...], expected: tuple[str, ...], correct: bool
    ) -> Record:
        """Record an answer and save the file at once."""
        record = Record(
            self.student,
            self.scenario,
            self.scenario_sha256,
            self.set,
            exercise,
            kind,
            tuple(answer),
            tuple(expected),
            correct,
            now(),
        )
        self.records.append(record)
        write_atomic(self.path, "".join(r.to_json() + "\n" for r in self.records))
        return record


def read_records(path: Path) -> Iterable[Record]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    for line in text.splitlines():
        if line.strip():
            record = Record.from_json(line)
            if record is not None:
                yield record


def read_folder(folder: Path) -> list[Record]:
    """Every answer in every results file of a folder."""
    records: list[Record] = []
    for path in sorted(folder.glob("*.jsonl")):
        records.extend(read_records(path))
    return records
