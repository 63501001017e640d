"""``argmap validate --watch``: checks again after each change to a scenario or its sources,
and only then."""

from __future__ import annotations

import pytest

from argmap.authoring import watching


def edits(*steps):
    """A stand-in for the file system's news: each step edits files, then reports what changed."""

    def changes(folders):
        for step in steps:
            yield step()

    return changes


def test_validate_watch_checks_again_after_each_change(starter, run_cli, monkeypatch):
    path = starter()
    source = path.with_name("s-source.txt")

    def break_it():
        path.write_text(path.read_text().replace("kind: prediction", "kind: guess"))
        return {path}

    def unrelated():
        return {path.with_name("notes.txt")}

    def fix_it():
        path.write_text(path.read_text().replace("kind: guess", "kind: prediction"))
        return {path}

    def edit_source():
        source.write_text(source.read_text() + "\nMore.\n")
        return {source}

    monkeypatch.setattr(watching, "file_changes_blocking", edits(break_it, unrelated, fix_it, edit_source))
    result = run_cli("validate", str(path), "--watch")
    assert result.stderr.count("checking again") == 3
    runs = result.stderr.split("checking again")
    assert "0 error(s)" in runs[0] and "watching 2 file(s)" in runs[0]
    assert "1 error(s)" in runs[1] and "error[E204]" in result.stdout
    assert "0 error(s)" in runs[2]
    assert "1 error(s)" in runs[3] and "error[E105]" in result.stdout
    assert result.returncode == 1  # the status of the last check


def test_validate_watch_stops_on_ctrl_c_as_an_interrupted_command(starter, run_cli, monkeypatch):
    path = starter()

    def interrupted(folders):
        raise KeyboardInterrupt
        yield set()

    monkeypatch.setattr(watching, "file_changes_blocking", interrupted)
    result = run_cli("validate", str(path), "--watch")
    assert result.returncode == 130 and "Traceback" not in result.stderr


@pytest.mark.parametrize("option", ["--watch"])
def test_open_takes_watch(run_cli, option):
    assert option in run_cli("open", "--help").stdout
