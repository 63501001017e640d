"""What the debate looks like at each step: who has said what, where each side stands, where a
side contradicts itself, what answers what.

A ``Debate`` is built once from a loaded scenario and answers questions about one step of its
timeline. It never imports a user interface; the terminal UI draws what it returns. The
lookups it starts from are in ``placed`` (time, and who speaks for which side, see
``sides``); each kind of question has its module: ``columns``, ``positions``,
``contradictions``, ``tree``, ``search``, ``citations``, ``glossary``. What they build for the
whole timeline is built on first use and kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from argmap.debate import columns, glossary
from argmap.debate import tree as trees
from argmap.debate.citations import Citation, find_citations
from argmap.debate.columns import APART, NO_TOPIC
from argmap.debate.contradictions import Contradiction, Contradictions, flagged_claims
from argmap.debate.placed import PlacedScenario
from argmap.debate.positions import CONFLICTING, Position, PositionHistory, PositionStance, StanceChange
from argmap.debate.search import SearchField, SearchHit, SearchIndex
from argmap.debate.tree import Child, TreeEdge, TreeNode

if TYPE_CHECKING:
    from argmap.scenario.loaded import Loaded

__all__ = [
    "APART",
    "CONFLICTING",
    "NO_TOPIC",
    "Child",
    "Citation",
    "Contradiction",
    "Debate",
    "Position",
    "PositionStance",
    "SearchField",
    "SearchHit",
    "StanceChange",
    "TreeEdge",
    "TreeNode",
]


class Debate(PlacedScenario):
    """A scenario placed in time, with the lookups every view needs."""

    @classmethod
    def from_loaded(cls, loaded: Loaded) -> Debate:
        if loaded.scenario is None:
            raise ValueError("the scenario did not load")
        return cls(loaded.scenario, loaded.sources)

    # --- columns --------------------------------------------------------------------------

    @cached_property
    def _groups(self) -> columns.Groups:
        return columns.claim_groups(self)

    def grouped(self, step: int) -> dict[str, dict[str, tuple[str, ...]]]:
        """Claims said by a step, by column and topic, in timeline order (see ``columns``)."""
        return columns.grouped_at(self._groups, step)

    def topics_in_order(self, step: int | None = None) -> list[str]:
        """Topics in file order, then ``NO_TOPIC`` if claims without a topic exist."""
        return columns.topics_in_order(self, step)

    # --- positions ------------------------------------------------------------------------

    @cached_property
    def _positions(self) -> PositionHistory:
        return PositionHistory(self)

    def positions(self, step: int) -> dict[tuple[str, str], Position]:
        """Each side's position on each topic it has spoken on by a step."""
        return self._positions.at(step)

    def position(self, side: str, topic: str, step: int) -> Position | None:
        return self.positions(step).get((side, topic))

    def stance_changes(self, step: int) -> list[StanceChange]:
        """Positions taken for the first time, or changed, at a step."""
        return self._positions.changes(step)

    # --- contradictions -------------------------------------------------------------------

    @cached_property
    def _contradictions(self) -> Contradictions:
        return Contradictions(self)

    def contradictions(self, step: int, side: str | None = None) -> list[Contradiction]:
        """Pairs of a side's claims, both said by a step, that contradict or attack each other;
        in the order they arose."""
        return self._contradictions.by(step, side)

    def contradicted_claims(self, step: int) -> dict[str, list[Contradiction]]:
        """Each claim flagged by a contradiction at a step, with the contradictions."""
        return flagged_claims(self.contradictions(step))

    # --- argument structure ---------------------------------------------------------------

    def answers(self, claim: str, step: int, *, came_by: str | None = None) -> list[Child]:
        """What bears on a claim by a step: supporters, attackers, contradicting claims."""
        return trees.answers(self, claim, step, came_by=came_by)

    def undercutters(self, relation: str, step: int) -> list[Child]:
        """Claims said by a step that undercut a relation."""
        return trees.undercutters(self, relation, step)

    def children(self, claim: str, step: int, *, came_by: str | None = None) -> list[Child]:
        """A node's children in the debate tree."""
        return trees.children(self, claim, step, came_by=came_by)

    def tree(self, claim: str, step: int, *, max_depth: int = 50, max_nodes: int = 5_000) -> TreeNode:
        """The debate tree of a claim by a step; a claim already on the path is not expanded."""
        return trees.tree(self, claim, step, max_depth=max_depth, max_nodes=max_nodes)

    # --- search ---------------------------------------------------------------------------

    @cached_property
    def _search_index(self) -> SearchIndex:
        return SearchIndex(self)

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Claims whose text, id, speaker, topic or quotes contain every word of a query
        (ignoring case). Best field first, then timeline order."""
        return self._search_index.search(query, limit=limit)

    # --- sources --------------------------------------------------------------------------

    @cached_property
    def _citations(self) -> dict[str, list[Citation]]:
        return find_citations(self)

    def citations(self, source: str) -> list[Citation]:
        """Every claim quote found in a source, by position in the normalised text."""
        return self._citations.get(source, [])

    def citation(self, claim: str, index: int) -> Citation | None:
        """Where one of a claim's quotes sits in its source."""
        ev = self.claims[claim].evidence[index]
        for cite in self.citations(ev.source):
            if cite.claim == claim and cite.index == index:
                return cite
        return None

    def citing(self, source: str, start: int, end: int) -> list[Citation]:
        """Claims quoting a passage of a source: quotes overlapping [start, end) of the
        normalised text."""
        return [c for c in self.citations(source) if c.start < end and c.end > start]

    # --- glossary -------------------------------------------------------------------------

    def terms_in(self, texts: Iterable[str]) -> list[str]:
        """Glossary terms (by their main spelling) used in some texts, in glossary order."""
        return glossary.terms_in(self.scenario, texts)
