"""The files a scenario is made of, and news of their changes, for the live preview.

A scenario is its own file, its sources' files and the catalogues that describe them; any of
them changing calls for a reload. Folders are watched rather than files, since editors often
save by writing a new file and renaming it over the old one.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from pathlib import Path

from argmap.scenario.loaded import Loaded

Watcher = Callable[[Sequence[Path], asyncio.Event], AsyncIterator[set[Path]]]
"""Given folders and an event that stops it, yields each batch of paths changed in them."""

DEBOUNCE_MS = 150
"""Changes this close together come as one batch: an editor's save is several writes."""


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def depends_on(path: Path, loaded: Loaded | None = None) -> frozenset[Path]:
    """The scenario's file, and the source files and catalogues it was read with."""
    files = {_resolved(path)}
    if loaded is not None:
        for source in loaded.sources.values():
            files.add(_resolved(source.path))
            if source.catalogue is not None:
                files.add(_resolved(source.catalogue))
    return frozenset(files)


def folders_of(files: Iterable[Path]) -> tuple[Path, ...]:
    return tuple(sorted({f.parent for f in files}))


def touches(changed: Iterable[Path], files: frozenset[Path]) -> bool:
    return any(_resolved(p) in files or p in files for p in changed)


async def file_changes(folders: Sequence[Path], stop: asyncio.Event) -> AsyncIterator[set[Path]]:
    """Changes in the folders (not their subfolders), batch by batch, until ``stop`` is set."""
    import watchfiles

    async for changes in watchfiles.awatch(
        *folders, stop_event=stop, recursive=False, debounce=DEBOUNCE_MS, watch_filter=None
    ):
        yield {Path(p) for _, p in changes}


def file_changes_blocking(folders: Sequence[Path]) -> Iterator[set[Path]]:
    """``file_changes`` for a terminal loop: blocks until the next batch; Ctrl-C ends it."""
    import watchfiles

    for changes in watchfiles.watch(*folders, recursive=False, debounce=DEBOUNCE_MS, watch_filter=None):
        yield {Path(p) for _, p in changes}
