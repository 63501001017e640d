"""``argmap lsp``: the language server for scenario files, spoken over stdin and stdout."""

from __future__ import annotations

import argparse
from typing import BinaryIO, cast

from argmap.base.exits import EXIT_OK
from argmap.cli.options import add_source_path, search_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_source_path(parser)


def run(args: argparse.Namespace) -> int:
    import sys

    from argmap.lsp.server import make_server

    # The protocol's own bytes, on the process's own streams: messages are JSON, in which every
    # control character is written as an escape, so nothing reaches a terminal as a sequence.
    stdout = sys.__stdout__
    assert stdout is not None
    make_server(search_path(args)).start_io(stdin=sys.stdin.buffer, stdout=cast(BinaryIO, stdout.buffer))
    return EXIT_OK
