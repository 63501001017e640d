"""``argmap roleplay``: argue as one side, answered by the others from what they actually said."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_USAGE
from argmap.cli.options import add_scenario_or_bundled, add_source_path, scenario_or_bundled
from argmap.cli.shared import error, load_or_report, run_app


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario_or_bundled(parser)
    parser.add_argument("--side", help="the side to play, by name or id, any case (asked for when not given)")
    parser.add_argument("--student", metavar="NAME", help="the student's name: the rounds are saved under it")
    parser.add_argument(
        "--results",
        type=Path,
        metavar="DIR",
        help="where to save the rounds (default: $ARGMAP_RESULTS, else $XDG_DATA_HOME/argmap/results)",
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    loaded = load_or_report(scenario_or_bundled(args), args)
    if loaded is None:
        return EXIT_INVALID
    from argmap.tui.app import make_app
    from argmap.tui.start import StartRolePlay

    try:
        app = make_app(loaded, start=StartRolePlay(args.side, folder=args.results, student=args.student))
    except ValueError as exc:
        error(str(exc))
        return EXIT_USAGE
    return run_app(app)
