"""``argmap coverage``: list, per source, the paragraphs no claim quotes yet.

Exit status: 0 when every paragraph of substance is quoted, 1 when some is not (or the scenario
has errors), 2 for a usage error; so a script can require full coverage.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from argmap.base.exits import EXIT_INVALID, EXIT_OK
from argmap.cli.options import add_scenario, add_source_path
from argmap.cli.shared import load_or_report

if TYPE_CHECKING:
    from argmap.authoring.coverage import SourceCoverage


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
    parser.add_argument("--all", action="store_true", help="list every paragraph, quoted or not")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="json: every source and every paragraph, each with whether it is quoted",
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.authoring.coverage import coverage

    loaded = load_or_report(args.path, args)
    if loaded is None:
        return EXIT_INVALID
    found = coverage(loaded)
    missing_total = sum(len(cov.missing) for cov in found)
    if args.format == "json":
        print(json.dumps(_as_json(found, missing_total), indent=2, ensure_ascii=False))
        return EXIT_OK if missing_total == 0 else EXIT_INVALID
    for cov in found:
        quoted, total = len(cov.quoted), len(cov.paragraphs)
        print(f"{cov.source}: {quoted} of {total} paragraphs quoted")
        listed = cov.paragraphs if args.all else cov.missing
        for p in listed:
            mark = "quoted " if p.number in cov.quoted else "MISSING"
            print(f"  {mark} ¶{p.number} (line {p.line}): {p.preview}...")
    return EXIT_OK if missing_total == 0 else EXIT_INVALID


def _as_json(found: list[SourceCoverage], missing_total: int) -> dict[str, object]:
    return {
        "complete": missing_total == 0,
        "missing": missing_total,
        "sources": [
            {
                "source": cov.source,
                "total": len(cov.paragraphs),
                "quoted": len(cov.quoted),
                "paragraphs": [
                    {"number": p.number, "line": p.line, "quoted": p.number in cov.quoted, "opening": p.preview}
                    for p in cov.paragraphs
                ],
            }
            for cov in found
        ],
    }
