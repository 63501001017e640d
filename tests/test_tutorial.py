"""The tutorial stays true: its files are written, its edits made and its commands run, in order,
in an empty folder, and each command prints exactly what the tutorial shows."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

TUTORIAL = Path(__file__).resolve().parent.parent / "docs" / "tutorial.md"
_BLOCK = re.compile(r"^```(\w+)(?: file=(\S+))?\n(.*?)^```\n", re.M | re.S)


def steps(text: str) -> list[tuple[str, str | None, str]]:
    """The tutorial's blocks in order: (kind, file or None, body)."""
    return [(m.group(1), m.group(2), m.group(3)) for m in _BLOCK.finditer(text)]


def commands(body: str) -> list[tuple[str, str]]:
    """A console block's commands, each with the output shown under it."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        else:
            out[-1][1].append(line)
    return [(cmd, "\n".join(lines)) for cmd, lines in out]


def edited(text: str, diff: str) -> str:
    lines = diff.splitlines()
    for old, new in zip(lines[::2], lines[1::2], strict=True):
        assert old.startswith("-") and new.startswith("+"), (old, new)
        assert text.count(old[1:]) == 1, f"the tutorial's edit does not apply: {old}"
        text = text.replace(old[1:], new[1:])
    return text


def test_the_tutorial_runs_as_written(tmp_path, run_cli):
    ran = 0
    for kind, file, body in steps(TUTORIAL.read_text(encoding="utf-8")):
        if file is not None and kind == "diff":
            target = tmp_path / file
            target.write_text(edited(target.read_text(encoding="utf-8"), body), encoding="utf-8")
        elif file is not None:
            (tmp_path / file).write_text(body, encoding="utf-8")
        elif kind == "console":
            for command, shown in commands(body):
                words = shlex.split(command)
                assert words[0] == "argmap"
                result = run_cli(*words[1:], cwd=tmp_path)
                printed = (result.stdout + result.stderr).rstrip("\n")
                assert printed == shown, f"$ {command}\n--- the tutorial shows\n{shown}\n--- argmap prints\n{printed}"
                ran += 1
    assert ran >= 10


def test_the_tutorials_file_blocks_are_whole_files():
    blocks = steps(TUTORIAL.read_text(encoding="utf-8"))
    assert {f for k, f, _ in blocks if f and k != "diff"} == {"library.txt", "library.yaml"}
