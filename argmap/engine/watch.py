"""Stopping a computation that is inside a SAT call: on Ctrl-C, or when a time limit is up.

A SAT call runs in C with Python's signal handlers waiting for it to return, which on a hard
framework may be never. While a ``Watch`` is open, a thread waits for either the time limit
or a signal (through ``signal.set_wakeup_fd``, written by the interpreter's own handler even
while the main thread is in C) and then asks every live solver to stop (see
``sat.interrupt_all``): the call returns at once and the main thread raises
``KeyboardInterrupt``, so the caller unwinds as from any Ctrl-C. ``expired`` tells a time
limit from a real Ctrl-C.
"""

from __future__ import annotations

import _thread
import os
import select
import signal
import threading


class Watch:
    """A context in which Ctrl-C and ``timeout`` (seconds; None for none) stop SAT calls."""

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout
        self.expired = False
        self._pipes: tuple[int, int, int, int] | None = None
        self._previous = -1
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Watch:
        if threading.current_thread() is not threading.main_thread():
            return self  # signals reach the main thread only; a time limit needs it too
        wake_r, wake_w = os.pipe()
        stop_r, stop_w = os.pipe()
        os.set_blocking(wake_w, False)
        self._pipes = (wake_r, wake_w, stop_r, stop_w)
        self._previous = signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
        self._thread = threading.Thread(target=self._wait, name="argmap-watch", daemon=True)
        self._thread.start()
        return self

    def _wait(self) -> None:
        assert self._pipes is not None
        wake_r, _, stop_r, _ = self._pipes
        ready, _, _ = select.select([wake_r, stop_r], [], [], self.timeout)
        if stop_r in ready:
            return
        from argmap.engine.sat import interrupt_all

        if not ready:  # the time is up
            self.expired = True
            _thread.interrupt_main()
        interrupt_all()

    def __exit__(self, *exc: object) -> None:
        if self._pipes is None:
            return
        signal.set_wakeup_fd(self._previous)
        os.write(self._pipes[3], b"x")
        if self._thread is not None:
            self._thread.join()
        for fd in self._pipes:
            os.close(fd)
        self._pipes = None
        from argmap.engine.sat import clear_interrupts

        clear_interrupts()
