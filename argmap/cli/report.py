"""``argmap report``: each side's positions over time, its conflicts and its claims' labels."""

from __future__ import annotations

import argparse
import sys

from argmap.base.exits import EXIT_INVALID, EXIT_OK
from argmap.cli.options import add_scenario, add_source_path
from argmap.cli.shared import load_or_report
from argmap.formats.registry import REPORTS, named, names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from argmap.engine.semantics_registry import SEMANTICS

    add_scenario(parser)
    parser.add_argument("--format", choices=names(REPORTS), default=REPORTS[0].name)
    parser.add_argument(
        "--semantics",
        choices=SEMANTICS,
        default="grounded",
        help="the semantics of the labels (default: grounded)",
    )
    parser.add_argument("--commentators", action="store_true", help="let commentators' claims into the debate")
    parser.add_argument(
        "--ids", action="store_true", help="name claims, topics and relations by their ids too (for authors)"
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.debate.index import Debate
    from argmap.views.report import build_report

    loaded = load_or_report(args.path, args)
    if loaded is None:
        return EXIT_INVALID
    built = build_report(Debate.from_loaded(loaded), args.semantics, commentators=args.commentators, ids=args.ids)
    sys.stdout.write(named(REPORTS, args.format).load()(built))
    return EXIT_OK
