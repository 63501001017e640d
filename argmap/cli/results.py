"""``argmap results``: merge students' results files into a class summary, or follow a class live."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.shared import error, refused
from argmap.formats.registry import SUMMARIES, named, names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder",
        type=Path,
        metavar="FOLDER",
        nargs="?",
        help="the results folder (default: where argmap exercise saves them)",
    )
    parser.add_argument("--format", choices=names(SUMMARIES), default=SUMMARIES[0].name)
    parser.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to a file instead of printing")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="follow a class live: who is connected, how far each student is, the questions most missed",
    )


def run(args: argparse.Namespace) -> int:
    from argmap.base.diagnostics import has_errors, render_text
    from argmap.base.diagnostics import summary as counted
    from argmap.base.files import OutputRefused, check_output, display_name, write_output
    from argmap.classroom.results import default_folder, read_folder, reads
    from argmap.classroom.summary import summarise

    folder: Path = args.folder or default_folder()
    if not folder.is_dir():
        error(f"{display_name(folder)} is not a folder")
        return EXIT_USAGE
    if args.watch:
        if args.output is not None or args.format != SUMMARIES[0].name:
            error("--watch shows the class in the terminal: it takes no --output or --format")
            return EXIT_USAGE
        watch(folder, _show, _tick)
        return EXIT_OK
    output: Path | None = args.output
    if output is not None and reads(folder, output):
        error(f"-o {display_name(output)} would write over a results file; give a name that does not end in .jsonl")
        return EXIT_USAGE
    found = read_folder(folder)
    if output is not None:  # its results files are refused above: what is left is the target itself
        try:
            check_output(output)
        except OutputRefused as refusal:
            return refused(refusal)
    if found.problems:
        print(render_text(found.problems), file=sys.stderr)
    text = named(SUMMARIES, args.format).load()(summarise(found.records, found.problems))
    if output is not None:
        try:
            write_output(output, text if text.endswith("\n") else text + "\n")
        except OutputRefused as refusal:
            return refused(refusal)
        print(f"wrote {display_name(output)}")
    else:
        print(text.rstrip("\n"))
    if found.problems:
        print(counted(found.problems, found.files), file=sys.stderr)
    return EXIT_INVALID if has_errors(found.problems) else EXIT_OK


WATCH_SECONDS = 1.0
"""How often a watched folder is looked at again."""


def watch(folder: Path, show: Callable[[str], None], tick: Callable[[], bool]) -> None:
    """Show the class of ``folder``, and again each time it changes (an answer given, a student
    come or gone), until ``tick`` (which waits between looks) says to stop."""
    from argmap.classroom.live import follow, to_text

    last = None
    sizes = None
    while True:
        now = follow(folder, sizes)
        sizes = now.sizes
        text = to_text(now)
        if text != last:
            show(text)
            last = text
        if not tick():
            return


def _show(text: str) -> None:
    if sys.stdout.isatty():
        sys.stdout.flush()
        os.write(sys.stdout.fileno(), b"\x1b[H\x1b[2J")  # our own control sequence: clear the screen
    stamp = time.strftime("%H:%M:%S")
    print(f"{text}\n\n(as of {stamp}; shown again when it changes; Ctrl+C to stop)", flush=True)


def _tick() -> bool:
    time.sleep(WATCH_SECONDS)
    return True
