"""Kialo exports: the real files import with the counts their provenance table gives, and hostile
input is reported, located, never a traceback."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from argmap.formats.draft import Draft
from argmap.formats.kialo import read
from argmap.reading import gate

from .conftest import INTEROP as SHARED

KIALO = SHARED / "kialo"

# file: (numbered entries incl. thesis and questions, pros, cons, see-links, questions)
REAL = {
    "old/should-hate-speech-be-illegal-6148.txt": (106, 42, 63, 1, 0),
    "old/should-hate-speech-be-legally-protected-10134.txt": (545, 196, 348, 33, 0),
    "old/did-the-exodus-really-happen-14445.txt": (98, 39, 58, 6, 0),
    "new/do-children-need-a-father-35581.txt": (61, 32, 28, 4, 0),
    "new/a-child-doesnt-owe-his-parents-something-for-getting-raised-by-them-30667.txt": (43, 26, 16, 1, 0),
    "new/should-high-quality-childcare-be-provided-free-of-charge-to-all-americans--61124.txt": (58, 31, 26, 1, 0),
    "new/what-is-the-best-way-to-fight-overpopulation-14121.txt": (138, 51, 72, 0, 1),
    "new/should-governments-provide-a-universal-basic-income-14053.txt": (106, 51, 54, 0, 0),
}


def real(rel: str) -> Path:
    path = KIALO / rel
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def imported(path: Path) -> Draft:
    text, problems = gate.read(path, path.name)
    assert text is not None, problems
    return read(text, path.name)


@pytest.mark.parametrize("rel", sorted(REAL))
def test_real_file_counts(rel: str) -> None:
    entries, pros, cons, sees, questions = REAL[rel]
    draft = imported(real(rel))
    assert draft.problems == []
    assert len(draft.claims) == entries - sees - questions
    types = Counter(r["type"] for r in draft.relations)
    assert types == {"supports": pros, "attacks": cons}
    ids = {c["id"] for c in draft.claims}
    assert all(r["from"] in ids and r["to"] in ids for r in draft.relations)
    assert len(draft.topics) == max(questions, 1)
    theses = [c for c in draft.claims if "topic" in c]
    assert all(c["stance"] == "for" and c["actor"] == "for-the-thesis" for c in theses)
    assert len(theses) == (14 if questions else 1)


@pytest.mark.parametrize("rel", sorted(REAL))
def test_quotes_stand_in_the_file(rel: str) -> None:
    draft = imported(real(rel))
    (text,) = draft.source_texts.values()
    flat = re.sub(r"\s+", " ", text)
    for claim in draft.claims:
        for ev in claim["evidence"]:
            assert re.sub(r"\s+", " ", ev["quote"]) in flat


@pytest.mark.parametrize("rel", sorted(REAL))
def test_written_import_lacks_only_dates(rel: str, run_cli: Any, tmp_path: Path) -> None:
    path = real(rel)
    ran = run_cli("import", str(path), "--from", "kialo", "-o", str(tmp_path / "out.yaml"))
    codes = Counter(re.findall(r"error\[(E\d+)\]", ran.stderr))
    assert codes == {"E110": len(imported(path).claims)}, ran.stderr
    assert "warning[" not in ran.stderr
    assert "Traceback" not in ran.stderr
    assert "no dates" in ran.stderr


def test_sides_by_parity_of_cons() -> None:
    draft = read(
        "Discussion Title: T?\n\n1. Thesis.\n1.1. Con: No.\n1.1.1. Con: Yes after all.\n1.1.1.1. Pro: Indeed.\n"
        "1.2. Pro: Also yes.\n1.2.1. Pro: -> See 1.1.1.\n",
        "t.txt",
    )
    assert draft.problems == []
    actor = {c["text"]: c["actor"] for c in draft.claims}
    assert actor == {
        "Thesis.": "for-the-thesis",
        "No.": "against-the-thesis",
        "Yes after all.": "for-the-thesis",
        "Indeed.": "for-the-thesis",
        "Also yes.": "for-the-thesis",
    }
    by_text = {c["id"]: c["text"] for c in draft.claims}
    see = [(by_text[r["from"]], r["type"], by_text[r["to"]]) for r in draft.relations][-1]
    assert see == ("Yes after all.", "supports", "Also yes.")


def test_escapes_and_footnotes() -> None:
    text = (
        "Discussion Name:\nT?\n\n1. Thesis:\nA \\(claim\\) with a note [1].\n\n  1.1. Pro:\n  Because.\n\n"
        'Sources:\n[1] https://example.org/a\n"An excerpt."\n'
    )
    draft = read(text, "t.txt")
    assert draft.problems == []
    thesis = draft.claims[0]
    assert thesis["text"] == "A (claim) with a note."
    quotes = [e["quote"] for e in thesis["evidence"]]
    assert quotes == ["A \\(claim\\) with a note [1].", '[1] https://example.org/a\n"An excerpt."']


def located(draft: Draft) -> list[tuple[str, int]]:
    assert all(d.file == "h.txt" and d.line >= 1 and d.col >= 1 for d in draft.problems)
    return [(d.code, d.line) for d in draft.problems]


def test_empty_and_title_only() -> None:
    assert located(read("", "h.txt")) == [("E004", 1)]
    assert located(read("Discussion Title: Only a title\n", "h.txt")) == [("E004", 2)]
    assert located(read("Discussion Name:\nOnly a title\n", "h.txt")) == [("E004", 3)]
    assert located(read("just some text\n", "h.txt"))[0] == ("E005", 1)


def test_deep_nesting() -> None:
    depth = 10_000
    lines = ["Discussion Title: Deep", "", "1. Top."]
    number = "1"
    for i in range(depth):
        number += ".1"
        lines.append(f"{number}. {'Con' if i % 2 else 'Pro'}: level {i}")
    draft = read("\n".join(lines) + "\n", "h.txt")
    assert draft.problems == []
    assert len(draft.claims) == depth + 1
    assert len(draft.relations) == depth


def test_skipped_level_and_missing_link() -> None:
    text = (
        "Discussion Title: T\n\n1. Top.\n1.1. Pro: Fine.\n1.1.1.1. Con: Skips 1.1.1.\n1.1.1.1.1. Pro: Below it.\n"
        "1.2. Con: -> See 1.9.\n1.3. Pro: -> See 1.\n1.4. Con:\n"
    )
    draft = read(text, "h.txt")
    assert located(draft) == [("E005", 5), ("E005", 9), ("E101", 7), ("E108", 8)]
    assert [c["text"] for c in draft.claims] == ["Top.", "Fine."]


def test_numbered_twice_and_label_misplaced() -> None:
    text = "Discussion Title: T\n\n1. Top.\n1.1. Pro: A.\n1.1. Con: B.\n1.2. Thesis: C.\n"
    assert located(read(text, "h.txt")) == [("E005", 5), ("E005", 6)]


def test_control_characters(run_cli: Any, tmp_path: Path) -> None:
    assert located(read("Discussion Title: T\n\n1. Bad \x1b.\n", "h.txt")) == [("E010", 3)]
    path = tmp_path / "h.txt"
    path.write_bytes(b"Discussion Title: T\r\n\r\n1. Bad \x07.\r\n")
    ran = run_cli("import", str(path), "-o", str(tmp_path / "out.yaml"))
    assert ran.returncode != 0
    assert "h.txt:3:" in ran.stderr and "E010" in ran.stderr
    assert "Traceback" not in ran.stderr


@pytest.mark.parametrize(
    "text",
    ["", "Discussion Title: T\n", "1.1. Pro: orphan\n", "Discussion Name:\n\n  1.1. Con:\n  x\n", "Sources:\n[1]\n"],
)
def test_hostile_import_writes_no_traceback(text: str, run_cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "h.txt"
    path.write_text(text, encoding="utf-8")
    ran = run_cli("import", str(path), "--from", "kialo", "-o", str(tmp_path / "out.yaml"))
    assert ran.returncode != 0
    assert "Traceback" not in ran.stderr
    assert re.search(r"error\[E\d+\]", ran.stderr)


def test_each_claim_keeps_its_kialo_number_in_its_note():
    from argmap.formats.kialo import read

    text = "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: For it.\n1.1.1. Con: Against that.\n"
    notes = {c["text"]: c["note"] for c in read(text, "t.txt").claims}
    assert notes == {"Thesis.": "Kialo 1.", "For it.": "Kialo 1.1.", "Against that.": "Kialo 1.1.1."}
