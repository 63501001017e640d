"""Who is in class now: one small file per open session, in the results folder's ``.present``.

A session writes its file (the student, the scenario, the sizes of its exercise sets) under a
temporary name, takes a shared lock on it and only then renames it into place, so a file seen
under its final name is locked for as long as its process lives; the lock is the operating
system's (``flock``) and goes with the process. A reader tells a live session from one that
ended without a word (killed, its machine stopped) by asking for an exclusive lock, which is
refused while the session holds its own; a file found unlocked is removed. On Windows there is
no locking and every file found counts as present.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path

from argmap.base.files import display_name
from argmap.classroom.filenames import normal
from argmap.reading import gate

PRESENT = ".present"
"""The folder, inside the results folder, of the files of open sessions."""

MAX_PRESENCE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Here:
    """A student in an open session."""

    student: str
    scenario: str
    scenario_sha256: str
    since: str
    sets: dict[str, int] = field(default_factory=dict)
    """The scenario's exercise sets and how many questions each has, to say how far a student is."""

    def to_json(self) -> str:
        return json.dumps(
            {
                "student": self.student,
                "scenario": self.scenario,
                "scenario_sha256": self.scenario_sha256,
                "since": self.since,
                "sets": self.sets,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Here | None:
        """The record of a presence file, or None when it is not one."""
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        texts = [data.get(k) for k in ("student", "scenario", "scenario_sha256", "since")]
        sets = data.get("sets")
        if not all(isinstance(t, str) for t in texts) or not isinstance(sets, dict):
            return None
        if not all(isinstance(k, str) and type(v) is int and v >= 0 for k, v in sets.items()):
            return None
        student, scenario, sha256, since = (str(t) for t in texts)
        return cls(normal(student), scenario, sha256, since, dict(sets))


class Presence:
    """A session's presence file, held until ``leave`` (or the end of the process)."""

    def __init__(self, path: Path | None, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def announce(cls, folder: Path, here: Here) -> Presence:
        """Show ``here`` as present in ``folder``; ``OSError`` when the file cannot be written."""
        place = folder / PRESENT
        place.mkdir(parents=True, exist_ok=True)
        token = secrets.token_hex(8)
        temporary = place / f".{token}.tmp"
        fd = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        try:
            os.write(fd, (here.to_json() + "\n").encode("utf-8"))
            if sys.platform != "win32":
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_SH)
            final = place / f"{token}.json"
            os.replace(temporary, final)
        except BaseException:
            os.close(fd)
            temporary.unlink(missing_ok=True)
            raise
        return cls(final, fd)

    def leave(self) -> None:
        """Remove the file and let go; doing it again does nothing."""
        fd, self._fd = self._fd, None
        if fd is None or self.path is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass  # the folder went read-only: the lock goes all the same, and readers tidy up
        finally:
            os.close(fd)


def _alive(path: Path) -> bool:
    """Whether the session that wrote ``path`` still holds it; an ended one's file is removed."""
    if sys.platform == "win32":
        return True
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        path.unlink(missing_ok=True)  # locked by us now: its session has ended
    except BlockingIOError:
        return True
    except OSError:
        pass
    finally:
        os.close(fd)
    return False


def present(folder: Path) -> list[Here]:
    """The students in open sessions in ``folder``, in the order they came."""
    place = folder / PRESENT
    found: list[Here] = []
    try:
        paths = sorted(place.glob("*.json"))
    except OSError:
        return found
    for path in paths:
        try:
            raw = gate.read_bytes(path, display_name(path), MAX_PRESENCE_BYTES)
        except gate.Refused:
            continue
        here = Here.from_json(raw.decode("utf-8", "replace"))
        if here is not None and _alive(path):
            found.append(here)
    return sorted(found, key=lambda h: (h.since, h.student))
