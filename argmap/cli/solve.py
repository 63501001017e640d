"""``argmap solve``: a reasoning problem on an argumentation framework file, answered through the
ICCMA 2023 solver interface. Works on the engine alone: no scenario code is imported."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.shared import error
from argmap.formats.registry import FRAMEWORKS, by_suffix, named, names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-p", "--problem", metavar="PROBLEM", help="e.g. DC-PR, DS-ST, SE-GR (see --problems)")
    parser.add_argument("-f", "--file", type=Path, metavar="FILE", help="the framework: ICCMA 2023 format, or APX")
    parser.add_argument("-a", "--argument", metavar="ARG", help="the query argument of DC and DS problems")
    parser.add_argument("--problems", action="store_true", help="list the supported problems")
    parser.add_argument(
        "--fo", dest="file_format", choices=names(FRAMEWORKS), help="the file's format (default: by suffix)"
    )
    parser.add_argument(
        "--witness", action="store_true", help="after YES (DC) or NO (DS), print an extension showing it"
    )


def run(args: argparse.Namespace) -> int:
    from argmap.base.diagnostics import render_text
    from argmap.base.files import display_name
    from argmap.engine import problems
    from argmap.engine.instance import Instance
    from argmap.reading import gate

    if args.problems:
        print(problems.problems_line())
        return EXIT_OK
    if not args.problem or args.file is None:
        error("solve needs -p PROBLEM and -f FILE (or --problems)")
        return EXIT_USAGE
    problem = args.problem.upper()
    if problem not in problems.PROBLEMS:
        error(f"unsupported problem '{args.problem}'; supported: {problems.problems_line()}")
        return EXIT_USAGE
    if problems.needs_argument(problem) and args.argument is None:
        error(f"{problem} needs a query argument: -a ARG")
        return EXIT_USAGE
    name = display_name(args.file)
    try:
        text = gate.read_text(args.file, name)
    except gate.Refused as refusal:
        print(refusal.diagnostic.render(), file=sys.stderr)
        return EXIT_INVALID
    fmt = named(FRAMEWORKS, args.file_format) if args.file_format else by_suffix(FRAMEWORKS, args.file.suffix)
    parsed = fmt.load()(text, name)
    if isinstance(parsed, list):
        print(render_text(parsed), file=sys.stderr)
        return EXIT_INVALID
    instance = parsed if isinstance(parsed, Instance) else Instance.whole(parsed)
    argument = None
    if args.argument is not None:
        argument = instance.find(args.argument)
        if argument is None:
            error(f"no argument '{args.argument}' in {name}")
            return EXIT_USAGE
    for piece in problems.answer(instance, problem, argument, witness=args.witness):
        sys.stdout.write(piece)
    return EXIT_OK
