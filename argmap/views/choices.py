"""Rows to pick a walkthrough, an exercise set or a side from, each saying where one left
part-way would resume."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from argmap.views.present_classroom import side_topics
from argmap.views.rows import Piece, Row

if TYPE_CHECKING:
    from argmap.classroom.roleplay import RolePlay
    from argmap.classroom.walkthrough import Tour
    from argmap.debate.index import Debate


def walkthrough_choices(debate: Debate, tours: Mapping[str, Tour]) -> list[Row]:
    rows = []
    for walk in debate.scenario.walkthroughs:
        pieces: list[Piece] = [(walk.title, "title")]
        tour = tours.get(walk.id)
        if tour is not None:
            pieces.append((f"  resume at step {tour.index + 1} of {len(walk.steps)}", "key"))
        else:
            pieces.append((f"  {len(walk.steps)} steps", "dim"))
        if walk.description:
            pieces.append(("\n" + walk.description, "dim"))
        rows.append(Row(("walk", walk.id, tour), tuple(pieces), target=walk.id, indent=2))
    return rows


def set_choices(sets: Mapping[str, Sequence[object]]) -> list[Row]:
    return [
        Row(("set", name), ((name, "title"), (f"  {len(exs)} exercises", "dim")), target=name)
        for name, exs in sets.items()
    ]


def side_choices(debate: Debate, plays: Mapping[str, RolePlay]) -> list[Row]:
    rows = []
    for s in debate.sides:
        pieces: list[Piece] = [(debate.actor_name(s), "title"), (f"  {side_topics(debate, s)}", "dim")]
        play = plays.get(s)
        if play is not None and not play.finished:
            pieces.append((f"  resume at round {len(play.turns) + 1}", "key"))
        rows.append(Row(("side", s, play), tuple(pieces), target=s))
    return rows
