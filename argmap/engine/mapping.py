"""From a debate at one step to an abstract argumentation framework.

**What is in.** The arguments are the claims said by the step (see ``timeline``). Claims of
commentators, and of actors under no side, are analysis of the debate rather than moves in
it: they stay out unless ``commentators`` is set. A relation is in when both its ends are; a
relation drawn (``by``) by a commentator between claims of the sides stays in, since it
records how the sides' claims bear on each other. What-ifs take out more (see ``whatif``).

**Attacks and contradictions.** ``a attacks b`` is the attack a -> b. ``a contradicts b``
(two claims of one side that cannot both hold) is the pair of attacks a -> b and b -> a.

**Supports: supported and secondary attacks.** A support ``a supports b`` says that ``a`` is
a reason the speaker gives for ``b``. It is read as in the bipolar frameworks of Cayrol and
Lagasquie-Schiex (2005), where support adds attacks and is then evaluated by Dung's
semantics:

* *supported attack*: when ``s`` supports ``x`` (directly or along a chain of supports) and
  ``x`` attacks ``y``, then ``s`` attacks ``y`` too: a reason takes part in the attacks its
  conclusion makes;
* *secondary attack*: when ``x`` attacks ``a`` and ``a`` supports ``b`` (directly or along a
  chain), then ``x`` attacks ``b`` too: knocking down a reason knocks down what rests on it.

Why this reading: it is the one a student already uses ("if the bridge is sound, the case for
building now falls"), it leaves a support with no attack around it without effect, and it
keeps the result an ordinary framework, so every semantics, explanation and the ICCMA
interface apply unchanged. Its price: a claim with several reasons falls when any one of them
falls, as if the reasons were premises of one argument rather than independent arguments.

**Undercuts: relation nodes.** ``c undercuts r`` attacks the relation ``r``, not a claim. A
relation that is undercut becomes an argument of its own, ``relation:r`` ("r holds"), and the
undercut is the attack c -> relation:r. Whatever ``r`` does then depends on it: an attack
that needs more than its source to stand (its relation, or the supports it is derived
through) is carried by an *attack node* ``attack:k`` that attacks the target and is attacked
by every attacker of each thing it needs. In any complete labelling an attack node is IN
exactly when all it needs is IN, and OUT when one of them is OUT: the attack succeeds
precisely when its source stands and no undercut of it does.

**Granted claims** lose every attack on them (see ``whatif``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from argmap.engine.framework import Framework
from argmap.engine.whatif import WhatIf
from argmap.scenario.model import Relation

if TYPE_CHECKING:
    from argmap.debate.index import Debate

NodeKind = Literal["claim", "relation", "attack"]
AttackKind = Literal["attacks", "contradicts", "undercuts", "supported", "secondary"]
RELATION_PREFIX = "relation:"
ATTACK_PREFIX = "attack:"


@dataclass(frozen=True, slots=True)
class Attack:
    """One reason why an argument attacks another."""

    source: str
    """The claim making the attack."""
    target: str
    """The claim (or ``relation:r`` node) attacked."""
    kind: AttackKind
    relations: tuple[str, ...]
    """The relations of the map it follows, from the source to the target."""
    needs: tuple[str, ...]
    """What must stand for the attack to succeed: the source, then relation nodes."""


@dataclass(frozen=True, slots=True)
class Node:
    """An argument of the framework: a claim, a relation that is undercut, or an attack that
    needs more than its source."""

    name: str
    kind: NodeKind
    ref: str
    """The claim id, the relation id, or for an attack node its target's name."""
    attack: Attack | None = None


