"""What each CLI command does, in terms of the core. Only ``open``, ``exercise`` and ``roleplay`` load the TUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from argmap.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, _search_path
from argmap.diagnostics import Diagnostic, has_errors, render_json, render_text, summary
from argmap.loading import Loaded, display_name, load_scenario


def _err(message: str) -> None:
    print(f"argmap: error: {message}", file=sys.stderr)


def _scenario_files(paths: list[Path]) -> list[Path] | None:
    from argmap.locations import scenarios_dir

    if not paths:
        paths = [scenarios_dir()]
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.iterdir()
                if p.suffix in (".yaml", ".yml", ".json") and not p.name.endswith(".schema.json")
            )
        else:
            files.append(path)
    return files


def _load_or_report(path: Path, args: argparse.Namespace) -> Loaded | None:
    loaded = load_scenario(path, _search_path(args))
    if not loaded.ok:
        print(render_text(loaded.diagnostics), file=sys.stderr)
        return None
    return loaded


def validate(args: argparse.Namespace) -> int:
    files = _scenario_files(args.paths) or []
    if not files:
        _err("no scenario files found")
        return EXIT_USAGE
    diagnostics: list[Diagnostic] = []
    for file in files:
        diagnostics += load_scenario(file, _search_path(args)).diagnostics
    shown = [d for d in diagnostics if d.severity == "error"] if args.quiet else diagnostics
    if args.format == "json":
        print(render_json(shown))
    else:
        if shown:
            print(render_text(shown), flush=True)
        print(summary(diagnostics, len(files)), file=sys.stderr)
    return EXIT_INVALID if has_errors(diagnostics) else EXIT_OK


def schema(args: argparse.Namespace) -> int:
    from argmap.schema import all_schemas, dumps

    name = "catalogue.schema.json" if args.catalogue else "scenario.schema.json"
    sys.stdout.write(dumps(all_schemas()[name]))
    return EXIT_OK


def export(args: argparse.Namespace) -> int:
    from argmap.formats import canonical

    loaded = _load_or_report(args.path, args)
    if loaded is None:
        return EXIT_INVALID
    sys.stdout.write(canonical.dumps(loaded))
    return EXIT_OK


def new(args: argparse.Namespace) -> int:
    from argmap.files import write_atomic
    from argmap.starter import render

    path: Path = args.path
    if path.suffix not in (".yaml", ".yml"):
        path = path.with_suffix(".yaml")
    source = path.with_name(f"{path.stem}-source.txt")
    for target in (path, source):
        if target.exists() and not args.force:
            _err(f"{display_name(target)} exists; choose another name or pass --force")
            return EXIT_USAGE
    scenario_text, source_text = render(path.name, source.name)
    write_atomic(source, source_text)
    write_atomic(path, scenario_text)
    print(f"wrote {display_name(path)} and its source {display_name(source)}")
    print(f"next: argmap validate {display_name(path)}")
    return EXIT_OK


def quote(args: argparse.Namespace) -> int:
    from argmap.loading import load_source_text

    found = load_source_text(args.source, args.scenario, _search_path(args))
    if isinstance(found, list):
        print(render_text(found) or f"argmap: error: unknown source '{args.source}'", file=sys.stderr)
        return EXIT_INVALID
    passages = found.text.passages(args.words)
    if not passages:
        print(f"no passage of '{args.source}' contains: {args.words}", file=sys.stderr)
        return EXIT_INVALID
    for line, text in passages:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"')
        print(f"{display_name(found.path)}:{line}:")
        print(f'  - source: {args.source}\n    quote: "{escaped}"\n')
    return EXIT_OK


def coverage(args: argparse.Namespace) -> int:
    from argmap.coverage import coverage as compute

    loaded = _load_or_report(args.path, args)
    if loaded is None:
        return EXIT_INVALID
    missing_total = 0
    for cov in compute(loaded):
        quoted, total = len(cov.quoted), len(cov.paragraphs)
        print(f"{cov.source}: {quoted} of {total} paragraphs quoted")
        shown = cov.paragraphs if args.all else cov.missing
        for p in shown:
            mark = "quoted " if p.number in cov.quoted else "MISSING"
            print(f"  {mark} ¶{p.number} (line {p.line}): {p.preview}...")
        missing_total += len(cov.missing)
    return EXIT_OK if missing_total == 0 else EXIT_INVALID


def results(args: argparse.Namespace) -> int:
    from argmap.classroom import summary as render
    from argmap.classroom.results import default_folder, read_folder, reads
    from argmap.diagnostics import summary as counted
    from argmap.files import write_atomic
    from argmap.textsafe import visible

    folder: Path = args.folder or default_folder()
    if not folder.is_dir():
        _err(f"{display_name(folder)} is not a folder")
        return EXIT_USAGE
    output: Path | None = args.output
    if output is not None and reads(folder, output):
        _err(f"-o {display_name(output)} would write over a results file; give a name that does not end in .jsonl")
        return EXIT_USAGE
    found = read_folder(folder)
    if found.problems:
        print(render_text(found.problems), file=sys.stderr)
    summary = render.summarise(found.records, found.problems)
    text = {"text": render.to_text, "csv": render.to_csv, "markdown": render.to_markdown}[args.format](summary)
    if output is not None:
        write_atomic(output, visible(text if text.endswith("\n") else text + "\n"))
        print(f"wrote {display_name(output)}")
    else:
        print(text.rstrip("\n"))
    if found.problems:
        print(counted(found.problems, found.files), file=sys.stderr)
    return EXIT_INVALID if has_errors(found.problems) else EXIT_OK


def handout(args: argparse.Namespace) -> int:
    from argmap.classroom.handout import handout as make
    from argmap.classroom.validate import engine_labeller
    from argmap.engine.debate import Debate
    from argmap.files import write_atomic
    from argmap.locations import bundled_scenario

    path = args.path or bundled_scenario()
    loaded = _load_or_report(path, args)
    if loaded is None:
        return EXIT_INVALID
    debate = Debate.from_loaded(loaded)
    if args.side is not None and args.side not in debate.sides:
        _err(f"'{args.side}' is not a side; sides: {', '.join(debate.sides)}")
        return EXIT_USAGE
    sets = {e.set for e in debate.scenario.exercises}
    if args.set_name is not None and args.set_name not in sets:
        _err(f"no exercise set '{args.set_name}'; sets: {', '.join(sorted(s for s in sets if s))}")
        return EXIT_USAGE
    sheet, key = make(debate, args.side, args.set_name, engine_labeller())
    out: Path = args.output or Path(f"{path.stem}-handout.md")
    key_path = out.with_name(f"{out.stem}-answers{out.suffix or '.md'}")
    write_atomic(out, sheet)
    write_atomic(key_path, key)
    print(f"wrote {display_name(out)} and {display_name(key_path)}")
    return EXIT_OK


def solve(args: argparse.Namespace) -> int:
    from argmap.engine import problems
    from argmap.formats import apx, iccma

    if args.problems:
        print(problems.problems_line())
        return EXIT_OK
    if not args.problem or args.file is None:
        _err("solve needs -p PROBLEM and -f FILE (or --problems)")
        return EXIT_USAGE
    problem = args.problem.upper()
    if problem not in problems.PROBLEMS:
        _err(f"unsupported problem '{args.problem}'; supported: {problems.problems_line()}")
        return EXIT_USAGE
    if problems.needs_argument(problem) and args.argument is None:
        _err(f"{problem} needs a query argument: -a ARG")
        return EXIT_USAGE
    text = _read_text(args.file)
    if isinstance(text, Diagnostic):
        print(text.render(), file=sys.stderr)
        return EXIT_INVALID
    fmt = args.file_format or ("apx" if args.file.suffix.lower() == ".apx" else "iccma")
    parsed = (apx if fmt == "apx" else iccma).parse(text, display_name(args.file))
    if isinstance(parsed, list):
        print(render_text(parsed), file=sys.stderr)
        return EXIT_INVALID
    argument = None
    if args.argument is not None:
        argument = parsed.index().get(args.argument)
        if argument is None:
            _err(f"no argument '{args.argument}' in {display_name(args.file)}")
            return EXIT_USAGE
    sys.stdout.write("\n".join(problems.answer(parsed, problem, argument, witness=args.witness)) + "\n")
    return EXIT_OK


def report(args: argparse.Namespace) -> int:
    from argmap.engine.debate import Debate
    from argmap.formats import report_json, report_markdown, report_text
    from argmap.report import build_report

    loaded = _load_or_report(args.path, args)
    if loaded is None:
        return EXIT_INVALID
    built = build_report(Debate.from_loaded(loaded), args.semantics, commentators=args.commentators)
    writer = {"text": report_text, "markdown": report_markdown, "json": report_json}[args.format]
    sys.stdout.write(writer.dumps(built))
    return EXIT_OK


def _read_text(path: Path) -> str | Diagnostic:
    """A framework file's text, or why it cannot be read."""
    name = display_name(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Diagnostic("E001", f"cannot read: {exc.strerror or exc}", file=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Diagnostic("E003", f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded", file=name)


def open_(args: argparse.Namespace) -> int:
    from argmap.locations import bundled_scenario

    path = args.path or bundled_scenario()
    loaded = load_scenario(path, _search_path(args))
    if not loaded.ok:
        print(render_text(loaded.diagnostics), file=sys.stderr)
        return EXIT_INVALID
    from argmap.tui.app import make_app

    try:
        app = make_app(loaded, date=args.date, claim=args.claim, walkthrough=args.walkthrough)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    app.run()
    return EXIT_OK


def exercise(args: argparse.Namespace) -> int:
    from argmap.locations import bundled_scenario

    loaded = _load_or_report(args.path or bundled_scenario(), args)
    if loaded is None:
        return EXIT_INVALID
    from argmap.tui.app import make_exercise_app

    try:
        app = make_exercise_app(
            loaded, set_name=args.set_name, folder=args.results, student=args.student, shuffle=args.shuffle
        )
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    app.run()
    return EXIT_OK


def roleplay(args: argparse.Namespace) -> int:
    from argmap.locations import bundled_scenario

    loaded = _load_or_report(args.path or bundled_scenario(), args)
    if loaded is None:
        return EXIT_INVALID
    from argmap.tui.app import make_roleplay_app

    try:
        app = make_roleplay_app(loaded, side=args.side)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    app.run()
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": validate,
    "schema": schema,
    "export": export,
    "new": new,
    "quote": quote,
    "coverage": coverage,
    "open": open_,
    "solve": solve,
    "report": report,
    "results": results,
    "handout": handout,
    "exercise": exercise,
    "roleplay": roleplay,
}
