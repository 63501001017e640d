"""The argument parser of every command, built from the registry of commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from argmap import __version__
from argmap.base.exits import EXIT_USAGE
from argmap.cli.registry import COMMANDS, Command


class Parser(argparse.ArgumentParser):
    """Usage errors exit with ``EXIT_USAGE`` even when stderr cannot be written.

    A command's arguments are added when its parser is first used (to parse or to print
    help), so that starting one command imports nothing another's arguments need."""

    pending: Command | None = None

    def _add_pending(self) -> None:
        command, self.pending = self.pending, None
        if command is not None:
            command.load().add_arguments(self)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self._add_pending()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._add_pending()
        return super().format_usage()

    def format_help(self) -> str:
        self._add_pending()
        return super().format_help()

    def error(self, message: str) -> None:  # type: ignore[override]
        try:
            self.print_usage(sys.stderr)
            print(f"argmap: error: {message}", file=sys.stderr)
        except OSError:  # stderr full or closed: the exit code still says what happened
            pass
        raise SystemExit(EXIT_USAGE)


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one command alone, as ``argmap NAME`` shows it in usage and help."""
    from argmap.cli.registry import command

    found = command(name)
    parser = Parser(prog=f"argmap {name}")
    parser.pending = found
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="argmap",
        description="Argument maps of policy debates, every claim checked against its source. "
        "With no command, opens the bundled ABM Treaty scenario.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for command in COMMANDS:
        sub.add_parser(command.name, help=command.help).pending = command
    return parser
