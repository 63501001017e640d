"""``argmap solve`` as ICCMA 2023's main track runs it: witnesses by default, a time limit of its
own, Ctrl-C in the middle of a SAT call, and names and numbers as the files write them."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.engine import problems
from argmap.engine.framework import Framework
from argmap.engine.instance import Instance, quoted, unquoted
from argmap.engine.sat import LabellingSolver, clear_interrupts, interrupt_all
from argmap.formats import apx, iccma
from tests import brute

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def af_file(tmp_path: Path) -> Path:
    # 1 <-> 2, 2 -> 3, 3 -> 4, 5 -> 5: preferred {1,3} and {2,4}; 5 in none.
    path = tmp_path / "small.af"
    path.write_text("p af 5\n1 2\n2 1\n2 3\n3 4\n5 5\n", encoding="utf-8")
    return path


# --- witnesses ------------------------------------------------------------------------------------


@pytest.mark.parametrize("problem", ["DC-CO", "DC-PR", "DC-ST", "DS-PR", "DS-ST", "DS-CO", "DC-GR"])
@pytest.mark.parametrize("arg", ["1", "2", "3", "4", "5"])
def test_dc_yes_and_ds_no_come_with_a_w_line_of_an_extension_showing_them(af_file, problem, arg, run_cli):
    result = run_cli("solve", "-p", problem, "-f", str(af_file), "-a", arg)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    af = iccma.parse(af_file.read_text(encoding="utf-8"))
    assert isinstance(af, Framework)
    semantics = problems.SHORT[problem[3:]]
    extensions = set(brute.extensions(af, semantics))
    a = int(arg) - 1
    if problem.startswith("DC"):
        assert lines[0] == ("YES" if any(a in e for e in extensions) else "NO")
    else:
        assert lines[0] == ("YES" if all(a in e for e in extensions) else "NO")
    shows = lines[0] == ("YES" if problem.startswith("DC") else "NO")
    assert len(lines) == (2 if shows else 1)
    if shows:
        assert lines[1].startswith("w")
        witness = frozenset(int(x) - 1 for x in lines[1].split()[1:])
        assert witness in extensions and (a in witness) == problem.startswith("DC")


def test_no_witness_prints_the_answer_alone(af_file, run_cli):
    assert run_cli("solve", "-p", "DC-PR", "-f", str(af_file), "-a", "4", "--no-witness").stdout == "YES\n"
    assert run_cli("solve", "-p", "DS-PR", "-f", str(af_file), "-a", "4", "--no-witness").stdout == "NO\n"


# --- names and numbers ----------------------------------------------------------------------------

_APX_NAME = re.compile(r'"(?:[^"\\]|\\.)*"|[A-Za-z0-9_]+')


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(st.text(st.sampled_from('ab_1 "\\-.,()%é'), min_size=1, max_size=6), min_size=1, max_size=6, unique=True)
)
def test_apx_names_on_the_w_line_read_back_as_the_names(names):
    af = Framework.from_names(names, [])
    parsed = apx.parse(apx.dumps(af))
    assert isinstance(parsed, Framework)
    line = "".join(problems.answer(parsed, "SE-GR"))
    assert line.startswith("w ") and line.endswith("\n")
    written = _APX_NAME.findall(line[2:])
    assert [unquoted(w) if w.startswith('"') else w for w in written] == list(parsed.all_names())
    inst = Instance.whole(parsed)
    for i, name in enumerate(parsed.all_names()):
        assert inst.find(name) == i and inst.find(quoted(name)) == i


def test_an_apx_name_with_a_space_is_quoted_on_the_w_line_and_found_either_way(tmp_path, run_cli):
    path = tmp_path / "q.apx"
    path.write_text('arg("a b"). arg(c). att(c,"a b"). att("a b",c).\n', encoding="utf-8")
    for query in ("a b", '"a b"'):
        assert run_cli("solve", "-p", "DC-PR", "-f", str(path), "-a", query).stdout == 'YES\nw "a b"\n'


@pytest.mark.parametrize(
    ("name", "content"),
    [("bom.af", "\ufeffp af 3\n1 2\n"), ("bom.apx", "\ufeffarg(a). arg(b). arg(c).\natt(a,b).\n")],
)
def test_a_utf8_byte_order_mark_is_read_past(tmp_path, name, content, run_cli):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run_cli("solve", "-p", "SE-GR", "-f", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout in ("w 1 3\n", "w a c\n")


@pytest.mark.parametrize(("line", "col"), [("+1 2", 1), ("1 \uff12", 1), ("\uff11 2", 1), ("1 -2", 1)])
def test_signed_and_full_width_numbers_are_refused_where_they_are(tmp_path, line, col, run_cli):
    path = tmp_path / "n.af"
    path.write_text(f"p af 3\n{line}\n", encoding="utf-8")
    result = run_cli("solve", "-p", "SE-GR", "-f", str(path))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(f"{path}:2:{col}: error[E302]") and "Traceback" not in result.stderr


# --- the command line -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        ["-p", "DC-PR", "-f", "{af}", "-a", "3"],
        ["--problem=DC-PR", "--file={af}", "--argument=3"],
        ["-pDC-PR", "-f{af}", "-a3", "--timeout", "30"],
        ["--problem", "DC-PR", "--file", "{af}", "--argument", "3", "--timeout=30", "--witness"],
    ],
)
def test_every_spelling_of_the_options_gives_the_same_answer(af_file, words, run_cli):
    result = run_cli("solve", *(w.replace("{af}", str(af_file)) for w in words))
    assert (result.returncode, result.stdout) == (0, "YES\nw 1 3\n")


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "soon"])
def test_a_timeout_that_is_not_a_positive_number_is_a_usage_error(af_file, value, run_cli):
    result = run_cli("solve", "-p", "SE-GR", "-f", str(af_file), "--timeout", value)
    assert result.returncode == 2 and "--timeout" in result.stderr and result.stdout == ""


def test_help_and_unknown_options_are_argparse_s(run_cli):
    assert "--timeout SECONDS" in run_cli("solve", "--help").stdout
    unknown = run_cli("solve", "-p", "SE-GR", "--frobnicate")
    assert unknown.returncode == 2 and "unrecognized arguments: --frobnicate" in unknown.stderr


def test_solve_imports_no_other_command_and_no_pydantic(af_file):
    code = (
        "import sys, io, contextlib\n"
        "from argmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main(['solve', '-p', 'DS-PR', '-f', {str(af_file)!r}, '-a', '3'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'textual', 'rich', 'argparse')\n"
        "    or m.startswith(('argmap.scenario', 'argmap.cli.registry', 'argmap.cli.parser', 'argmap.validation')))\n"
        "print(rc, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


# --- stopping -------------------------------------------------------------------------------------


def pigeonhole(holes: int) -> str:
    """An ICCMA file with a stable extension exactly when ``holes + 1`` pigeons fit in ``holes``
    holes, one each: never, and a SAT solver takes long to find out. Each variable is a pair of
    arguments attacking each other; each clause is an argument attacking itself and attacked by
    its literals, so a stable extension must make one of them true."""
    pigeons = holes + 1
    var = {(p, h): 2 * (p * holes + h) + 1 for p in range(pigeons) for h in range(holes)}
    n = 2 * len(var)
    attacks = [(v, v + 1) for v in var.values()] + [(v + 1, v) for v in var.values()]
    clauses = [[var[p, h] for h in range(holes)] for p in range(pigeons)]
    clauses += [
        [var[p, h] + 1, var[q, h] + 1] for h in range(holes) for p in range(pigeons) for q in range(p + 1, pigeons)
    ]
    for clause in clauses:
        n += 1
        attacks.append((n, n))
        attacks += [(lit, n) for lit in clause]
    return f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks)


def test_pigeonhole_frameworks_have_a_stable_extension_only_when_the_pigeons_fit():
    for holes in (1, 2):
        af = iccma.parse(pigeonhole(holes))
        assert isinstance(af, Framework)
        assert brute.extensions(af, "stable") == []


def test_an_interrupted_solver_raises_keyboard_interrupt_until_cleared():
    af = iccma.parse(pigeonhole(2))
    assert isinstance(af, Framework)
    with LabellingSolver(af, list(range(af.n))) as s:
        interrupt_all()
        with pytest.raises(KeyboardInterrupt):
            s.solve()
        clear_interrupts()
        assert s.solve() == []


def test_a_timeout_stops_the_solver_with_its_own_status_and_no_answer(tmp_path):
    path = tmp_path / "php.af"
    path.write_text(pigeonhole(11), encoding="utf-8")
    cmd = [sys.executable, "-m", "argmap", "solve", "-p", "SE-ST", "-f", str(path), "--timeout", "0.5"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 124 and result.stdout == ""
    assert result.stderr == "argmap: error: no answer within 0.5 s (--timeout)\n"


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc to see the solver at work")
def test_ctrl_c_during_a_sat_call_exits_130_without_a_traceback(tmp_path):
    path = tmp_path / "php.af"
    path.write_text(pigeonhole(11), encoding="utf-8")
    cmd = [sys.executable, "-m", "argmap", "solve", "-p", "SE-ST", "-f", str(path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        # Wait until the solver is loaded and has worked a while: the signal then lands in C.
        loaded_at = None
        while loaded_at is None or _cpu_seconds(proc.pid) < loaded_at + 0.3:
            with pytest.raises(subprocess.TimeoutExpired):
                proc.wait(timeout=0.01)
            if loaded_at is None and "pysolvers" in Path(f"/proc/{proc.pid}/maps").read_text():
                loaded_at = _cpu_seconds(proc.pid)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130 and out == ""
    assert "Traceback" not in err and err == ""
