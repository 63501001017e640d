"""``argmap solve``: a reasoning problem on an argumentation framework file, answered through the
ICCMA 2023 solver interface. Works on the engine alone: no scenario code is imported.

Started many times by benchmark harnesses, it is kept light: a command line of known options
is read here without building argparse's parser, which is used only for help and for anything
else (so its errors and help are those of every command). The SAT solver is loaded only when
a problem needs one.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from argmap.base.exits import EXIT_INVALID, EXIT_OK, EXIT_TIMEOUT, EXIT_USAGE
from argmap.formats.registry import FRAMEWORKS, by_suffix, named, names

if TYPE_CHECKING:
    import argparse

_VALUED = {
    "-p": "problem",
    "--problem": "problem",
    "-f": "file",
    "--file": "file",
    "-a": "argument",
    "--argument": "argument",
    "--fo": "file_format",
    "--timeout": "timeout",
}
_FLAGS = {"--problems": "problems", "--witness": "witness", "--no-witness": "no_witness"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-p", "--problem", metavar="PROBLEM", help="e.g. DC-PR, DS-ST, SE-GR (see --problems)")
    parser.add_argument("-f", "--file", type=Path, metavar="FILE", help="the framework: ICCMA 2023 format, or APX")
    parser.add_argument("-a", "--argument", metavar="ARG", help="the query argument of DC and DS problems")
    parser.add_argument("--problems", action="store_true", help="list the supported problems")
    parser.add_argument(
        "--fo", dest="file_format", choices=names(FRAMEWORKS), help="the file's format (default: by suffix)"
    )
    parser.add_argument(
        "--witness",
        action="store_true",
        help="after YES (DC) or NO (DS), print the 'w' line of an extension showing it (the default)",
    )
    parser.add_argument("--no-witness", action="store_true", help="print YES or NO alone")
    parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help=f"give up after this long, with exit status {EXIT_TIMEOUT} and no answer",
    )


def _positive(text: str) -> float | None:
    """A time limit from the command line: a positive, finite number of seconds, or None."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 < value < math.inf else None


def _seconds(text: str) -> float:
    value = _positive(text)
    if value is None:
        import argparse

        raise argparse.ArgumentTypeError(f"'{text}' is not a positive number of seconds")
    return value


def _quick(words: list[str]) -> SimpleNamespace | None:
    """The options of a plain command line, as argparse would read them; None for anything
    else (help, an unknown or abbreviated option, a value that starts with ``-``, a bad value),
    which is left to argparse."""
    found: dict[str, object] = dict.fromkeys(("problem", "file", "argument", "file_format", "timeout"))
    found.update(dict.fromkeys(_FLAGS.values(), False))
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if word in _FLAGS:
            found[_FLAGS[word]] = True
            continue
        if word in _VALUED:
            if i == len(words):
                return None
            key, value = _VALUED[word], words[i]
            i += 1
        elif word.startswith("--") and "=" in word and word.split("=", 1)[0] in _VALUED:
            name, value = word.split("=", 1)
            key = _VALUED[name]
        elif word[:2] in ("-p", "-f", "-a") and len(word) > 2 and word[2] != "=":
            key, value = _VALUED[word[:2]], word[2:]
        else:
            return None
        if value.startswith("-"):
            return None
        found[key] = value
    if found["file_format"] is not None and found["file_format"] not in names(FRAMEWORKS):
        return None
    if found["timeout"] is not None:
        found["timeout"] = _positive(str(found["timeout"]))
        if found["timeout"] is None:
            return None
    if found["file"] is not None:
        found["file"] = Path(str(found["file"]))
    return SimpleNamespace(**found)


def main(words: list[str]) -> int:
    """``argmap solve WORDS``."""
    args = _quick(words)
    if args is None:
        from argmap.cli.parser import command_parser

        parsed = command_parser("solve").parse_args(words)
        return run(parsed)
    return run(args)  # type: ignore[arg-type]


def _error(message: str) -> None:
    print(f"argmap: error: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from argmap.engine import problems

    if args.problems:
        print(problems.problems_line())
        return EXIT_OK
    if not args.problem or args.file is None:
        _error("solve needs -p PROBLEM and -f FILE (or --problems)")
        return EXIT_USAGE
    problem = args.problem.upper()
    if problem not in problems.PROBLEMS:
        _error(f"unsupported problem '{args.problem}'; supported: {problems.problems_line()}")
        return EXIT_USAGE
    if problems.needs_argument(problem) and args.argument is None:
        _error(f"{problem} needs a query argument: -a ARG")
        return EXIT_USAGE
    from argmap.engine.watch import Watch

    watch = Watch(args.timeout)
    try:
        with watch:
            return _solve(args, problem)
    except KeyboardInterrupt:
        if not watch.expired:
            raise
    except MemoryError:
        _error("out of memory: the framework is too large for the memory this process may use")
        return EXIT_INVALID
    _error(f"no answer within {args.timeout:g} s (--timeout)")
    return EXIT_TIMEOUT


def _solve(args: argparse.Namespace, problem: str) -> int:
    from argmap.base.diagnostics import render_text
    from argmap.base.files import display_name
    from argmap.engine import problems
    from argmap.engine.instance import Instance
    from argmap.reading import gate

    name = display_name(args.file)
    try:
        text = gate.read_text(args.file, name)
    except gate.Refused as refusal:
        print(refusal.diagnostic.render(), file=sys.stderr)
        return EXIT_INVALID
    fmt = named(FRAMEWORKS, args.file_format) if args.file_format else by_suffix(FRAMEWORKS, args.file.suffix)
    parsed = fmt.load()(text, name)
    if isinstance(parsed, list):
        print(render_text(parsed), file=sys.stderr)
        return EXIT_INVALID
    instance = parsed if isinstance(parsed, Instance) else Instance.whole(parsed)
    argument = None
    if args.argument is not None:
        argument = instance.find(args.argument)
        if argument is None:
            _error(f"no argument '{args.argument}' in {name}")
            return EXIT_USAGE
    # The answer is found before its first piece is printed; the pieces only spell it out.
    for piece in problems.answer(instance, problem, argument, witness=not args.no_witness):
        sys.stdout.write(piece)
    return EXIT_OK
