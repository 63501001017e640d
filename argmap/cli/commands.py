"""What each CLI command does, in terms of the core. Only ``open``, ``exercise`` and ``roleplay`` load the TUI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.base.diagnostics import Diagnostic, has_errors, render_json, render_text, summary
from argmap.base.files import OutputRefused, display_name, exists, is_folder, shown
from argmap.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, _search_path
from argmap.scenario.loaded import Loaded
from argmap.validation.load import load_scenario

if TYPE_CHECKING:
    from argmap.tui.app import ArgmapApp


def _err(message: str) -> None:
    print(f"argmap: error: {message}", file=sys.stderr)


def _refused(refused: OutputRefused) -> int:
    """Say why an output was not written; a refused target is a usage error, a failed write not."""
    _err(str(refused))
    return EXIT_USAGE if refused.usage else EXIT_INVALID


def _scenario_files(paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The scenario files named, those of named folders included, and why a folder could not
    be listed."""
    from argmap.reading.locations import scenarios_dir

    if not paths:
        paths = [scenarios_dir()]
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if not is_folder(path):
            files.append(path)
            continue
        try:
            files += sorted(
                p
                for p in path.iterdir()
                if p.suffix in (".yaml", ".yml", ".json") and not p.name.endswith(".schema.json")
            )
        except OSError as exc:
            problems.append(Diagnostic("E001", f"cannot list the folder: {exc.strerror or exc}", shown(path)))
    return files, problems


def _load_or_report(path: Path, args: argparse.Namespace) -> Loaded | None:
    loaded = load_scenario(path, _search_path(args))
    if not loaded.ok:
        print(render_text(loaded.diagnostics), file=sys.stderr)
        return None
    return loaded


def validate(args: argparse.Namespace) -> int:
    files, diagnostics = _scenario_files(args.paths)
    if not files and not diagnostics:
        _err("no scenario files found")
        return EXIT_USAGE
    for file in files:
        diagnostics += load_scenario(file, _search_path(args)).diagnostics
    reported = [d for d in diagnostics if d.severity == "error"] if args.quiet else diagnostics
    if args.format == "json":
        print(render_json(reported))
    else:
        if reported:
            print(render_text(reported), flush=True)
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
    from argmap.authoring import starter
    from argmap.base.files import write_together

    path: Path = args.path
    if path.name in ("", ".", ".."):
        _err("give the new scenario's file name, e.g. argmap new bridge.yaml")
        return EXIT_USAGE
    problem = starter.name_problem(str(path))
    if problem is not None:
        _err(f"cannot name a scenario '{starter.escaped(str(path))}': {problem}")
        return EXIT_USAGE
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = path.with_name(path.name + ".yaml")
    source = path.with_name(f"{path.stem}-source.txt")
    problem = starter.source_name_problem(source.name) or _name_too_long(source)
    if problem is not None:
        _err(f"cannot name a scenario {shown(path)}: {problem}")
        return EXIT_USAGE
    folder = path.parent
    if exists(folder) and not is_folder(folder):
        _err(f"{shown(folder)} is a file, not a folder")
        return EXIT_USAGE
    for target in (path, source):
        if is_folder(target):
            _err(f"{shown(target)} is a folder; choose another name")
            return EXIT_USAGE
        if os.path.lexists(target) and not args.force:
            _err(f"{shown(target)} exists; choose another name or pass --force")
            return EXIT_USAGE
    scenario_text, source_text = starter.render(path.name, source.name)
    try:
        write_together([(source, source_text), (path, scenario_text)])
    except OutputRefused as refused:
        return _refused(refused)
    print(f"wrote {shown(path)} and its source {shown(source)}")
    print(f"next: argmap validate {starter.command_word(shown(path))}")
    return EXIT_OK


def _name_too_long(path: Path) -> str | None:
    """Why a file name is longer than its folder's file system allows, or None."""
    limit = 255
    folder = path.parent
    while not exists(folder) and folder != folder.parent:
        folder = folder.parent
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        pass
    size = len(os.fsencode(path.name))
    if size <= limit:
        return None
    return f"the name is too long: its source file's name would have {size} bytes, over the {limit} allowed"


def quote(args: argparse.Namespace) -> int:
    from argmap.authoring import quoting

    if not args.words.strip():
        _err('give the words to look for, e.g. argmap quote act-boese-2001 "joint shield"')
        return EXIT_USAGE
    try:
        found = quoting.find(args.source, args.scenario, _search_path(args))
    except quoting.NotFound as missing:
        print(render_text([_from_command_line(d) for d in missing.diagnostics]), file=sys.stderr)
        return EXIT_USAGE if missing.usage else EXIT_INVALID
    passages = found.text.passages(args.words)
    if not passages:
        print(f"no passage of '{args.source}' contains: {args.words}", file=sys.stderr)
        return EXIT_INVALID
    for line, text in passages:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"')
        print(f"{display_name(found.path)}:{line}:")
        print(f'  - source: {found.source_id}\n    quote: "{escaped}"\n')
    return EXIT_OK


def _from_command_line(d: Diagnostic) -> Diagnostic:
    """A diagnostic about no file is about the command line: it is shown as argmap's own."""
    return d if d.file else d.located("argmap", 0, 0)


