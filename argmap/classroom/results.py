"""Results files: one JSON Lines file per student, scenario and exercise set.

Each answer is saved the moment it is given, by writing the file anew through a temporary file
and a rename, so quitting, a crash or a killed terminal loses at most the answer being typed.
Every save starts from the file as it is on disk and adds the answers not yet saved to it, so a
line that cannot be read (a note, a truncated line, a record of a newer argmap) is kept byte for
byte. A save that fails keeps its answers in memory and they go with the next save.

One session at a time writes a file: it holds a lock on a file beside it from ``open`` to
``close`` (see ``lockfile``). Every record names its student, and a file whose answers are
another student's is never used. Every record carries the scenario's SHA-256: answers given to
another version of the scenario are recognised and kept apart.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from argmap.base.diagnostics import Diagnostic
from argmap.base.files import display_name, write_atomic
from argmap.classroom.filenames import normal, old_results_name, results_name
from argmap.classroom.lockfile import Busy, Lock
from argmap.classroom.records import Line, Record, read_lines
from argmap.reading import gate

RESULTS_ENV = "ARGMAP_RESULTS"
MAX_FILE_BYTES = 8 * 2**20
"""Largest results file read (8 MiB, some twenty thousand answers)."""


def default_folder() -> Path:
    """``$ARGMAP_RESULTS``, else ``$XDG_DATA_HOME/argmap/results``, else ``~/.local/share/argmap/results``."""
    if os.environ.get(RESULTS_ENV):
        return Path(os.environ[RESULTS_ENV])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "argmap" / "results"


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class ResultsUnavailable(Exception):
    """Why a student's results file cannot be used for this session (said to the student)."""


