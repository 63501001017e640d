"""A corpus of hostile files, written on demand (nothing large is committed).

Each case is a file (or folder) that once crashed argmap, hung it, wrote to the terminal, or
passed as valid when it was not, with the diagnostic code it must now give. ``write`` builds
every case under a folder; the tests run each through every command that reads that kind of
file, in a fresh process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.authoring.starter import SOURCE_TEXT, render

OSC_TITLE = "\x1b]0;PWNED\x07"
OSC_CLIPBOARD = "\x1b]52;c;aGk=\x1b\\"
OSC_LINK = "\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\"
CSI = "\x1b[2J\x1b[31m"
DCS = "\x1bP1$r0m\x1b\\"
C1 = "\x9b31m\x9d0;x\x9c"
ESCAPES = OSC_TITLE + OSC_CLIPBOARD + OSC_LINK + CSI + DCS + C1


def starter() -> str:
    return render("s.yaml", "s-source.txt")[0]


@dataclass(frozen=True)
class Case:
    """One hostile input: its file name, how to make it, and the code argmap must give."""

    name: str
    make: Callable[[Path], None]
    code: str
    located: bool = True
    """Whether the message must carry line:col (a FIFO has no lines)."""


def _text(name: str, text: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text(text, encoding="utf-8")


def _bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _edit(old: str, new: str) -> str:
    text = starter()
    assert old in text, old
    return text.replace(old, new, 1)


def _fifo(name: str) -> Callable[[Path], None]:
    return lambda folder: os.mkfifo(folder / name)


def _link(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).symlink_to(target)


def _source_with(name: str, inserted: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        sub = folder / name.removesuffix(".yaml")
        sub.mkdir()
        (sub / "s.yaml").write_text(starter().replace("    sha256: ", "    # sha256: "), encoding="utf-8")
        (sub / "s-source.txt").write_text(SOURCE_TEXT.replace("The mayor", inserted + "The mayor"), encoding="utf-8")

    return make


SCENARIOS: list[Case] = [
    Case("deep-block-sequence.yaml", _text("deep-block-sequence.yaml", "- " * 20000 + "x\n"), "E008"),
    Case(
        "deep-block-mapping.yaml",
        _text("deep-block-mapping.yaml", "".join(" " * i + "a:\n" for i in range(3000)) + " " * 3000 + "b\n"),
        "E008",
    ),
    Case("deep.json", _text("deep.json", "[" * 100000 + "]" * 100000), "E008"),
    Case(
        "nul-before-relations.yaml", _text("nul-before-relations.yaml", _edit("relations:", "\x00relations:")), "E010"
    ),
    Case("utf16-no-bom.yaml", _bytes("utf16-no-bom.yaml", starter().encode("utf-16-le")), "E010"),
    Case("utf16-bom.yaml", _bytes("utf16-bom.yaml", starter().encode("utf-16")), "E003"),
    Case("raw-escape.yaml", _text("raw-escape.yaml", _edit("title: The", "title: " + CSI + "The")), "E010"),
    Case(
        "escaped-osc.yaml",
        _text("escaped-osc.yaml", _edit("title: The bridge dispute (example)", 'title: "\\e]0;PWNED\\a bridge"')),
        "E010",
    ),
    Case(
        "escaped-c1.yaml",
        _text("escaped-c1.yaml", _edit("title: The bridge dispute (example)", 'title: "\\x9b31m bridge"')),
        "E010",
    ),
    Case("noncharacter.yaml", _text("noncharacter.yaml", _edit("title: The", "title: \ufffeThe")), "E010"),
    Case("escape-in-source.yaml", _source_with("escape-in-source.yaml", OSC_TITLE), "E010"),
    Case("fifo.yaml", _fifo("fifo.yaml"), "E001", located=False),
    Case("dev-zero.yaml", _link("dev-zero.yaml", "/dev/zero"), "E001", located=False),
    Case("folder.yaml", lambda folder: (folder / "folder.yaml").mkdir(), "E001", located=False),
    Case("empty.yaml", _text("empty.yaml", "\n\n"), "E004"),
    Case("integer-key.yaml", _text("integer-key.yaml", _edit("format: 1", "format: 1\n1: x")), "E201"),
    Case("float-key.yaml", _text("float-key.yaml", _edit("format: 1", "format: 1\n1.5: x")), "E201"),
    Case(
        "int-and-text-key.yaml", _text("int-and-text-key.yaml", _edit("format: 1", "format: 1\n1: a\n'1': b")), "E201"
    ),
    Case("null-keys.yaml", _text("null-keys.yaml", _edit("format: 1", "format: 1\n~: 1\nnull: 2")), "E201"),
    Case(
        "binary-tag.yaml", _text("binary-tag.yaml", _edit("licence: CC0-1.0", "licence: !!binary Q0MwLTEuMA==")), "E007"
    ),
    Case("local-tag.yaml", _text("local-tag.yaml", _edit("licence: CC0-1.0", "licence: !foo CC0-1.0")), "E007"),
    Case(
        "python-tag.yaml",
        _text(
            "python-tag.yaml",
            _edit("licence: CC0-1.0", "licence: !<tag:yaml.org,2002:python/object:os.system> CC0-1.0"),
        ),
        "E007",
    ),
    Case("tag-directive.yaml", _text("tag-directive.yaml", "%TAG ! tag:x,2000:\n---\n" + starter()), "E007"),
    Case("yaml-version.yaml", _text("yaml-version.yaml", "%YAML 9.9\n---\n" + starter()), "E005"),
    Case("second-document.yaml", _text("second-document.yaml", starter() + "---\ntitle: again\n"), "E005"),
    Case("format-string.yaml", _text("format-string.yaml", _edit("format: 1", "format: '2'")), "E201"),
    Case("format-float.yaml", _text("format-float.yaml", _edit("format: 1", "format: 2.0")), "E201"),
    Case("format-bool.yaml", _text("format-bool.yaml", _edit("format: 1", "format: true")), "E201"),
    Case("long-number.yaml", _text("long-number.yaml", _edit("format: 1", "format: " + "9" * 5000)), "E204"),
    Case("duplicate-key.json", lambda folder: _json_duplicate(folder), "E009"),
    Case("alias.yaml", _text("alias.yaml", _edit("licence: CC0-1.0", "licence: &l CC0-1.0\nsummary2: *l")), "E006"),
]


FRAMEWORKS: list[Case] = [
    Case("huge-header.af", _text("huge-header.af", "p af 1000000000\n1 2\n"), "E301"),
    Case("superscript-header.af", _text("superscript-header.af", "p af \u00b2\n"), "E301"),
    Case("arabic-digit-header.af", _text("arabic-digit-header.af", "p af \u0663\n1 2\n"), "E301"),
    Case("superscript-attack.af", _text("superscript-attack.af", "p af 3\n1 \u00b2\n"), "E302"),
    Case("long-number.af", _text("long-number.af", "p af 3\n1 " + "9" * 5000 + "\n"), "E303"),
    Case("nul.af", _text("nul.af", "p af 3\n1 2\x00\n"), "E010"),
    Case("escape.apx", _text("escape.apx", "arg(a).\narg(" + CSI + ").\n"), "E010"),
    Case("undeclared.apx", _text("undeclared.apx", "arg(a).\natt(a,b).\n"), "E303"),
    Case("fifo.af", _fifo("fifo.af"), "E001", located=False),
    Case("dev-zero.af", _link("dev-zero.af", "/dev/zero"), "E001", located=False),
]


def write_frameworks(folder: Path) -> list[Case]:
    """Write every framework case under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in FRAMEWORKS:
        case.make(folder)
    return FRAMEWORKS


