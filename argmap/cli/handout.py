"""``argmap handout``: write a printable handout (Markdown or PDF) and, beside it, its answer key."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.options import add_scenario_or_bundled, add_source_path, scenario_or_bundled
from argmap.cli.shared import error, load_or_report, refused


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario_or_bundled(parser)
    parser.add_argument(
        "--side", help="include this side's brief (its positions with quotes and dates); by name or id, any case"
    )
    parser.add_argument("--set", dest="set_name", metavar="NAME", help="only this exercise set")
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="the handout file (default: SCENARIO-handout.md, or .pdf with --format pdf); the key goes beside it",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="markdown or pdf (default: from the output's suffix, else markdown)",
    )
    add_source_path(parser)


FORMATS = ("markdown", "pdf")
SUFFIX = {"markdown": ".md", "pdf": ".pdf"}


def run(args: argparse.Namespace) -> int:
    from argmap.base.files import OutputRefused, check_output, shown, write_output
    from argmap.classroom import handout_markdown, handout_typst
    from argmap.classroom.handout import build
    from argmap.classroom.labels import engine_labeller
    from argmap.classroom.sides import find_side, unknown_side
    from argmap.debate.index import Debate

    path = scenario_or_bundled(args)
    loaded = load_or_report(path, args)
    if loaded is None:
        return EXIT_INVALID
    debate = Debate.from_loaded(loaded)
    side = find_side(debate, args.side) if args.side is not None else None
    if args.side is not None and side is None:
        error(unknown_side(debate, args.side))
        return EXIT_USAGE
    sets = {e.set for e in debate.scenario.exercises}
    if args.set_name is not None and args.set_name not in sets:
        error(f"no exercise set '{args.set_name}'; sets: {', '.join(sorted(s for s in sets if s))}")
        return EXIT_USAGE
    given: Path | None = args.output
    fmt = args.format or ("pdf" if given is not None and given.suffix.lower() == ".pdf" else "markdown")
    out: Path = given or Path(f"{path.stem}-handout{SUFFIX[fmt]}")
    key_path = out.with_name(f"{out.stem}-answers{out.suffix or SUFFIX[fmt]}") if out.name else out
    inputs = [
        path,
        *(s.path for s in loaded.sources.values()),
        *(s.catalogue for s in loaded.sources.values() if s.catalogue),
    ]
    try:
        for target in (out, key_path):
            check_output(target, inputs)
        made = build(debate, side, args.set_name, engine_labeller())
        if fmt == "pdf":
            sheet, key = handout_typst.pdf(handout_typst.sheet(made)), handout_typst.pdf(handout_typst.key(made))
            write_bytes(out, sheet, inputs)
            write_bytes(key_path, key, [*inputs, out])
        else:
            write_output(out, handout_markdown.sheet(made), inputs)
            write_output(key_path, handout_markdown.key(made), [*inputs, out])
    except OutputRefused as refusal:
        return refused(refusal)
    except handout_typst.PdfFailed as failed:
        error(f"the PDF could not be made: {failed}")
        return EXIT_INVALID
    print(f"wrote {shown(out)} and {shown(key_path)}")
    return EXIT_OK


def write_bytes(path: Path, data: bytes, inputs: list[Path]) -> None:
    """Write a binary output file atomically, refused as ``write_output`` refuses a text one."""
    from argmap.base.files import OutputRefused, check_output, shown, write_atomic

    check_output(path, inputs)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputRefused(f"cannot write {shown(path)}: {exc.strerror or exc}", usage=False) from None
