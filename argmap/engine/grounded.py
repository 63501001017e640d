"""Grounded labelling in time linear in the size of the framework.

The grounded labelling is the least complete labelling: an argument is IN when every attacker
is OUT, OUT when some attacker is IN, and UNDEC when neither can be established. It is
computed by propagation: each argument keeps a count of its attackers not yet OUT; an argument
whose count reaches zero is IN, and everything it attacks becomes OUT, lowering the counts of
what those attack. Every attack is walked at most twice.
"""

from __future__ import annotations

from argmap.engine.framework import Framework
from argmap.engine.labels import IN, OUT


def grounded(af: Framework) -> bytearray:
    """``labels[a]`` is IN, OUT or UNDEC in the grounded labelling of ``af``."""
    targets = af.targets
    count = af.indegree.copy()
    labels = bytearray(af.n)
    stack = [a for a, c in enumerate(count) if c == 0]
    for a in stack:
        labels[a] = IN
    pop, push = stack.pop, stack.append
    while stack:
        for b in targets[pop()]:
            if labels[b] != OUT:
                # b has an IN attacker, so it was never IN: its count never reached zero.
                labels[b] = OUT
                for c in targets[b]:
                    count[c] -= 1
                    if count[c] == 0:
                        labels[c] = IN
                        push(c)
    return labels


def grounded_extension(af: Framework) -> list[int]:
    labels = grounded(af)
    return [a for a in range(af.n) if labels[a] == IN]
