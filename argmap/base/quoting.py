"""One way to put a quote in quotation marks, for every view, report and handout.

``quoted(text)`` returns the text between curly double marks, “like this”. A text that already
carries one pair of surrounding marks (straight or curly, double or single) loses that pair
first, so a quote is never marked twice (no ``““…””``, no ``“"…"”``). Double marks inside the
text become single curly ones, the usual nesting (“he said ‘no’ twice”): a straight ``"``
opens (‘) at the start or after a space or an opening bracket and closes (’) elsewhere. A
mark left over at either end, one whose partner the quote cut off (``country."``,
``the system.”``), is dropped, as it would read as the quote's own mark doubled. Single marks and apostrophes inside
are left as they are.
"""

from __future__ import annotations

OPEN = "“"
CLOSE = "”"

_PAIRS = {'"': '"', "“": "”", "”": "”", "„": "“", "'": "'", "‘": "’"}
_OPENING_CONTEXT = " \t\n([{‘—–-/"


def strip_marks(text: str) -> str:
    """The text without one pair of quotation marks around it, if it has such a pair."""
    stripped = text.strip()
    if len(stripped) >= 2 and _PAIRS.get(stripped[0]) == stripped[-1]:
        return stripped[1:-1].strip()
    return stripped


def _drop_stray(text: str) -> str:
    """Without a double mark at either end that has no partner in the text: a straight one
    when their number is odd, a closing curly one with no opening one before it, an opening
    curly one with no closing one after it."""
    if text.count('"') % 2:
        if text.endswith('"'):
            return text[:-1].rstrip()
        if text.startswith('"'):
            return text[1:].lstrip()
    if text.endswith("”") and text.count("“") < text.count("”"):
        return text[:-1].rstrip()
    if text.startswith("“") and text.count("“") > text.count("”"):
        return text[1:].lstrip()
    return text


def _nest(text: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in "“„":
            out.append("‘")
        elif ch == "”":
            out.append("’")
        elif ch == '"':
            opening = i == 0 or text[i - 1] in _OPENING_CONTEXT
            out.append("‘" if opening else "’")
        else:
            out.append(ch)
    return "".join(out)


def quoted(text: str) -> str:
    """``text`` in curly double quotation marks, never doubled, inner double marks made single."""
    return OPEN + _nest(_drop_stray(strip_marks(text))) + CLOSE


def shorten(text: str, width: int) -> str:
    """At most ``width`` characters of ``text`` on one line, cut at a word with an ellipsis;
    a quotation mark left open by the cut is closed."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: max(width - 2, 1)]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    cut = cut.rstrip(" ,;:") + "…"
    if cut.count(OPEN) > cut.count(CLOSE):
        cut += CLOSE
    if cut.count('"') % 2:
        cut += '"'
    return cut
