"""``argmap report --format markdown``: the report as Markdown."""

from __future__ import annotations

from argmap.formats.report_text import conflict_line, headline, label_word
from argmap.views.report import ClaimLabel, Report


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _labels(report: Report, labels: tuple[ClaimLabel, ...]) -> list[str]:
    rows = ["| label | claim | speaker | date | text |", "| --- | --- | --- | --- | --- |"]
    rows += [
        f"| {label_word(report, x.label)} | `{x.claim}` | {_cell(x.speaker)} | {x.date} | {_cell(x.text)} |"
        for x in labels
    ]
    return rows


def dumps(report: Report) -> str:
    out = [f"# {report.title}", "", headline(report), ""]
    for side in report.sides:
        out += [f"## {side.name}", "", "### Positions by topic over time", ""]
        if not side.positions:
            out.append("None.")
        for topic in side.positions:
            out.append(f"- **{_cell(topic.question)}** (`{topic.topic}`)")
            for s in topic.stances:
                claims = ", ".join(f"`{c}`" for c in s.claims)
                out.append(f"  - step {s.step} ({s.when}): {s.stance} ({claims})")
        out += ["", "### Conflicting messages", ""]
        out += [f"- {_cell(conflict_line(c))}" for c in side.conflicts] or ["None."]
        if side.speaker_conflicts:
            out += ["", "Within one speaker's own claims:", ""]
            out += [f"- {c.holder}: {_cell(conflict_line(c))}" for c in side.speaker_conflicts]
        out += ["", "### Labels at the last step", ""]
        out += _labels(report, side.labels) if side.labels else ["None."]
        out.append("")
    if report.apart:
        out += ["## Commentators", "", *_labels(report, report.apart), ""]
    return "\n".join(out)
