"""The Mermaid export drawn by Mermaid itself (installed with npm into benchmarks/.cache) in a
headless Chromium, as a Markdown host draws it: every box and link written is drawn, texts read
as written, and nothing in a text is markup. Skips where Node.js, Chromium or Playwright is
missing."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from argmap.formats.mermaid import dumps
from argmap.formats.picture import short
from argmap.reading.locations import bundled_scenario
from argmap.views.selection import Scope, select
from tests.conftest import FIXTURES, valid
from tests.npm_cache import installed

MERMAID = "11.4.1"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRAW = """async (text) => {
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
  const { svg } = await mermaid.render("map", text);
  document.body.innerHTML = svg;
  const label = (id) => document.querySelector(`[id^="flowchart-${id}-"] .nodeLabel`)?.textContent ?? null;
  return {
    nodes: document.querySelectorAll("g.node").length,
    links: document.querySelectorAll("path.flowchart-link").length,
    labels: Object.fromEntries([...text.matchAll(/^ {4}(c\\d+)\\[/gm)].map((m) => [m[1], label(m[1])])),
    scripts: document.querySelectorAll("svg script, svg [onerror], svg [onclick]").length,
    ran: window.__ran === true,
  };
}"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("no chromium on PATH: the Mermaid drawing cannot be checked")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    script = installed("mermaid", MERMAID) / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    html = tmp_path_factory.mktemp("mermaid") / "page.html"
    # A host serves its pages as UTF-8; Mermaid's own entity codes depend on it.
    html.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><script src="{script.as_uri()}"></script></head></html>'
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        tab = browser.new_page()
        asked: list[str] = []
        tab.on("request", lambda request: asked.append(request.url))
        tab.goto(html.as_uri())
        yield tab, asked
        browser.close()


CASES = {
    "bundled": lambda: select(valid(bundled_scenario()), Scope(commentators=True)),
    "markup": lambda: select(valid(FIXTURES / "tui" / "markup.yaml"), Scope(commentators=True)),
    "undercuts": lambda: select(valid(FIXTURES / "engine" / "council.yaml"), Scope(commentators=True)),
}


@pytest.mark.parametrize("case", CASES)
def test_mermaid_draws_every_box_and_link_with_its_text(case: str, page: Any) -> None:
    tab, asked = page
    selection = CASES[case]()
    text = dumps(selection)
    drawn = tab.evaluate(DRAW, text)
    points = len(re.findall(r'^ {2}r\d+\(\(" "\)\):::cut$', text, re.M))
    legend = len(re.findall(r"^ {4}legend", text, re.M)) * 2 - 1  # each arrow line has two ends
    assert drawn["nodes"] == len(selection.claims) + points + legend
    links = len(re.findall(r"^ {2}(?:c|r)\d+ \S+ (?:c|r)\d+$", text, re.M))
    assert drawn["links"] == links + len(re.findall(r"^ {4}legend\d+a", text, re.M))
    for i, claim in enumerate(selection.claims):
        label = drawn["labels"][f"c{i}"]
        # Lines join without spaces where <br> breaks them; entity codes come out as characters.
        assert label.replace(" ", "").endswith("".join(short(claim.text)).replace(" ", "")), (claim.id, label)
        assert "ﬂ°" not in label and not re.search(r"#\d+;", label)
    assert drawn["scripts"] == 0 and not drawn["ran"]
    assert all(url.startswith("file:") for url in asked), asked


def test_text_that_looks_like_html_or_mermaid_is_drawn_as_text(page: Any) -> None:
    tab, _ = page
    selection = CASES["markup"]()
    claim = selection.claims[0]
    hostile = '<img src=x onerror="window.__ran=true"> "quoted" [box] end --> x #35; a|b'
    twisted = replace(selection, claims=(claim.model_copy(update={"text": hostile}), *selection.claims[1:]))
    drawn = tab.evaluate(DRAW, dumps(twisted))
    label = drawn["labels"]["c0"]
    assert label.replace(" ", "").endswith("".join(short(hostile)).replace(" ", "")), label
    assert drawn["scripts"] == 0 and not drawn["ran"]
