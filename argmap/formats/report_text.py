"""``argmap report``: the report as plain text (Markdown shares the structure, see
``report_markdown``)."""

from __future__ import annotations

from argmap.debate.conflicts import Conflict
from argmap.engine.labels import SEVERAL_WORD, WORD
from argmap.views.report import ClaimLabel, Report


def label_word(report: Report, label: str) -> str:
    return (WORD if report.semantics == "grounded" else SEVERAL_WORD)[label]


def conflict_line(c: Conflict) -> str:
    verb = "contradicts" if c.type == "contradicts" else "attacks"
    # An attack reads from the claim it runs from, whichever was said first.
    turned = c.type == "attacks" and c.attacker == c.second
    a, b = (c.second, c.first) if turned else (c.first, c.second)
    dates = (c.second_date, c.first_date) if turned else (c.first_date, c.second_date)
    speakers = (c.second_speaker, c.first_speaker) if turned else (c.first_speaker, c.second_speaker)
    when = dates[0] if c.same_time else f"{dates[0]} / {dates[1]}"
    who = speakers[0] if speakers[0] == speakers[1] else f"{speakers[0]} / {speakers[1]}"
    return f"{a} {verb} {b} ({c.relation}; {who}; {when})"


def label_line(report: Report, x: ClaimLabel) -> str:
    return f"{label_word(report, x.label)}: {x.claim} ({x.speaker}, {x.date}): {x.text}"


def headline(report: Report) -> str:
    counts = ", ".join(f"{n} {label_word(report, k)}" for k, n in report.counts.items())
    parts = [f"Labels at the last step ({report.step_label}) under {report.semantics} semantics: {counts}."]
    if report.standpoints is not None:
        more = "+" if report.standpoints >= 100 else ""
        kind = "stable" if report.semantics == "stable" else "preferred"
        parts.append(f"{report.standpoints}{more} {kind} extension(s): the debate's coherent standpoints.")
    if report.commentators:
        parts.append("Commentators' claims are included.")
    return " ".join(parts)


def dumps(report: Report) -> str:
    out = [report.title, "=" * len(report.title), "", headline(report), ""]
    for side in report.sides:
        out += [side.name, "-" * len(side.name), "", "Positions by topic over time:"]
        if not side.positions:
            out.append("  (none)")
        for topic in side.positions:
            out.append(f"  {topic.question} [{topic.topic}]")
            for s in topic.stances:
                out.append(f"    step {s.step} ({s.when}): {s.stance} ({', '.join(s.claims)})")
        out += ["", "Conflicting messages:"]
        if not side.conflicts:
            out.append("  (none)")
        out += [f"  {conflict_line(c)}" for c in side.conflicts]
        if side.speaker_conflicts:
            out += ["", "Conflicts within one speaker's own claims:"]
            out += [f"  {c.holder}: {conflict_line(c)}" for c in side.speaker_conflicts]
        out += ["", "Labels at the last step:"]
        if not side.labels:
            out.append("  (none)")
        out += [f"  {label_line(report, x)}" for x in side.labels]
        out.append("")
    if report.apart:
        out += ["Commentators", "------------", ""]
        out += [f"  {label_line(report, x)}" for x in report.apart]
        out.append("")
    return "\n".join(out)
