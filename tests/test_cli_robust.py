"""The commands on hostile input: one clear line and exit 1 or 2, never a traceback, never a
hang, never an input overwritten. In this process, but for what only a process shows: argv
bytes, full disks, closed pipes and streams, the umask."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import cli
from argmap.base import files
from argmap.base.files import OutputRefused, write_output
from argmap.validation.load import load_scenario

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "scenarios" / "abm-treaty-1997-2001.yaml"
LONG = "x" * 300


def argmap(
    *args: str | bytes, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd or ROOT,
        env={**os.environ, **(env or {})},
    )


def clean(result: Any, code: int) -> str:
    """The one-line (plus hint) complaint of a command that failed as it should (run either way)."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    return result.stderr


@pytest.fixture
def starter(tmp_path: Path, run_cli) -> Path:
    result = run_cli("new", "b.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "b.yaml"


# --- new ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["/", ".", "", "..", "sub/.."])
def test_new_asks_for_a_file_name_when_given_a_folder(tmp_path, name, run_cli):
    err = clean(run_cli("new", name, cwd=tmp_path), 2)
    assert "give the new scenario's file name" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("file/x", "file is a file, not a folder"),
        (LONG, "the name is too long"),
        ("a\nb", "control character (U+000A)"),
        ("a\u202eb", "invisible formatting character (U+202E)"),
        ("a\u2028b", "line separator"),
        ("c:x", "drive letter"),
        ("~x", "home folder"),
    ],
)
def test_new_refuses_names_it_cannot_write_or_that_would_not_validate(tmp_path, name, says, run_cli):
    (tmp_path / "file").write_text("", encoding="utf-8")
    err = clean(run_cli("new", name, cwd=tmp_path), 2)
    assert says in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_new_refuses_a_name_that_is_not_utf8(tmp_path):
    err = clean(argmap("new", b"caf\xe9", cwd=tmp_path), 2)
    assert "not UTF-8" in err and "caf\\udce9" in err
    assert list(tmp_path.iterdir()) == []


def test_new_refuses_a_folder_in_the_way_even_with_force_and_writes_nothing(tmp_path, run_cli):
    (tmp_path / "d.yaml").mkdir()
    err = clean(run_cli("new", "d.yaml", "--force", cwd=tmp_path), 2)
    assert "d.yaml is a folder" in err
    assert [p.name for p in tmp_path.iterdir()] == ["d.yaml"]