def coverage(args: argparse.Namespace) -> int:
    from argmap.authoring.coverage import coverage as compute

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
    from argmap.base.diagnostics import summary as counted
    from argmap.base.files import check_output, write_output
    from argmap.classroom import summary as render
    from argmap.classroom.results import default_folder, read_folder, reads

    folder: Path = args.folder or default_folder()
    if not folder.is_dir():
        _err(f"{display_name(folder)} is not a folder")
        return EXIT_USAGE
    output: Path | None = args.output
    if output is not None and reads(folder, output):
        _err(f"-o {display_name(output)} would write over a results file; give a name that does not end in .jsonl")
        return EXIT_USAGE
    found = read_folder(folder)
    if output is not None:  # its results files are refused above: what is left is the target itself
        try:
            check_output(output)
        except OutputRefused as refused:
            return _refused(refused)
    if found.problems:
        print(render_text(found.problems), file=sys.stderr)
    summary = render.summarise(found.records, found.problems)
    text = {"text": render.to_text, "csv": render.to_csv, "markdown": render.to_markdown}[args.format](summary)
    if output is not None:
        try:
            write_output(output, text if text.endswith("\n") else text + "\n")
        except OutputRefused as refused:
            return _refused(refused)
        print(f"wrote {display_name(output)}")
    else:
        print(text.rstrip("\n"))
    if found.problems:
        print(counted(found.problems, found.files), file=sys.stderr)
    return EXIT_INVALID if has_errors(found.problems) else EXIT_OK


def handout(args: argparse.Namespace) -> int:
    from argmap.base.files import check_output, write_output
    from argmap.classroom.handout import handout as make
    from argmap.classroom.labels import engine_labeller
    from argmap.debate.index import Debate
    from argmap.reading.locations import bundled_scenario

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
    out: Path = args.output or Path(f"{path.stem}-handout.md")
    key_path = out.with_name(f"{out.stem}-answers{out.suffix or '.md'}") if out.name else out
    inputs = [
        path,
        *(s.path for s in loaded.sources.values()),
        *(s.catalogue for s in loaded.sources.values() if s.catalogue),
    ]
    try:
        for target in (out, key_path):
            check_output(target, inputs)
        sheet, key = make(debate, args.side, args.set_name, engine_labeller())
        write_output(out, sheet, inputs)
        write_output(key_path, key, [*inputs, out])
    except OutputRefused as refused:
        return _refused(refused)
    print(f"wrote {shown(out)} and {shown(key_path)}")
    return EXIT_OK


def solve(args: argparse.Namespace) -> int:
    from argmap.engine import problems
    from argmap.engine.instance import Instance
    from argmap.formats import apx, iccma
    from argmap.reading import gate

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
    name = display_name(args.file)
    try:
        text = _framework_text(args.file, name)
    except gate.Refused as refused:
        print(refused.diagnostic.render(), file=sys.stderr)
        return EXIT_INVALID
    fmt = args.file_format or ("apx" if args.file.suffix.lower() == ".apx" else "iccma")
    parsed = apx.parse(text, name) if fmt == "apx" else iccma.read(text, name)
    if isinstance(parsed, list):
        print(render_text(parsed), file=sys.stderr)
        return EXIT_INVALID
    instance = parsed if isinstance(parsed, Instance) else Instance.whole(parsed)
    argument = None
    if args.argument is not None:
        argument = instance.find(args.argument)
        if argument is None:
            _err(f"no argument '{args.argument}' in {name}")
            return EXIT_USAGE
    for piece in problems.answer(instance, problem, argument, witness=args.witness):
        sys.stdout.write(piece)
    return EXIT_OK


def _framework_text(path: Path, name: str) -> str:
    """A framework file's text, through the reading gate."""
    from argmap.reading import gate

    return gate.read_text(path, name)


def report(args: argparse.Namespace) -> int:
    from argmap.debate.index import Debate
    from argmap.formats import report_json, report_markdown, report_text
    from argmap.views.report import build_report

    loaded = _load_or_report(args.path, args)
    if loaded is None:
        return EXIT_INVALID
    built = build_report(Debate.from_loaded(loaded), args.semantics, commentators=args.commentators)
    writer = {"text": report_text, "markdown": report_markdown, "json": report_json}[args.format]
    sys.stdout.write(writer.dumps(built))
    return EXIT_OK


def open_(args: argparse.Namespace) -> int:
    from argmap.reading.locations import bundled_scenario

    path = args.path or bundled_scenario()
    loaded = load_scenario(path, _search_path(args))
    if not loaded.ok:
        print(render_text(loaded.diagnostics), file=sys.stderr)
        return EXIT_INVALID
    from argmap.tui.app import make_app
    from argmap.tui.start import BROWSE, StartWalkthrough

    start = BROWSE if args.walkthrough is None else StartWalkthrough(args.walkthrough)
    try:
        app = make_app(loaded, start=start, date=args.date, claim=args.claim)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    return _finish(app)


def exercise(args: argparse.Namespace) -> int:
    from argmap.reading.locations import bundled_scenario

    loaded = _load_or_report(args.path or bundled_scenario(), args)
    if loaded is None:
        return EXIT_INVALID
    from argmap.tui.app import make_app
    from argmap.tui.start import StartExercises

    start = StartExercises(args.set_name, folder=args.results, student=args.student, shuffle=args.shuffle)
    try:
        app = make_app(loaded, start=start)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    return _finish(app)


def _finish(app: ArgmapApp) -> int:
    """Run the app; answers it could not save when closing are printed, never lost silently."""
    app.run()
    if app.unsaved_answers:
        for name, reason, lines in app.unsaved_answers:
            _err(f"{len(lines)} answer(s) could not be saved to {name}: {reason}; here they are, one a line:")
            for line in lines:
                print(line, file=sys.stderr)
        return EXIT_INVALID
    return app.return_code or EXIT_OK


def roleplay(args: argparse.Namespace) -> int:
    from argmap.reading.locations import bundled_scenario

    loaded = _load_or_report(args.path or bundled_scenario(), args)
    if loaded is None:
        return EXIT_INVALID
    from argmap.tui.app import make_app
    from argmap.tui.start import StartRolePlay

    try:
        app = make_app(loaded, start=StartRolePlay(args.side))
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    return _finish(app)


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
