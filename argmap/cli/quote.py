"""``argmap quote``: the smallest passages of a source holding some words, exactly as the source
writes them, each with an evidence entry ready to paste."""

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


def _context(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("give a number of clauses from 0 to 100")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", help="a source id: from a catalogue, or from --scenario")
    parser.add_argument("words", metavar="WORDS")
    parser.add_argument("--scenario", type=Path, help="take the source from this scenario's sources")
    parser.add_argument(
        "--context",
        type=_context,
        default=0,
        metavar="N",
        help="widen each passage by N clauses on each side, within its paragraph (default 0)",
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.authoring import quoting
    from argmap.authoring.passages import evidence_block, passages
    from argmap.base.diagnostics import render_text
    from argmap.base.files import display_name
    from argmap.validation.nearest import nearest

    if not args.words.strip():
        error('give the words to look for, e.g. argmap quote act-boese-2001 "joint shield"')
        return EXIT_USAGE
    try:
        found = quoting.find(args.source, args.scenario, search_path(args))
    except quoting.NotFound as missing:
        print(render_text([_from_command_line(d) for d in missing.diagnostics]), file=sys.stderr)
        return EXIT_USAGE if missing.usage else EXIT_INVALID
    name = display_name(found.path)
    found_passages = passages(found.text, args.words, args.context, found.furniture)
    if not found_passages:
        print(f"no passage of '{args.source}' holds: {args.words}", file=sys.stderr)
        close = nearest(found.text, args.words)
        if close is not None:
            print("\n".join(f"  {line}" for line in close.hint().splitlines()), file=sys.stderr)
        return EXIT_INVALID
    for passage in found_passages:
        print(f"{name}:{passage.line}:{passage.col}:")
        print(evidence_block(found.source_id, passage.text) + "\n")
    return EXIT_OK


def _from_command_line(d: Diagnostic) -> Diagnostic:
    """A diagnostic about no file is about the command line: it is shown as argmap's own."""
    return d if d.file else d.located("argmap", 0, 0)