def test_new_quotes_an_odd_name_so_the_scenario_validates(tmp_path, run_cli):
    result = run_cli("new", 'we"ird: name#', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "next: argmap validate 'we\"ird: name#.yaml'" in result.stdout
    assert load_scenario(tmp_path / 'we"ird: name#.yaml').ok


def test_new_with_a_leading_dash_tells_a_command_that_works(tmp_path, run_cli):
    result = run_cli("new", "--", "-x", cwd=tmp_path)
    assert "next: argmap validate ./-x.yaml" in result.stdout
    assert run_cli("validate", "./-x.yaml", cwd=tmp_path).returncode == 0


_ODD = st.sampled_from(list("\"':#-{}[],&*!|>%@` .é☃ß\u00a0\U0001f600?=\\"))
_WORD = st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"), blacklist_characters="/\x00")


def _refused_by_design(name: str) -> bool:
    return (
        name in ("", ".", "..")
        or name.startswith(("~", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or "\\\\" in name
        or any(p == ".." for p in name.replace("\\", "/").split("/"))
        or len((name + "-source.txt.yaml").encode()) > 255
    )


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.text(st.one_of(_ODD, _WORD), min_size=1, max_size=40))
def test_new_writes_a_scenario_that_validates_for_any_printable_name(name):
    if _refused_by_design(name):
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        assert cli.main(["new", str(path)]) == 0
        written = path if path.suffix.lower() in (".yaml", ".yml") else path.with_name(path.name + ".yaml")
        loaded = load_scenario(written)
        assert loaded.ok, [d.render() for d in loaded.diagnostics]


_BREAKS = st.sampled_from([chr(c) for c in range(1, 0x20)] + ["\x7f", "\x85", "\u2028", "\u2029"])


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(_WORD, max_size=8), _BREAKS, st.text(_WORD, max_size=8))
def test_new_refuses_every_name_with_a_line_break_or_control_character(before, bad, after):
    with tempfile.TemporaryDirectory() as tmp:
        assert cli.main(["new", str(Path(tmp) / f"{before}{bad}{after}")]) == 2
        assert list(Path(tmp).iterdir()) == []


def test_new_writes_both_files_or_neither(tmp_path, monkeypatch):
    real = os.replace
    calls = []

    def second_fails(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error", str(dst))
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", second_fails)
    assert cli.main(["new", str(tmp_path / "a.yaml")]) == 1
    assert list(tmp_path.iterdir()) == []


def test_new_with_force_restores_both_old_files_when_the_second_cannot_be_written(tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text("old scenario", encoding="utf-8")
    (tmp_path / "a-source.txt").write_text("old source", encoding="utf-8")
    real = os.replace
    calls = []

    def second_fails(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", second_fails)
    assert cli.main(["new", str(tmp_path / "a.yaml"), "--force"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-source.txt", "a.yaml"]
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "old scenario"
    assert (tmp_path / "a-source.txt").read_text(encoding="utf-8") == "old source"


def test_new_in_a_read_only_place_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    assert cli.main(["new", str(tmp_path / "sub" / "a.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the file system is read-only" in err
    assert list(tmp_path.iterdir()) == []


# --- quote ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["Upper", "a b", "x--y"])
def test_quote_with_a_malformed_source_id_is_a_usage_error_with_a_hint(source, run_cli):
    err = clean(run_cli("quote", source, "y"), 2)
    assert f"'{source}' is neither a source id nor a file" in err and "hint: a source id is" in err


def test_quote_with_a_path_that_is_not_there_says_so(run_cli):
    err = clean(run_cli("quote", "../x", "y"), 1)
    assert "cannot read: No such file or directory" in err


@pytest.mark.parametrize("words", ["", "   ", "\t"])
def test_quote_needs_some_words(words, run_cli):
    err = clean(run_cli("quote", "act-boese-2001", words), 2)
    assert "give the words to look for" in err


def test_quote_takes_the_source_from_the_scenario_it_is_given(starter, run_cli):
    result = run_cli("quote", "--scenario", str(starter), "council-minutes", "safe for lorries")
    assert result.returncode == 0, result.stderr
    block = (
        "      - source: council-minutes\n        quote: |-\n"
        "          because the old one is no\n          longer safe for lorries.\n"
    )
    assert block in result.stdout


def test_quote_uses_a_scenario_sources_furniture(starter, run_cli):
    source = starter.with_name("b-source.txt")
    source.write_text(source.read_text(encoding="utf-8").replace("for lorries.", "for PAGE 2 lorries."), "utf-8")
    text = starter.read_text(encoding="utf-8")
    text = text.replace("    sha256:", '    furniture: ["PAGE 2"]\n    sha256:')
    starter.write_text(text, encoding="utf-8")
    result = run_cli("quote", "--scenario", str(starter), "council-minutes", "safe for lorries")
    assert result.returncode == 0, result.stderr
    assert "          longer safe for lorries.\n" in result.stdout and "PAGE" not in result.stdout


def test_quote_still_finds_the_source_of_a_scenario_with_errors_elsewhere(starter, run_cli):
    text = starter.read_text(encoding="utf-8").replace("kind: prediction", "kind: guess")
    starter.write_text(text.replace("safe for lorries", "safe for trucks"), encoding="utf-8")
    assert run_cli("validate", str(starter)).returncode == 1
    result = run_cli("quote", "--scenario", str(starter), "council-minutes", "lorries")
    assert result.returncode == 0, result.stderr


def test_quote_names_the_scenarios_sources_when_the_id_is_not_among_them(starter, run_cli):
    err = clean(run_cli("quote", "--scenario", str(starter), "council-minute", "bridge"), 1)
    assert "b.yaml:13:1: error[E101]: the scenario has no source 'council-minute'" in err
    assert "did you mean 'council-minutes'?" in err


def test_quote_reads_a_text_file_and_knows_it_as_the_scenarios_source(starter, run_cli):
    plain = run_cli("quote", str(starter.with_name("b-source.txt")), "lorries")
    assert plain.returncode == 0 and "- source: SOURCE-ID" in plain.stdout
    known = run_cli("quote", "--scenario", str(starter), str(starter.with_name("b-source.txt")), "lorries")
    assert known.returncode == 0 and "- source: council-minutes" in known.stdout


# --- outputs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("output", ["b.yaml", "./b.yaml", "../{dir}/b.yaml", "link.md", "hard.md", "b-source.txt"])
def test_handout_never_writes_over_one_of_its_inputs(starter, output, run_cli):
    before = starter.read_bytes(), starter.with_name("b-source.txt").read_bytes()
    (starter.parent / "link.md").symlink_to("b.yaml")
    os.link(starter.with_name("b-source.txt"), starter.parent / "hard.md")
    out = output.format(dir=starter.parent.name)
    err = clean(run_cli("handout", "b.yaml", "-o", out, cwd=starter.parent), 2)
    assert "is one of this command's inputs" in err
    assert (starter.read_bytes(), starter.with_name("b-source.txt").read_bytes()) == before
    assert not list(starter.parent.glob("*answers*"))


def test_handout_refuses_an_answer_key_that_would_replace_an_input(starter, run_cli):
    starter.with_name("b-source.txt").rename(starter.with_name("h-answers.md"))
    text = starter.read_text(encoding="utf-8").replace("file: b-source.txt", "file: h-answers.md")
    starter.write_text(text, encoding="utf-8")
    err = clean(run_cli("handout", "b.yaml", "-o", "h.md", cwd=starter.parent), 2)
    assert "h-answers.md is one of this command's inputs" in err
    assert not (starter.parent / "h.md").exists()


@pytest.mark.parametrize(
    ("output", "says"),
    [("folder", "is a folder"), ("r.jsonl", "results file"), ("other.yaml", "may be a scenario")],
)
def test_handout_refuses_folders_scenarios_and_results_files(starter, output, says, run_cli):
    (starter.parent / "folder").mkdir()
    (starter.parent / "other.yaml").write_text("title: x\n", encoding="utf-8")
    err = clean(run_cli("handout", "b.yaml", "-o", output, cwd=starter.parent), 2)
    assert says in err
    assert (starter.parent / "other.yaml").read_text(encoding="utf-8") == "title: x\n"


def test_handout_writes_both_files_where_asked(starter, run_cli):
    result = run_cli("handout", "b.yaml", "-o", "out/sheet.md", cwd=starter.parent)
    assert result.returncode == 0, result.stderr
    assert (starter.parent / "out" / "sheet.md").is_file() and (starter.parent / "out" / "sheet-answers.md").is_file()


def test_write_output_refuses_by_the_file_not_the_spelling(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("keep", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "alias.md").symlink_to(source)
    for spelling in (tmp_path / "sub" / ".." / "in.txt", tmp_path / "alias.md"):
        with pytest.raises(OutputRefused) as refused:
            write_output(spelling, "new", [source])
        assert refused.value.usage
    assert source.read_text(encoding="utf-8") == "keep"


def test_write_output_passes_text_through_the_output_gate(tmp_path):
    write_output(tmp_path / "o.md", "a\x1b[31mb\n")
    assert (tmp_path / "o.md").read_text(encoding="utf-8") == "a\u241b[31mb\n"


def test_write_output_reports_a_failure_to_write_as_not_a_usage_error(tmp_path, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    with pytest.raises(OutputRefused) as refused:
        write_output(tmp_path / "o.md", "x")
    assert not refused.value.usage and str(refused.value).endswith("the file system is read-only")


# --- full disks and closed pipes ------------------------------------------------------------------


FULL_DISK_COMMANDS = [
    ["schema"],
    ["validate", str(BUNDLED)],
    ["validate", str(BUNDLED), "--format", "json"],
    ["report", str(BUNDLED)],
    ["export", str(BUNDLED)],
    ["coverage", str(BUNDLED)],
    ["quote", "act-boese-2001", "hysteria"],
    ["solve", "--problems"],
    ["solve", "-p", "SE-GR", "-f", "{af}"],
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", FULL_DISK_COMMANDS, ids=lambda c: " ".join(c[:3]))
def test_a_full_disk_is_one_line_and_exit_1(tmp_path, command):
    af = tmp_path / "f.af"
    af.write_text("p af 3\n1 2\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "argmap", *(c.format(af=af) for c in command)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "cannot write the output" in line]
    assert lines == ["argmap: error: cannot write the output: No space left on device"], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["solve", "-p", "SE-GR", "-f", "{af}"], ["export", str(BUNDLED)]])
def test_a_closed_pipe_ends_the_command_quietly(tmp_path, command):
    af = tmp_path / "wide.af"
    af.write_text("p af 2000000\n1 2\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", *(c.format(af=af) for c in command)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""


# --- search paths and long names ------------------------------------------------------------------


def test_an_unusable_search_path_entry_is_skipped(tmp_path, run_cli):
    env = {"ARGMAP_SOURCE_PATH": f"/tmp/{LONG}{os.pathsep}{tmp_path}"}
    assert "0 error(s)" in clean(run_cli("validate", str(BUNDLED), env=env), 0)
    assert "0 error(s)" in clean(run_cli("validate", str(BUNDLED), "--source-path", f"/tmp/{LONG}"), 0)


def test_a_source_file_name_too_long_for_the_system_is_not_found_at_its_place(starter, run_cli):
    text = starter.read_text(encoding="utf-8").replace("file: b-source.txt", f"file: {LONG}.txt")
    starter.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(starter))
    clean(result, 1)
    assert ":17:11: error[E103]: source file 'xxx" in result.stdout


@pytest.mark.parametrize("command", ["validate", "export", "report", "coverage", "handout"])
def test_a_scenario_path_too_long_for_the_system_is_a_located_error(command, tmp_path, run_cli):
    result = run_cli(command, LONG + ".yaml", cwd=tmp_path)
    clean(result, 1)
    assert "error[E001]: cannot read: File name too long" in result.stdout + result.stderr


# --- outputs that are not plain files, link loops, closed streams ---------------------------------


@pytest.mark.parametrize("kind", ["fifo", "link", "folder"])
def test_results_and_handout_never_replace_a_pipe_a_link_or_a_folder(starter, kind, run_cli):
    folder = starter.parent
    target = folder / "out.md"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "link":
        (folder / "elsewhere.md").write_text("kept\n")
        target.symlink_to("elsewhere.md")
    else:
        target.mkdir()
    results = folder / "results"
    results.mkdir()
    for command in (["results", str(results), "-o", "out.md"], ["handout", "b.yaml", "-o", "out.md"]):
        err = clean(run_cli(*command, cwd=folder), 2)
        assert "out.md is a" in err
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(target).st_mode)
    elif kind == "link":
        assert target.is_symlink() and (folder / "elsewhere.md").read_text() == "kept\n"
    else:
        assert target.is_dir()


def test_a_link_loop_is_a_located_error_in_every_command(tmp_path, run_cli):
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    for command in (["validate"], ["export"], ["report"], ["coverage"], ["handout"], ["open"]):
        result = run_cli(*command, "a.yaml", cwd=tmp_path)
        clean(result, 1)
        said = result.stdout + result.stderr
        assert "a.yaml: error[E001]: cannot read: Too many levels of symbolic links" in said


def test_a_closed_stdout_or_a_full_stderr_ends_with_the_right_exit_code(starter):
    closed = subprocess.run(
        f"'{sys.executable}' -m argmap validate b.yaml >&-",
        shell=True,
        cwd=starter.parent,
        capture_output=True,
        text=True,
    )
    assert closed.returncode == 1 and "standard output is closed" in closed.stderr
    assert "Traceback" not in closed.stderr
    full = subprocess.run(f"'{sys.executable}' -m argmap nosuch 2>/dev/full", shell=True, cwd=starter.parent)
    assert full.returncode == 2


def test_a_student_name_over_the_limit_is_a_usage_error(starter, run_cli):
    err = clean(run_cli("exercise", "--student", "N" * 201, cwd=starter.parent), 2)  # the bundled scenario
    assert "at most 200 characters" in err


def test_new_creates_its_files_with_the_users_umask(tmp_path):
    result = subprocess.run(
        f"umask 027 && '{sys.executable}' -m argmap new b.yaml", shell=True, cwd=tmp_path, capture_output=True
    )
    assert result.returncode == 0, result.stderr
    for name in ("b.yaml", "b-source.txt"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o640


def test_quote_near_miss_shows_the_closest_passage_and_where_it_differs(starter, run_cli):
    result = run_cli("quote", "--scenario", str(starter), "council-minutes", "no longer safe for trucks")
    assert result.returncode == 1
    assert 'closest passage in the source (line 3): "no longer safe for lorries."' in result.stderr
    assert 'it has "trucks", the source "lorries."' in result.stderr


@pytest.mark.parametrize("context", ["-1", "x", "101"])
def test_quote_context_must_be_a_small_whole_number(context, run_cli):
    err = clean(run_cli("quote", "act-boese-2001", "hysteria", "--context", context), 2)
    assert "--context" in err
