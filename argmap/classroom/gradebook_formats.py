"""The gradebook written out: a text grid for the terminal, one CSV table a spreadsheet opens
(a row per student), a CSV of the questions, a Markdown summary and a self-contained HTML page.

Names come from results files and are shown on one line with control characters visible; the
Markdown escapes table bars, the HTML escapes every text, and a CSV cell that a spreadsheet
would take for a formula (``=``, ``+``, ``-``, ``@``) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import html
import io

from argmap.base.quoting import shorten
from argmap.classroom.gradebook import Column, Gradebook, SetResult, StudentLine, Tally
from argmap.classroom.handout_markdown import md
from argmap.classroom.summary import one_line

RIGHT, WRONG, NONE = "✓", "✗", "·"


def _mark(line: StudentLine, column: Column) -> str:
    ok = line.cells.get(column.exercise)
    return NONE if ok is None else RIGHT if ok else WRONG


def _score(result: SetResult | None) -> str:
    if result is None:
        return "—"
    text = f"{result.correct}/{result.answered} right, {result.done} done"
    if result.attempt > 1:
        earlier = "; ".join(f"{c}/{a}" for _, c, a in result.earlier)
        text += f" (attempt {result.attempt}; before: {earlier})" if earlier else f" (attempt {result.attempt})"
    return text


def _not_read(book: Gradebook) -> str | None:
    parts = []
    if book.lines_not_read:
        n = book.lines_not_read
        parts.append(f"{n} line{'s' if n > 1 else ''} (kept in {'their files' if n > 1 else 'its file'})")
    if book.files_not_read:
        n = book.files_not_read
        parts.append(f"{n} file{'s' if n > 1 else ''}")
    return "Not read, so not counted: " + " and ".join(parts) + " (see the messages)" if parts else None


def _heading(book: Gradebook) -> list[str]:
    lines = [f"Class results: {book.title}" if book.title else "Class results"]
    lines.append("Scenario versions: " + ("; ".join(book.versions) or "none"))
    not_read = _not_read(book)
    return [*lines, *([not_read] if not_read else [])]


def _table(head: list[str], rows: list[list[str]], right: frozenset[int] = frozenset()) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(head)]

    def fmt(cells: list[str]) -> str:
        shown = (c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "  " + "  ".join(shown)

    return [fmt(head).rstrip(), *(fmt(r).rstrip() for r in rows)]


def _tallies(rows: tuple[Tally, ...], column: str) -> list[str]:
    if not rows:
        return ["  (none)"]
    body = [[t.name, str(t.answered), str(t.correct), f"{t.percent}%", shorten(t.prompt or "", 72)] for t in rows]
    return [line.rstrip() for line in _table([column, "answered", "correct", "score", ""], body, frozenset({1, 2, 3}))]


def to_text(book: Gradebook) -> str:
    """The gradebook for the terminal: each set's score per student, the grid of answers, the
    questions most missed."""
    if not book.students:
        not_read = _not_read(book)
        return "\n".join(["no answers found", *([not_read] if not_read else [])])
    lines = _heading(book)
    lines += ["", "Sets (right/answered, how much of the set is done)"]
    head = ["student", *(book.set_title(s) for s in book.sets)]
    body = [[st.name, *(_score(st.sets.get(s)) for s in book.sets)] for st in book.students]
    lines += _table(head, body)
    for set_name in book.sets:
        columns = book.columns_of(set_name)
        if not columns:
            continue
        lines += ["", f"{book.set_title(set_name)}: answers ({RIGHT} right, {WRONG} wrong, {NONE} not answered)"]
        head = ["student", *(c.label for c in columns)]
        body = [[st.name, *(_mark(st, c) for c in columns)] for st in book.students]
        lines += _table(head, body)
    lines += ["", "Questions most missed", *_tallies(book.most_missed, "question")]
    lines += ["", "Kinds of question", *_tallies(book.kinds, "kind")]
    return "\n".join(lines)


def _csv_cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(book: Gradebook) -> str:
    """One table, a row per student: a column per question (1 right, 0 wrong, empty when not
    answered), named Q1, Q2… as the handout numbers them, then each set's score, answered,
    completion and attempt."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    head = ["student", *(c.label for c in book.columns)]
    for s in book.sets:
        title = book.set_title(s)
        head += [f"{title} right", f"{title} answered", f"{title} completion %", f"{title} attempt"]
    writer.writerow([_csv_cell(h) for h in head])
    for st in book.students:
        row = [st.name, *("" if (ok := st.cells.get(c.exercise)) is None else str(int(ok)) for c in book.columns)]
        for s in book.sets:
            result = st.sets.get(s)
            if result is None:
                row += ["0", "0", "0", ""]
            else:
                completion = result.completion
                row += [str(result.correct), str(result.answered), "" if completion is None else str(completion)]
                row.append(str(result.attempt))
        writer.writerow([_csv_cell(c) for c in row])
    return buffer.getvalue()


