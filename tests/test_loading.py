"""Bad input of every kind gets a located diagnostic, never an exception."""

import os
from pathlib import Path

import pytest

from argmap.reading import gate
from argmap.validation.load import load_scenario

from .conftest import codes


def test_starter_scenario_is_valid(load_starter):
    loaded = load_starter()
    assert loaded.ok, loaded.diagnostics
    assert loaded.diagnostics == []
    assert len(loaded.scenario.claims) == 4


def _write(tmp_path: Path, content: bytes | str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


@pytest.mark.parametrize(
    ("content", "code", "line", "col"),
    [
        ("title: [unclosed\nclaims: 1\n", "E005", 2, 7),
        (b"title: caf\xe9\n", "E003", 1, 11),
        ("", "E004", 1, 1),
        ("   \n\n", "E004", 1, 1),
        ("- a\n- b\n", "E201", 1, 1),
        ("title: x\nx: &a [1]\ny: *a\n", "E006", 3, 4),
        ("title: !!python/object:os.system x\n", "E007", 1, 8),
        ("title: x\ntitle: y\n", "E009", 2, 1),
        ("format: 99\ntitle: x\n", "E205", 1, 9),
    ],
)
def test_bad_files_get_located_errors(tmp_path, content, code, line, col):
    loaded = load_scenario(_write(tmp_path, content))
    assert loaded.scenario is None
    first = loaded.diagnostics[0]
    assert (first.code, first.line, first.col) == (code, line, col), first.render()


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        lines.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [" + ",".join([f"*{prev}"] * 9) + "]")
    loaded = load_scenario(_write(tmp_path, "\n".join(lines)))
    assert "E006" in codes(loaded)


def test_deep_nesting_is_refused(tmp_path):
    loaded = load_scenario(_write(tmp_path, "title: " + "[" * 5000 + "]" * 5000))
    assert codes(loaded)[0] in ("E005", "E008")
    assert loaded.diagnostics[0].line == 1


def test_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(gate, "MAX_BYTES", 100)
    loaded = load_scenario(_write(tmp_path, "title: " + "x" * 200))
    assert codes(loaded) == ["E002"]


def test_missing_file_and_folder(tmp_path):
    assert codes(load_scenario(tmp_path / "nope.yaml")) == ["E001"]
    assert codes(load_scenario(tmp_path)) == ["E001"]


def test_wrong_types_and_unknown_keys_are_all_reported(load_starter):
    loaded = load_starter(
        lambda s: (
            s.replace("title: The bridge", "titel: The bridge")
            .replace("format: 1", "format: one")
            .replace("kind: prediction", "kind: [prediction]")
        )
    )
    found = {(d.code, d.message) for d in loaded.diagnostics}
    assert ("E202", "unknown key 'titel'") in found
    assert ("E203", "missing key 'title'") in found
    assert any(c == "E201" and "found string" in m for c, m in found)
    assert any(c == "E201" and "found list" in m for c, m in found)
    titel = next(d for d in loaded.diagnostics if d.code == "E202")
    assert titel.hint == "did you mean 'title'?"
    assert titel.col == 1


def test_meaning_checks_still_run_when_one_item_is_misshapen(load_starter):
    loaded = load_starter(
        lambda s: s.replace("kind: prediction", "kind: guess").replace(
            "actor: reed\n    topic: new-bridge\n    stance: against\n    kind: report",
            "actor: reeed\n    topic: new-bridge\n    stance: against\n    kind: report",
        )
    )
    assert codes(loaded) == ["E101", "E204"]


def test_every_reference_is_checked_with_a_suggestion(load_starter):
    loaded = load_starter(
        lambda s: s.replace("parent: downton", "parent: dowtnon").replace(
            "event: council-meeting\n    evidence:\n      - source: council-minutes\n        quote: the old one",
            "event: council-meetin\n    evidence:\n      - source: council-minute\n        quote: the old one",
        )
    )
    messages = {d.message: d.hint for d in loaded.diagnostics}
    assert messages["unknown actor 'dowtnon'"] == "did you mean 'downton'?"
    assert messages["unknown event 'council-meetin'"] == "did you mean 'council-meeting'?"
    assert messages["unknown source 'council-minute'"] == "did you mean 'council-minutes'?"


def test_quote_not_found_points_at_the_quote_and_shows_closest_passage(load_starter):
    loaded = load_starter(lambda s: s.replace("no longer safe for lorries", "no longer safe for trucks"))
    (d,) = loaded.diagnostics
    assert d.code == "E104" and d.message == "quote not found in source 'council-minutes'"
    assert "no longer safe for lorries" in d.hint
    assert d.render().startswith(f"{d.file}:{d.line}:{d.col}: error[E104]")
    assert (d.line, d.col) == (56, 16)


def test_ids_are_unique_across_claims_and_relations(load_starter):
    loaded = load_starter(lambda s: s.replace("id: unsafe-supports-build", "id: mayor-build-now"))
    assert codes(loaded) == ["E102"]


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (
            lambda s: s.replace(
                "from: reed-bridge-sound, to: mayor-old-bridge-unsafe",
                "from: reed-bridge-sound, to: reed-bridge-sound",
            ),
            "E108",
        ),
        (
            lambda s: s.replace(
                "{id: upton, name: Upton, kind: side,",
                "{id: upton, name: Upton, kind: side, parent: downton,",
            ),
            "E115",
        ),
        (
            lambda s: s.replace("parent: upton}", "parent: reed}").replace("parent: downton}", "parent: upton-mayor}"),
            "E109",
        ),
        (
            lambda s: s.replace("type: attacks, from: reed-bridge-sound", "type: contradicts, from: reed-bridge-sound"),
            "E111",
        ),
        (
            lambda s: s.replace(
                "type: attacks, from: reed-bridge-sound, to: mayor-old-bridge-unsafe",
                "type: undercuts, from: reed-bridge-sound, to: mayor-old-bridge-unsafe",
            ),
            "E114",
        ),
        (
            lambda s: s.replace(
                "    event: council-meeting\n    evidence:\n      - source: council-minutes\n"
                "        quote: the new bridge",
                "    evidence:\n      - source: council-minutes\n        quote: the new bridge",
            ),
            "E110",
        ),
        (
            lambda s: s.replace(
                "    event: council-meeting\n    evidence:\n      - source: council-minutes\n"
                "        quote: the new bridge",
                "    event: council-meeting\n    date: 2024-05\n"
                "    evidence:\n      - source: council-minutes\n        quote: the new bridge",
            ),
            "E110",
        ),
        (lambda s: s.replace("date: 2024-05-03\n\nclaims", "date: 2024-06\n\nclaims"), "E107"),
        (
            lambda s: s.replace(
                "    topic: new-bridge\n    stance: for\n    kind: position",
                "    stance: for\n    kind: position",
            ),
            "E112",
        ),
    ],
    ids=[
        "self-relation",
        "side-with-parent",
        "actor-cycle",
        "contradiction-across-sides",
        "undercut-of-claim",
        "no-time",
        "event-and-date",
        "after-publication",
        "stance-without-topic",
    ],
)
def test_meaning_errors(load_starter, edit, code):
    loaded = load_starter(edit)
    assert code in codes(loaded), [d.render() for d in loaded.diagnostics]
    assert all(d.line > 0 for d in loaded.diagnostics)


