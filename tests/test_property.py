"""Random damage to a valid scenario yields diagnostics or success, never an exception."""

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.authoring.starter import SOURCE_TEXT, render
from argmap.base.diagnostics import CODES
from argmap.reading.parsing import fast_parse
from argmap.validation.load import load_scenario

SCENARIO_TEXT = render("s.yaml", "s-source.txt")[0]
BASE = fast_parse(SCENARIO_TEXT, "s.yaml")

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["upton", "reed", "mayor-build-now", "2000-13", "[bold]x[/]"]),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


ALL_PATHS = [p for p in _paths(BASE) if p]


def _apply(data, path, op, value):
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if op == "set":
        parent[last] = value
    elif op == "delete":
        del parent[last]
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(last, json.loads(json.dumps(parent[last])))
    elif op == "rename" and isinstance(parent, dict):
        parent[str(value)] = parent.pop(last)


def _check(tmp_path: Path, name: str, text: str | bytes) -> None:
    (tmp_path / "s-source.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    loaded = load_scenario(path)  # must not raise
    for d in loaded.diagnostics:
        assert d.code in CODES
        assert d.line >= 1 and d.col >= 1, d
        assert d.message
    if loaded.ok:
        assert loaded.scenario is not None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(ALL_PATHS), st.sampled_from(["set", "delete", "duplicate", "rename"]), values),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_data_gives_diagnostics_or_success(tmp_path, edits):
    data = json.loads(json.dumps(BASE))
    for path, op, value in edits:
        try:
            _apply(data, path, op, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this place
    _check(tmp_path, "s.json", json.dumps(data, allow_nan=True))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cuts=st.lists(
        st.tuples(
            st.integers(0, len(SCENARIO_TEXT)),
            st.integers(0, 8),
            st.text(alphabet="-:[]{}&*!|>#'\"\n \tabc\u00e9", max_size=6),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_mutated_text_gives_diagnostics_or_success(tmp_path, cuts):
    text = SCENARIO_TEXT
    for pos, length, insert in cuts:
        text = text[:pos] + insert + text[pos + length :]
    _check(tmp_path, "s.yaml", text)
