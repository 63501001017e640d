"""``argmap open`` (and ``argmap`` alone): a scenario in the terminal UI.

The module's name has an underscore so that, as an attribute of its package, it does not hide
the built-in ``open``.
"""

from __future__ import annotations

import argparse

from argmap.base.exits import EXIT_INVALID, EXIT_USAGE
from argmap.cli.options import add_scenario_or_bundled, add_source_path, scenario_or_bundled, search_path
from argmap.cli.shared import error, load_or_report, run_app


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario_or_bundled(parser)
    parser.add_argument("--date", help="start at this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--claim", help="start on this claim")
    parser.add_argument("--walkthrough", metavar="NAME", help="start in this guided walkthrough")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="read the scenario again whenever it or one of its sources changes; while it is invalid, "
        "show its problems over the last good map",
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    loaded = load_or_report(scenario_or_bundled(args), args)
    if loaded is None:
        return EXIT_INVALID
    from argmap.tui.app import LiveFile, make_app
    from argmap.tui.start import BROWSE, StartWalkthrough

    start = BROWSE if args.walkthrough is None else StartWalkthrough(args.walkthrough)
    live = LiveFile(scenario_or_bundled(args), search_path(args)) if args.watch else None
    try:
        app = make_app(loaded, start=start, date=args.date, claim=args.claim, live=live)
    except ValueError as exc:
        error(str(exc))
        return EXIT_USAGE
    return run_app(app)