@dataclass(frozen=True, slots=True, eq=False)
class MappedDebate:
    """A framework built from a debate, with what each argument and attack stands for."""

    af: Framework
    nodes: tuple[Node, ...]
    index: dict[str, int]
    reasons: dict[tuple[int, int], tuple[Attack, ...]]
    """Why each attack of ``af`` is there (for an attack on an attack node: the reasons of the
    attack on what it needs)."""
    claims: tuple[str, ...]
    """The claims that are arguments, in timeline order (they are arguments 0..len-1)."""
    left_out: tuple[str, ...]
    """Claims said by the step but left out (commentators, what-ifs)."""
    step: int
    whatif: WhatIf
    commentators: bool
    texts: dict[str, str]
    """The text of each claim that is an argument."""


def _off_actors(debate: Debate, whatif: WhatIf) -> set[str]:
    """Actors switched off, with every actor under one."""
    if not whatif.off_actors:
        return set()
    parents = {a.id: a.parent for a in debate.scenario.actors}
    off = set()
    for actor in parents:
        seen: set[str] = set()
        current: str | None = actor
        while current is not None and current not in seen:
            if current in whatif.off_actors:
                off.add(actor)
                break
            seen.add(current)
            current = parents.get(current)
    return off


def debate_claims(debate: Debate, step: int, whatif: WhatIf, commentators: bool) -> tuple[list[str], list[str]]:
    """The claims in the framework at a step, and those said but left out."""
    off_actors = _off_actors(debate, whatif)
    inside: list[str] = []
    outside: list[str] = []
    for cid in debate.said_by(step):
        claim = debate.claims[cid]
        keep = (
            cid not in whatif.off_claims
            and (commentators or not debate.is_apart(cid))
            and not (off_actors and all(p in off_actors for p in (claim.actor, *claim.with_)))
            and not (whatif.off_sources and all(ev.source in whatif.off_sources for ev in claim.evidence))
        )
        (inside if keep else outside).append(cid)
    return inside, outside


def _relations(debate: Debate, active: set[str], whatif: WhatIf) -> dict[str, Relation]:
    off_actors = _off_actors(debate, whatif)
    rels: dict[str, Relation] = {}
    undercuts = []
    for rel in debate.scenario.relations:
        if rel.from_ not in active or (rel.by is not None and rel.by in off_actors):
            continue
        if rel.type == "undercuts":
            undercuts.append(rel)
        elif rel.to in active:
            rels[rel.id] = rel
    # An undercut may target another undercut: take them in until nothing changes.
    changed = True
    while changed:
        changed = False
        for rel in undercuts:
            if rel.id not in rels and rel.to in rels:
                rels[rel.id] = rel
                changed = True
    return {r.id: rels[r.id] for r in debate.scenario.relations if r.id in rels}


