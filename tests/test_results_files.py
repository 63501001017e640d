"""Results files cannot be lost or corrupted: names that never collide, one writer at a time,
unreadable lines kept byte for byte, strict records, files refused by the reading gate, the
umask respected, a summary never written over a results file, a failed save never called saved."""

from __future__ import annotations

import errno
import json
import os
import random
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.base.files import write_atomic
from argmap.classroom import results as results_module
from argmap.classroom.filenames import old_results_name, results_name, slug
from argmap.classroom.gradebook import gradebook
from argmap.classroom.gradebook_formats import to_text
from argmap.classroom.records import MAX_LINE_BYTES, Record, Unreadable, parse, read_lines
from argmap.classroom.results import ResultsFile, ResultsUnavailable, read_folder
from argmap.classroom.session import ordered, shuffle_name
from argmap.classroom.summary import summarise
from argmap.debate.index import Debate
from argmap.validation.load import load_scenario

SCENARIO, SET = "abm-treaty-1997-2001", "june-2000"
BRIDGE = Path(__file__).parent / "fixtures" / "classroom" / "bridge.yaml"
TIMEOUT = 120


def line(**fields: object) -> bytes:
    """One answer record as a results file holds it, with fields changed or added."""
    record: dict[str, object] = {
        "student": "Ana",
        "scenario": "c",
        "scenario_sha256": "h",
        "set": "s",
        "exercise": "e1",
        "kind": "who-said-it",
        "answer": ["a"],
        "expected": ["a"],
        "correct": True,
        "at": "2025-01-01T00:00:00Z",
        "v": 1,
    }
    record.update(fields)
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def answer(rf: ResultsFile, exercise: str = "e2", correct: bool = True) -> Record:
    return rf.add(exercise, "who-said-it", ("a",), ("a",) if correct else ("b",), correct)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd
    )


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize("one, other", [("Иван", "Пётр"), ("Zoë", "Zoé"), ("Ana Lima", "ana-lima")])
def test_names_that_used_to_share_a_file_get_a_file_each(one, other):
    assert old_results_name(one, SCENARIO, SET) == old_results_name(other, SCENARIO, SET)
    assert results_name(one, SCENARIO, SET) != results_name(other, SCENARIO, SET)


def test_file_names_are_readable_transliterations_with_a_hash():
    assert slug("Иван") == "ivan" and slug("Пётр") == "petr" and slug("Zoë") == "zoe"
    assert slug("Łukasz Straße") == "lukasz-strasse" and slug("Σωκράτης") == "sokratis"
    name = results_name("Пётр", SCENARIO, SET)
    assert name.startswith(f"petr--{SCENARIO}--{SET}--") and name.endswith(".jsonl")
    assert results_name("李小龍", SCENARIO, SET).startswith("student--")


def test_one_name_typed_two_ways_is_one_student():
    composed, decomposed = "Zoë", unicodedata.normalize("NFD", "Zoë")
    assert composed != decomposed
    assert results_name(composed, SCENARIO, SET) == results_name(decomposed, SCENARIO, SET)
    assert results_name(" Ana   Lima ", SCENARIO, SET) == results_name("Ana Lima", SCENARIO, SET)


def test_scenario_and_set_names_are_hashed_too():
    assert results_name("Ana", "Сценарий", SET) != results_name("Ana", "Сценарии", SET)
    assert results_name("Ana", SCENARIO, "набор 1") != results_name("Ana", SCENARIO, "набор 2")


@settings(deadline=None, max_examples=200)
@given(st.text(min_size=1), st.text(min_size=1), st.text(min_size=1))
def test_every_file_name_is_ascii_short_and_names_one_student(student, scenario, set_name):
    name = results_name(student, scenario, set_name)
    assert name.isascii() and len(name) < 200 and not name.startswith(".")
    assert all(c.isalnum() or c in "-." for c in name)
    assert results_name(student + "x", scenario, set_name) != name


def test_the_shuffle_of_an_ascii_name_is_what_it_always_was():
    debate = Debate.from_loaded(load_scenario(BRIDGE))
    exercises = [e for e in debate.scenario.exercises if e.set == "basics"]
    before = list(exercises)
    random.Random("ana-lima\nbasics").shuffle(before)  # the seed of the first results files
    assert ordered(exercises, student="Ana Lima", set_name="basics", shuffle=True) == before
    assert shuffle_name("Иван") != shuffle_name("Пётр")


