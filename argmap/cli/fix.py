"""``argmap fix``: make the mechanical repairs of a scenario (sources' sha256, quotes' layout to
the source's own text) in place, showing the change first."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.options import add_scenario, add_source_path, search_path
from argmap.cli.shared import error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
    parser.add_argument("--yes", action="store_true", help="write the repairs without showing them or asking")
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    import difflib

    from argmap.authoring.repairs import repairs, validation_of
    from argmap.authoring.splice import SpliceFailed, set_values
    from argmap.base.diagnostics import render_text
    from argmap.base.files import display_name, shown, write_atomic
    from argmap.reading import gate

    path: Path = args.path
    name = display_name(path)
    problem = _not_fixable(path)
    if problem is not None:
        error(f"{shown(path)} {problem}")
        return EXIT_USAGE
    try:
        raw = gate.read_bytes(path, name)
        text = gate.decode(raw, name)
    except gate.Refused as refused:
        print(render_text([refused.diagnostic]), file=sys.stderr)
        return EXIT_INVALID
    v = validation_of(text, path, search_path(args))
    if v is None:
        from argmap.validation.load import load_scenario

        print(render_text(load_scenario(path, search_path(args)).diagnostics), file=sys.stderr)
        error("the file must read as data before it can be fixed")
        return EXIT_INVALID
    found = repairs(v)
    if not found:
        print(f"{name}: nothing to fix")
        return EXIT_OK
    try:
        new = set_values(text, path.name, [(r.path, r.new) for r in found])
    except SpliceFailed as failed:
        error(f"cannot fix {name}: {failed}; nothing written")
        return EXIT_INVALID
    for r in found:
        print(f"{name}: {'.'.join(map(str, r.path))}: {r.why}")
    if not args.yes:
        diff = difflib.unified_diff(
            text.splitlines(keepends=True), new.splitlines(keepends=True), f"{name} (now)", f"{name} (fixed)"
        )
        sys.stdout.write("".join(diff))
        if not _confirmed(len(found)):
            return EXIT_INVALID
    try:
        if gate.read_bytes(path, name) != raw:
            error(f"{name} changed while it was being fixed; nothing written, run argmap fix again")
            return EXIT_INVALID
        write_atomic(path, new)
    except (gate.Refused, OSError) as exc:
        error(f"cannot write {name}: {exc}; the file is as it was")
        return EXIT_INVALID
    print(f"{name}: {len(found)} repair(s) written")
    return EXIT_OK


def _confirmed(count: int) -> bool:
    if not sys.stdin.isatty():
        print(f"not written: run argmap fix --yes to write the {count} repair(s)", file=sys.stderr)
        return False
    try:
        answer = input(f"write the {count} repair(s)? [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() in ("y", "yes"):
        return True
    print("nothing written", file=sys.stderr)
    return False


def _not_fixable(path: Path) -> str | None:
    """Why the file may not be rewritten in place: replacing a link would cut it, and replacing a
    file with other names would part them."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return "does not exist"
    except (OSError, ValueError) as exc:
        return f"cannot be looked at: {exc}"
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link; fix the file it points to"
    if stat.S_ISREG(info.st_mode) and info.st_nlink > 1:
        return "has other names (hard links); fixing it in place would part them"
    if stat.S_ISREG(info.st_mode) and not os.access(path, os.W_OK):
        return "is read-only"
    return None