def _chains(
    start: str, links: dict[str, list[tuple[str, str]]], undercut: dict[str, str]
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Claims reached from ``start`` along support links: (claim, relations in the order
    walked, relation nodes the chain needs). A chain is kept unless another one reaches the
    same claim needing no more."""
    out: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    best: dict[str, list[frozenset[str]]] = {start: [frozenset()]}
    empty: tuple[str, ...] = ()
    queue = deque([(start, empty, frozenset[str]())])
    while queue:
        node, path, needs = queue.popleft()
        for nxt, rel in links.get(node, ()):
            more = needs | {undercut[rel]} if rel in undercut else needs
            seen = best.setdefault(nxt, [])
            if any(s <= more for s in seen):
                continue
            seen.append(more)
            walked: tuple[str, ...] = (*path, rel)
            out.append((nxt, walked, tuple(sorted(more))))
            queue.append((nxt, walked, more))
    return out


def map_debate(debate: Debate, step: int, whatif: WhatIf | None = None, *, commentators: bool = False) -> MappedDebate:
    """The framework of the debate at a step, under a what-if."""
    whatif = whatif or WhatIf()
    claims, left_out = debate_claims(debate, step, whatif, commentators)
    active = set(claims)
    rels = _relations(debate, active, whatif)
    undercut = {r.to: RELATION_PREFIX + r.to for r in rels.values() if r.type == "undercuts"}
    relation_nodes = [undercut[r] for r in rels if r in undercut]

    def needs(rel: Relation, source: str) -> tuple[str, ...]:
        return (source, undercut[rel.id]) if rel.id in undercut else (source,)

    direct: list[Attack] = []
    forward: dict[str, list[tuple[str, str]]] = {}
    backward: dict[str, list[tuple[str, str]]] = {}
    for rel in rels.values():
        if rel.type == "attacks":
            direct.append(Attack(rel.from_, rel.to, "attacks", (rel.id,), needs(rel, rel.from_)))
        elif rel.type == "contradicts":
            direct.append(Attack(rel.from_, rel.to, "contradicts", (rel.id,), needs(rel, rel.from_)))
            direct.append(Attack(rel.to, rel.from_, "contradicts", (rel.id,), needs(rel, rel.to)))
        elif rel.type == "undercuts":
            direct.append(Attack(rel.from_, undercut[rel.to], "undercuts", (rel.id,), needs(rel, rel.from_)))
        else:
            forward.setdefault(rel.from_, []).append((rel.to, rel.id))
            backward.setdefault(rel.to, []).append((rel.from_, rel.id))

    if whatif.granted:
        # Attacks on a granted claim go before anything is derived from them.
        direct = [a for a in direct if a.target not in whatif.granted]
    attacks = list(direct)
    for att in direct:
        for b, path, more in _chains(att.target, forward, undercut):
            if b != att.target:
                attacks.append(Attack(att.source, b, "secondary", att.relations + path, _union(att.needs, more)))
        for s, path, more in _chains(att.source, backward, undercut):
            if s != att.source:
                rest = _union(att.needs[1:], more)
                attacks.append(Attack(s, att.target, "supported", path[::-1] + att.relations, (s, *rest)))
    if whatif.granted:
        attacks = [a for a in attacks if a.target not in whatif.granted]

    # One argument per claim and relation node; one per distinct attack needing more than
    # its source.
    grouped: dict[tuple[tuple[str, ...], str], list[Attack]] = {}
    for att in attacks:
        grouped.setdefault((att.needs, att.target), []).append(att)
    names: list[str] = [*claims, *relation_nodes]
    nodes: list[Node] = [Node(c, "claim", c) for c in claims]
    nodes += [Node(n, "relation", n[len(RELATION_PREFIX) :]) for n in relation_nodes]
    index = {name: i for i, name in enumerate(names)}
    reasons: dict[tuple[int, int], list[Attack]] = {}
    carried: list[tuple[int, tuple[str, ...]]] = []
    for (need, target), why in grouped.items():
        if len(need) == 1:
            reasons.setdefault((index[need[0]], index[target]), []).extend(why)
            continue
        name = f"{ATTACK_PREFIX}{len(carried) + 1}"
        index[name] = len(names)
        names.append(name)
        nodes.append(Node(name, "attack", target, why[0]))
        reasons.setdefault((index[name], index[target]), []).extend(why)
        carried.append((index[name], need))
    # An attack node stands exactly when all it needs stands: whatever attacks one of those
    # attacks it.
    attackers_of: dict[int, list[int]] = {}
    for src, dst in reasons:
        attackers_of.setdefault(dst, []).append(src)
    for node, need in carried:
        for part in need:
            p = index[part]
            for src in attackers_of.get(p, ()):
                reasons.setdefault((src, node), []).extend(reasons[(src, p)])
    targets: list[list[int]] = [[] for _ in names]
    for src, dst in reasons:
        targets[src].append(dst)
    af = Framework.from_targets(targets, tuple(names))
    return MappedDebate(
        af,
        tuple(nodes),
        index,
        {k: tuple(v) for k, v in reasons.items()},
        tuple(claims),
        tuple(left_out),
        step,
        whatif,
        commentators,
        {c: debate.claims[c].text for c in claims},
    )


def _union(first: Iterable[str], more: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*first, *more]))
