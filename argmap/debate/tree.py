"""What answers what: the claims bearing on a claim, and the debate tree they make."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from argmap.debate.placed import PlacedScenario

TreeEdge = Literal["root", "supports", "attacks", "contradicts", "undercuts"]


@dataclass(frozen=True, slots=True)
class TreeNode:
    """A claim in a debate tree, with how it bears on its parent."""

    claim: str
    edge: TreeEdge
    relation: str | None
    children: tuple[TreeNode, ...]
    repeat: bool = False
    """The claim is already on the path from the root: shown, not expanded again."""

    def walk(self) -> Iterator[TreeNode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Child:
    """One answer to a claim: the answering claim and the relation it bears."""

    claim: str
    edge: TreeEdge
    relation: str
    via: str | None = None
    """For ``undercuts``: the relation that is undercut."""


def answers(placed: PlacedScenario, claim: str, step: int, *, came_by: str | None = None) -> list[Child]:
    """What bears on a claim by a step: supporters, attackers, contradicting claims."""
    out: list[Child] = []
    for rel in placed.relations_in.get(claim, ()):
        if rel.id == came_by or not placed.is_said(rel.from_, step):
            continue
        out.append(Child(rel.from_, rel.type, rel.id))
    # A contradiction goes both ways.
    for rel in placed.relations_out.get(claim, ()):
        if rel.type == "contradicts" and rel.id != came_by and placed.is_said(rel.to, step):
            out.append(Child(rel.to, "contradicts", rel.id))
    out.sort(key=lambda ch: (ch.edge != "supports", placed.order.get(ch.claim, 0)))
    return out


def undercutters(placed: PlacedScenario, relation: str, step: int) -> list[Child]:
    """Claims said by a step that undercut a relation."""
    return [
        Child(rel.from_, "undercuts", rel.id, via=relation)
        for rel in placed.undercuts.get(relation, ())
        if placed.is_said(rel.from_, step)
    ]


def children(placed: PlacedScenario, claim: str, step: int, *, came_by: str | None = None) -> list[Child]:
    """A node's children in the debate tree: the undercutters of the relation that led to it,
    then what bears on the claim itself."""
    out = undercutters(placed, came_by, step) if came_by else []
    return out + answers(placed, claim, step, came_by=came_by)


def tree(placed: PlacedScenario, claim: str, step: int, *, max_depth: int = 50, max_nodes: int = 5_000) -> TreeNode:
    """The debate tree of a claim by a step; a claim already on the path is not expanded."""
    budget = [max_nodes]

    def build(cid: str, edge: TreeEdge, relation: str | None, path: frozenset[str], depth: int) -> TreeNode:
        budget[0] -= 1
        if cid in path:
            return TreeNode(cid, edge, relation, (), repeat=True)
        kids: list[TreeNode] = []
        if depth < max_depth:
            inner = path | {cid}
            for child in children(placed, cid, step, came_by=relation):
                if budget[0] <= 0:
                    break
                kids.append(build(child.claim, child.edge, child.relation, inner, depth + 1))
        return TreeNode(cid, edge, relation, tuple(kids))

    return build(claim, "root", None, frozenset(), 0)