# --- whose answers ------------------------------------------------------------------------------


def test_two_students_whose_names_used_to_collide_keep_their_own_answers(tmp_path):
    with ResultsFile.open(tmp_path, "Иван", SCENARIO, "h", SET) as ivan:
        answer(ivan, "q1", correct=False)
    with ResultsFile.open(tmp_path, "Пётр", SCENARIO, "h", SET) as petr:
        assert petr.records == [] and petr.path != ivan.path
        answer(petr, "q1")
    with ResultsFile.open(tmp_path, "Иван", SCENARIO, "h", SET) as again:
        assert [(r.student, r.correct) for r in again.records] == [("Иван", False)]
    students = {t.name: t.correct for t in summarise(read_folder(tmp_path).records).students}
    assert students == {"Иван": 0, "Пётр": 1}


def test_a_file_holding_another_students_answers_is_not_used_and_left_untouched(tmp_path):
    path = tmp_path / results_name("Bo", "c", "s")
    path.write_bytes(line(student="Ana") + b"\n")
    with pytest.raises(ResultsUnavailable, match="holds answers of 'Ana', not only of 'Bo'"):
        ResultsFile.open(tmp_path, "Bo", "c", "h", "s")
    assert path.read_bytes() == line(student="Ana") + b"\n"
    assert not list(tmp_path.glob(".*.lock"))  # the lock is let go at once


def test_answers_in_a_file_of_the_first_naming_are_carried_over_and_that_file_kept(tmp_path):
    shared = tmp_path / old_results_name("Иван", "c", "s")
    old = line(student="Иван", exercise="e1") + b"\n" + line(student="Пётр", exercise="e1", correct=False) + b"\n"
    shared.write_bytes(old)
    with ResultsFile.open(tmp_path, "Иван", "c", "h", "s") as ivan:
        assert [(r.student, r.exercise) for r in ivan.records] == [("Иван", "e1")]
        answer(ivan, "e2")
    assert ivan.path.read_bytes().startswith(line(student="Иван", exercise="e1") + b"\n")
    assert shared.read_bytes() == old
    with ResultsFile.open(tmp_path, "Пётр", "c", "h", "s") as petr:
        assert [(r.student, r.correct) for r in petr.records] == [("Пётр", False)]
    summary = summarise(read_folder(tmp_path).records)  # the copy is counted once
    assert [(t.name, t.answered) for t in summary.students] == [("Иван", 2), ("Пётр", 1)]


# --- one writer at a time ----------------------------------------------------------------------


def test_a_second_session_of_one_student_and_set_is_refused_until_the_first_closes(tmp_path):
    first = ResultsFile.open(tmp_path, "Ana", "c", "h", "s")
    with pytest.raises(ResultsUnavailable, match=r"these answers \(Ana, set s\) are open in another argmap session"):
        ResultsFile.open(tmp_path, "Ana", "c", "h", "s")
    with ResultsFile.open(tmp_path, "Ana", "c", "h", "other set"):
        pass  # another set is another file
    answer(first)
    first.close()
    with ResultsFile.open(tmp_path, "Ana", "c", "h", "s") as second:
        assert len(second.records) == 1
    assert not list(tmp_path.glob(".*.lock"))  # a closed session leaves no lock file


