"""The authoring guide documents every diagnostic code argmap can print."""

from pathlib import Path

from argmap.base.diagnostics import CODES

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_diagnostic_code_is_documented_with_its_name():
    guide = (DOCS / "authoring.md").read_text(encoding="utf-8")
    for code, name in CODES.items():
        assert f"| {code} | {name} |" in guide, code


def test_every_emitted_code_is_registered():
    import re

    source = "".join(p.read_text() for p in (Path(__file__).resolve().parent.parent / "argmap").rglob("*.py"))
    emitted = set(re.findall(r'"([EW][0-9]{3})"', source))
    assert emitted <= set(CODES), emitted - set(CODES)
