"""The map drawn as SVG by graphviz: the DOT graph, rendered. Without graphviz it says what to
install (``PictureError``), since no picture is better than a wrong one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.formats import dot
from argmap.formats.picture import MAX_DRAWN, PictureError, render_svg

if TYPE_CHECKING:
    from argmap.views.selection import Selection


def dumps(selection: Selection) -> str:
    shown = len(selection.claims)
    if shown > MAX_DRAWN:
        raise PictureError(
            f"{shown} claims are too many to draw as one map (at most {MAX_DRAWN}): export one side "
            "(--side) or an earlier step (--at), or write --format dot and lay it out with graphviz"
        )
    return render_svg(dot.dumps(selection))
