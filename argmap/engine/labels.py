"""Argumentation labels: how the engine stores them, names them, and how people see them.

A labelling stores one byte per argument (``IN``, ``OUT``, ``UNDEC``); outside the engine a
label is named ``"in"``, ``"out"`` or ``"undec"``. Readers see it as a word and a mark, and
students answer exercises with their own words (``"undecided"`` in full). The module holds
data only.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

UNDEC, IN, OUT = 0, 1, 2
"""Labels, as stored in a labelling's bytes (zero is UNDEC, so a fresh bytearray is all
undecided)."""

Label = Literal["in", "out", "undec"]


class LabelInfo(NamedTuple):
    name: Label
    code: int
    """The byte a labelling stores."""
    word: str
    """The reader's word for it."""
    mark: str
    several: str
    """The reader's words under a semantics that may give several extensions, where a label
    says in how many the claim is."""
    student: str
    """The student's word for it, as exercises ask and grade it."""


TABLE: tuple[LabelInfo, ...] = (
    LabelInfo("in", IN, "accepted", "✓", "accepted (in every extension)", "in"),
    LabelInfo("out", OUT, "rejected", "✗", "rejected (in none)", "out"),
    LabelInfo("undec", UNDEC, "undecided", "?", "open (in some)", "undecided"),
)
"""In the order labels are counted and listed."""

LABELS: tuple[Label, ...] = tuple(x.name for x in TABLE)
NAME: dict[int, Label] = {x.code: x.name for x in TABLE}
"""Stored byte -> label."""
# Label name -> its words and marks, keyed by plain strings so that views can mix in ``OFF``.
WORD: dict[str, str] = {x.name: x.word for x in TABLE}
MARK: dict[str, str] = {x.name: x.mark for x in TABLE}
SEVERAL_WORD: dict[str, str] = {x.name: x.several for x in TABLE}
STUDENT_WORD: dict[str, str] = {x.name: x.student for x in TABLE}
STUDENT_LABELS: tuple[str, ...] = tuple(x.student for x in TABLE)

OFF = "off"
"""Not a label: a claim a what-if takes out of the debate, shown among the labels."""
OFF_MARK = "⊘"
OFF_WORD = "switched off"

assert set(LABELS) == set(get_args(Label)) and len(NAME) == len(TABLE)
