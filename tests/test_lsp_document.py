"""The language server's view of a document, without the protocol: every diagnostic gets the
range of what it is about, whatever its code; ids are found where they are written."""

from __future__ import annotations

import pytest

from argmap.lsp.document import check_text, completions, describe, key_before

EDITS = [
    ("parent: downton", "parent: dowtnon", "E101"),
    ("id: traffic-attacks-build", "id: unsafe-supports-build", "E102"),
    ("file: s-source.txt", "file: missing.txt", "E103"),
    ("no longer safe for lorries\n", "no longer safe for trucks\n", "E104"),
    ("file: s-source.txt", "file: ../x.txt", "E106"),
    ("published: 2024-05-03", "published: 2024-05-01", "E107"),
    ("from: reed-more-traffic, to: mayor-build-now", "from: mayor-build-now, to: mayor-build-now", "E108"),
    (
        "    event: council-meeting\n    evidence:\n      - source: council-minutes\n        quote: a new",
        "    evidence:\n      - source: council-minutes\n        quote: a new",
        "E110",
    ),
    ("type: attacks, from: reed-more-traffic", "type: contradicts, from: reed-more-traffic", "E111"),
    ("    stance: against\n    kind: prediction", "    kind: prediction", "E112"),
    ("{id: upton, name: Upton, kind: side,", "{id: upton, name: Upton, kind: side, parent: downton,", "E115"),
    ("title: The bridge", "titel: The bridge", "E202"),
    ("kind: prediction", "kind: guess", "E204"),
    ("kind: prediction", "kind: [prediction]", "E201"),
    ("title: The bridge dispute (example)\n", "title: [unclosed\n", "E005"),
]


@pytest.mark.parametrize(("old", "new", "code"), EDITS, ids=[e[2] for e in EDITS])
def test_each_diagnostic_has_a_range_starting_where_it_points(starter, old, new, code):
    path = starter()
    text = path.read_text(encoding="utf-8")
    assert old in text
    checked = check_text(text.replace(old, new, 1), path)
    found = [d for d in checked.diagnostics if d.code == code]
    assert found, [d.render() for d in checked.diagnostics]
    for d in found:
        start, end = checked.range_of(d)
        assert start == (d.line - 1, d.col - 1) and end > start


def test_a_document_is_checked_as_typed_not_as_saved(starter):
    path = starter()
    typed = path.read_text(encoding="utf-8").replace("kind: prediction", "kind: guess")
    assert [d.code for d in check_text(typed, path).diagnostics] == ["E204"]
    assert path.read_text(encoding="utf-8") != typed


def test_a_control_character_typed_is_refused_as_in_a_file(starter):
    path = starter()
    checked = check_text(path.read_text(encoding="utf-8").replace("Upton", "Up\x1bton", 1), path)
    assert [d.code for d in checked.diagnostics] == ["E010"]


@pytest.mark.parametrize(
    ("line", "key", "typed"),
    [
        ("    actor: up", "actor", "up"),
        ("  - {id: x, parent: do", "parent", "do"),
        ("    options: [a, b", "options", "b"),
    ],
)
def test_the_key_being_typed_is_found(line, key, typed):
    assert key_before(line) == (key, typed)


def test_completion_of_a_relation_type_in_a_flow_mapping(starter):
    path = starter()
    text = path.read_text(encoding="utf-8")
    checked = check_text(text, path)
    line = text[: text.index("type: supports")].count("\n")
    col = text.split("\n")[line].index("type: supports") + len("type: ")
    assert [v for v, _ in completions(checked, (line, col))] == ["supports", "attacks", "undercuts", "contradicts"]


def test_hover_text_of_a_claim_quotes_its_evidence(starter):
    path = starter()
    checked = check_text(path.read_text(encoding="utf-8"), path)
    text = describe(checked, "reed-more-traffic")
    assert text is not None and "a new bridge would only bring more traffic through Downton" in text
