"""The command line: in this process (``run_cli``), and in a subprocess where only a process shows
it (the entry point and its exit codes, imports, the wheel)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli.registry import COMMANDS

ROOT = Path(__file__).resolve().parent.parent


def argmap(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, cwd=cwd or ROOT, timeout=120
    )


@pytest.fixture
def scenario(tmp_path: Path, run_cli) -> Path:
    result = run_cli("new", str(tmp_path / "debate"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "debate.yaml"


def test_new_writes_a_valid_scenario_with_a_schema_modeline(scenario, run_cli):
    first = scenario.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=urn:argmap:schema:scenario:1"
    result = run_cli("validate", str(scenario))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_new_refuses_to_overwrite(scenario, tmp_path, run_cli):
    before = scenario.read_text()
    result = run_cli("new", str(scenario), cwd=tmp_path)
    assert result.returncode == 2 and "exists" in result.stderr
    assert scenario.read_text() == before


def test_validate_exit_codes_and_located_diagnostics(scenario, run_cli):
    scenario.write_text(scenario.read_text().replace("actor: reed\n", "actor: reeed\n", 1))
    result = run_cli("validate", str(scenario))
    assert result.returncode == 1
    line = result.stdout.splitlines()[0]
    assert line.endswith("error[E101]: unknown actor 'reeed'")
    assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit()
    assert "did you mean 'reed'?" in result.stdout
    assert "Traceback" not in result.stderr


def test_validate_json_output_for_editors(scenario, run_cli):
    scenario.write_text(scenario.read_text().replace("stance: against", "stance: agin", 1))
    result = run_cli("validate", "--format", "json", str(scenario))
    assert result.returncode == 1
    (item,) = json.loads(result.stdout)
    assert item["code"] == "E204" and item["severity"] == "error" and item["line"] > 0
    assert item["hint"] == "did you mean 'against'?"


def test_usage_errors_exit_2():
    assert argmap("validate", "--format", "xml").returncode == 2
    assert argmap("frobnicate").returncode == 2


def test_version_and_help_on_every_command(run_cli):
    assert run_cli("--version").stdout.startswith("argmap ")
    for command in (c.name for c in COMMANDS):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "usage: argmap" in result.stdout, command


def test_schema_prints_the_committed_schema(run_cli):
    result = run_cli("schema")
    assert result.stdout == (ROOT / "argmap" / "schema" / "scenario.schema.json").read_text()


def test_export_is_canonical_json(scenario, run_cli):
    result = run_cli("export", str(scenario), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in ("sources", "actors", "topics", "claims", "relations", "events", "walkthroughs", "exercises"):
        assert key in data
    claim = data["claims"][0]
    assert {"id", "text", "actor", "date", "step", "topic", "stance", "kind", "evidence"} <= set(claim)
    assert claim["date"]["precision"] == "day" and claim["step"] == 1
    assert claim["evidence"][0] == {
        "source": "council-minutes",
        "quote": "the new bridge must be built this year",
    }
    assert {"id", "name", "kind", "parent"} <= set(data["actors"][2])
    assert data["relations"][0]["by"] == "upton-mayor"
    assert data["relations"][0]["from"] == "mayor-old-bridge-unsafe"
    assert all(set(t) == {"id", "question", "short", "note"} for t in data["topics"])


def test_export_of_an_invalid_file_prints_diagnostics_not_json(scenario, run_cli):
    scenario.write_text("- not a scenario\n")
    result = run_cli("export", str(scenario))
    assert result.returncode == 1 and result.stdout == "" and "error[E201]" in result.stderr


def test_quote_prints_pastable_passages(run_cli):
    result = run_cli("quote", "act-boese-2001", "stir up any hysteria")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "seeds/act-boese-2001.txt:11:327:",
        "      - source: act-boese-2001",
        '        quote: "Moscow \\"will not stir up any hysteria.\\""',
    ]
    wider = run_cli("quote", "act-boese-2001", "stir up any hysteria", "--context", "1")
    assert (
        'quote: "if the United States determines that it \\"doesn\'t need any talks or any treaties,\\" Moscow '
        '\\"will not stir up any hysteria.\\" Putin explained'
    ) in wider.stdout
    assert run_cli("quote", "act-boese-2001", "words that are not there").returncode == 1
    assert run_cli("quote", "no-such-source", "x").returncode == 1


def test_coverage_lists_unquoted_paragraphs(scenario, run_cli):
    result = run_cli("coverage", str(scenario))
    assert result.returncode == 0, result.stdout
    assert "council-minutes: 2 of 2 paragraphs quoted" in result.stdout
    text = scenario.read_text()
    start = text.index("  - id: reed-bridge-sound")
    end = text.index("relations:")
    scenario.write_text(
        text[:start]
        + text[end:]
        .replace(
            "  - {id: sound-attacks-unsafe, type: attacks, from: reed-bridge-sound, to: mayor-old-bridge-unsafe}\n",
            "",
        )
        .replace(
            "  - {id: traffic-attacks-build, type: attacks, from: reed-more-traffic, to: mayor-build-now}\n",
            "",
        )
    )
    result = run_cli("coverage", str(scenario))
    assert result.returncode == 1
    assert "1 of 2 paragraphs quoted" in result.stdout and "MISSING ¶2" in result.stdout


@pytest.mark.parametrize("command", ["validate", "export"])
def test_validate_and_export_do_not_import_textual_or_rich(scenario, command):
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['argmap', '{command}', r'{scenario}']\n"
        "from argmap.cli import main\n"
        "import io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    rc = main(sys.argv[1:])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(rc, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


def test_wheel_ships_the_seeds_scenarios_and_schemas(tmp_path):
    """An installed argmap finds its data inside the package (argmap/_data)."""
    import zipfile

    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("argmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in (ROOT / "seeds").iterdir():
        assert f"argmap/_data/seeds/{seed.name}" in names
    for scenario in (ROOT / "scenarios").glob("*.yaml"):
        assert f"argmap/_data/scenarios/{scenario.name}" in names
    assert {"argmap/schema/scenario.schema.json", "argmap/schema/catalogue.schema.json"} <= names
