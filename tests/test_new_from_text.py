"""``argmap new --from TEXT``: a scenario started from a text the author has, and the schema
modeline every new scenario carries (the schema's ``$id``, or a path relative to the scenario)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from argmap.authoring.starter import schema_location
from argmap.scenario.model import SCHEMA_ID
from argmap.validation.load import load_scenario

TEXT = (
    "The Harbour Debate (an invented text)\r\n"
    "\r\n"
    "The harbour master said the new quay must be finished before winter -- the storms will not wait.\r\n"
    "\r\n"
    "Ms Lane replied that the old quay has stood for a century and will stand for one more winter.\r\n"
)


def test_a_scenario_from_a_text_names_it_with_its_hash_and_is_valid(tmp_path, run_cli):
    (tmp_path / "harbour.txt").write_bytes(TEXT.encode("utf-8"))
    result = run_cli("new", "debate.yaml", "--from", "harbour.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "debate.yaml").read_text(encoding="utf-8")
    assert f"    sha256: {hashlib.sha256(TEXT.encode('utf-8')).hexdigest()}\n" in written
    assert "    file: harbour.txt\n" in written and "  - id: harbour\n" in written
    loaded = load_scenario(tmp_path / "debate.yaml")
    assert loaded.ok, [d.render() for d in loaded.diagnostics]
    assert (tmp_path / "harbour.txt").read_bytes() == TEXT.encode("utf-8")


def test_the_texts_paragraphs_are_listed_as_comments_as_the_text_writes_them(tmp_path, run_cli):
    (tmp_path / "harbour.txt").write_bytes(TEXT.encode("utf-8"))
    run_cli("new", "debate.yaml", "--from", "harbour.txt", cwd=tmp_path)
    comments = [line for line in (tmp_path / "debate.yaml").read_text().splitlines() if line.startswith("#   ¶")]
    assert comments == [
        "#   ¶1 (line 3): The harbour master said the new quay must be finished before winter --...",
        "#   ¶2 (line 5): Ms Lane replied that the old quay has stood for a century and will...",
    ]


def test_a_text_in_a_subfolder_is_named_by_its_relative_path(tmp_path, run_cli):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "harbour.txt").write_text(TEXT, encoding="utf-8")
    assert run_cli("new", "debate.yaml", "--from", "texts/harbour.txt", cwd=tmp_path).returncode == 0
    assert '    file: "texts/harbour.txt"\n' in (tmp_path / "debate.yaml").read_text()
    assert load_scenario(tmp_path / "debate.yaml").ok


def test_a_text_outside_the_scenarios_folder_is_refused(tmp_path, run_cli):
    (tmp_path / "harbour.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    result = run_cli("new", "sub/debate.yaml", "--from", "harbour.txt", cwd=tmp_path)
    assert result.returncode == 2 and "must be in the scenario's folder" in result.stderr
    assert not (tmp_path / "sub" / "debate.yaml").exists()


def test_a_text_the_gate_refuses_is_reported_and_nothing_written(tmp_path, run_cli):
    (tmp_path / "harbour.txt").write_bytes(b"caf\xe9\n")
    result = run_cli("new", "debate.yaml", "--from", "harbour.txt", cwd=tmp_path)
    assert result.returncode == 1 and "error[E003]" in result.stderr
    assert not (tmp_path / "debate.yaml").exists()


def test_an_existing_scenario_is_kept_without_force(tmp_path, run_cli):
    (tmp_path / "harbour.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "debate.yaml").write_text("mine\n")
    assert run_cli("new", "debate.yaml", "--from", "harbour.txt", cwd=tmp_path).returncode == 2
    assert (tmp_path / "debate.yaml").read_text() == "mine\n"


def test_the_modeline_is_the_schemas_id_outside_the_project():
    assert (
        schema_location(Path("/tmp"))
        == SCHEMA_ID
        == json.loads(Path(__file__).parent.parent.joinpath("argmap/schema/scenario.schema.json").read_text())["$id"]
    )


def test_the_modeline_is_a_relative_path_to_the_schema_inside_the_project():
    scenarios = Path(__file__).resolve().parent.parent / "scenarios"
    location = schema_location(scenarios)
    assert not location.startswith(("/", "file:"))
    assert (scenarios / location).resolve() == (scenarios.parent / "argmap/schema/scenario.schema.json").resolve()