def _record(**changes: object) -> str:
    import json

    data: dict[str, object] = {
        "student": "Ana",
        "scenario": "s",
        "scenario_sha256": "0" * 64,
        "set": "all",
        "exercise": "e1",
        "kind": "stance",
        "answer": ["for"],
        "expected": ["for"],
        "correct": True,
        "at": "2026-01-01T00:00:00Z",
        "v": 1,
    }
    data.update(changes)
    return json.dumps(data)


def _results(name: str, *lines: str | bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        sub = folder / name
        sub.mkdir()
        body = b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines)
        (sub / "ana--s--all--000000000000.jsonl").write_bytes(_record().encode() + b"\n" + body)

    return make


def _results_with(name: str, make_entry: Callable[[Path], None]) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        sub = folder / name
        sub.mkdir()
        (sub / "ana--s--all--000000000000.jsonl").write_text(_record() + "\n", encoding="utf-8")
        make_entry(sub)

    return make


RESULTS: list[Case] = [
    Case("truncated-line", _results("truncated-line", _record()[:40]), "W401"),
    Case("teachers-note", _results("teachers-note", "checked by the teacher: fine"), "W401"),
    Case("correct-as-text", _results("correct-as-text", _record(correct="false")), "W401"),
    Case("huge-version", _results("huge-version", _record().replace('"v": 1', '"v": 1e999')), "W401"),
    Case("deep-line", _results("deep-line", "[" * 100000 + "]" * 100000), "W401"),
    Case("not-utf8-line", _results("not-utf8-line", b'{"student": "\xff"}'), "W401"),
    Case(
        "raw-escape-line", _results("raw-escape-line", _record(student="Ana" + CSI).replace("\\u001b", "\x1b")), "W401"
    ),
    Case("fifo-results", _results_with("fifo-results", lambda sub: os.mkfifo(sub / "b.jsonl")), "E001", located=False),
    Case(
        "dev-zero-results",
        _results_with("dev-zero-results", lambda sub: (sub / "z.jsonl").symlink_to("/dev/zero")),
        "E001",
        located=False,
    ),
]


def write_results(folder: Path) -> list[Case]:
    """Write every results-folder case under ``folder``, one folder a case."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in RESULTS:
        case.make(folder)
    return RESULTS


def _json_duplicate(folder: Path) -> None:
    import json

    from argmap.reading.parsing import fast_parse

    data = fast_parse(starter(), "s.yaml")
    text = json.dumps(data, indent=1)
    (folder / "duplicate-key.json").write_text(text.replace('"format": 1,', '"format": 1, "title": "again",', 1))
    (folder / "s-source.txt").write_text(SOURCE_TEXT, encoding="utf-8")


def write(folder: Path) -> list[Case]:
    """Write every scenario case (and the starter's source) under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "s-source.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    for case in SCENARIOS:
        case.make(folder)
    return SCENARIOS


def path_of(folder: Path, case: Case) -> Path:
    if case.name.startswith("escape-in-source"):
        return folder / case.name.removesuffix(".yaml") / "s.yaml"
    return folder / case.name
