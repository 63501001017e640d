"""The small scenario ``argmap new`` writes: valid as it stands, and a pattern to copy."""

from __future__ import annotations

import hashlib
from importlib import resources

SOURCE_TEXT = """\
Town Council Minutes, 3 May 2024 (an invented example)

The mayor of Upton said the new bridge must be built this year, because the old one is no
longer safe for lorries. She added that the county has promised to pay half of the cost.

Councillor Reed of Downton replied that the old bridge was inspected in March and found sound.
He said a new bridge would only bring more traffic through Downton.
"""

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A small argmap scenario. Check it with: argmap validate {name}
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


def schema_location() -> str:
    """Where the installed scenario schema is, as a file URI for the editor modeline."""
    path = resources.files("argmap.schema").joinpath("scenario.schema.json")
    return f"file://{path}"


def render(name: str, source_file: str) -> tuple[str, str]:
    """The scenario text and its source text."""
    sha = hashlib.sha256(SOURCE_TEXT.encode("utf-8")).hexdigest()
    scenario = TEMPLATE.format(schema=schema_location(), name=name, source_file=source_file, sha256=sha)
    return scenario, SOURCE_TEXT
