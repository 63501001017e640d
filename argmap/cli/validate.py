"""``argmap validate``: check scenario files and report every problem."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.options import add_source_path, search_path
from argmap.cli.shared import error

if TYPE_CHECKING:
    from argmap.base.diagnostics import Diagnostic
    from argmap.scenario.loaded import Loaded


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
    parser.add_argument(
        "--watch",
        action="store_true",
        help="check again whenever a scenario or one of its sources changes, until Ctrl-C",
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    if args.watch:
        from argmap.authoring.watching import file_changes_blocking

        return watch(args, file_changes_blocking)
    status, _ = check(args)
    return status


def check(args: argparse.Namespace) -> tuple[int, list[Loaded]]:
    """Check the files once and print what was found; the exit status, and each file as loaded."""
    from argmap.base.diagnostics import has_errors, render_json, render_text, summary
    from argmap.validation.load import load_scenario

    files, diagnostics = _scenario_files(args.paths)
    if not files and not diagnostics:
        error("no scenario files found")
        return EXIT_USAGE, []
    loaded = [load_scenario(file, search_path(args)) for file in files]
    for each in loaded:
        diagnostics += each.diagnostics
    reported = [d for d in diagnostics if d.severity == "error"] if args.quiet else diagnostics
    if args.format == "json":
        print(render_json(reported), flush=True)
    else:
        if reported:
            print(render_text(reported), flush=True)
        print(summary(diagnostics, len(files)), file=sys.stderr, flush=True)
    return (EXIT_INVALID if has_errors(diagnostics) else EXIT_OK), loaded


def watch(args: argparse.Namespace, changes: Callable[[Sequence[Path]], Iterable[set[Path]]]) -> int:
    """Check, then check again after each change to a file the scenarios are made of; the
    status of the last check when the changes end; Ctrl-C ends them at the terminal (status 130,
    as for any command interrupted)."""
    import datetime as dt

    from argmap.authoring.watching import depends_on, folders_of, touches

    status, loaded = check(args)
    if status == EXIT_USAGE:
        return status

    def watched() -> frozenset[Path]:
        files: frozenset[Path] = frozenset()
        for each in loaded:
            files |= depends_on(each.path, each)
        return files

    files = watched()
    print(f"watching {len(files)} file(s); Ctrl-C to stop", file=sys.stderr, flush=True)
    while True:
        folders = folders_of(files)
        for changed in changes(folders):
            if not touches(changed, files):
                continue
            print(f"--- {dt.datetime.now().strftime('%H:%M:%S')} changed; checking again", file=sys.stderr)
            status, loaded = check(args)
            files = watched() | files
            if folders_of(files) != folders:
                break
        else:
            return status


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
