"""A one-line text input that never holds a control character."""

from __future__ import annotations

from textual.widgets import Input

from argmap.base.textsafe import visible


class TextField(Input):
    """An ``Input`` whose value shows control characters (pasted, or set by code) as their
    visible stand-ins, one for one, so they never reach the terminal."""

    def validate_value(self, value: str) -> str:
        return visible(value)
