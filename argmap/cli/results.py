"""``argmap results``: merge students' results files into a class gradebook, or follow a class live."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.options import add_source_path
from argmap.cli.shared import error, load_or_report, refused
from argmap.formats.registry import SUMMARIES, named, names

if TYPE_CHECKING:
    from argmap.scenario.loaded import Loaded


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder",
        type=Path,
        metavar="FOLDER",
        nargs="?",
        help="the results folder (default: where argmap exercise saves them)",
    )
    parser.add_argument(
        "--scenario",
        type=Path,
        metavar="PATH",
        help="the scenario the answers are to, which numbers the questions as its handout does"
        " (default: the bundled scenario, when the answers are to it)",
    )
    parser.add_argument(
        "--format",
        choices=names(SUMMARIES),
        default=SUMMARIES[0].name,
        help="; ".join(f"{f.name}: {f.description}" for f in SUMMARIES),
    )
    parser.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to a file instead of printing")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="follow a class live: who is connected, how far each student is, the questions most missed",
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.base.diagnostics import has_errors, render_text
    from argmap.base.diagnostics import summary as counted
    from argmap.base.files import OutputRefused, check_output, display_name, write_output
    from argmap.classroom.gradebook import Plan, gradebook, plan_of
    from argmap.classroom.results import default_folder, read_folder, reads
    from argmap.debate.index import Debate

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
    scenario = _scenario(args, {r.scenario for r in found.records})
    if scenario is False:
        return EXIT_INVALID
    plan = plan_of(Debate.from_loaded(scenario)) if scenario is not None else Plan(None)
    if found.problems:
        print(render_text(found.problems), file=sys.stderr)
    text = named(SUMMARIES, args.format).load()(gradebook(found.records, plan, found.problems))
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


def _scenario(args: argparse.Namespace, named: set[str]) -> Loaded | Literal[False] | None:
    """The scenario given, else the bundled one when every answer names it; False when the
    scenario given does not load (its problems printed)."""
    from argmap.reading.locations import bundled_scenario

    path: Path | None = args.scenario
    if path is None:
        bundled = bundled_scenario()
        if not named or named != {bundled.stem}:
            return None
        path = bundled
    loaded = load_or_report(path, args)
    return loaded if loaded is not None else False


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
