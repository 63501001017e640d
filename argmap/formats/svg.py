"""The map drawn as SVG by graphviz: the DOT graph, rendered. Without graphviz it says what to
install (``PictureError``), since no picture is better than a wrong one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.formats import dot
from argmap.formats.picture import render_svg

if TYPE_CHECKING:
    from argmap.views.selection import Selection


def dumps(selection: Selection) -> str:
    return render_svg(dot.dumps(selection))
