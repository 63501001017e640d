"""``argmap serve``: a class in the browser, each student in a session of their own."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from argmap.base.exits import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_USAGE
from argmap.cli.options import add_scenario_or_bundled, add_source_path, scenario_or_bundled, search_path
from argmap.cli.shared import error, load_or_report

if TYPE_CHECKING:
    from argmap.scenario.loaded import Loaded
    from argmap.serve.config import ClassConfig


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("give 1 or more")
    return value


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}") from None
    if not 0 < value <= 24 * 60:
        raise argparse.ArgumentTypeError("give minutes between 0 and 1440")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port is from 0 (any free one) to 65535")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:

    add_scenario_or_bundled(parser)
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for the local network)",
    )
    parser.add_argument("--port", type=_port, default=8000, help="the port (default: 8000; 0 for any free one)")
    parser.add_argument(
        "--public-url", metavar="URL", help="the address students use, when it is not the host's (a proxy, a name)"
    )
    parser.add_argument(
        "--max-sessions", type=_positive, default=30, metavar="N", help="students at a time (default: 30)"
    )
    parser.add_argument(
        "--idle-minutes",
        type=_minutes,
        default=30.0,
        metavar="M",
        help="end a session when its student has typed nothing for M minutes (default: 30)",
    )
    parser.add_argument(
        "--results",
        type=Path,
        metavar="DIR",
        help="where students' answers are saved (default: $ARGMAP_RESULTS, else $XDG_DATA_HOME/argmap/results)",
    )
    parser.add_argument(
        "--start",
        nargs="+",
        default=["browse"],
        metavar=("WHAT", "NAME"),
        help=(
            "what each session begins with: browse, walkthrough [NAME], exercise [SET] or roleplay [SIDE] "
            "(asked for in the app when no name is given)"
        ),
    )
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.base.files import display_name
    from argmap.classroom.results import default_folder
    from argmap.serve.config import STARTS, ClassConfig

    try:
        import textual_serve  # noqa: F401
    except ImportError:
        error("argmap serve needs textual-serve: pip install 'argmap[serve]'")
        return EXIT_USAGE
    public: str | None = args.public_url
    if public is not None:
        parts = urlsplit(public)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
            error(f"--public-url {public}: give the address students open, as http(s)://HOST[:PORT]/")
            return EXIT_USAGE
    what, *named = args.start
    if what not in STARTS or len(named) > 1 or (what == "browse" and named):
        error("--start takes browse, walkthrough [NAME], exercise [SET] or roleplay [SIDE]")
        return EXIT_USAGE
    loaded = load_or_report(scenario_or_bundled(args), args)
    if loaded is None:
        return EXIT_INVALID
    results: Path = (args.results or default_folder()).absolute()
    try:
        results.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        error(f"answers cannot be saved in {display_name(results)}: {exc.strerror or exc}")
        return EXIT_USAGE
    config = ClassConfig(
        scenario=loaded.path.absolute(),
        results=results,
        start=what,
        start_value=named[0] if named else None,
        source_path=tuple(p.absolute() for p in search_path(args)),
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        max_sessions=args.max_sessions,
        idle_minutes=args.idle_minutes,
    )
    title = _checked_title(loaded, config)
    if title is None:
        return EXIT_USAGE
    return _serve(config, title)


def _checked_title(loaded: Loaded, config: ClassConfig) -> str | None:
    """The scenario's title, once the sessions are sure to start: the walkthrough, set or side
    named exists (said, and None, when not)."""
    from argmap.tui.app import make_app
    from argmap.tui.start import BROWSE, Start, StartExercises, StartRolePlay, StartWalkthrough

    value = config.start_value
    starts: dict[str, Start] = {
        "browse": BROWSE,
        "walkthrough": StartWalkthrough(value),
        "exercise": StartExercises(value, folder=config.results),
        "roleplay": StartRolePlay(value),
    }
    try:
        app = make_app(loaded, start=starts[config.start], class_folder=config.results)
    except ValueError as exc:
        error(str(exc))
        return None
    return str(app.title)


def _serve(config: ClassConfig, title: str) -> int:
    from argmap.base.files import display_name
    from argmap.serve.door import Door, is_loopback
    from argmap.serve.server import serve_class

    def announce(door: Door) -> None:
        print(f"argmap: serving {title}")
        if is_loopback(config.host) and config.public_url is None:
            print(f"Open {door.address} in a browser on this machine (only this machine can reach it).")
        else:
            print(f"Give your students this address: {door.address}")
        print(f"Answers are saved in {display_name(config.results)}; follow the class with:")
        print(f"  argmap results {display_name(config.results)} --watch")
        minutes = f"{config.idle_minutes:g}"
        print(f"Up to {config.max_sessions} students at a time; a session idle for {minutes} min ends.")
        print("Ctrl+C ends the class.")
        sys.stdout.flush()

    try:
        asyncio.run(serve_class(config, title, announce))
    except OSError as exc:
        error(f"cannot listen on {config.host} port {config.port}: {exc.strerror or exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("argmap: the class has ended")
        return EXIT_INTERRUPTED
    return EXIT_OK