def questions_csv(book: Gradebook) -> str:
    """One table, a row per question: its number, set and kind, and the class's answers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["question", "exercise", "set", "kind", "answered", "correct", "score_percent"])
    tallies = {t.name: t for t in book.questions}
    for c in book.columns:
        t = tallies.get(c.label, Tally(c.label, 0, 0))
        cells = [_csv_cell(one_line(x)) for x in (c.label, c.exercise, c.set, c.kind)]
        writer.writerow([*cells, t.answered, t.correct, t.percent])
    return buffer.getvalue()


def _md(text: str) -> str:
    return md(text)


def _md_table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(_md(h) for h in head) + " |", "|" + " --- |" * len(head)]
    out += ["| " + " | ".join(_md(c) for c in r) + " |" for r in rows]
    return [*out, ""]


def to_markdown(book: Gradebook) -> str:
    """The gradebook as a Markdown document: sets per student, a grid per set, most missed."""
    out = [f"# {_md(book.title)}: class results" if book.title else "# Class results", ""]
    out += [_md(line) for line in _heading(book)[1:]] + [""]
    out += ["## Sets", ""]
    out += _md_table(
        ["student", *(book.set_title(s) for s in book.sets)],
        [[st.name, *(_score(st.sets.get(s)) for s in book.sets)] for st in book.students],
    )
    for set_name in book.sets:
        columns = book.columns_of(set_name)
        if columns:
            out += [f"## {_md(book.set_title(set_name))}", ""]
            out += _md_table(
                ["student", *(c.label for c in columns)],
                [[st.name, *(_mark(st, c) for c in columns)] for st in book.students],
            )
    for title, rows in (("Questions most missed", book.most_missed), ("Kinds of question", book.kinds)):
        out += [f"## {title}", ""]
        body = [[t.name, str(t.answered), str(t.correct), f"{t.percent}%", t.prompt or ""] for t in rows]
        out += _md_table(["", "answered", "correct", "score", ""], body)
    return "\n".join(out).rstrip() + "\n"


_STYLE = """
body { font: 15px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
td.right { color: #1e7b34; text-align: center; } td.wrong { color: #b3261e; text-align: center; }
td.none { color: #999; text-align: center; } th { background: #f3f3f3; }
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_table(head: list[str], rows: list[list[tuple[str, str]]]) -> list[str]:
    out = ["<table>", "<tr>" + "".join(f"<th>{_h(h)}</th>" for h in head) + "</tr>"]
    for row in rows:
        cells = "".join(f'<td class="{cls}">{_h(text)}</td>' if cls else f"<td>{_h(text)}</td>" for text, cls in row)
        out.append(f"<tr>{cells}</tr>")
    return [*out, "</table>"]


def to_html(book: Gradebook) -> str:
    """The gradebook as one self-contained HTML page (its style inline, nothing fetched)."""
    title = f"{book.title}: class results" if book.title else "Class results"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_h(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_h(title)}</h1>",
        *(f"<p>{_h(line)}</p>" for line in _heading(book)[1:]),
        "<h2>Sets</h2>",
    ]
    out += _html_table(
        ["student", *(book.set_title(s) for s in book.sets)],
        [[(st.name, ""), *((_score(st.sets.get(s)), "") for s in book.sets)] for st in book.students],
    )
    css = {RIGHT: "right", WRONG: "wrong", NONE: "none"}
    for set_name in book.sets:
        columns = book.columns_of(set_name)
        if columns:
            out.append(f"<h2>{_h(book.set_title(set_name))}</h2>")
            rows = [[(st.name, ""), *((m, css[m]) for c in columns for m in [_mark(st, c)])] for st in book.students]
            out += _html_table(["student", *(c.label for c in columns)], rows)
    for heading, tallies in (("Questions most missed", book.most_missed), ("Kinds of question", book.kinds)):
        out.append(f"<h2>{_h(heading)}</h2>")
        rows = [
            [(t.name, ""), (str(t.answered), ""), (str(t.correct), ""), (f"{t.percent}%", ""), (t.prompt or "", "")]
            for t in tallies
        ]
        out += _html_table(["", "answered", "correct", "score", ""], rows)
    out.append("</body></html>")
    return "\n".join(out) + "\n"
