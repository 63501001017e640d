"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from argmap.base.textsafe import visible

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, for a message: "a named pipe (FIFO)", ..."""
    return next((label for test, label in _KINDS if test(mode)), "a special file")


def display_name(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder, a link loop, a bad name
        return str(path)


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path`` via a temporary file in the same
    folder and a rename; the file keeps the mode it had, and a new one gets the umask's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(path.parent, text, _mode_for(path))
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The mode a file written at ``path`` gets: the one it has, else the umask's (never
    ``mkstemp``'s 0600)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")
RESULTS_SUFFIX = ".jsonl"


class OutputRefused(Exception):
    """An output that was not written, and why, in one line. ``usage`` is True when the target
    itself was refused (a usage error) and False when writing it failed."""

    def __init__(self, message: str, *, usage: bool) -> None:
        super().__init__(message)
        self.usage = usage


def check_output(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Raise ``OutputRefused`` unless ``path`` may take a command's output: never one of the
    command's inputs (however the path is spelt: links, ``./`` and ``..`` included), never a
    folder, an existing scenario or catalogue file, or a results file."""
    name = shown(path)
    if is_folder(path) or not path.name or path.name in (".", ".."):
        raise OutputRefused(f"{name} is a folder; give the name of a file to write", usage=True)
    for source in inputs:
        if same_file(path, source):
            raise OutputRefused(f"{name} is one of this command's inputs; write the output elsewhere", usage=True)
    kind = _not_regular(path)
    if kind:
        raise OutputRefused(f"{name} is {kind}, not a file argmap may replace; give another name", usage=True)
    suffix = path.suffix.lower()
    if suffix == RESULTS_SUFFIX:
        raise OutputRefused(
            f"{name} would be read as a students' results file ({RESULTS_SUFFIX}); choose another name", usage=True
        )
    if suffix in SCENARIO_SUFFIXES and exists(path):
        raise OutputRefused(
            f"{name} exists and may be a scenario or catalogue; argmap writes no output over a "
            f"{suffix} file: choose another name",
            usage=True,
        )


def write_output(path: Path, text: str, inputs: Iterable[Path] = ()) -> None:
    """Write a command's output file atomically, after ``check_output``; the text passes the
    output gate (``textsafe.visible``). A failure to write raises ``OutputRefused`` with
    ``usage`` False."""
    check_output(path, inputs)
    try:
        write_atomic(path, visible(text))
    except (OSError, ValueError) as exc:
        raise OutputRefused(f"cannot write {shown(path)}: {_reason(exc)}", usage=False) from None


def write_together(files: Sequence[tuple[Path, str]]) -> None:
    """Write several files so that all of them are written or none: each goes to a temporary
    beside it, and only when every temporary is complete are they renamed into place. If a
    rename fails, the files already renamed are taken back (a replaced file is restored from
    a copy) and the folders made for them are removed. A failure raises ``OutputRefused`` with
    ``usage`` False."""
    made: list[Path] = []
    temporaries: list[Path] = []
    backups: dict[Path, Path] = {}
    placed: list[Path] = []
    current = files[0][0] if files else Path()
    try:
        for current, text in files:
            made += _make_parents(current.parent)
            temporaries.append(_temporary(current.parent, text, _mode_for(current)))
        for (current, _), tmp in zip(files, temporaries, strict=True):
            if current.exists():
                backup = _temporary(current.parent, "", 0o600)
                backups[current] = backup
                shutil.copyfile(current, backup)
            os.replace(tmp, current)
            placed.append(current)
    except (OSError, ValueError) as exc:
        for path in reversed(placed):
            if path in backups:
                _quietly(os.replace, backups.pop(path), path)
            else:
                _quietly(os.unlink, path)
        for leftover in [*temporaries[len(placed) :], *backups.values()]:
            _quietly(os.unlink, leftover)
        for folder in reversed(made):
            _quietly(os.rmdir, folder)
        raise OutputRefused(f"cannot write {shown(current)}: {_reason(exc)}", usage=False) from None
    for backup in backups.values():
        _quietly(os.unlink, backup)


def _temporary(folder: Path, text: str | bytes, mode: int) -> Path:
    """A new file in ``folder`` holding ``text`` with ``mode``, flushed to disk. Its name does
    not depend on the file it stands in for, so a long name cannot make it too long."""
    fd, tmp = tempfile.mkstemp(prefix=".argmap-", suffix=".tmp", dir=folder)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _quietly(os.unlink, Path(tmp))
        raise
    return Path(tmp)


def _make_parents(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; the folders made, outermost first."""
    missing: list[Path] = []
    while not exists(folder) and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    made: list[Path] = []
    for each in reversed(missing):
        each.mkdir()
        made.append(each)
    return made


def _quietly(action: Callable[..., object], *paths: Path) -> None:
    try:
        action(*paths)
    except OSError:
        pass


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ValueError):
        return "the path holds a NUL character"
    if isinstance(exc, OSError):
        if exc.errno == errno.EROFS:
            return "the file system is read-only"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "permission denied (is the folder read-only?)"
        if exc.strerror:
            return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc)


def shown(path: Path) -> str:
    """A path for a message, as the user typed it (relative to the working folder when inside
    it, links not followed); bytes that are not UTF-8 are escaped."""
    text = str(path)
    try:
        absolute, here = os.path.abspath(path), os.getcwd()
        if absolute.startswith(here + os.sep):
            text = absolute[len(here) + 1 :]
    except (OSError, ValueError):
        pass
    return visible(text.encode("utf-8", "backslashreplace").decode("utf-8"))


def exists(path: Path) -> bool:
    """Whether something is at ``path``; False for a path the system cannot even look up
    (a name too long, a NUL)."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _not_regular(path: Path) -> str | None:
    """What stands at ``path`` when it is something other than a regular file or nothing: a
    device, a pipe, a socket, or a link (replacing a link would cut it, not write through it)."""
    try:
        info = path.lstat()
    except (OSError, ValueError):
        return None
    if stat.S_ISLNK(info.st_mode):
        return "a symbolic link"
    if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
        return None
    return kind_of(info.st_mode)


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; False for a path the system cannot look up."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same resolved path, or the same file on disk."""
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, ValueError, RuntimeError):
        return False
