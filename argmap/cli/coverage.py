"""``argmap coverage``: list, per source, the paragraphs no claim quotes yet."""

from __future__ import annotations

import argparse

from argmap.base.exits import EXIT_INVALID, EXIT_OK
from argmap.cli.options import add_scenario, add_source_path
from argmap.cli.shared import load_or_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
    parser.add_argument("--all", action="store_true", help="list every paragraph, quoted or not")
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.authoring.coverage import coverage

    loaded = load_or_report(args.path, args)
    if loaded is None:
        return EXIT_INVALID
    missing_total = 0
    for cov in coverage(loaded):
        quoted, total = len(cov.quoted), len(cov.paragraphs)
        print(f"{cov.source}: {quoted} of {total} paragraphs quoted")
        listed = cov.paragraphs if args.all else cov.missing
        for p in listed:
            mark = "quoted " if p.number in cov.quoted else "MISSING"
            print(f"  {mark} ¶{p.number} (line {p.line}): {p.preview}...")
        missing_total += len(cov.missing)
    return EXIT_OK if missing_total == 0 else EXIT_INVALID
