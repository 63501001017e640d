"""``argmap solve`` (the ICCMA 2023 solver interface) and ``argmap report``, run as commands (in this
process, but for what they import)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COUNCIL = ROOT / "tests" / "fixtures" / "engine" / "council.yaml"


@pytest.fixture
def af_file(tmp_path: Path) -> Path:
    # 1 <-> 2, 2 -> 3, 3 -> 4: grounded is empty; preferred {1,3} and {2,4}, both stable.
    path = tmp_path / "small.af"
    path.write_text("p af 4\n# a comment\n1 2\n2 1\n2 3\n3 4\n", encoding="utf-8")
    return path


def test_problems_lists_the_supported_problems(run_cli):
    result = run_cli("solve", "--problems")
    assert result.returncode == 0
    assert result.stdout.strip() == "[DC-CO,DC-PR,DC-ST,DS-CO,DS-PR,DS-ST,SE-CO,SE-PR,SE-ST,SE-GR,DC-GR]"


@pytest.mark.parametrize(
    ("problem", "arg", "expected"),
    [
        ("SE-GR", None, "w"),
        ("SE-CO", None, "w"),
        ("DC-GR", "1", "NO"),
        ("DC-PR", "3", "YES"),
        ("DS-PR", "3", "NO"),
        ("DC-CO", "4", "YES"),
        ("DS-CO", "4", "NO"),
        ("DC-ST", "2", "YES"),
        ("DS-ST", "1", "NO"),
    ],
)
def test_solve_answers_as_iccma_solvers_print(af_file, problem, arg, expected, run_cli):
    result = run_cli("solve", "-p", problem, "-f", str(af_file), *(["-a", arg] if arg else []), "--no-witness")
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected + "\n"


def test_solve_extensions_and_witnesses(af_file, run_cli):
    se = run_cli("solve", "-p", "SE-PR", "-f", str(af_file)).stdout.split()
    assert se[0] == "w" and set(se[1:]) in ({"1", "3"}, {"2", "4"})
    dc = run_cli("solve", "-p", "DC-PR", "-f", str(af_file), "-a", "4").stdout.splitlines()
    assert dc == ["YES", "w 2 4"]
    ds = run_cli("solve", "-p", "DS-ST", "-f", str(af_file), "-a", "1", "--witness").stdout.splitlines()
    assert ds == ["NO", "w 2 4"]
    assert run_cli("solve", "-p", "DS-ST", "-f", str(af_file), "-a", "1", "--no-witness").stdout == "NO\n"


def test_solve_says_no_when_there_is_no_stable_extension(tmp_path, run_cli):
    odd = tmp_path / "odd.af"
    odd.write_text("p af 3\n1 2\n2 3\n3 1\n", encoding="utf-8")
    assert run_cli("solve", "-p", "SE-ST", "-f", str(odd)).stdout == "NO\n"
    assert run_cli("solve", "-p", "DS-ST", "-f", str(odd), "-a", "1").stdout == "YES\n"


def test_solve_reads_apx_by_suffix(tmp_path, run_cli):
    path = tmp_path / "small.apx"
    path.write_text("arg(a). arg(b). arg(c).\natt(a,b). att(b,c).\n", encoding="utf-8")
    assert run_cli("solve", "-p", "SE-GR", "-f", str(path)).stdout == "w a c\n"
    assert run_cli("solve", "-p", "DC-GR", "-f", str(path), "-a", "b").stdout == "NO\n"


def test_solve_reports_bad_files_and_usage(tmp_path, af_file, run_cli):
    bad = tmp_path / "bad.af"
    bad.write_text("p af 2\n1 3\n", encoding="utf-8")
    result = run_cli("solve", "-p", "SE-GR", "-f", str(bad))
    assert result.returncode == 1 and "bad.af:2:3: error[E303]" in result.stderr
    missing = run_cli("solve", "-p", "SE-GR", "-f", str(tmp_path / "none.af"))
    assert missing.returncode == 1 and "error[E001]" in missing.stderr
    assert run_cli("solve", "-p", "EE-PR", "-f", str(af_file)).returncode == 2
    assert run_cli("solve", "-p", "DC-PR", "-f", str(af_file)).returncode == 2
    assert run_cli("solve", "-p", "DC-PR", "-f", str(af_file), "-a", "9").returncode == 2


def test_report_text_markdown_and_json(run_cli):
    text = run_cli("report", str(COUNCIL))
    assert text.returncode == 0, text.stderr
    assert "Eastbank" in text.stdout and "Westbank" in text.stdout
    # In words by default: paraphrases, speakers and dates, no ids.
    assert "e-cheap" not in text.stdout and "cheap-contradicts-dear" not in text.stdout
    assert (
        "“The wall is cheap.” (" in text.stdout and "contradicts “The wall is too dear for the budget.”" in text.stdout
    )
    assert "step 2 (Second meeting): conflicting" in text.stdout
    ids = run_cli("report", str(COUNCIL), "--ids")
    assert "e-cheap contradicts e-too-dear (cheap-contradicts-dear;" in ids.stdout
    assert "rejected: w-cost “" in ids.stdout
    md = run_cli("report", str(COUNCIL), "--format", "markdown", "--semantics", "preferred")
    assert md.returncode == 0 and md.stdout.startswith("# The river council")
    assert "`w-old-ways`" not in md.stdout and "| open (in some) |" in md.stdout
    md_ids = run_cli("report", str(COUNCIL), "--format", "markdown", "--semantics", "preferred", "--ids")
    assert "| open (in some) | `w-old-ways` |" in md_ids.stdout
    data = json.loads(run_cli("report", str(COUNCIL), "--format", "json", "--commentators").stdout)
    assert data["report_version"] == 1 and data["commentators"] is True
    east = next(s for s in data["sides"] if s["side"] == "east")
    labels = {x["claim"]: x["label"] for x in east["labels"]}
    assert labels["e-wall"] == "in" and labels["e-floods"] == "in"
    assert east["conflicts"][0]["relation"] == "cheap-contradicts-dear"
    assert {x["claim"] for x in data["apart"]} == {"c-records", "ferry-cheaper"}


def test_report_refuses_an_invalid_scenario(tmp_path, run_cli):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\n", encoding="utf-8")
    result = run_cli("report", str(bad))
    assert result.returncode == 1 and "error[" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["solve", "-p", "DS-PR", "-f", "{af}", "-a", "1"],
        ["report", str(COUNCIL), "--semantics", "preferred"],
    ],
)
def test_solve_and_report_do_not_import_textual_or_rich(af_file, args):
    argv = [a.replace("{af}", str(af_file)) for a in args]
    code = (
        "import sys, io, contextlib\n"
        "from argmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main({argv!r})\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(rc, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


def test_report_markdown_shows_scenario_text_as_text(run_cli):
    from tests.conftest import FIXTURES

    md = run_cli("report", str(FIXTURES / "tui" / "markup.yaml"), "--format", "markdown", "--commentators").stdout
    assert "[bold]x[/]" not in md and "\\[bold\\]x\\[/\\]" in md
    from markdown_it import MarkdownIt

    html = MarkdownIt().render(md)
    assert "[bold]x[/]" in html and "<a " not in html