@dataclass
class ResultsFile:
    """The answers of one student to one exercise set of one scenario, open for adding to."""

    path: Path
    student: str
    scenario: str
    scenario_sha256: str
    set: str
    records: list[Record] = field(default_factory=list)
    """The answers read at ``open`` and those added since, saved or not."""
    unreadable: list[Diagnostic] = field(default_factory=list)
    """The lines of the file that are not answers, kept as they are."""
    attempt: int = 0
    """Which time the student is doing the set: the latest in the file (1 for a new file),
    one more after ``retake``."""
    _pending: list[Record] = field(default_factory=list)
    _carried: list[bytes] = field(default_factory=list)
    _lock: Lock | None = None

    @classmethod
    def open(cls, folder: Path, student: str, scenario: str, sha256: str, set_name: str) -> ResultsFile:
        """The student's file, locked until ``close``; ``ResultsUnavailable`` when another
        session has it open, it cannot be read (a FIFO, a device, too large), it holds another
        student's answers, or the folder cannot be written to."""
        student, scenario, set_name = normal(student), normal(scenario), normal(set_name)
        path = folder / results_name(student, scenario, set_name)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            lock = Lock.acquire(folder / f".{path.name}.lock")
        except Busy:
            raise ResultsUnavailable(
                f"these answers ({student}, set {set_name}) are open in another argmap session: "
                f"finish or close that one, then start again ({display_name(path)})"
            ) from None
        except OSError as exc:
            raise ResultsUnavailable(
                f"answers cannot be saved in {display_name(folder)}: {exc.strerror or exc}"
            ) from None
        results = cls(path, student, scenario, sha256, set_name, _lock=lock)
        try:
            results._read()
        except BaseException:
            lock.release()
            raise
        return results

    def _read(self) -> None:
        name = display_name(self.path)
        if os.path.lexists(self.path):
            try:
                lines = list(read_lines(gate.read_bytes(self.path, name, MAX_FILE_BYTES), name))
            except gate.Refused as refused:
                raise ResultsUnavailable(
                    f"cannot use the results file {name}: {refused.diagnostic.message}; it is left untouched"
                ) from None
            others = sorted({r.student for line in lines if (r := line.record) is not None and not self._mine(r)})
            if others:
                raise ResultsUnavailable(
                    f"the results file {name} holds answers of {', '.join(repr(s) for s in others)}, "
                    f"not only of {self.student!r}; it is left untouched: move it away to start afresh"
                )
        else:
            lines = self._first_answers()
            self._carried = [line.raw + b"\n" for line in lines]
        self.records = [line.record for line in lines if line.record is not None]
        self.unreadable = [line.problem for line in lines if line.problem is not None]
        self.attempt = max((r.attempt for r in self.current), default=1)

    def _mine(self, record: Record) -> bool:
        return (normal(record.student), normal(record.scenario), normal(record.set)) == (
            self.student,
            self.scenario,
            self.set,
        )

    def _first_answers(self) -> list[Line]:
        """This student's answers in a file of the first naming, which students could share;
        they are copied into this file at its first save, and that file is left as it is."""
        old = self.path.with_name(old_results_name(self.student, self.scenario, self.set))
        try:
            raw = gate.read_bytes(old, display_name(old), MAX_FILE_BYTES)
        except gate.Refused:
            return []
        return [line for line in read_lines(raw, display_name(old)) if line.record and self._mine(line.record)]

    # --- reading ---------------------------------------------------------------------------

    @property
    def current(self) -> list[Record]:
        """Answers given to this version of the scenario."""
        return [r for r in self.records if r.scenario_sha256 == self.scenario_sha256]

    @property
    def older(self) -> list[Record]:
        """Answers given to another version of the scenario."""
        return [r for r in self.records if r.scenario_sha256 != self.scenario_sha256]

    def answered(self) -> dict[str, Record]:
        """The latest answer to each exercise in this attempt, for this version."""
        return {r.exercise: r for r in self.current if r.attempt == self.attempt}

    def earlier_attempts(self) -> list[tuple[int, int, int]]:
        """(attempt, right, answered) for each attempt before this one, for this version."""
        out = []
        for attempt in range(1, self.attempt):
            latest = {r.exercise: r for r in self.current if r.attempt == attempt}
            if latest:
                out.append((attempt, sum(r.correct for r in latest.values()), len(latest)))
        return out

    def retake(self) -> None:
        """Begin the set again: answers from now on are a new attempt, the earlier ones kept."""
        self.attempt += 1

    @property
    def unsaved(self) -> int:
        """Answers given but not yet saved (a save failed)."""
        return len(self._pending)

    # --- writing ---------------------------------------------------------------------------

    def add(
        self, exercise: str, kind: str, answer: tuple[str, ...], expected: tuple[str, ...], correct: bool
    ) -> Record:
        """Record an answer and save it at once, with any answer a failed save left unsaved.
        ``OSError`` when the save fails: the answer is kept, and saved with the next."""
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
            attempt=self.attempt,
        )
        self.records.append(record)
        self._pending.append(record)
        self.save()
        return record

    def unsaved_lines(self) -> list[str]:
        """The answers not yet saved, as the lines the file would hold."""
        return [r.to_json() for r in self._pending]

    def save(self) -> None:
        """Add the answers not yet saved to the file as it is on disk; ``OSError`` when that fails."""
        if not self._pending and not self._carried:
            return
        on_disk = b""
        if os.path.lexists(self.path):
            try:
                on_disk = gate.read_bytes(self.path, display_name(self.path), MAX_FILE_BYTES)
            except gate.Refused as refused:
                raise OSError(f"{refused.diagnostic.message}; it is left untouched") from None
        if on_disk and not on_disk.endswith(b"\n"):
            on_disk += b"\n"  # a truncated last line stays, on a line of its own
        added = "".join(r.to_json() + "\n" for r in self._pending).encode("utf-8")
        write_atomic(self.path, on_disk + b"".join(self._carried) + added)
        self._pending.clear()
        self._carried.clear()

    def close(self) -> None:
        """Let another session open the file; doing it again does nothing."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> ResultsFile:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class FolderResults:
    """Every answer in the results files of a folder, and every line or file that could not be read."""

    records: list[Record]
    problems: list[Diagnostic]
    files: int


def read_folder(folder: Path) -> FolderResults:
    """Read every ``*.jsonl`` file of a folder through the reading gate: a FIFO, a device or an
    oversized file is refused (an error), an unreadable line is reported (a warning)."""
    records: list[Record] = []
    problems: list[Diagnostic] = []
    paths = sorted(folder.glob("*.jsonl"))
    for path in paths:
        name = display_name(path)
        try:
            raw = gate.read_bytes(path, name, MAX_FILE_BYTES)
        except gate.Refused as refused:
            problems.append(replace(refused.diagnostic, hint="it is left out of the summary"))
            continue
        for line in read_lines(raw, name):
            if line.record is not None:
                records.append(line.record)
            elif line.problem is not None:
                problems.append(line.problem)
    return FolderResults(records, problems, len(paths))


def reads(folder: Path, path: Path) -> bool:
    """Whether ``read_folder(folder)`` reads ``path``, or a file of that name could be a
    results file (it ends in ``.jsonl``): a summary must never be written over one."""
    if path.suffix.lower() == ".jsonl":
        return True
    try:
        target = os.stat(path)
    except OSError:
        return False
    for candidate in folder.glob("*.jsonl"):
        try:
            if os.path.samestat(target, os.stat(candidate)):
                return True
        except OSError:
            continue
    return False
