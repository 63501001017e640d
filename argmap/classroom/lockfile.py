"""One writer per results file: an exclusive lock on a file beside it, held while a session is open.

The lock is the operating system's (``flock``), so it goes with the process: a session that is
killed leaves no lock behind, only the empty lock file, which the next session takes over. On
Windows there is no locking.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


class Busy(Exception):
    """Another process holds the lock."""


class Lock:
    """An exclusive lock on ``path``, released by ``release`` (or when the process ends)."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def acquire(cls, path: Path) -> Lock:
        """Take the lock at once, or raise ``Busy``; ``OSError`` when the lock file cannot be made."""
        if sys.platform == "win32":
            return cls(path, None)
        import fcntl

        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o666)
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise OSError(f"{path.name} is not a regular file")
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise Busy(str(path)) from None
            except BaseException:
                os.close(fd)
                raise
            # The last holder removes the file as it lets go: make sure ours is still the one there.
            try:
                if os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False)):
                    return cls(path, fd)
            except FileNotFoundError:
                pass
            os.close(fd)

    def release(self) -> None:
        """Remove the lock file and let go; doing it again does nothing."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if os.path.samestat(os.fstat(fd), os.stat(self.path, follow_symlinks=False)):
                self.path.unlink()
        except OSError:
            pass  # the folder went read-only, or the file was removed: the lock goes all the same
        finally:
            os.close(fd)
