"""``argmap fix``: the mechanical repairs written in place, everything else in the file kept as it
was, a diff shown first, nothing written when nothing changes, odd files refused."""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from argmap.authoring.splice import SpliceFailed, set_values
from argmap.validation.load import load_scenario

EDITED_SOURCE_LINE = "Councillor Reed of Downton replied -- at once -- that the old bridge was inspected"


@pytest.fixture
def drifted(starter):
    """The starter with its source edited (a dash added) and a quote written with other layout:
    an em dash for the source's ``--``, curly quotes, and a comment the fix must keep."""
    path = starter(
        lambda s: s.replace(
            "quote: the old bridge was inspected in March and found sound",
            'quote: "replied \u2014 at once \u2014 that the old bridge"  # Reed\'s words',
        ).replace("  - id: reed\n", "  - id: reed\n")
    )
    source = path.with_name("s-source.txt")
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "Councillor Reed of Downton replied that the old bridge was inspected", EDITED_SOURCE_LINE
        ),
        encoding="utf-8",
    )
    return path


def test_fix_sets_the_hash_and_the_quotes_layout_and_nothing_else(drifted, run_cli):
    before = drifted.read_text(encoding="utf-8")
    assert {d.code for d in load_scenario(drifted).diagnostics} == {"E105"}
    result = run_cli("fix", str(drifted), "--yes")
    assert result.returncode == 0, result.stderr
    after = drifted.read_text(encoding="utf-8")
    actual = hashlib.sha256(drifted.with_name("s-source.txt").read_bytes()).hexdigest()
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 2
    assert changed[0][1] == f"    sha256: {actual}"
    assert changed[1][1] == '        quote: "replied -- at once -- that the old bridge"  # Reed\'s words'
    assert load_scenario(drifted).ok


def test_fix_shows_the_diff_and_writes_nothing_without_yes(drifted, run_cli):
    before = drifted.read_bytes()
    result = run_cli("fix", str(drifted))
    assert result.returncode == 1
    assert '-        quote: "replied \u2014 at once' in result.stdout and '+        quote: "replied --' in result.stdout
    assert "run argmap fix --yes" in result.stderr
    assert drifted.read_bytes() == before


def test_fix_never_writes_when_nothing_changes(starter, run_cli):
    path = starter()
    stamp = os.stat(path).st_mtime_ns
    os.utime(path, ns=(stamp - 10**9, stamp - 10**9))
    result = run_cli("fix", str(path), "--yes")
    assert result.returncode == 0 and "nothing to fix" in result.stdout
    assert os.stat(path).st_mtime_ns == stamp - 10**9


def test_fix_adds_a_missing_hash_after_the_sources_last_key(starter, run_cli):
    path = starter(lambda s: s[: s.index("    sha256:")] + s[s.index("\n", s.index("    sha256:")) + 1 :])
    assert run_cli("fix", str(path), "--yes").returncode == 0
    text = path.read_text(encoding="utf-8")
    assert "    file: s-source.txt\n    sha256: " in text and load_scenario(path).ok


def test_fix_leaves_a_quote_that_is_not_found_and_one_with_an_elision(starter, run_cli):
    path = starter(
        lambda s: s.replace("no longer safe for lorries", "no longer safe for trucks", 1).replace(
            "quote: the new bridge must be built this year", "quote: the new bridge [...] this year"
        )
    )
    before = path.read_bytes()
    assert run_cli("fix", str(path), "--yes").stdout.endswith("nothing to fix\n")
    assert path.read_bytes() == before


def test_fix_refuses_a_link_and_leaves_both_as_they_were(drifted, run_cli):
    link = drifted.with_name("link.yaml")
    link.symlink_to(drifted.name)
    before = drifted.read_bytes()
    result = run_cli("fix", str(link), "--yes")
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert link.is_symlink() and drifted.read_bytes() == before


def test_fix_refuses_a_file_with_other_names(drifted, run_cli):
    os.link(drifted, drifted.with_name("other.yaml"))
    result = run_cli("fix", str(drifted), "--yes")
    assert result.returncode == 2 and "hard links" in result.stderr


def test_fix_refuses_a_fifo_through_the_reading_gate(tmp_path, run_cli):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = run_cli("fix", str(fifo), "--yes")
    assert result.returncode == 1 and "error[E001]" in result.stderr and "FIFO" in result.stderr


def test_fix_of_a_file_that_is_not_data_reports_it_and_writes_nothing(starter, run_cli):
    path = starter(lambda s: s + "title: [unclosed\n")
    before = path.read_bytes()
    result = run_cli("fix", str(path), "--yes")
    assert result.returncode == 1 and "error[E" in result.stderr
    assert path.read_bytes() == before


def test_values_are_set_in_the_style_they_are_written_in():
    text = "# top\na: plain  # note\nb: 'single'\nc: \"double\"\nd: {x: 1, y: flow}\ne: |\n  block\nf: 2\n"
    new = set_values(text, "t.yaml", [(("a",), "it's plain"), (("b",), "it's"), (("d", "y"), "a, b"), (("e",), "x")])
    assert new == ("# top\na: it's plain  # note\nb: 'it''s'\nc: \"double\"\nd: {x: 1, y: \"a, b\"}\ne: x\nf: 2\n")


def test_a_value_that_would_read_as_another_type_is_quoted():
    assert set_values("a: x\n", "t.yaml", [(("a",), "123")]) == 'a: "123"\n'
    assert set_values("a: x\n", "t.yaml", [(("a",), "yes: no")]) == 'a: "yes: no"\n'


def test_a_json_file_stays_json():
    text = '{\n  "a": "x",\n  "b": {"c": 1}\n}\n'
    new = set_values(text, "t.json", [(("a",), 'say "hi"'), (("b", "d"), "new")])
    assert json.loads(new) == {"a": 'say "hi"', "b": {"c": 1, "d": "new"}}
    assert new.startswith('{\n  "a": "say \\"hi\\"",\n')


def test_a_path_that_is_not_there_is_refused():
    with pytest.raises(SpliceFailed):
        set_values("a: [1]\n", "t.yaml", [(("a", 3), "x")])
