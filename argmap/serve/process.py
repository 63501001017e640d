"""A student's session process: argmap started with fixed arguments and a small environment.

The framing of what passes between the process and the browser (keys in, the screen out) is
textual-serve's ``AppService``; what is argmap's own is how the process starts. Its arguments
are a list fixed when the server starts, never a shell line, and nothing a browser sends
reaches them: the browser gives only the size of its terminal, as two bounded numbers. Its
environment is a few variables, not the server's: a server may hold secrets in its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from textual_serve.app_service import AppService

KEPT = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "PYTHONPATH", "ARGMAP_SOURCE_PATH", "SYSTEMROOT")
"""The server's variables a session keeps: where programs and the user's home are, the
language, and where argmap and its sources are found."""

MIN_SIZE, MAX_COLUMNS, MAX_ROWS = 10, 500, 200
STOP_SECONDS = 5.0
"""How long a session has to quit when asked before it is ended."""


def bounded(value: object, default: int, top: int) -> int:
    """A terminal size from the browser, as a whole number within bounds."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(MIN_SIZE, min(top, number))


def session_environment(width: int, height: int, server: Mapping[str, str]) -> dict[str, str]:
    """The environment of a session process: ``KEPT`` of the server's, and what the web driver needs."""
    env = {name: server[name] for name in KEPT if name in server}
    env.setdefault("LANG", "C.UTF-8")
    env.update(
        TERM="xterm-256color",
        TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver",
        TEXTUAL_FPS="60",
        TEXTUAL_COLOR_SYSTEM="truecolor",
        TERM_PROGRAM="textual",
        COLUMNS=str(width),
        ROWS=str(height),
    )
    return env


class SessionProcess(AppService):
    """One student's argmap, run as ``argv`` in ``cwd``."""

    def __init__(self, argv: Sequence[str], cwd: Path, **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = tuple(argv)
        self.cwd = cwd

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return session_environment(width, height, os.environ)

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width, height),
            cwd=self.cwd,
            # Its own session: a Ctrl+C in the teacher's terminal reaches the server, which
            # ends the sessions itself.
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def on_meta(self, data: bytes) -> None:
        # Only the end of the app is passed on: argmap opens no pages and sends no files, and a
        # session must not make a student's browser go elsewhere.
        if json.loads(data).get("type") == "exit":
            await self.remote_close()

    async def stop(self) -> None:
        """Ask the app to quit, and end the process if it has not within ``STOP_SECONDS``."""
        task, self._task = self._task, None
        process = self._process
        if task is None:
            return
        with contextlib.suppress(Exception):
            await self.send_meta({"type": "quit"})
        try:
            await asyncio.wait_for(asyncio.shield(task), STOP_SECONDS)
        except TimeoutError:
            if process is not None and process.returncode is None:
                process.kill()
            await task
        if process is not None and process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), STOP_SECONDS)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
