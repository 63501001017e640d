"""Generate large valid scenarios (and their source text) for the benchmarks."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

WORDS = (
    "treaty missile defence threat strategic theater russia states europe china talks summit "
    "withdrawal proposal agreement protocol warheads reductions ratification security balance "
    "deterrent shield boost phase system interview ministry position support attack reply "
    "consultation diplomacy response capacity forces nuclear arms control stability cornerstone"
).split()


def source_text(n_words: int, seed: int = 7) -> str:
    """A large text of pseudo-sentences, hard-wrapped like a memo."""
    rng = random.Random(seed)
    lines, line = [], []
    for i in range(n_words):
        word = rng.choice(WORDS) + (str(rng.randrange(1000)) if rng.random() < 0.3 else "")
        line.append(word.capitalize() if i % 17 == 0 else word)
        if i % 17 == 16:
            line[-1] += "."
        if len(line) == 12:
            lines.append(" ".join(line) + " ")
            line = []
            if rng.random() < 0.08:
                lines.append("")
    return "\n".join(lines) + "\n"


def claim_text(c: int) -> str:
    return f"Generated claim number {c}, paraphrasing a passage of the source."


def draws(n_claims: int, text: str, seed: int = 11) -> tuple[list[str], list[tuple[str, int, int]]]:
    """Each claim's quote of ``text``, then the relations as (kind, from, to) claim numbers."""
    rng = random.Random(seed)
    words = " ".join(text.split()).split(" ")
    quotes = []
    for _ in range(n_claims):
        start = rng.randrange(len(words) - 20)
        quotes.append(" ".join(words[start : start + rng.randint(6, 14)]))
    relations = []
    for r in range(n_claims):
        a, b = r, rng.randrange(n_claims)  # every claim takes part in a relation
        if a == b:
            b = (a + 1) % n_claims
        relations.append(("supports" if r % 3 == 0 else "attacks", a, b))
    return quotes, relations


def scenario(n_claims: int, source_file: str, text: str, seed: int = 11) -> str:
    """A scenario in YAML with ``n_claims`` claims, each quoting ``text``, and as many relations."""
    quotes, relations = draws(n_claims, text, seed)
    sides = ["north", "south", "east", "west"]
    out = [
        "format: 1",
        f"title: Generated debate of {n_claims} claims",
        "summary: Generated for benchmarks.",
        "licence: CC0-1.0",
        "sources:",
        "  - id: big-source",
        "    title: Generated source",
        "    published: 2001-12",
        f"    file: {source_file}",
        f"    sha256: {hashlib.sha256(text.encode()).hexdigest()}",
        "actors:",
    ]
    for side in sides:
        out.append(f"  - {{id: {side}, name: {side.title()}, kind: side}}")
        for k in range(10):
            out.append(
                f"  - {{id: {side}-speaker-{k}, name: Speaker {k} of {side.title()}, kind: person, parent: {side}}}"
            )
    out.append("topics:")
    for t in range(20):
        out.append(f"  - {{id: topic-{t}, question: Question number {t}?}}")
    out.append("events:")
    n_events = max(1, n_claims // 20)
    for e in range(n_events):
        out.append(
            f"  - {{id: event-{e}, title: Event {e}, date: {2000 + e * 2 // n_events}-{1 + e % 12:02d}, order: {e}}}"
        )
    out.append("claims:")
    for c, quote in enumerate(quotes):
        side = sides[c % 4]
        placed = f"event: event-{c % n_events}" if c % 3 else f"date: 2001-{1 + c % 12:02d}-{1 + c % 28:02d}"
        out += [
            f"  - id: claim-{c}",
            f"    text: {claim_text(c)}",
            f"    actor: {side}-speaker-{c % 10}",
            f"    topic: topic-{c % 20}",
            f"    stance: {('for', 'against', 'neutral')[c % 3]}",
            "    kind: position",
            f"    {placed}",
            "    evidence:",
            "      - source: big-source",
            f"        quote: {json.dumps(quote)}",
        ]
    out.append("relations:")
    for r, (kind, a, b) in enumerate(relations):
        out.append(f"  - {{id: rel-{r}, type: {kind}, from: claim-{a}, to: claim-{b}}}")
    return "\n".join(out) + "\n"


def write(folder: Path, n_claims: int, source_words: int = 300_000) -> Path:
    """Write a scenario of ``n_claims`` claims and its source into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    text = source_text(source_words)
    (folder / "big-source.txt").write_text(text, encoding="utf-8")
    path = folder / f"generated-{n_claims}.yaml"
    path.write_text(scenario(n_claims, "big-source.txt", text), encoding="utf-8")
    return path


def argdown(n_claims: int, text: str, seed: int = 11) -> str:
    """The same debate as ``scenario`` in Argdown: one statement a claim, grouped by topic, with
    the claim's facts (speaker, stance, kind, date or event, quote) as its data and its outgoing
    relation (``+>`` supports, ``->`` attacks), so both tools read the same information."""
    quotes, relations = draws(n_claims, text, seed)
    sides = ["north", "south", "east", "west"]
    n_events = max(1, n_claims // 20)
    arrow = {"supports": "+>", "attacks": "->"}
    out = [f"# Generated debate of {n_claims} claims", ""]
    for t in range(20):
        out += [f"## Question number {t}?", ""]
        for c in range(t, n_claims, 20):
            kind, _, b = relations[c]
            placed = f"event: event-{c % n_events}" if c % 3 else f"date: 2001-{1 + c % 12:02d}-{1 + c % 28:02d}"
            data = (
                f"{{actor: {sides[c % 4]}-speaker-{c % 10}, stance: {('for', 'against', 'neutral')[c % 3]}, "
                f"kind: position, {placed}, source: big-source, quote: {json.dumps(quotes[c])}}}"
            )
            out += [f"[claim-{c}]: {claim_text(c)} #{sides[c % 4]} {data}", f"  {arrow[kind]} [claim-{b}]", ""]
    return "\n".join(out)


def write_argdown(folder: Path, n_claims: int, source_words: int = 300_000) -> Path:
    """Write the Argdown counterpart of ``write(folder, n_claims, source_words)`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"generated-{n_claims}.argdown"
    path.write_text(argdown(n_claims, source_text(source_words)), encoding="utf-8")
    return path
