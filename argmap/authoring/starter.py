"""The small scenario ``argmap new`` writes: valid as it stands, and a pattern to copy."""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import unicodedata
from importlib import resources
from pathlib import Path

from argmap.reading.gate import find_forbidden
from argmap.reading.locations import UnsafePath, check_relative
from argmap.scenario.model import SCHEMA_ID

SOURCE_TEXT = """\
Town Council Minutes, 3 May 2024 (an invented example)

The mayor of Upton said the new bridge must be built this year, because the old one is no
longer safe for lorries. She added that the county has promised to pay half of the cost.

Councillor Reed of Downton replied that the old bridge was inspected in March and found sound.
He said a new bridge would only bring more traffic through Downton.
"""

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A small argmap scenario. Check it with: argmap validate {command_name}
# Every key is explained in the authoring guide (docs/authoring.md).
format: 1
title: The bridge dispute (example)
summary: >-
  An invented example: two towns disagree about replacing a bridge.
licence: CC0-1.0
glossary:
  - term: county
    meaning: The local government above the two towns.

sources:
  - id: council-minutes
    title: Town Council Minutes, 3 May 2024
    published: 2024-05-03
    file: {source_file}
    sha256: {sha256}

actors:
  - {{id: upton, name: Upton, kind: side, colour: "#1f77b4"}}
  - {{id: downton, name: Downton, kind: side, colour: "#d62728"}}
  - {{id: upton-mayor, name: Mayor of Upton, kind: person, parent: upton}}
  - {{id: reed, name: Councillor Reed, kind: person, parent: downton}}

topics:
  - id: new-bridge
    question: Should a new bridge be built this year?

events:
  - id: council-meeting
    title: Town council meeting
    date: 2024-05-03

claims:
  - id: mayor-build-now
    text: The new bridge must be built this year.
    actor: upton-mayor
    topic: new-bridge
    stance: for
    kind: position
    event: council-meeting
    evidence:
      - source: council-minutes
        quote: the new bridge must be built this year

  - id: mayor-old-bridge-unsafe
    text: The old bridge is no longer safe for lorries.
    actor: upton-mayor
    topic: new-bridge
    stance: for
    kind: assessment
    event: council-meeting
    evidence:
      - source: council-minutes
        quote: the old one is no longer safe for lorries

  - id: reed-bridge-sound
    text: An inspection in March found the old bridge sound.
    actor: reed
    topic: new-bridge
    stance: against
    kind: report
    event: council-meeting
    evidence:
      - source: council-minutes
        quote: the old bridge was inspected in March and found sound

  - id: reed-more-traffic
    text: A new bridge would bring more traffic through Downton.
    actor: reed
    topic: new-bridge
    stance: against
    kind: prediction
    event: council-meeting
    evidence:
      - source: council-minutes
        quote: a new bridge would only bring more traffic through Downton

relations:
  - {{id: unsafe-supports-build, type: supports, from: mayor-old-bridge-unsafe, to: mayor-build-now}}
  - {{id: sound-attacks-unsafe, type: attacks, from: reed-bridge-sound, to: mayor-old-bridge-unsafe}}
  - {{id: traffic-attacks-build, type: attacks, from: reed-more-traffic, to: mayor-build-now}}
"""


def schema_location(folder: Path | None = None) -> str:
    """What the editor modeline names the scenario schema by: its path relative to ``folder`` (the
    scenario's) when both are in one project, else its ``$id``, which an editor maps to the file
    (docs/authoring.md says how). Never an absolute path: the file may move or be shared."""
    if folder is not None:
        schema = Path(str(resources.files("argmap.schema").joinpath("scenario.schema.json")))
        try:
            schema, folder = schema.resolve(), folder.resolve()
        except (OSError, RuntimeError):
            return SCHEMA_ID
        project = schema.parent.parent.parent  # the checkout (or environment) holding argmap/
        if schema.is_file() and "site-packages" not in schema.parts and folder.is_relative_to(project):
            return Path(os.path.relpath(schema, folder)).as_posix()
    return SCHEMA_ID


_REFUSED_CATEGORIES = {
    "Cc": "a control character",
    "Cf": "an invisible formatting character",
    "Cs": "bytes that are not UTF-8",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}


def name_problem(name: str) -> str | None:
    """Why a file name cannot name a new scenario, or None. The name goes into the scenario
    (its source file's name, and a comment), so it must be text a YAML file can hold on one line."""
    for char in name:
        what = _REFUSED_CATEGORIES.get(unicodedata.category(char))
        if what is not None:
            return f"the name holds {what} (U+{ord(char):04X})"
    if find_forbidden(name) >= 0:
        return "the name holds a character reserved by Unicode"
    return None


def escaped(name: str) -> str:
    """A name for a message, every character ``name_problem`` refuses written as an escape."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in _REFUSED_CATEGORIES or find_forbidden(c) >= 0 else c
        for c in name
    )


def source_name_problem(source_file: str) -> str | None:
    """Why the source file's name would be refused when the scenario is loaded, or None."""
    try:
        check_relative(source_file)
    except UnsafePath as exc:
        return f"its source file would not be found: {exc}"
    return None


_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.txt")


def yaml_string(text: str) -> str:
    """``text`` as a YAML scalar on one line: as it is when it is a plain file name (its
    ``.txt`` ending keeps it a string), else double-quoted (``name_problem`` has refused line
    breaks and control characters)."""
    if _PLAIN.fullmatch(text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def command_word(path: str) -> str:
    """A path as a shell word for ``argmap validate``: quoted when needed, and never read as
    an option."""
    return shlex.quote("./" + path if path.startswith("-") else path)


def render(name: str, source_file: str, folder: Path | None = None) -> tuple[str, str]:
    """The scenario text and its source text; ``folder`` is where the scenario is written."""
    sha = hashlib.sha256(SOURCE_TEXT.encode("utf-8")).hexdigest()
    scenario = TEMPLATE.format(
        schema=schema_location(folder),
        command_name=command_word(name),
        source_file=yaml_string(source_file),
        sha256=sha,
    )
    return scenario, SOURCE_TEXT
