"""The commands, in the order ``argmap --help`` lists them: the parser and the dispatch both
come from here, so a command is one module and one line.

A command's module is imported only when the command runs (or shows its help), so that
starting one command costs nothing for the others.
"""

from __future__ import annotations

import argparse
import importlib
from typing import NamedTuple, Protocol, cast


class CommandModule(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


class Command(NamedTuple):
    name: str
    help: str
    module: str

    def load(self) -> CommandModule:
        return cast(CommandModule, importlib.import_module(self.module))


COMMANDS: tuple[Command, ...] = (
    Command("validate", "check scenario files and report every problem", "argmap.cli.validate"),
    Command("schema", "print the JSON Schema of scenario files", "argmap.cli.schema"),
    Command(
        "export", "print a scenario fully resolved, or a map of the debate, in another format", "argmap.cli.export"
    ),
    Command("import", "make a scenario to complete from an Argdown, AIF or Kialo file", "argmap.cli.import_"),
    Command("new", "write a small valid scenario to start from", "argmap.cli.new"),
    Command("quote", "print the exact passages of a source containing some words", "argmap.cli.quote"),
    Command(
        "fix", "make a scenario's mechanical repairs: sources' sha256, quotes to the source's text", "argmap.cli.fix"
    ),
    Command("lsp", "run the language server for scenario files (for editors), over stdio", "argmap.cli.lsp"),
    Command("coverage", "list, per source, the paragraphs no claim quotes yet", "argmap.cli.coverage"),
    Command(
        "results", "merge students' results files into a class summary, or follow a class live", "argmap.cli.results"
    ),
    Command("handout", "write a printable Markdown handout and its answer key", "argmap.cli.handout"),
    Command(
        "solve",
        "answer a reasoning problem on an argumentation framework file (ICCMA 2023 interface)",
        "argmap.cli.solve",
    ),
    Command(
        "report",
        "print each side's positions over time, its conflicts and its claims' labels",
        "argmap.cli.report",
    ),
    Command("open", "open a scenario in the terminal UI", "argmap.cli.open_"),
    Command("exercise", "work through a set of exercises in the terminal UI; answers are saved", "argmap.cli.exercise"),
    Command("roleplay", "argue as one side, answering the others from what it actually said", "argmap.cli.roleplay"),
    Command("serve", "serve the app to a class in the browser; answers saved in one folder", "argmap.cli.serve"),
)


def command(name: str) -> Command:
    return next(c for c in COMMANDS if c.name == name)
