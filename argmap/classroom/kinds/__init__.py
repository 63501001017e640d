"""The kinds of exercise, by the ``kind`` they are written with. A kind is its model (in
``argmap.scenario.exercises``), its module here, and its line below."""

from __future__ import annotations

from typing import Any

from argmap.classroom.kinds import (
    fill_the_stance,
    find_the_rebuttal,
    order_in_time,
    spot_the_contradiction,
    what_does_it_support,
    what_if,
    who_said_it,
)
from argmap.classroom.question import Kind

KINDS: dict[str, Kind[Any]] = {
    kind.name: kind
    for kind in (
        who_said_it.KIND,
        find_the_rebuttal.KIND,
        what_does_it_support.KIND,
        order_in_time.KIND,
        spot_the_contradiction.KIND,
        fill_the_stance.KIND,
        what_if.KIND,
    )
}
