"""Arguments several commands share, and what they mean."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_source_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source-path",
        action="append",
        metavar="DIR",
        help="another folder to find source files and catalogues in (repeatable; also ARGMAP_SOURCE_PATH)",
    )


def search_path(args: argparse.Namespace) -> tuple[Path, ...]:
    """The folders given with ``--source-path``, in order."""
    return tuple(Path(p) for p in (args.source_path or ()))


def add_scenario(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH")


def add_scenario_or_bundled(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, nargs="?", metavar="PATH", help="default: the bundled scenario")


def scenario_or_bundled(args: argparse.Namespace) -> Path:
    from argmap.reading.locations import bundled_scenario

    path: Path = args.path or bundled_scenario()
    return path
