"""What each CLI command does, in terms of the core. Only ``open`` loads the TUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from argmap.diagnostics import Diagnostic, has_errors, render_json, render_text, summary
from argmap.loading import Loaded, display_name, load_scenario

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


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
    from argmap.cli import _search_path

    loaded = load_scenario(path, _search_path(args))
    if not loaded.ok:
        print(render_text(loaded.diagnostics), file=sys.stderr)
        return None
    return loaded


def validate(args: argparse.Namespace) -> int:
    from argmap.cli import _search_path

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
            print(render_text(shown))
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
    from argmap.cli import _search_path
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
    from argmap.classroom.results import default_folder, read_folder
    from argmap.files import write_atomic

    folder: Path = args.folder or default_folder()
    if not folder.is_dir():
        _err(f"{display_name(folder)} is not a folder")
        return EXIT_USAGE
    summary = render.summarise(read_folder(folder))
    text = {"text": render.to_text, "csv": render.to_csv, "markdown": render.to_markdown}[args.format](summary)
    if args.output:
        write_atomic(args.output, text if text.endswith("\n") else text + "\n")
        print(f"wrote {display_name(args.output)}")
    else:
        print(text.rstrip("\n"))
    return EXIT_OK


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


def open_(args: argparse.Namespace) -> int:
    from argmap.cli import _search_path
    from argmap.locations import bundled_scenario

    path = args.path or bundled_scenario()
    loaded = load_scenario(path, _search_path(args))
    if not loaded.ok:
        print(render_text(loaded.diagnostics), file=sys.stderr)
        return EXIT_INVALID
    from argmap.tui.app import make_app

    try:
        app = make_app(loaded, date=args.date, claim=args.claim)
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
    "results": results,
    "handout": handout,
}
