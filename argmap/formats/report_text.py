"""``argmap report``: the report as plain text (Markdown shares the structure, see
``report_markdown``)."""

from __future__ import annotations

from argmap.debate.conflicts import Conflict
from argmap.engine.labels import SEVERAL_WORD, WORD
from argmap.views.quoting import quoted
from argmap.views.report import ClaimLabel, Report


def label_word(report: Report, label: str) -> str:
    return (WORD if report.semantics == "grounded" else SEVERAL_WORD)[label]


def conflict_line(c: Conflict, ids: bool = False) -> str:
    """Two claims in conflict, in words (each claim's paraphrase, speaker and date), or by id."""
    verb = "contradicts" if c.type == "contradicts" else "attacks"
    # An attack reads from the claim it runs from, whichever was said first.
    turned = c.type == "attacks" and c.attacker == c.second
    first = (c.first, c.first_text, c.first_name, c.first_speaker, c.first_date)
    second = (c.second, c.second_text, c.second_name, c.second_speaker, c.second_date)
    a, b = (second, first) if turned else (first, second)
    if ids:
        when = a[4] if c.same_time else f"{a[4]} / {b[4]}"
        who = a[3] if a[3] == b[3] else f"{a[3]} / {b[3]}"
        return f"{a[0]} {verb} {b[0]} ({c.relation}; {who}; {when})"
    return f"{quoted(a[1])} ({a[2]}, {a[4]}) {verb} {quoted(b[1])} ({b[2]}, {b[4]})"


def label_line(report: Report, x: ClaimLabel) -> str:
    claim = f"{x.claim} " if report.ids else ""
    return f"{label_word(report, x.label)}: {claim}{quoted(x.text)} ({x.speaker}, {x.date})"


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
            out.append(f"  {topic.question}" + (f" [{topic.topic}]" if report.ids else ""))
            for s in topic.stances:
                claims = f" ({', '.join(s.claims)})" if report.ids else ""
                out.append(f"    step {s.step} ({s.when}): {s.stance}{claims}")
        out += ["", "Conflicting messages:"]
        if not side.conflicts:
            out.append("  (none)")
        out += [f"  {conflict_line(c, report.ids)}" for c in side.conflicts]
        if side.speaker_conflicts:
            out += ["", "Conflicts within one speaker's own claims:"]
            out += [f"  {c.holder_name}: {conflict_line(c, report.ids)}" for c in side.speaker_conflicts]
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
