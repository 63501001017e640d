"""The formats argmap writes and reads, by name: a new format is one module and one line here.

Each entry names its function as ``module:attribute``, imported when first used, so that
listing the formats (for a command line's choices, say) loads none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar, cast

if TYPE_CHECKING:
    from argmap.base.diagnostics import Diagnostic
    from argmap.classroom.gradebook import Gradebook
    from argmap.engine.framework import Framework
    from argmap.engine.instance import Instance
    from argmap.formats.draft import Draft
    from argmap.views.report import Report
    from argmap.views.selection import Selection

F = TypeVar("F")


class Format(NamedTuple, Generic[F]):  # not a dataclass: dataclasses imports inspect, slow for every start
    name: str
    description: str
    target: str
    """``module:attribute`` of the function."""
    suffixes: tuple[str, ...] = ()
    """File name suffixes (lower case) that say a file is in this format."""
    marker: str = ""
    """Text every file of this format holds, telling it from another format with its suffix."""

    def load(self) -> F:
        module, _, attribute = self.target.partition(":")
        return cast(F, getattr(importlib.import_module(module), attribute))


Exporter = Callable[["Selection"], str]
"""The part of the debate to show (the whole scenario for ``json``) to the file's text."""
Importer = Callable[[str, str], "Draft"]
"""(text, file name shown in diagnostics) to a scenario draft."""
ReportWriter = Callable[["Report"], str]
SummaryWriter = Callable[["Gradebook"], str]
FrameworkReader = Callable[[str, str], "Framework | Instance | list[Diagnostic]"]
"""(text, file name shown in diagnostics) to a framework, or what is wrong with the text."""

EXPORTERS: tuple[Format[Exporter], ...] = (
    Format(
        "json",
        "the scenario fully resolved, as canonical JSON (docs/export.md)",
        "argmap.formats.canonical:of_selection",
    ),
    Format(
        "argdown",
        "Argdown: statements, their data and relations (argdown.org)",
        "argmap.formats.argdown:dumps",
        (".argdown", ".ad"),
    ),
    Format(
        "aif", "AIF as AIFdb writes it: I, L, YA, RA and CA nodes (JSON)", "argmap.formats.aif:dumps", (".aif.json",)
    ),
    Format("dot", "the map as a Graphviz DOT graph", "argmap.formats.dot:dumps", (".dot", ".gv")),
    Format("mermaid", "the map as a Mermaid flowchart", "argmap.formats.mermaid:dumps", (".mmd",)),
    Format("html", "one self-contained page: the map and each side's claims", "argmap.formats.html:dumps", (".html",)),
    Format("svg", "the map drawn as SVG (needs graphviz)", "argmap.formats.svg:dumps", (".svg",)),
)
WHOLE_SCENARIO = ("json",)
"""Exporters that always write the whole scenario: a step, side or what-if does not apply."""

IMPORTERS: tuple[Format[Importer], ...] = (
    Format(
        "argdown",
        "Argdown statements, arguments and relations",
        "argmap.formats.argdown_import:read",
        (".argdown", ".ad"),
    ),
    Format("aif", "AIF (AIFdb JSON nodesets)", "argmap.formats.aif_import:read", (".json",), '"nodes"'),
    Format(
        "argdown-json",
        "Argdown's own JSON export (argdown json)",
        "argmap.formats.argdown_json:read",
        (".json",),
        '"statements"',
    ),
    Format("kialo", "Kialo discussion export (text)", "argmap.formats.kialo:read", (".txt",)),
)
"""Formats ``argmap import`` reads; the suffixes say which a file is in."""

REPORTS: tuple[Format[ReportWriter], ...] = (
    Format("text", "plain text for the terminal", "argmap.formats.report_text:dumps"),
    Format("markdown", "a Markdown document", "argmap.formats.report_markdown:dumps"),
    Format("json", "one JSON document", "argmap.formats.report_json:dumps"),
)

SUMMARIES: tuple[Format[SummaryWriter], ...] = (
    Format("text", "the gradebook for the terminal", "argmap.classroom.gradebook_formats:to_text"),
    Format(
        "csv",
        "one table, a row per student: each question, each set's score and completion",
        "argmap.classroom.gradebook_formats:to_csv",
    ),
    Format("questions-csv", "one table, a row per question", "argmap.classroom.gradebook_formats:questions_csv"),
    Format("markdown", "a Markdown summary", "argmap.classroom.gradebook_formats:to_markdown"),
    Format("html", "a self-contained HTML page", "argmap.classroom.gradebook_formats:to_html"),
)
"""The class gradebook of students' results files."""

FRAMEWORKS: tuple[Format[FrameworkReader], ...] = (
    Format("iccma", "ICCMA 2023: p af N, then one attack a line", "argmap.formats.iccma:read"),
    Format("apx", "APX (ASPARTIX facts): arg(a). att(a,b).", "argmap.formats.apx:parse", (".apx",)),
)
"""The first is the default for a file whose suffix names no format."""


def names(formats: Sequence[Format[F]]) -> tuple[str, ...]:
    return tuple(f.name for f in formats)


def named(formats: Sequence[Format[F]], name: str) -> Format[F]:
    return next(f for f in formats if f.name == name)


def by_suffix(formats: Sequence[Format[F]], suffix: str) -> Format[F]:
    """The format a file name's suffix says, else the first."""
    return next((f for f in formats if suffix.lower() in f.suffixes), formats[0])


def by_content(formats: Sequence[Format[F]], suffix: str, text: str) -> Format[F]:
    """The format of a file: among those its suffix says, the first whose marker it holds
    (else the first of them); with no format for the suffix, the first of all."""
    named_by = [f for f in formats if suffix.lower() in f.suffixes]
    marked = [f for f in named_by if f.marker and f.marker in text]
    return (marked or named_by or list(formats))[0]
