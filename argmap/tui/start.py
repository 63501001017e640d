"""What the app begins with, over the positions view: nothing more, a walkthrough, an exercise
set or a role-play. ``make_app`` takes one of these."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class StartBrowse:
    """The positions view alone."""


@dataclass(frozen=True, slots=True)
class StartWalkthrough:
    """A walkthrough by name; with none, the only one, or the reader picks."""

    name: str | None = None


@dataclass(frozen=True, slots=True)
class StartExercises:
    """An exercise set for a student; the name and the set are asked for when not given.
    Results go to ``folder`` (default: ``results.default_folder()``)."""

    set_name: str | None = None
    folder: Path | None = None
    student: str | None = None
    shuffle: bool = False


@dataclass(frozen=True, slots=True)
class StartRolePlay:
    """A role-play as a side (by id or name, any case); asked for when not given. With a
    student's name its rounds are saved to ``folder`` (default: ``results.default_folder()``)
    as exercises are."""

    side: str | None = None
    folder: Path | None = None
    student: str | None = None


Start = StartBrowse | StartWalkthrough | StartExercises | StartRolePlay
BROWSE = StartBrowse()
