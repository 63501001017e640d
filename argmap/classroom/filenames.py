"""Names of results files: readable, file-name-safe, and never the same for two students.

A name is a readable slug of the student, the scenario and the set, then a short hash of the
three exact names (NFC-normalised, runs of white space made one space), so that "Иван" and
"Пётр", "Zoë" and "Zoé", or "Ana Lima" and "ana-lima" each get a file of their own.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

SLUG_LENGTH = 40
"""Longest slug of each part, so the file name stays far below the 255-byte limit."""

HASH_LENGTH = 12
"""Hexadecimal digits of SHA-256 kept in the name (48 bits)."""

# Letters NFKD does not reduce to ASCII: Cyrillic (as in passports), Greek, and a few Latin ones.
_CYRILLIC = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya ye i yi g u dj j lj nj c dz g k dz"
_GREEK = "a v g d e z i th i k l m n x o p r s s t y f ch ps o"
_LETTERS = {
    **dict(zip("абвгдеёжзийклмнопрстуфхцчшщыэюяєіїґўђјљњћџѓќѕ", _CYRILLIC.split(), strict=True)),
    **dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", _GREEK.split(), strict=True)),
    "ъ": "",
    "ь": "",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
}


_DIRECTION = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: they could make a name show as another."""

_STAND_INS = frozenset(chr(c) for c in range(0x2400, 0x2422)) | {"\ufffd"}
"""What a text field shows in place of a control character typed or pasted into it."""

MAX_NAME = 200
"""Longest student name accepted, in characters: a record must stay short enough to read back."""


def name_problem(name: str) -> str | None:
    """Why a student's name typed in cannot be used, or None: it must say something, hold no
    control character nor a change of writing direction (a name is shown to the teacher and
    written into records) and be at most ``MAX_NAME`` characters once normalised. Any script
    is welcome, joiners included."""
    shown = normal(name)
    if not shown:
        return "give your name"
    if any(unicodedata.category(c) in ("Cc", "Cs") or c in _DIRECTION or c in _STAND_INS for c in shown):
        return "a name cannot hold control characters"
    if len(shown) > MAX_NAME:
        return f"a name has at most {MAX_NAME} characters"
    return None


def normal(name: str) -> str:
    """A name as it is compared and stored: NFC, with runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def slug(text: str) -> str:
    """A readable, file-name-safe form of a name: ASCII letters and digits joined by hyphens,
    transliterated where that is well known ("Пётр" → "petr", "Zoë" → "zoe"); may be empty."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text).lower():
        if char in _LETTERS:  # before NFKD, which would make "й" an "и"
            out.append(_LETTERS[char])
            continue
        for c in unicodedata.normalize("NFKD", char):
            if not unicodedata.combining(c):
                out.append(_LETTERS.get(c, c if c.isascii() else "-"))
    cleaned = re.sub(r"[^a-z0-9]+", "-", "".join(out)).strip("-")
    return cleaned[:SLUG_LENGTH].rstrip("-")


def results_name(student: str, scenario: str, set_name: str) -> str:
    """The file name of a student's answers to a set of a scenario."""
    exact = json.dumps([normal(student), normal(scenario), normal(set_name)], ensure_ascii=False)
    digest = hashlib.sha256(exact.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_LENGTH]
    parts = (slug(student) or "student", slug(scenario) or "scenario", slug(set_name) or "set")
    return f"{'--'.join(parts)}--{digest}.jsonl"


def old_slug(text: str) -> str:
    """The slug of argmap's first results files, which kept only ASCII letters and digits."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")
    return cleaned or "student"


def old_results_name(student: str, scenario: str, set_name: str) -> str:
    """The file name the first results files had (several students could share it)."""
    return f"{old_slug(student)}--{old_slug(scenario)}--{old_slug(set_name)}.jsonl"