def test_a_session_in_another_process_holds_the_lock_until_it_is_killed(tmp_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from argmap.classroom.results import ResultsFile\n"
            f"rf = ResultsFile.open(Path({str(tmp_path)!r}), 'Ana', 'c', 'h', 's')\n"
            "print('open', flush=True); sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(ResultsUnavailable, match="open in another argmap session"):
            ResultsFile.open(tmp_path, "Ana", "c", "h", "s")
    finally:
        holder.kill()
        holder.wait(timeout=TIMEOUT)
    assert list(tmp_path.glob(".*.lock"))  # killed: the lock file stays, its lock does not
    with ResultsFile.open(tmp_path, "Ana", "c", "h", "s") as rf:
        answer(rf)


# --- nothing dropped --------------------------------------------------------------------------


def test_every_line_that_cannot_be_read_is_kept_byte_for_byte_by_a_save(tmp_path):
    path = tmp_path / results_name("Ana", "c", "s")
    original = b"".join(
        [
            line() + b"\n",
            b"teacher's note: Ana asked for more time\n",
            line(correct="false") + b"\n",
            b"\xff\xfe not UTF-8 \xc3\n",
            line(student="Ana\x1b").replace(b"\\u001b", b"\x1b") + b"\n",
            line(exercise="e9") + b"\r\n",
            b"\n",
            b'{"student": "Ana", "exerc',  # a truncated last line
        ]
    )
    path.write_bytes(original)
    with ResultsFile.open(tmp_path, "Ana", "c", "h", "s") as rf:
        assert [r.exercise for r in rf.records] == ["e1", "e9"]
        assert [d.line for d in rf.unreadable] == [2, 3, 4, 5, 8]
        new = answer(rf, "e2")
    assert path.read_bytes() == original + b"\n" + (new.to_json() + "\n").encode("utf-8")


def test_unknown_fields_of_a_newer_record_are_kept_and_its_answer_counted(tmp_path):
    newer = line(v=2, exercise="e7", confidence=0.70, hints={"used": [1, 2]})
    path = tmp_path / results_name("Ana", "c", "s")
    path.write_bytes(newer + b"\n")
    with ResultsFile.open(tmp_path, "Ana", "c", "h", "s") as rf:
        assert set(rf.answered()) == {"e7"} and rf.records[0].v == 2
        answer(rf)
    assert path.read_bytes().split(b"\n")[0] == newer


def test_a_file_changed_on_disk_during_a_session_is_added_to_not_replaced(tmp_path):
    with ResultsFile.open(tmp_path, "Ana", "c", "h", "s") as rf:
        answer(rf, "e1")
        with rf.path.open("ab") as handle:
            handle.write(b"a note added by hand\n")
        answer(rf, "e2")
        lines = rf.path.read_bytes().splitlines()
    assert lines[1] == b"a note added by hand" and len(lines) == 3


# --- strict records -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, reason",
    [
        (line(correct="false"), "'correct' must be true or false, not the string \"false\""),
        (line(correct=0), "'correct' must be true or false, not the number 0"),
        (line(correct=None), "'correct' must be true or false, not null"),
        (line(student=5), "'student' must be a string, not the number 5"),
        (line(answer="a"), "'answer' must be a list of strings"),
        (line(expected=["a", 1]), "'expected' must be a list of strings"),
        (line(v=True), "'v' must be a whole number"),
        (line(v=0), "'v' must be a whole number"),
        (line(v="1"), "'v' must be a whole number"),
        (line(v=2**31), "'v' must be a whole number"),
        (line().replace(b'"v": 1', b'"v": 1e999'), "'v' must be a whole number from 1 to 2147483647, not the number"),
        (line().replace(b'"v": 1', b'"v": 1.5'), "'v' must be a whole number"),
        (line().replace(b'"v": 1', b'"v": NaN'), "NaN is not a JSON number"),
        (line().replace(b'"v": 1', b'"v": 1' + b"0" * 5000), "not JSON"),
        (line()[:-1] + b', "correct": false}', "the key 'correct' appears twice"),
        (json.dumps({k: v for k, v in json.loads(line()).items() if k != "kind"}).encode(), "no 'kind'"),
        (b"[1, 2]", "it holds a list holding other things, not a JSON object"),
        (b'"just a string"', "not a JSON object"),
        (b"{'student': 'Ana'}", "not JSON"),
        (b"[" * 30_000 + b"]" * 30_000, "nested too deeply"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"student": "' + b"x" * MAX_LINE_BYTES + b'"}', f"over {MAX_LINE_BYTES} bytes"),
        (b'{"student": "Ana \xe9"}', "not UTF-8: byte 0xe9"),
        (b'{"student": "Ana \x1b[2J"}', "the control character U+001B"),
        (b'{"student": "Ana \xc2\x85"}', "the control character U+0085"),
    ],
)
def test_a_line_is_an_answer_only_when_every_field_has_its_type(raw, reason):
    with pytest.raises(Unreadable) as caught:
        parse(raw, "r.jsonl")
    assert reason in str(caught.value)


def test_a_name_with_control_characters_is_written_as_escapes_and_reads_back():
    record = Record("Ana\x1b[31m\x85\ud800", "c", "h", "s", "e", "k", ("a",), ("a",), False, "t")
    text = record.to_json()
    assert text.isprintable() and "\\u001b" in text and "\\u0085" in text
    assert parse(text.encode("utf-8"), "r.jsonl") == record


