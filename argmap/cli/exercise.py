"""``argmap exercise``: a set of exercises in the terminal UI, answers saved as they are given."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_USAGE
from argmap.cli.options import add_scenario_or_bundled, add_source_path, scenario_or_bundled
from argmap.cli.shared import error, load_or_report, run_app


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario_or_bundled(parser)
    parser.add_argument("--set", dest="set_name", metavar="NAME", help="the exercise set (asked for when several)")
    parser.add_argument(
        "--results",
        type=Path,
        metavar="DIR",
        help="where to save answers (default: $ARGMAP_RESULTS, else $XDG_DATA_HOME/argmap/results)",
    )
    parser.add_argument("--student", metavar="NAME", help="the student's name (asked for when not given)")
    parser.add_argument(
        "--shuffle", action="store_true", help="ask in a shuffled order (the same for a student and set)"
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    loaded = load_or_report(scenario_or_bundled(args), args)
    if loaded is None:
        return EXIT_INVALID
    from argmap.tui.app import make_app
    from argmap.tui.start import StartExercises

    start = StartExercises(args.set_name, folder=args.results, student=args.student, shuffle=args.shuffle)
    try:
        app = make_app(loaded, start=start)
    except ValueError as exc:
        error(str(exc))
        return EXIT_USAGE
    return run_app(app)
