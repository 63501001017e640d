"""The pictures of a map: DOT renders with graphviz without a warning, Mermaid is well formed,
the HTML page is self-contained, and hostile text from a scenario stays text in each."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap.formats import dot, html, mermaid, picture, svg
from argmap.scenario.loaded import Loaded
from argmap.views.selection import Scope, Selection, select
from tests.conftest import Ran, valid

BUNDLED = Path(__file__).parent.parent / "scenarios" / "abm-treaty-1997-2001.yaml"
HOSTILE = 'A <script>alert("x")</script> & \\N "quoted" [bold]x[/] {b} | #1; `t` ]] --> end'
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz's dot is not installed")


def _hostile(loaded: Loaded) -> Loaded:
    assert loaded.scenario is not None
    scenario = loaded.scenario.model_copy(
        update={
            "title": HOSTILE,
            "claims": tuple(c.model_copy(update={"text": f"{HOSTILE} {c.id}"}) for c in loaded.scenario.claims),
            "actors": tuple(a.model_copy(update={"name": HOSTILE}) for a in loaded.scenario.actors),
        }
    )
    sources = {
        key: dataclasses.replace(s, facts=s.facts.model_copy(update={"url": "javascript:alert(1)", "title": HOSTILE}))
        for key, s in loaded.sources.items()
    }
    return dataclasses.replace(loaded, scenario=scenario, sources=sources)


@pytest.fixture(scope="module")
def council_all() -> Selection:
    return select(valid(Path(__file__).parent / "fixtures" / "engine" / "council.yaml"), Scope(commentators=True))


@pytest.fixture(scope="module")
def hostile() -> Selection:
    loaded = _hostile(valid(Path(__file__).parent / "fixtures" / "engine" / "council.yaml"))
    return select(loaded, Scope(commentators=True))


@pytest.fixture(scope="module")
def bundled() -> Selection:
    return select(valid(BUNDLED))


def _render(text: str) -> ET.Element:
    done = subprocess.run(["dot", "-Tsvg"], input=text.encode(), capture_output=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr.decode().strip() == "", done.stderr.decode()
    return ET.fromstring(done.stdout)


def test_dot_draws_every_kind_of_relation(council_all: Selection) -> None:
    text = dot.dumps(council_all)
    assert council_all.relations and {r.type for r in council_all.relations} >= {"supports", "attacks", "undercuts"}
    assert "shape=point" in text  # the undercut's point on the arrow it cuts
    for look in picture.LOOKS.values():
        assert look.colour in text
    assert "cluster_legend" in text
    for side in council_all.sides:
        assert council_all.colour(side) in text


@needs_dot
@pytest.mark.parametrize("which", ["council_all", "hostile", "bundled"])
def test_dot_renders_without_warning(which: str, request: pytest.FixtureRequest) -> None:
    selection: Selection = request.getfixturevalue(which)
    root = _render(dot.dumps(selection))
    assert root.tag.endswith("svg")
    texts = "".join(root.itertext())
    if which == "hostile":
        assert "<script>" in texts  # shown as text, and the SVG still parsed
        assert "[bold]x[/]" in texts


def test_dot_escapes_hostile_text(hostile: Selection) -> None:
    text = dot.dumps(hostile)
    assert "&#60;script&#62;" in text and "[bold]x[/]" in text
    # In quoted strings a quote is escaped and a backslash doubled, so \N stays text.
    assert '\\"quoted\\"' in text and "\\\\N" in text


def test_mermaid_is_well_formed(council_all: Selection) -> None:
    text = mermaid.dumps(council_all)
    lines = text.splitlines()
    assert lines[0] == "---" and lines[3] == "flowchart TB"
    assert text.count("subgraph ") == text.count("\n  end") == len(picture.groups(council_all)) + 1
    ids = set(re.findall(r"^\s+(c\d+)\[", text, re.M))
    assert len(ids) == len(council_all.claims)
    links = [ln for ln in lines if re.search(r"[\]\w] (-->|--x|x-\.-x|-\.-x|---)[ |]", ln)]
    styled = [int(i) for ln in lines if ln.strip().startswith("linkStyle") for i in ln.split()[1].split(",")]
    assert sorted(styled) == list(range(len(links)))
    for ln in links:
        if "legend" not in ln:
            assert all(end in ids or re.fullmatch(r"r\d+", end) for end in ln.split()[::2])


def test_mermaid_escapes_hostile_text(hostile: Selection) -> None:
    text = mermaid.dumps(hostile)
    body = text.split("---", 2)[2]
    for bad in ("<script", "[bold]", "-->|", '"quoted"', "{b}", "`"):
        assert bad not in body.replace("-->", "") if bad == "-->|" else bad not in body
    for label in re.findall(r'\["(.*?)"\]', body):
        assert '"' not in label and "[" not in label and "]" not in label
    assert "#60;script#62;" in body and "#38;" in body
    assert 'title: "A <script>alert(\\"x\\")' in text  # a JSON string: valid YAML


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "data") and value:
                self.urls.append((tag, name, value))


@pytest.mark.parametrize("graphviz", [True, False])
def test_html_is_self_contained_and_escaped(
    graphviz: bool, hostile: Selection, monkeypatch: pytest.MonkeyPatch
) -> None:
    if graphviz and shutil.which("dot") is None:
        pytest.skip("graphviz's dot is not installed")
    if not graphviz:
        monkeypatch.setattr(picture.shutil, "which", lambda name: None)
    page = html.dumps(hostile)
    parser = _Links()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert [u for u in parser.urls if not u[2].startswith("#")] == []  # the javascript: url is text only
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp;" in page
    assert ("<svg" in page) is graphviz
    if not graphviz:
        assert "Install graphviz" in page


def test_html_links_sources_and_shows_quotes(bundled: Selection) -> None:
    page = html.dumps(bundled)
    parser = _Links()
    parser.feed(page)
    external = [u for u in parser.urls if not u[2].startswith("#")]
    assert external and all(tag == "a" and name == "href" for tag, name, _ in external)
    assert "<blockquote>" in page and "@media print" in page
    for side in bundled.sides:
        assert f"<h2>{bundled.actor(side).name}</h2>" in page


def test_svg_without_graphviz_says_what_to_install(council_all: Selection, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(picture.shutil, "which", lambda name: None)
    with pytest.raises(picture.PictureError, match="install graphviz"):
        svg.dumps(council_all)


def test_cli_svg_error_is_one_line(run_cli: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(picture.shutil, "which", lambda name: None)
    result = run_cli("export", str(BUNDLED), "--format", "svg")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "graphviz" in result.stderr


def test_svg_of_more_claims_than_one_picture_holds_says_how_to_draw_less(
    run_cli: Callable[..., Ran], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(picture, "MAX_DRAWN", 5)
    monkeypatch.setattr(svg, "MAX_DRAWN", 5)
    out = tmp_path / "map.svg"
    result = run_cli("export", str(BUNDLED), "--format", "svg", "-o", str(out))
    assert result.returncode == 2 and not out.exists()
    assert "too many to draw" in result.stderr and "--side" in result.stderr
    assert result.stderr.strip().count("\n") == 0


@needs_dot
def test_cli_writes_each_picture(run_cli: Callable[..., Ran], tmp_path: Path) -> None:
    for name in ("dot", "mermaid", "html", "svg"):
        out = tmp_path / f"map.{name}"
        result = run_cli("export", str(BUNDLED), "--format", name, "--side", "russia", "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.read_text(encoding="utf-8")
    ET.parse(tmp_path / "map.svg")
