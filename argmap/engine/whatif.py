"""What if: claims, speakers, sides or sources switched off, and claims granted.

A ``WhatIf`` is one immutable value, replaced by every change, so a user interface can keep it
in its state, compare it, and use it as a cache key.

* A claim switched off is taken out of the debate, with every relation touching it.
* A speaker or side switched off takes out the claims it made, and those of every actor under
  it (a side takes its people and bodies). A joint statement stays while one of its parties is
  still on. Relations asserted (``by``) by an actor switched off go too.
* A source switched off takes out the claims that rest on it alone: a claim quoted from another
  source as well still stands.
* A granted claim is taken as established: every attack on it is removed, so it is accepted
  under every semantics and what it attacks must answer it. Granting two claims that attack each
  other grants both; the conflict is then no longer weighed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


def _toggle(items: frozenset[str], item: str) -> frozenset[str]:
    return items - {item} if item in items else items | {item}


@dataclass(frozen=True, slots=True)
class WhatIf:
    """Hypothetical changes to the debate; the default value changes nothing."""

    off_claims: frozenset[str] = frozenset()
    off_actors: frozenset[str] = frozenset()
    off_sources: frozenset[str] = frozenset()
    granted: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        """Whether anything is changed (for an indicator)."""
        return bool(self.off_claims or self.off_actors or self.off_sources or self.granted)

    def toggle_claim(self, claim: str) -> WhatIf:
        """Switch a claim off, or back on."""
        return replace(self, off_claims=_toggle(self.off_claims, claim))

    def toggle_actor(self, actor: str) -> WhatIf:
        """Switch a speaker or a side off, or back on."""
        return replace(self, off_actors=_toggle(self.off_actors, actor))

    def toggle_source(self, source: str) -> WhatIf:
        return replace(self, off_sources=_toggle(self.off_sources, source))

    def toggle_granted(self, claim: str) -> WhatIf:
        """Grant a claim, or withdraw the grant."""
        return replace(self, granted=_toggle(self.granted, claim))

    def describe(self) -> list[str]:
        """One short line per change, for a list of active what-ifs."""
        lines = [f"claim {c} off" for c in sorted(self.off_claims)]
        lines += [f"speaker {a} off" for a in sorted(self.off_actors)]
        lines += [f"source {s} off" for s in sorted(self.off_sources)]
        lines += [f"claim {c} granted" for c in sorted(self.granted)]
        return lines
