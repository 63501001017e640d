"""``argmap validate``: check scenario files and report every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.options import add_source_path, search_path
from argmap.cli.shared import error

if TYPE_CHECKING:
    from argmap.base.diagnostics import Diagnostic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="scenario files or folders (default: the bundled scenarios)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="how to print diagnostics")
    parser.add_argument("--quiet", "-q", action="store_true", help="print errors only, no warnings")
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.base.diagnostics import has_errors, render_json, render_text, summary
    from argmap.validation.load import load_scenario

    files, diagnostics = _scenario_files(args.paths)
    if not files and not diagnostics:
        error("no scenario files found")
        return EXIT_USAGE
    for file in files:
        diagnostics += load_scenario(file, search_path(args)).diagnostics
    reported = [d for d in diagnostics if d.severity == "error"] if args.quiet else diagnostics
    if args.format == "json":
        print(render_json(reported))
    else:
        if reported:
            print(render_text(reported), flush=True)
        print(summary(diagnostics, len(files)), file=sys.stderr)
    return EXIT_INVALID if has_errors(diagnostics) else EXIT_OK


def _scenario_files(paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The scenario files named, those of named folders included, and why a folder could not
    be listed."""
    from argmap.base.diagnostics import Diagnostic
    from argmap.base.files import is_folder, shown
    from argmap.reading.locations import scenarios_dir

    if not paths:
        paths = [scenarios_dir()]
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if not is_folder(path):
            files.append(path)
            continue
        try:
            files += sorted(
                p
                for p in path.iterdir()
                if p.suffix in (".yaml", ".yml", ".json") and not p.name.endswith(".schema.json")
            )
        except OSError as exc:
            problems.append(Diagnostic("E001", f"cannot list the folder: {exc.strerror or exc}", shown(path)))
    return files, problems