def test_unreadable_lines_are_located_warnings_and_the_rest_still_reads(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(line() + b"\n" + line(correct="false") + b"\nnote\n" + line(exercise="e2"))
    found = read_folder(tmp_path)
    assert [r.exercise for r in found.records] == ["e1", "e2"]
    assert [(d.code, d.line, d.severity) for d in found.problems] == [("W401", 2, "warning"), ("W401", 3, "warning")]
    rendered = found.problems[0].render()
    assert rendered.startswith(f"{tmp_path / 'a.jsonl'}:2:1: warning[W401]: not an answer record: ")
    assert rendered.endswith(
        "'correct' must be true or false, not the string \"false\"\n"
        "  = hint: it is kept as it is and left out of the results; correct it by hand, or move it out of the file"
    )
    summary = summarise(found.records, found.problems)
    book = gradebook(found.records, problems=found.problems)
    assert summary.lines_not_read == 2 and "Not read, so not counted: 2 lines" in to_text(book)


def test_blank_lines_and_a_byte_order_mark_are_not_problems():
    lines = list(read_lines(b"\xef\xbb\xbf" + line() + b"\n\n   \n" + line(exercise="e2") + b"\n", "r.jsonl"))
    assert [(x.number, x.record is not None) for x in lines] == [(1, True), (4, True)]


# --- the reading gate ---------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_as_a_students_file_is_refused_and_left_a_fifo(tmp_path):
    path = tmp_path / results_name("Ana", "c", "s")
    os.mkfifo(path)
    with pytest.raises(ResultsUnavailable, match="named pipe"):
        ResultsFile.open(tmp_path, "Ana", "c", "h", "s")
    assert stat.S_ISFIFO(os.lstat(path).st_mode)


def test_a_link_to_a_device_as_a_students_file_is_refused_and_left_a_link(tmp_path):
    path = tmp_path / results_name("Ana", "c", "s")
    path.symlink_to("/dev/zero")
    with pytest.raises(ResultsUnavailable, match="character device"):
        ResultsFile.open(tmp_path, "Ana", "c", "h", "s")
    assert path.is_symlink()


def test_an_oversized_file_is_refused_and_left_untouched(tmp_path, monkeypatch):
    monkeypatch.setattr(results_module, "MAX_FILE_BYTES", 100)
    path = tmp_path / results_name("Ana", "c", "s")
    path.write_bytes(line() + b"\n")
    with pytest.raises(ResultsUnavailable, match="over 100 bytes"):
        ResultsFile.open(tmp_path, "Ana", "c", "h", "s")
    assert path.read_bytes() == line() + b"\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_results_refuses_a_fifo_and_a_device_at_once_and_says_so(tmp_path):
    folder = tmp_path / "res"
    folder.mkdir()
    os.mkfifo(folder / "fifo.jsonl")
    (folder / "zero.jsonl").symlink_to("/dev/zero")
    (folder / "ana.jsonl").write_bytes(line() + b"\n")
    out = run("results", str(folder), cwd=tmp_path)  # the timeout fails the test if it hangs
    assert out.returncode == 1, out.stderr
    assert "res/fifo.jsonl: error[E001]: is a named pipe (FIFO)" in out.stderr
    assert "res/zero.jsonl: error[E001]: is a character device" in out.stderr
    assert "Ana" in out.stdout and "2 files (see the messages)" in out.stdout


def test_results_reports_each_unreadable_line_and_exits_0(tmp_path):
    folder = tmp_path / "res"
    folder.mkdir()
    (folder / "ana.jsonl").write_bytes(line() + b"\n" + line(correct="false") + b"\n" + b"[" * 100_000 + b"\n")
    out = run("results", str(folder), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "res/ana.jsonl:2:1: warning[W401]: not an answer record: 'correct' must be true or false" in out.stderr
    assert "res/ana.jsonl:3:1: warning[W401]" in out.stderr and "Traceback" not in out.stderr
    assert "Not read, so not counted: 2 lines (kept in their files)" in out.stdout
    assert "0 error(s), 2 warning(s)" in out.stderr


# --- writing ----------------------------------------------------------------------------------


@pytest.fixture
def restore_umask():
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_results_file_has_the_umasks_mode_and_a_replaced_one_keeps_its_own(tmp_path, restore_umask):
    os.umask(0o027)
    with ResultsFile.open(tmp_path, "Ana", "c", "h", "s") as rf:
        answer(rf, "e1")
        assert stat.S_IMODE(rf.path.stat().st_mode) == 0o640
        rf.path.chmod(0o604)
        answer(rf, "e2")
        assert stat.S_IMODE(rf.path.stat().st_mode) == 0o604


def test_write_atomic_creates_with_the_umask_and_keeps_an_existing_mode(tmp_path, restore_umask):
    os.umask(0o002)
    path = tmp_path / "out.md"
    write_atomic(path, "x\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    path.chmod(0o600)
    write_atomic(path, "y\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_text() == "y\n"


def test_a_failed_save_keeps_the_answer_says_so_and_goes_with_the_next(tmp_path, monkeypatch):
    real = results_module.write_atomic

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with ResultsFile.open(tmp_path, "Ana", "c", "h", "s") as rf:
        answer(rf, "e1")
        monkeypatch.setattr(results_module, "write_atomic", full)
        with pytest.raises(OSError, match="No space left"):
            answer(rf, "e2")
        with pytest.raises(OSError):
            answer(rf, "e3")
        assert rf.unsaved == 2 and [r.exercise for r in rf.records] == ["e1", "e2", "e3"]
        assert [json.loads(x)["exercise"] for x in rf.path.read_text().splitlines()] == ["e1"]
        monkeypatch.setattr(results_module, "write_atomic", real)
        answer(rf, "e4")
        assert rf.unsaved == 0
        assert [json.loads(x)["exercise"] for x in rf.path.read_text().splitlines()] == ["e1", "e2", "e3", "e4"]


def test_a_save_over_a_file_turned_into_a_fifo_fails_and_leaves_it(tmp_path):
    with ResultsFile.open(tmp_path, "Ana", "c", "h", "s") as rf:
        os.mkfifo(rf.path)
        with pytest.raises(OSError, match="named pipe"):
            answer(rf)
        assert rf.unsaved == 1 and stat.S_ISFIFO(os.lstat(rf.path).st_mode)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_is_a_failed_save(tmp_path):
    with ResultsFile.open(tmp_path, "Ana", "c", "h", "s") as rf:
        tmp_path.chmod(0o500)
        try:
            with pytest.raises(OSError):
                answer(rf)
            assert rf.unsaved == 1 and not rf.path.exists()
        finally:
            tmp_path.chmod(0o700)


def _results_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "res"
    with ResultsFile.open(folder, "Ana", "c", "h", "s") as rf:
        answer(rf)
    return folder


def test_results_will_not_write_its_summary_over_a_results_file(tmp_path, run_cli):
    folder = _results_folder(tmp_path)
    (student,) = folder.glob("*.jsonl")
    before = student.read_bytes()
    for target in (student, folder / "new.jsonl", tmp_path / "elsewhere.JSONL"):
        out = run_cli("results", str(folder), "-o", str(target), cwd=tmp_path)
        assert out.returncode == 2 and "would write over a results file" in out.stderr
    os.link(student, tmp_path / "linked.csv")  # the same file under another name
    assert run_cli("results", str(folder), "-o", "linked.csv", cwd=tmp_path).returncode == 2
    assert student.read_bytes() == before and not (folder / "new.jsonl").exists()
    out = run_cli("results", str(folder), "--format", "csv", "-o", "class.csv", cwd=tmp_path)
    assert out.returncode == 0 and "\nAna,1,1,1,,1\n" in (tmp_path / "class.csv").read_text()


@pytest.mark.parametrize("fmt", ["csv", "questions-csv", "markdown", "html", "text"])
def test_a_summary_written_to_a_file_shows_control_characters_as_visible_marks(tmp_path, fmt, run_cli):
    folder = tmp_path / "res"
    folder.mkdir()
    # JSON escapes put ESC and a newline in the names; the file itself is clean.
    escaped = json.dumps(json.loads(line(student="Ana\x1b[2J\nBo", exercise="e\n\x9b1")))
    (folder / "x.jsonl").write_text(escaped + "\n", encoding="ascii")
    out = run_cli("results", str(folder), "--format", fmt, "-o", "out.txt", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x9b" not in text
    # On one line (Markdown escapes the bracket).
    assert fmt == "questions-csv" or "Ana␛[2J Bo" in text.replace("\\[", "[")
    assert "e␊\ufffd1" in text
