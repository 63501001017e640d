"""Quotation marks for the presenters: the one rule every view, report and handout follows.

The rule itself lives in ``argmap.base.quoting`` so that the classroom's handouts and results,
which sit below the views, share it; presenters import it from here.
"""

from __future__ import annotations

from argmap.base.quoting import quoted, shorten, strip_marks

__all__ = ["quoted", "shorten", "strip_marks"]
