"""What a classroom screen does with its answers as the app closes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.base.files import display_name

if TYPE_CHECKING:
    from argmap.classroom.results import ResultsFile


def save_on_close(app: Any, results: ResultsFile) -> None:
    """One last try to save answers not yet saved, then close the file. What still cannot be
    saved is handed to the command line, which prints it (so it can be kept by hand) and exits
    non-zero."""
    if results.unsaved:
        try:
            results.save()
        except OSError as exc:
            lost = getattr(app, "unsaved_answers", None)
            if isinstance(lost, list):
                lost.append((display_name(results.path), str(exc.strerror or exc), results.unsaved_lines()))
    results.close()
