"""``argmap quote``: print the exact passages of a source containing some words, ready to paste."""

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
    parser.add_argument("source", metavar="SOURCE", help="a source id: from a catalogue, or from --scenario")
    parser.add_argument("words", metavar="WORDS")
    parser.add_argument("--scenario", type=Path, help="take the source from this scenario's sources")
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.authoring import quoting
    from argmap.base.diagnostics import render_text
    from argmap.base.files import display_name

    if not args.words.strip():
        error('give the words to look for, e.g. argmap quote act-boese-2001 "joint shield"')
        return EXIT_USAGE
    try:
        found = quoting.find(args.source, args.scenario, search_path(args))
    except quoting.NotFound as missing:
        print(render_text([_from_command_line(d) for d in missing.diagnostics]), file=sys.stderr)
        return EXIT_USAGE if missing.usage else EXIT_INVALID
    passages = found.text.passages(args.words)
    if not passages:
        print(f"no passage of '{args.source}' contains: {args.words}", file=sys.stderr)
        return EXIT_INVALID
    for line, text in passages:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"')
        print(f"{display_name(found.path)}:{line}:")
        print(f'  - source: {found.source_id}\n    quote: "{escaped}"\n')
    return EXIT_OK


def _from_command_line(d: Diagnostic) -> Diagnostic:
    """A diagnostic about no file is about the command line: it is shown as argmap's own."""
    return d if d.file else d.located("argmap", 0, 0)
