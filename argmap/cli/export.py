"""``argmap export``: the scenario fully resolved, or a map of part of the debate, in one of the
export formats, printed or written to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.options import add_scenario, add_source_path
from argmap.cli.shared import error, load_or_report, refused
from argmap.formats.registry import EXPORTERS, WHOLE_SCENARIO, named, names

if TYPE_CHECKING:
    from argmap.debate.index import Debate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
    parser.add_argument("--format", choices=names(EXPORTERS), default=EXPORTERS[0].name)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of printing")
    parser.add_argument("--at", metavar="DATE|STEP", help="the debate as it stood at a date or step (default: the end)")
    parser.add_argument(
        "--side", metavar="SIDE", help="one side's claims and those that answer them or that they answer"
    )
    parser.add_argument("--commentators", action="store_true", help="include the commentators' claims")
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    scoped = args.at is not None or args.side is not None or args.commentators
    if scoped and args.format in WHOLE_SCENARIO:
        error(f"--format {args.format} writes the whole scenario; --at, --side and --commentators apply to maps")
        return EXIT_USAGE
    loaded = load_or_report(args.path, args)
    if loaded is None:
        return EXIT_INVALID
    from argmap.base.files import OutputRefused, write_output
    from argmap.debate.index import Debate
    from argmap.views.selection import Scope, select

    debate = Debate.from_loaded(loaded)
    try:
        step = _step(debate, args.at)
        selection = select(loaded, Scope(step=step, side=args.side, commentators=args.commentators), debate)
    except ValueError as exc:
        error(str(exc))
        return EXIT_USAGE
    from argmap.formats.picture import PictureError

    try:
        text = named(EXPORTERS, args.format).load()(selection)
    except PictureError as exc:
        error(str(exc))
        return EXIT_USAGE
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_output(args.output, text, [args.path, *(s.path for s in loaded.sources.values())])
    except OutputRefused as exc:
        return refused(exc)
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def _step(debate: Debate, at: str | None) -> int | None:
    """The step ``--at`` names: a number of a step, else a date (so ``2001`` is the year)."""
    if at is None:
        return None
    from argmap.views.date_entry import read_date

    if at.isascii() and at.isdigit() and len(at) < 4:
        step = int(at)
        if not debate.first_step <= step <= debate.last_step:
            raise ValueError(f"--at {at}: the steps are {debate.first_step} to {debate.last_step}")
        return step
    try:
        date = read_date(at)
    except ValueError as exc:
        raise ValueError(f"--at {at!r}: not a step number or a date ({exc})") from None
    return debate.step_of_date(date)
