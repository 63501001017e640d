"""Labels of a debate's claims at a step, under a semantics and a what-if: the engine's entry
point for the user interface and the report.

``ArgumentEngine`` is built once per debate and remembers its recent answers, so stepping
back and forth or toggling a what-if costs a dictionary lookup the second time. On the
bundled scenario a fresh evaluation (mapping included) takes about a millisecond.

Labels:

* under **grounded** semantics, the grounded labelling: ``in`` (accepted), ``out`` (rejected:
  an accepted claim attacks it), ``undec`` (neither can be established);
* under **complete**, **preferred** and **stable** semantics, which may give several
  extensions: ``in`` when the claim is in every extension (sceptically accepted), ``undec``
  when it is in some but not all (credulously accepted), ``out`` when it is in none. Under
  complete semantics ``in`` and ``out`` coincide with grounded. When there is no stable
  extension at all, every claim is ``undec`` and ``exists`` is False.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock
from typing import TYPE_CHECKING

from argmap.engine.grounded import grounded
from argmap.engine.labels import LABELS, NAME, Label
from argmap.engine.mapping import MappedDebate, map_debate
from argmap.engine.semantics import Acceptance, Semantics, acceptance, extensions
from argmap.engine.whatif import WhatIf

if TYPE_CHECKING:
    from argmap.debate.index import Debate
    from argmap.engine.explain import Explanation, Names


@dataclass(frozen=True, slots=True, eq=False)
class Evaluation:
    """The labels of one framework built from a debate."""

    mapped: MappedDebate
    semantics: Semantics
    node_labels: bytes
    """A label per argument of ``mapped.af`` (see the module docstring)."""
    grounded_labels: bytes
    accepted: Acceptance | None = None
    """Credulous and sceptical acceptance, for the semantics other than grounded."""
    _standpoints: dict[int, list[frozenset[str]]] = field(default_factory=dict, repr=False)

    @property
    def exists(self) -> bool:
        """False only under stable semantics when there is no stable extension."""
        return self.accepted is None or self.accepted.exists

    @property
    def step(self) -> int:
        return self.mapped.step

    @property
    def whatif(self) -> WhatIf:
        return self.mapped.whatif

    def label(self, claim: str) -> Label | None:
        """The claim's label, or None when it is not in the debate at this step (not yet
        said, a commentator's, or switched off)."""
        a = self.mapped.index.get(claim)
        return None if a is None else NAME[self.node_labels[a]]

    def node_label(self, name: str) -> Label:
        return NAME[self.node_labels[self.mapped.index[name]]]

    @property
    def labels(self) -> dict[str, Label]:
        """Every claim in the debate at this step, with its label, in timeline order."""
        return {c: NAME[self.node_labels[i]] for i, c in enumerate(self.mapped.claims)}

    def counts(self) -> dict[Label, int]:
        out: dict[Label, int] = dict.fromkeys(LABELS, 0)
        for i in range(len(self.mapped.claims)):
            out[NAME[self.node_labels[i]]] += 1
        return out

    def standpoints(self, limit: int = 20) -> list[frozenset[str]]:
        """The extensions of the semantics in force (for grounded: the preferred ones), as
        sets of claims: the debate's coherent standpoints, at most ``limit`` of them."""
        found = self._standpoints.get(limit)
        if found is None:
            semantics: Semantics = "preferred" if self.semantics in ("grounded", "complete") else self.semantics
            claims = self.mapped.claims
            n = len(claims)
            found = []
            for ext in extensions(self.mapped.af, semantics, limit):
                found.append(frozenset(claims[a] for a in ext if a < n))
            self._standpoints[limit] = found
        return found

    def explain(self, claim: str, names: Names | None = None) -> Explanation:
        """Why the claim has its label (see ``explain``), claims named by ``names`` (by id
        when none is given)."""
        from argmap.engine.explain import explain

        return explain(self, claim, names)


def evaluate(mapped: MappedDebate, semantics: Semantics = "grounded") -> Evaluation:
    """Label a framework built from a debate."""
    g = grounded(mapped.af)
    if semantics == "grounded":
        return Evaluation(mapped, semantics, bytes(g), bytes(g))
    accepted = acceptance(mapped.af, semantics, g)
    return Evaluation(mapped, semantics, bytes(accepted.labels()), bytes(g), accepted)


@dataclass(frozen=True, slots=True)
class LabelChange:
    """A claim whose label differs between two evaluations (None: not in the debate)."""

    claim: str
    before: Label | None
    after: Label | None


def changes(before: Evaluation, after: Evaluation) -> list[LabelChange]:
    """Claims whose label differs, in the timeline order of the later evaluation, then any
    that left the debate."""
    out = []
    old = before.labels
    new = after.labels
    for claim, label in new.items():
        if old.get(claim) != label:
            out.append(LabelChange(claim, old.get(claim), label))
    for claim, label in old.items():
        if claim not in new:
            out.append(LabelChange(claim, label, None))
    return out


class ArgumentEngine:
    """Evaluations of one debate, remembered (the most recent ``cache_size`` of them).

    Safe to call from a worker thread while the interface thread reads earlier results:
    evaluations are immutable and the cache is guarded by a lock.
    """

    def __init__(self, debate: Debate, *, cache_size: int = 256) -> None:
        self.debate = debate
        self._size = cache_size
        self._maps: OrderedDict[tuple[int, WhatIf, bool], MappedDebate] = OrderedDict()
        self._evals: OrderedDict[tuple[int, WhatIf, bool, str], Evaluation] = OrderedDict()
        self._lock = Lock()

    def mapped(self, step: int, whatif: WhatIf | None = None, *, commentators: bool = False) -> MappedDebate:
        """The framework of the debate at a step (see ``mapping``)."""
        key = (step, whatif or WhatIf(), commentators)
        with self._lock:
            found = self._maps.get(key)
            if found is not None:
                self._maps.move_to_end(key)
                return found
        found = map_debate(self.debate, step, key[1], commentators=commentators)
        with self._lock:
            self._maps[key] = found
            while len(self._maps) > self._size:
                self._maps.popitem(last=False)
        return found

    def evaluate(
        self,
        step: int,
        semantics: Semantics = "grounded",
        whatif: WhatIf | None = None,
        *,
        commentators: bool = False,
    ) -> Evaluation:
        """The labels of the debate's claims at a step."""
        key = (step, whatif or WhatIf(), commentators, semantics)
        with self._lock:
            found = self._evals.get(key)
            if found is not None:
                self._evals.move_to_end(key)
                return found
        found = evaluate(self.mapped(step, key[1], commentators=commentators), semantics)
        with self._lock:
            self._evals[key] = found
            while len(self._evals) > self._size:
                self._evals.popitem(last=False)
        return found

    def changes(
        self,
        before: int,
        after: int,
        semantics: Semantics = "grounded",
        whatif: WhatIf | None = None,
        *,
        commentators: bool = False,
    ) -> list[LabelChange]:
        """What changed between two steps."""
        return changes(
            self.evaluate(before, semantics, whatif, commentators=commentators),
            self.evaluate(after, semantics, whatif, commentators=commentators),
        )