def test_warnings_do_not_block_loading(load_starter):
    loaded = load_starter(
        lambda s: (
            s.replace(
                "  - {id: traffic-attacks-build, type: attacks, from: reed-more-traffic, to: mayor-build-now}\n",
                "",
            )
            + "  \ntopics2: []\n".replace("  \ntopics2: []\n", "")
        )
    )
    assert codes(loaded) == ["W101"]
    assert loaded.ok


def test_sha256_mismatch_names_the_actual_hash(starter, tmp_path):
    path = starter()
    (tmp_path / "s-source.txt").write_text("changed text\n", encoding="utf-8")
    loaded = load_scenario(path)
    d = next(d for d in loaded.diagnostics if d.code == "E105")
    import hashlib

    assert hashlib.sha256(b"changed text\n").hexdigest() in d.message


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "sub/../../x.txt"])
def test_source_paths_that_escape_are_refused(load_starter, name):
    loaded = load_starter(lambda s: s.replace("file: s-source.txt", f"file: {name}"))
    assert codes(loaded) == ["E106"]


def test_symlink_out_of_the_folder_is_refused(starter, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("secret", encoding="utf-8")
    path = starter(lambda s: s.replace("file: s-source.txt", "file: link.txt"))
    os.symlink(outside, tmp_path / "link.txt")
    loaded = load_scenario(path)
    assert codes(loaded) == ["E106"]


def test_source_found_on_the_search_path(starter, tmp_path):
    lib = tmp_path / "library"
    lib.mkdir()
    path = starter()
    (tmp_path / "s-source.txt").rename(lib / "s-source.txt")
    assert codes(load_scenario(path)) == ["E103"]
    assert load_scenario(path, (lib,)).ok


def test_catalogue_reference_takes_facts_from_the_seeds(tmp_path):
    from argmap.authoring.starter import TEMPLATE  # noqa: F401  (the shape of a scenario)

    text = (
        "format: 1\ntitle: t\nsummary: s\nlicence: CC0-1.0\n"
        "sources:\n  - id: act-boese-2001\n"
        "actors:\n  - {id: russia, name: Russia, kind: side}\n"
        "claims:\n  - id: c\n    text: t\n    actor: russia\n    kind: report\n    date: 2001-09-19\n"
        "    evidence:\n      - {source: act-boese-2001, quote: destroyed overnight}\n"
    )
    loaded = load_scenario(_write(tmp_path, text))
    assert codes(loaded) == ["W101"]
    assert loaded.sources["act-boese-2001"].facts.author == "Wade Boese"


def test_json_scenarios_load_too(tmp_path, starter):
    import json

    from argmap.reading.parsing import fast_parse

    path = starter()
    data = fast_parse(path.read_text(), "s.yaml")
    jpath = tmp_path / "s.json"
    jpath.write_text(json.dumps(data, indent=1))
    assert load_scenario(jpath).ok
    data["claims"][0]["actor"] = "nobody"
    jpath.write_text(json.dumps(data, indent=1))
    (d,) = load_scenario(jpath).diagnostics
    assert d.code == "E101" and d.line > 1


def test_a_bare_year_is_a_date_even_though_yaml_reads_it_as_a_number(load_starter):
    loaded = load_starter(lambda s: s.replace("    date: 2024-05-03\n\nclaims", "    date: 2024\n\nclaims"))
    assert loaded.ok, [d.render() for d in loaded.diagnostics]
    assert loaded.scenario.events[0].date == "2024"
    wrong = load_starter(lambda s: s.replace("    date: 2024-05-03\n\nclaims", "    date: 20245\n\nclaims"))
    assert [(d.code, d.message) for d in wrong.diagnostics] == [("E204", "20245 is out of range: at most 9999")]
