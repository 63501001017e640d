"""``argmap report --format markdown``: the report as Markdown; every text from the scenario is
escaped by ``_cell``, so none of it is read as Markdown or HTML."""

from __future__ import annotations

import re

from argmap.formats.report_text import conflict_line, headline, label_word
from argmap.views.quoting import quoted
from argmap.views.report import ClaimLabel, Report

_MARKUP = re.compile(r"([\\`*_{}\[\]<>|~#!])")


def _cell(text: str) -> str:
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def _labels(report: Report, labels: tuple[ClaimLabel, ...]) -> list[str]:
    head, rule = "| label | speaker | date | claim |", "| --- | --- | --- | --- |"
    if report.ids:
        head, rule = "| label | id | speaker | date | claim |", "| --- | --- | --- | --- | --- |"
    rows = [head, rule]
    for x in labels:
        ident = f" `{x.claim}` |" if report.ids else ""
        rows.append(
            f"| {label_word(report, x.label)} |{ident} {_cell(x.speaker)} | {x.date} | {_cell(quoted(x.text))} |"
        )
    return rows


def dumps(report: Report) -> str:
    out = [f"# {_cell(report.title)}", "", _cell(headline(report)), ""]
    for side in report.sides:
        out += [f"## {_cell(side.name)}", "", "### Positions by topic over time", ""]
        if not side.positions:
            out.append("None.")
        for topic in side.positions:
            out.append(f"- **{_cell(topic.question)}**" + (f" (`{topic.topic}`)" if report.ids else ""))
            for s in topic.stances:
                claims = " (" + ", ".join(f"`{c}`" for c in s.claims) + ")" if report.ids else ""
                out.append(f"  - step {s.step} ({_cell(s.when)}): {s.stance}{claims}")
        out += ["", "### Conflicting messages", ""]
        out += [f"- {_cell(conflict_line(c, report.ids))}" for c in side.conflicts] or ["None."]
        if side.speaker_conflicts:
            out += ["", "Within one speaker's own claims:", ""]
            out += [f"- {_cell(c.holder_name)}: {_cell(conflict_line(c, report.ids))}" for c in side.speaker_conflicts]
        out += ["", "### Labels at the last step", ""]
        out += _labels(report, side.labels) if side.labels else ["None."]
        out.append("")
    if report.apart:
        out += ["## Commentators", "", *_labels(report, report.apart), ""]
    return "\n".join(out)
