"""Every hostile file through every command that reads scenarios, in a fresh process: a located
error with the right code, exit 1, no traceback, nothing raw on the terminal, and no hang."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from . import hostile

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = {
    "validate": ["validate", "{path}"],
    "validate-json": ["validate", "--format", "json", "{path}"],
    "export": ["export", "{path}"],
    "report": ["report", "{path}"],
    "coverage": ["coverage", "{path}"],
    "handout": ["handout", "{path}", "-o", "{out}/handout.md"],
    "open": ["open", "{path}"],
    "exercise": ["exercise", "{path}", "--results", "{out}/results", "--student", "Ana"],
    "roleplay": ["roleplay", "{path}", "--side", "upton"],
}

# Runs each command in one process and reports, per run, its exit code and output. A crash
# (a segmentation fault, say) ends the process and names the run it was in.
DRIVER = textwrap.dedent(
    """
    import io, json, sys, traceback
    from contextlib import redirect_stderr, redirect_stdout
    from argmap.cli import main
    runs = json.loads(sys.argv[1])
    progress = open(sys.argv[2], "w")
    out = []
    for label, argv in runs:
        progress.write(label + "\\n"); progress.flush()
        stdout, stderr = io.StringIO(), io.StringIO()
        with redirect_stdout(stdout), redirect_stderr(stderr):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code
            except BaseException:
                code = "traceback"
                stderr.write(traceback.format_exc())
        out.append({"label": label, "code": code, "stdout": stdout.getvalue(), "stderr": stderr.getvalue()})
    print(json.dumps(out))
    """
)

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


SOLVE = {
    problem: ["solve", "-p", problem, "-f", "{path}", *(["-a", "1"] if problem[:2] in ("DC", "DS") else [])]
    for problem in ("SE-GR", "DC-CO", "DS-PR", "SE-ST")
}


RESULTS_FORMATS = ("text", "csv", "markdown")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    out = tmp_path_factory.mktemp("out")
    runs = []
    for case in hostile.write(folder):
        path = str(hostile.path_of(folder, case))
        for command, argv in COMMANDS.items():
            runs.append([f"{case.name} {command}", [a.format(path=path, out=out) for a in argv]])
    for case in hostile.write_results(folder / "results"):
        path = str(folder / "results" / case.name)
        for fmt in RESULTS_FORMATS:
            runs.append([f"{case.name} results-{fmt}", ["results", path, "--format", fmt]])
    for case in hostile.write_frameworks(folder / "frameworks"):
        path = str(folder / "frameworks" / case.name)
        for command, argv in SOLVE.items():
            runs.append([f"{case.name} {command}", [a.format(path=path) for a in argv]])
    progress = out / "progress"
    try:
        proc = subprocess.run(
            [sys.executable, "-c", DRIVER, json.dumps(runs), str(progress)],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"argmap hung on: {progress.read_text().splitlines()[-1]}")
    assert proc.returncode == 0, f"died on {progress.read_text().splitlines()[-1]}: {proc.stderr[-2000:]}"
    return {r["label"]: r for r in json.loads(proc.stdout)}


def _check(run: dict, case: hostile.Case) -> None:
    output = run["stdout"] + run["stderr"]
    assert run["code"] == 1, output
    assert "Traceback" not in output
    assert RAW.search(output) is None, repr(output)
    where = r":\d+:\d+" if case.located else r"(?::\d+:\d+)?"
    assert re.search(rf"^\S*{re.escape(case.name)}{where}: error\[{case.code}\]", output, re.M), output


@pytest.mark.parametrize("case", hostile.RESULTS, ids=lambda c: c.name)
@pytest.mark.parametrize("fmt", RESULTS_FORMATS)
def test_hostile_results_folder_is_reported_and_kept(outcomes, tmp_path, case, fmt):
    run = outcomes[f"{case.name} results-{fmt}"]
    output = run["stdout"] + run["stderr"]
    assert "Traceback" not in output
    assert RAW.search(output) is None, repr(output)
    # An unreadable line is a counted warning; a file that cannot be read at all is an error.
    assert run["code"] == (0 if case.code.startswith("W") else 1), output
    where = r":\d+(?::\d+)?" if case.located else r"(?::\d+:\d+)?"
    severity = "warning" if case.code.startswith("W") else "error"
    assert re.search(rf"\.jsonl{where}: {severity}\[{case.code}\]", output), output
    # The valid answer beside the bad line still counts.
    assert "Ana" in run["stdout"], output


@pytest.mark.parametrize("case", hostile.FRAMEWORKS, ids=lambda c: c.name)
@pytest.mark.parametrize("command", sorted(SOLVE))
def test_hostile_framework_gives_a_located_error(outcomes, case, command):
    _check(outcomes[f"{case.name} {command}"], case)


@pytest.mark.parametrize("case", hostile.SCENARIOS, ids=lambda c: c.name)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_hostile_scenario_gives_a_located_error(outcomes, case, command):
    run = outcomes[f"{case.name} {command}"]
    output = run["stdout"] + run["stderr"]
    if case.name == "folder.yaml" and command.startswith("validate"):
        # validate reads a folder's scenarios; this one holds none.
        assert run["code"] == 2 and "no scenario files found" in output, output
        return
    assert run["code"] == 1, output
    assert "Traceback" not in output
    assert RAW.search(output) is None, repr(output)
    if command == "validate-json":
        found = json.loads(run["stdout"])
        assert case.code in [d["code"] for d in found]
        assert all(d["file"] for d in found)
        if case.located:
            assert all(d["line"] >= 1 and d["col"] >= 1 for d in found)
        return
    where = r":\d+:\d+" if case.located else r"(?::\d+:\d+)?"
    assert re.search(
        rf"^\S*{re.escape(case.name.removesuffix('.yaml'))}\S*{where}: error\[{case.code}\]", output, re.M
    ), output


def _forbidden(ch: str) -> bool:
    code = ord(ch)
    return (
        (code < 0x20 and ch not in "\t\n\r")
        or 0x7F <= code < 0xA0
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE
    )


def test_the_scan_for_forbidden_characters_finds_the_first_one_in_any_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from argmap.reading.gate import find_forbidden

    chars = st.characters(exclude_categories=("Cs",)) | st.sampled_from(
        ["\x00", "\x7f", "\x85", "\ufdd0", "\ufffe", "\U0001fffe", "\U0010ffff", "\r", "é", "\U0001f600"]
    )

    @settings(deadline=None, max_examples=500)
    @given(st.text(st.characters(max_codepoint=0x7E, min_codepoint=0x20)) | st.text(chars))
    def check(text: str) -> None:
        expected = next((i for i, ch in enumerate(text) if _forbidden(ch)), -1)
        assert find_forbidden(text) == expected

    check()
