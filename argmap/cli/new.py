"""``argmap new``: write a small valid scenario, and its source, to start from."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.shared import error, refused


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.add_argument(
        "--from",
        dest="from_text",
        type=Path,
        metavar="TEXT.txt",
        help="start from this text (in the scenario's folder or below it): its source entry and its paragraphs",
    )


def run(args: argparse.Namespace) -> int:
    from argmap.authoring import starter
    from argmap.base.files import OutputRefused, exists, is_folder, shown, write_together

    path: Path = args.path
    if path.name in ("", ".", ".."):
        error("give the new scenario's file name, e.g. argmap new bridge.yaml")
        return EXIT_USAGE
    problem = starter.name_problem(str(path))
    if problem is not None:
        error(f"cannot name a scenario '{starter.escaped(str(path))}': {problem}")
        return EXIT_USAGE
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = path.with_name(path.name + ".yaml")
    if args.from_text is not None:
        return _from_text(path, args.from_text, args.force)
    source = path.with_name(f"{path.stem}-source.txt")
    problem = starter.source_name_problem(source.name) or _name_too_long(source)
    if problem is not None:
        error(f"cannot name a scenario {shown(path)}: {problem}")
        return EXIT_USAGE
    folder = path.parent
    if exists(folder) and not is_folder(folder):
        error(f"{shown(folder)} is a file, not a folder")
        return EXIT_USAGE
    for target in (path, source):
        if is_folder(target):
            error(f"{shown(target)} is a folder; choose another name")
            return EXIT_USAGE
        if os.path.lexists(target) and not args.force:
            error(f"{shown(target)} exists; choose another name or pass --force")
            return EXIT_USAGE
    scenario_text, source_text = starter.render(path.name, source.name, folder)
    try:
        write_together([(source, source_text), (path, scenario_text)])
    except OutputRefused as refusal:
        return refused(refusal)
    print(f"wrote {shown(path)} and its source {shown(source)}")
    print(f"next: argmap validate {starter.command_word(shown(path))}")
    return EXIT_OK


def _name_too_long(path: Path) -> str | None:
    """Why a file name is longer than its folder's file system allows, or None."""
    from argmap.base.files import exists

    limit = 255
    folder = path.parent
    while not exists(folder) and folder != folder.parent:
        folder = folder.parent
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        pass
    size = len(os.fsencode(path.name))
    if size <= limit:
        return None
    return f"the name is too long: its source file's name would have {size} bytes, over the {limit} allowed"


def _from_text(path: Path, text_path: Path, force: bool) -> int:
    """A scenario beside a text the author already has: the text is read, never written."""
    import hashlib

    from argmap.authoring import starter
    from argmap.authoring.from_text import render_from
    from argmap.base.diagnostics import render_text
    from argmap.base.files import OutputRefused, display_name, exists, is_folder, shown, write_together
    from argmap.reading import gate

    folder = path.parent
    if exists(folder) and not is_folder(folder):
        error(f"{shown(folder)} is a file, not a folder")
        return EXIT_USAGE
    try:
        relative = Path(os.path.relpath(os.path.abspath(text_path), os.path.abspath(folder or Path("."))))
    except ValueError:
        relative = text_path
    problem = starter.source_name_problem(relative.as_posix()) or starter.name_problem(relative.as_posix())
    if problem is not None or relative.parts[:1] == ("..",):
        error(
            f"{shown(text_path)} must be in the scenario's folder or below it, so the scenario can name it; "
            "move it there, or write the scenario beside it"
        )
        return EXIT_USAGE
    name = display_name(text_path)
    try:
        raw = gate.read_bytes(text_path, name)
        text = gate.decode(raw, name)
    except gate.Refused as unreadable:
        print(render_text([unreadable.diagnostic]), file=sys.stderr)
        return EXIT_INVALID
    if is_folder(path):
        error(f"{shown(path)} is a folder; choose another name")
        return EXIT_USAGE
    if os.path.lexists(path) and not force:
        error(f"{shown(path)} exists; choose another name or pass --force")
        return EXIT_USAGE
    scenario = render_from(path.name, relative.as_posix(), text, hashlib.sha256(raw).hexdigest(), folder)
    try:
        write_together([(path, scenario)])
    except OutputRefused as refusal:
        return refused(refusal)
    print(f"wrote {shown(path)}, started from {shown(text_path)}")
    print(f"next: argmap validate {starter.command_word(shown(path))}")
    return EXIT_OK
