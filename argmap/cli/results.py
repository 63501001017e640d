"""``argmap results``: merge students' results files into a class summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.shared import error, refused
from argmap.formats.registry import SUMMARIES, named, names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder",
        type=Path,
        metavar="FOLDER",
        nargs="?",
        help="the results folder (default: where argmap exercise saves them)",
    )
    parser.add_argument("--format", choices=names(SUMMARIES), default=SUMMARIES[0].name)
    parser.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to a file instead of printing")


def run(args: argparse.Namespace) -> int:
    from argmap.base.diagnostics import has_errors, render_text
    from argmap.base.diagnostics import summary as counted
    from argmap.base.files import OutputRefused, check_output, display_name, write_output
    from argmap.classroom.results import default_folder, read_folder, reads
    from argmap.classroom.summary import summarise

    folder: Path = args.folder or default_folder()
    if not folder.is_dir():
        error(f"{display_name(folder)} is not a folder")
        return EXIT_USAGE
    output: Path | None = args.output
    if output is not None and reads(folder, output):
        error(f"-o {display_name(output)} would write over a results file; give a name that does not end in .jsonl")
        return EXIT_USAGE
    found = read_folder(folder)
    if output is not None:  # its results files are refused above: what is left is the target itself
        try:
            check_output(output)
        except OutputRefused as refusal:
            return refused(refusal)
    if found.problems:
        print(render_text(found.problems), file=sys.stderr)
    text = named(SUMMARIES, args.format).load()(summarise(found.records, found.problems))
    if output is not None:
        try:
            write_output(output, text if text.endswith("\n") else text + "\n")
        except OutputRefused as refusal:
            return refused(refusal)
        print(f"wrote {display_name(output)}")
    else:
        print(text.rstrip("\n"))
    if found.problems:
        print(counted(found.problems, found.files), file=sys.stderr)
    return EXIT_INVALID if has_errors(found.problems) else EXIT_OK
