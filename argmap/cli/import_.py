"""``argmap import``: a scenario to complete, made from an Argdown, AIF or Kialo file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_OK
from argmap.cli.shared import error, refused
from argmap.formats.registry import IMPORTERS, by_content, named, names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--from", dest="source_format", choices=names(IMPORTERS), help="the file's format (default: by suffix)"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT.yaml",
        help="the scenario to write (default: FILE's name, .yaml, here)",
    )


def run(args: argparse.Namespace) -> int:
    from argmap.base.diagnostics import has_errors, render_text
    from argmap.base.files import OutputRefused, check_output, display_name, exists, write_together
    from argmap.formats.draft import files_of, to_yaml
    from argmap.reading import gate
    from argmap.validation.load import load_scenario

    name = display_name(args.file)
    text, problems = gate.read(args.file, name)
    if text is None:
        print(render_text(problems), file=sys.stderr)
        return EXIT_INVALID
    fmt = named(IMPORTERS, args.source_format) if args.source_format else by_content(IMPORTERS, args.file.suffix, text)
    draft = fmt.load()(text, name)
    if draft.problems:
        print(render_text(draft.problems), file=sys.stderr)
    if not draft.claims:
        error(
            f"nothing to import from {name}: no claims found"
            + ("" if args.source_format else f" (read as {fmt.name}; --from names another format)")
        )
        return EXIT_INVALID
    out: Path = args.output or Path(args.file.stem + ".yaml")
    written = to_yaml(draft.data())
    files = files_of(draft, out, written.text)
    try:
        for path, _ in files:
            if exists(path):
                raise OutputRefused(
                    f"{display_name(path)} exists; give another -o, argmap import writes no file over another",
                    usage=True,
                )
            check_output(path, [args.file])
        write_together(files)
    except OutputRefused as exc:
        return refused(exc)
    for path, _ in files:
        print(f"wrote {display_name(path)}", file=sys.stderr)
    # Validated as written: the text read back to the draft's data, where each part stands known.
    loaded = load_scenario(out, written=written)
    if loaded.diagnostics:
        print(render_text(loaded.diagnostics), file=sys.stderr)
    for note in draft.notes:
        print(f"to do: {note}", file=sys.stderr)
    return EXIT_INVALID if has_errors(loaded.diagnostics) or has_errors(draft.problems) else EXIT_OK
