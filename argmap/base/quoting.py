"""One way to put a quote in quotation marks, for every view, report and handout.

``quoted(text)`` returns the text between curly double marks, “like this”. A text that already
carries one pair of surrounding marks (straight or curly, double or single) loses that pair
first, so a quote is never marked twice (no ``““…””``, no ``“"…"”``). Double marks inside the
text become single curly ones, the usual nesting (“he said ‘no’ twice”): a straight ``"``
opens (‘) at the start or after a space or an opening bracket and closes (’) elsewhere. A
straight mark left over at either end, one whose partner the quote cut off (``country."``), is
dropped, as it would read as the quote's own mark doubled. Single marks and apostrophes inside
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
    """Without a straight double mark at either end that has no partner in the text."""
    if text.count('"') % 2 == 0:
        return text
    if text.endswith('"'):
        return text[:-1].rstrip()
    if text.startswith('"'):
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
