"""``argmap import`` as a user runs it: what it writes, what it refuses, what it says is left."""

from __future__ import annotations

import os

import pytest

from argmap.reading.locations import bundled_scenario
from argmap.validation.load import load_scenario

from .conftest import INTEROP as SHARED

KIALO = SHARED / "kialo" / "old" / "should-hate-speech-be-illegal-6148.txt"
interop = pytest.mark.skipif(not KIALO.exists(), reason="the interchange test files are not on this machine")


@interop
def test_an_import_writes_the_scenario_and_its_source_and_lists_what_is_left(run_cli, tmp_path):
    out = tmp_path / "hate" / "speech.yaml"
    ran = run_cli("import", str(KIALO), "-o", str(out))
    assert ran.returncode == 1  # written, but Kialo has no dates
    assert out.exists() and len(list(out.parent.iterdir())) == 2
    assert "error[E110]" in ran.stderr and f"{out.name}:" in ran.stderr
    assert "to do:" in ran.stderr
    loaded = load_scenario(out)
    assert {d.code for d in loaded.diagnostics} == {"E110"}


@interop
def test_an_import_never_writes_over_a_file(run_cli, tmp_path):
    out = tmp_path / "speech.yaml"
    out.write_text("mine\n")
    ran = run_cli("import", str(KIALO), "-o", str(out))
    assert ran.returncode == 2 and "exists" in ran.stderr
    assert out.read_text() == "mine\n" and sorted(p.name for p in tmp_path.iterdir()) == ["speech.yaml"]


def test_an_import_never_writes_over_its_input(run_cli, tmp_path):
    source = tmp_path / "map.argdown"
    source.write_text("[a]: One claim.\n  + [b]: Another.\n")
    ran = run_cli("import", str(source), "-o", str(source))
    assert ran.returncode == 2 and source.read_text().startswith("[a]")


def test_a_file_that_cannot_be_read_is_a_located_error(run_cli, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    ran = run_cli("import", str(fifo), "--from", "aif", "-o", str(tmp_path / "x.yaml"))
    assert ran.returncode == 1 and "error[" in ran.stderr and "Traceback" not in ran.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_an_unknown_format_is_a_usage_error(run_cli, tmp_path):
    ran = run_cli("import", str(tmp_path / "x.txt"), "--from", "csv")
    assert ran.returncode == 2 and "invalid choice" in ran.stderr


def test_export_at_a_date_or_step_for_a_side(run_cli, tmp_path):
    out = tmp_path / "europe.dot"
    ran = run_cli(
        "export", str(bundled_scenario()), "--format", "dot", "--at", "2000-06", "--side", "europe", "-o", str(out)
    )
    assert ran.returncode == 0 and out.read_text().startswith("digraph")
    assert run_cli("export", str(bundled_scenario()), "--format", "dot", "--at", "99").returncode == 2
    # A date as argmap shows it is read too.
    assert run_cli("export", str(bundled_scenario()), "--format", "dot", "--at", "June 2000").returncode == 0
    ran = run_cli("export", str(bundled_scenario()), "--format", "dot", "--at", "soon")
    assert ran.returncode == 2 and "not a step number or a date" in ran.stderr
    ran = run_cli("export", str(bundled_scenario()), "--format", "dot", "--side", "mars")
    assert ran.returncode == 2 and "not a side" in ran.stderr
