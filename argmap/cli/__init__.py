"""The command line: parses arguments and hands over to the core or the TUI.

One module per command (see ``registry``); exit statuses are those of ``argmap.base.exits``.
Textual is imported only by ``open``, ``exercise`` and ``roleplay`` (and by ``argmap`` with no command).
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from collections.abc import Sequence

from argmap.base.exits import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from argmap.base.textsafe import VisibleStream

    # Reading a large map makes hundreds of thousands of small objects that live to the end;
    # collecting cycles every 700 allocations would walk them again and again.
    gc.set_threshold(50_000, 20, 20)

    # Everything the commands print passes the output gate: text from files never reaches the
    # terminal as control sequences.
    out, err = sys.stdout, sys.stderr
    if err is None:  # started with stderr closed: messages go nowhere, exit codes still tell
        err = open(os.devnull, "w")
    if out is None:
        print("argmap: error: standard output is closed", file=err)
        return EXIT_INVALID
    for stream in (out, err):
        # A path of bytes that are not UTF-8 is shown escaped, never a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (OSError, ValueError):
                pass
    sys.stdout, sys.stderr = VisibleStream(out), VisibleStream(err)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _run(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    try:
        if words[:1] == ["solve"]:
            # Straight to the solver: no parser of every command, no other command's module.
            from argmap.cli import solve

            code = solve.main(words[1:])
        else:
            code = _dispatch(words)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            raise
        _quiet_stdout()
        print(f"argmap: error: cannot write the output: {exc.strerror or exc}", file=sys.__stderr__)
        return EXIT_INVALID


def _dispatch(words: list[str]) -> int:
    from argmap.cli.parser import build_parser
    from argmap.cli.registry import command

    parser = build_parser()
    args = parser.parse_args(words)
    if args.command is None:
        args = parser.parse_args(["open"])
    return command(args.command).load().run(args)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush of a closed pipe or a full
    disk cannot fail again."""
    if sys.__stdout__ is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass
