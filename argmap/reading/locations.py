"""Where argmap finds its bundled data and a scenario's source files.

The bundled ``seeds/`` and ``scenarios/`` folders sit at the top of the repository. A wheel
carries them inside the package as ``argmap/_data/``; both layouts are looked up here and
nowhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # argmap/, from argmap/reading/

SEARCH_PATH_ENV = "ARGMAP_SOURCE_PATH"
BUNDLED_SCENARIO = "abm-treaty-1997-2001.yaml"


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def seeds_dir() -> Path:
    """The bundled source documents and their catalogue."""
    return _data_dir("seeds")


def scenarios_dir() -> Path:
    """The bundled scenarios."""
    return _data_dir("scenarios")


def bundled_scenario() -> Path:
    return scenarios_dir() / BUNDLED_SCENARIO


def source_roots(scenario_file: Path, extra: tuple[Path, ...] = ()) -> list[Path]:
    """Folders a scenario's source files may come from, in the order they are searched.

    The scenario's own folder, then the search path (``--source-path`` and
    ``ARGMAP_SOURCE_PATH``), then the ``seeds/`` folder of the project or installation.
    """
    try:
        home = scenario_file.resolve().parent
    except (OSError, ValueError, RuntimeError):  # a link loop: the file itself cannot be read either
        home = scenario_file.absolute().parent
    roots = [home, *extra]
    env = os.environ.get(SEARCH_PATH_ENV, "")
    roots += [Path(p) for p in env.split(os.pathsep) if p]
    roots.append(seeds_dir())
    seen: list[Path] = []
    for root in roots:
        resolved = _usable(root)
        if resolved is not None and resolved not in seen:
            seen.append(resolved)
    return seen


def _usable(root: Path) -> Path | None:
    """The resolved folder, or None when no file under it can even be looked up (a name too
    long for the system, a NUL, a folder that cannot be entered): such an entry is skipped, as
    a missing folder is, since no source can come from it."""
    try:
        resolved = root.resolve()
        os.stat(resolved / "catalogue.yaml")
    except (FileNotFoundError, NotADirectoryError):
        return resolved
    except (OSError, ValueError, RuntimeError):
        return None
    return resolved


class UnsafePath(ValueError):
    """A file name that would reach outside the folders sources may come from."""


def check_relative(name: str) -> None:
    """Refuse absolute paths, drive letters, '..' and empty parts before touching the disk."""
    if not name or name.startswith(("/", "\\")):
        raise UnsafePath(f"'{name}' is an absolute path")
    if name.startswith("~"):
        raise UnsafePath(f"'{name}' starts with '~', which names a home folder")
    if len(name) > 1 and name[1] == ":":
        raise UnsafePath(f"'{name}' starts with a drive letter")
    parts = name.replace("\\", "/").split("/")
    if any(p in ("..", "") for p in parts):
        raise UnsafePath(f"'{name}' leaves its folder")


def find_file(name: str, roots: list[Path]) -> tuple[Path | None, list[str]]:
    """Find ``name`` under the first root that has it.

    Returns the path (or None) and the reasons files were refused: a symlink that resolves
    outside its root is never followed.
    """
    check_relative(name)
    refused: list[str] = []
    for root in roots:
        candidate = root / name
        try:
            if not candidate.exists():
                continue
            real = candidate.resolve()
            is_file = real.is_file()
        except (OSError, ValueError, RuntimeError):  # a name too long to look up is not there
            continue
        if not real.is_relative_to(root) or not is_file:
            refused.append(f"{candidate} points outside {root}")
            continue
        return real, refused
    return None, refused
