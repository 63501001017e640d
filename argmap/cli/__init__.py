"""The command line: parses arguments and hands over to the core or the TUI.

Exit codes: 0 success (warnings allowed), 1 errors in the input, 2 usage errors.
Textual is imported only by ``open``, ``exercise`` and ``roleplay`` (and by ``argmap`` with no command).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from argmap import __version__
from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        try:
            self.print_usage(sys.stderr)
            print(f"argmap: error: {message}", file=sys.stderr)
        except OSError:  # stderr full or closed: the exit code still says what happened
            pass
        raise SystemExit(EXIT_USAGE)


def _search_path(args: argparse.Namespace) -> tuple[Path, ...]:
    return tuple(Path(p) for p in (args.source_path or ()))


def _add_source_path(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--source-path",
        action="append",
        metavar="DIR",
        help="another folder to find source files and catalogues in (repeatable; also ARGMAP_SOURCE_PATH)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="argmap",
        description="Argument maps of policy debates, every claim checked against its source. "
        "With no command, opens the bundled ABM Treaty scenario.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("validate", help="check scenario files and report every problem")
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="scenario files or folders (default: the bundled scenarios)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="how to print diagnostics")
    p.add_argument("--quiet", "-q", action="store_true", help="print errors only, no warnings")
    _add_source_path(p)

    p = sub.add_parser("schema", help="print the JSON Schema of scenario files")
    p.add_argument("--catalogue", action="store_true", help="the schema of catalogue.yaml instead")

    p = sub.add_parser("export", help="print a scenario fully resolved")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--format", choices=("json",), default="json")
    _add_source_path(p)

    p = sub.add_parser("new", help="write a small valid scenario to start from")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--force", action="store_true", help="overwrite existing files")

    p = sub.add_parser("quote", help="print the exact passages of a source containing some words")
    p.add_argument("source", metavar="SOURCE", help="a source id: from a catalogue, or from --scenario")
    p.add_argument("words", metavar="WORDS")
    p.add_argument("--scenario", type=Path, help="take the source from this scenario's sources")
    _add_source_path(p)

    p = sub.add_parser("coverage", help="list, per source, the paragraphs no claim quotes yet")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--all", action="store_true", help="list every paragraph, quoted or not")
    _add_source_path(p)

    p = sub.add_parser("results", help="merge students' results files into a class summary")
    p.add_argument(
        "folder",
        type=Path,
        metavar="FOLDER",
        nargs="?",
        help="the results folder (default: where argmap exercise saves them)",
    )
    p.add_argument("--format", choices=("text", "csv", "markdown"), default="text")
    p.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to a file instead of printing")

    p = sub.add_parser("handout", help="write a printable Markdown handout and its answer key")
    p.add_argument("path", type=Path, metavar="PATH", nargs="?", help="default: the bundled scenario")
    p.add_argument("--side", help="include this side's brief (its positions with quotes and dates)")
    p.add_argument("--set", dest="set_name", metavar="NAME", help="only this exercise set")
    p.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="the handout file (default: SCENARIO-handout.md); the key goes beside it",
    )
    _add_source_path(p)

    p = sub.add_parser(
        "solve",
        help="answer a reasoning problem on an argumentation framework file (ICCMA 2023 interface)",
    )
    p.add_argument("-p", "--problem", metavar="PROBLEM", help="e.g. DC-PR, DS-ST, SE-GR (see --problems)")
    p.add_argument("-f", "--file", type=Path, metavar="FILE", help="the framework: ICCMA 2023 format, or APX")
    p.add_argument("-a", "--argument", metavar="ARG", help="the query argument of DC and DS problems")
    p.add_argument("--problems", action="store_true", help="list the supported problems")
    p.add_argument("--fo", dest="file_format", choices=("iccma", "apx"), help="the file's format (default: by suffix)")
    p.add_argument("--witness", action="store_true", help="after YES (DC) or NO (DS), print an extension showing it")

    p = sub.add_parser("report", help="print each side's positions over time, its conflicts and its claims' labels")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument(
        "--semantics",
        choices=("grounded", "complete", "preferred", "stable"),
        default="grounded",
        help="the semantics of the labels (default: grounded)",
    )
    p.add_argument("--commentators", action="store_true", help="let commentators' claims into the debate")
    _add_source_path(p)

    p = sub.add_parser("open", help="open a scenario in the terminal UI")
    p.add_argument("path", type=Path, nargs="?", metavar="PATH", help="default: the bundled scenario")
    p.add_argument("--date", help="start at this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--claim", help="start on this claim")
    p.add_argument("--walkthrough", metavar="NAME", help="start in this guided walkthrough")
    _add_source_path(p)

    p = sub.add_parser("exercise", help="work through a set of exercises in the terminal UI; answers are saved")
    p.add_argument("path", type=Path, nargs="?", metavar="PATH", help="default: the bundled scenario")
    p.add_argument("--set", dest="set_name", metavar="NAME", help="the exercise set (asked for when several)")
    p.add_argument(
        "--results",
        type=Path,
        metavar="DIR",
        help="where to save answers (default: $ARGMAP_RESULTS, else $XDG_DATA_HOME/argmap/results)",
    )
    p.add_argument("--student", metavar="NAME", help="the student's name (asked for when not given)")
    p.add_argument("--shuffle", action="store_true", help="ask in a shuffled order (the same for a student and set)")
    _add_source_path(p)

    p = sub.add_parser("roleplay", help="argue as one side, answering the others from what it actually said")
    p.add_argument("path", type=Path, nargs="?", metavar="PATH", help="default: the bundled scenario")
    p.add_argument("--side", help="the side to play (asked for when not given)")
    _add_source_path(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from argmap.base.textsafe import VisibleStream

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
    sys.stdout, sys.stderr = VisibleStream(out), VisibleStream(err)  # type: ignore[assignment]
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["open"])
    from argmap.cli import commands

    try:
        code = commands.COMMANDS[args.command](args)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            raise
        _quiet_stdout()
        print(f"argmap: error: cannot write the output: {exc.strerror or exc}", file=sys.__stderr__)
        return EXIT_INVALID


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush of a closed pipe or a full
    disk cannot fail again."""
    if sys.__stdout__ is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass
