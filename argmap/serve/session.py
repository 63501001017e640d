"""What a session process runs: the app of the class's scenario, for one student.

The server starts it as ``ClassConfig.session_argv`` says; the student gives their name on the
app's first screen, and their answers go to the class's results folder.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.serve.config import STARTS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="argmap-session")
    parser.add_argument("--results", type=Path, required=True)
    parser.add_argument("--start", choices=STARTS, default="browse")
    parser.add_argument("--value")
    parser.add_argument("--source-path", type=Path, action="append", default=[])
    parser.add_argument("scenario", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from argmap.base.diagnostics import render_text
    from argmap.tui.app import make_app
    from argmap.tui.start import BROWSE, Start, StartExercises, StartRolePlay, StartWalkthrough
    from argmap.validation.load import load_scenario

    args = _parser().parse_args(argv)
    loaded = load_scenario(args.scenario, tuple(args.source_path))
    if not loaded.ok:
        print(render_text(loaded.diagnostics), file=sys.stderr)
        return EXIT_INVALID
    starts: dict[str, Start] = {
        "browse": BROWSE,
        "walkthrough": StartWalkthrough(args.value),
        "exercise": StartExercises(args.value, folder=args.results),
        "roleplay": StartRolePlay(args.value),
    }
    try:
        app = make_app(loaded, start=starts[args.start], class_folder=args.results)
    except ValueError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        app.run()
    finally:
        if app.presence is not None:
            app.presence.leave()
    # The server prints what a session says on stderr: answers it could not save are not lost.
    for name, reason, lines in app.unsaved_answers:
        print(f"argmap: error: {len(lines)} answer(s) could not be saved to {name}: {reason}:", file=sys.stderr)
        for line in lines:
            print(line, file=sys.stderr)
    return EXIT_INVALID if app.unsaved_answers else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
