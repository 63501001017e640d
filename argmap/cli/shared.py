"""What several commands do alike: say an error, load a scenario or say why not, run an app.

Imports of the core happen inside the functions, so that a command pays only for what it uses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.options import search_path

if TYPE_CHECKING:
    from argmap.base.files import OutputRefused
    from argmap.scenario.loaded import Loaded
    from argmap.tui.app import ArgmapApp


def error(message: str) -> None:
    print(f"argmap: error: {message}", file=sys.stderr)


def refused(refusal: OutputRefused) -> int:
    """Say why an output was not written; a refused target is a usage error, a failed write not."""
    error(str(refusal))
    return EXIT_USAGE if refusal.usage else EXIT_INVALID


def load_or_report(path: Path, args: argparse.Namespace) -> Loaded | None:
    """The scenario, or None after printing its diagnostics."""
    from argmap.base.diagnostics import render_text
    from argmap.validation.load import load_scenario

    loaded = load_scenario(path, search_path(args))
    if not loaded.ok:
        print(render_text(loaded.diagnostics), file=sys.stderr)
        return None
    return loaded


def run_app(app: ArgmapApp) -> int:
    """Run the app; answers it could not save when closing are printed, never lost silently."""
    app.run()
    if app.unsaved_answers:
        for name, reason, lines in app.unsaved_answers:
            error(f"{len(lines)} answer(s) could not be saved to {name}: {reason}; here they are, one a line:")
            for line in lines:
                print(line, file=sys.stderr)
        return EXIT_INVALID
    return app.return_code or EXIT_OK
