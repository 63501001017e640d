"""``argmap handout``: write a printable Markdown handout and, beside it, its answer key."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.options import add_scenario_or_bundled, add_source_path, scenario_or_bundled
from argmap.cli.shared import error, load_or_report, refused


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario_or_bundled(parser)
    parser.add_argument("--side", help="include this side's brief (its positions with quotes and dates)")
    parser.add_argument("--set", dest="set_name", metavar="NAME", help="only this exercise set")
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="the handout file (default: SCENARIO-handout.md); the key goes beside it",
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.base.files import OutputRefused, check_output, shown, write_output
    from argmap.classroom.handout import handout
    from argmap.classroom.labels import engine_labeller
    from argmap.debate.index import Debate

    path = scenario_or_bundled(args)
    loaded = load_or_report(path, args)
    if loaded is None:
        return EXIT_INVALID
    debate = Debate.from_loaded(loaded)
    if args.side is not None and args.side not in debate.sides:
        error(f"'{args.side}' is not a side; sides: {', '.join(debate.sides)}")
        return EXIT_USAGE
    sets = {e.set for e in debate.scenario.exercises}
    if args.set_name is not None and args.set_name not in sets:
        error(f"no exercise set '{args.set_name}'; sets: {', '.join(sorted(s for s in sets if s))}")
        return EXIT_USAGE
    out: Path = args.output or Path(f"{path.stem}-handout.md")
    key_path = out.with_name(f"{out.stem}-answers{out.suffix or '.md'}") if out.name else out
    inputs = [
        path,
        *(s.path for s in loaded.sources.values()),
        *(s.catalogue for s in loaded.sources.values() if s.catalogue),
    ]
    try:
        for target in (out, key_path):
            check_output(target, inputs)
        sheet, key = handout(debate, args.side, args.set_name, engine_labeller())
        write_output(out, sheet, inputs)
        write_output(key_path, key, [*inputs, out])
    except OutputRefused as refusal:
        return refused(refusal)
    print(f"wrote {shown(out)} and {shown(key_path)}")
    return EXIT_OK
