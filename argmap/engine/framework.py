"""An abstract argumentation framework: arguments 0..n-1 and who attacks whom.

Arguments are integers so that a million of them fit in memory and build in a fraction of a
second; names (claim ids, or "1".."N" for a file in the ICCMA format) are kept beside them.
Adjacency is stored as one Python list of targets per argument, the fastest structure to walk
from Python; the reverse lists (attackers) are built on first use, since grounded labelling
needs only the targets and the in-degrees.

A ``Framework`` is never changed after it is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class Framework:
    """Arguments ``0..n-1``; ``targets[a]`` lists the arguments ``a`` attacks.

    An attack listed twice is harmless: every algorithm here counts it as often as it walks it.
    Equal only to itself. (A plain class: a dataclass costs every ``argmap solve`` start.)
    """

    __slots__ = ("_cache", "indegree", "n", "names", "targets")

    def __init__(
        self, n: int, targets: list[list[int]], indegree: list[int], names: Sequence[str] | None = None
    ) -> None:
        self.n = n
        self.targets = targets
        self.indegree = indegree
        self.names = names
        """Argument names; None means the ICCMA names "1".."n"."""
        self._cache: dict[str, object] = {}

    def __repr__(self) -> str:
        return f"Framework(n={self.n}, attacks={sum(map(len, self.targets))})"

    # --- building ---------------------------------------------------------------------------

    @classmethod
    def from_edges(cls, n: int, edges: Iterable[tuple[int, int]], names: Sequence[str] | None = None) -> Framework:
        """A framework of ``n`` arguments with the given attacks."""
        targets: list[list[int]] = [[] for _ in range(n)]
        for a, b in edges:
            targets[a].append(b)
        return cls.from_targets(targets, names)

    @classmethod
    def from_targets(cls, targets: list[list[int]], names: Sequence[str] | None = None) -> Framework:
        """Adopt adjacency lists (the lists are owned by the framework from then on)."""
        n = len(targets)
        if names is not None and len(names) != n:
            raise ValueError(f"{len(names)} names for {n} arguments")
        indegree = [0] * n
        for ts in targets:
            for b in ts:
                indegree[b] += 1
        return cls(n, targets, indegree, names)

    @classmethod
    def from_names(cls, names: Sequence[str], attacks: Iterable[tuple[str, str]]) -> Framework:
        """A framework over named arguments; attacks name their ends."""
        index = {name: i for i, name in enumerate(names)}
        if len(index) != len(names):
            raise ValueError("argument names must be unique")
        edges = dict.fromkeys((index[a], index[b]) for a, b in attacks)
        return cls.from_edges(len(names), edges, tuple(names))

    # --- reading ----------------------------------------------------------------------------

    def name(self, a: int) -> str:
        return str(a + 1) if self.names is None else self.names[a]

    def all_names(self) -> Sequence[str]:
        return [str(i + 1) for i in range(self.n)] if self.names is None else self.names

    def index(self) -> dict[str, int]:
        """Name -> argument (built once)."""
        found = self._cache.get("index")
        if found is None:
            found = {name: i for i, name in enumerate(self.all_names())}
            self._cache["index"] = found
        return found  # type: ignore[return-value]

    @property
    def attackers(self) -> list[list[int]]:
        """``attackers[b]`` lists the arguments attacking ``b`` (built once, on first use)."""
        found = self._cache.get("attackers")
        if found is None:
            rev: list[list[int]] = [[] for _ in range(self.n)]
            for a, ts in enumerate(self.targets):
                for b in ts:
                    rev[b].append(a)
            self._cache["attackers"] = found = rev
        return found  # type: ignore[return-value]

    def edges(self) -> Iterable[tuple[int, int]]:
        for a, ts in enumerate(self.targets):
            for b in ts:
                yield a, b

    def attacks(self, a: int, b: int) -> bool:
        return b in self.targets[a]
