"""The guides say what the code does: every diagnostic code, every package and file they name."""

import re
from pathlib import Path

from argmap.base.diagnostics import CODES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_every_diagnostic_code_is_documented_with_its_name():
    guide = (DOCS / "authoring.md").read_text(encoding="utf-8")
    for code, name in CODES.items():
        assert f"| {code} | {name} |" in guide, code


def test_every_emitted_code_is_registered():
    import re

    source = "".join(p.read_text() for p in (Path(__file__).resolve().parent.parent / "argmap").rglob("*.py"))
    emitted = set(re.findall(r'"([EW][0-9]{3})"', source))
    assert emitted <= set(CODES), emitted - set(CODES)


def test_the_architecture_names_only_files_that_exist_and_every_layer():
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:[a-z_]+/)+[a-z_]*(?:\.py|\.tcss)?)`", text))
    missing = [n for n in named if not ((ROOT / "argmap" / n).exists() or (ROOT / n).exists())]
    assert named and not missing
    described = set(re.findall(r"^\| `([a-z_]+)/` \|", text, flags=re.M))
    packages = {p.parent.name for p in (ROOT / "argmap").glob("*/__init__.py")}
    assert described == packages
