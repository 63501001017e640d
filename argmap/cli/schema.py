"""``argmap schema``: print the JSON Schema of scenario (or catalogue) files."""

from __future__ import annotations

import argparse
import sys

from argmap.base.exits import EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalogue", action="store_true", help="the schema of catalogue.yaml instead")


def run(args: argparse.Namespace) -> int:
    from argmap.schema import all_schemas, dumps

    name = "catalogue.schema.json" if args.catalogue else "scenario.schema.json"
    sys.stdout.write(dumps(all_schemas()[name]))
    return EXIT_OK
