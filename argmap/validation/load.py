"""Scenario files in, validated scenarios (or located diagnostics) out.

Reading and parsing are ``argmap.reading``'s; the checkers are ``argmap.validation.pipeline``'s.
Every problem found is reported in one run, located in the file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from argmap.base.diagnostics import Diagnostic, has_errors
from argmap.base.files import display_name
from argmap.reading.document import Written, read_checked
from argmap.scenario.loaded import Loaded
from argmap.scenario.model import Scenario
from argmap.validation.pipeline import validate


def load_scenario(path: Path, search_path: tuple[Path, ...] = (), written: Written | None = None) -> Loaded:
    """Load and check one scenario file; never raises for bad input. A file argmap has just
    written may come with its text and positions (``read_checked``'s ``written``)."""
    result = Loaded(path, None)

    def check(data: Any) -> tuple[Scenario | None, list[Diagnostic]]:
        validation = validate(data, path, search_path)
        result.sources = validation.sources
        return validation.scenario, validation.diagnostics

    text, scenario, diagnostics = read_checked(path, display_name(path), check, written)
    if text is not None:
        result.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if scenario is None:
        result.sources = {}
    result.diagnostics = diagnostics
    if not has_errors(diagnostics):
        result.scenario = scenario
    return result
