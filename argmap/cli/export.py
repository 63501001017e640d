"""``argmap export``: print a scenario fully resolved, in one of the export formats."""

from __future__ import annotations

import argparse
import sys

from argmap.base.exits import EXIT_INVALID, EXIT_OK
from argmap.cli.options import add_scenario, add_source_path
from argmap.cli.shared import load_or_report
from argmap.formats.registry import EXPORTERS, named, names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
    parser.add_argument("--format", choices=names(EXPORTERS), default=EXPORTERS[0].name)
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    dumps = named(EXPORTERS, args.format).load()
    loaded = load_or_report(args.path, args)
    if loaded is None:
        return EXIT_INVALID
    sys.stdout.write(dumps(loaded))
    return EXIT_OK
