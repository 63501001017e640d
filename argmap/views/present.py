"""Rows for the views, built from the debate core at a step: the side columns, the position
matrix, the claim detail. Pure: no widgets here, so the views stay thin."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.debate.index import APART, NO_TOPIC, Debate, Position, StanceChange
from argmap.engine.state import DebateState
from argmap.views.quoting import quoted

if TYPE_CHECKING:
    from argmap.engine.explain import Explanation
from argmap.views.rows import (
    CHANGED,
    CONTRADICTION,
    FOLDED,
    LABEL_MARK,
    LABEL_WORD,
    NEW,
    NO_POSITION,
    STANCE_SYMBOL,
    Line,
    Piece,
    Row,
    pad,
    text_width,
    wrap_pieces,
)

CLAIM_INDENT = 4


def date_text(debate: Debate, claim: str) -> str:
    date = debate.date_of_claim(claim)
    return date.describe() if date is not None else "undated"


def topic_title(debate: Debate, topic: str, *, short: bool = False) -> str:
    """A topic's question, or its short title where one is given and ``short`` asks for it."""
    if topic == NO_TOPIC:
        return "No topic"
    found = debate.topics.get(topic)
    if found is None:
        return topic
    return found.short if short and found.short else found.question


def _side_by_side(columns: Sequence[Sequence[Line]], widths: Sequence[int], lead: int = 0) -> tuple[Line, ...]:
    """Wrapped columns laid out line by line, each filled to its width; every column after the
    first opens with ``lead`` spaces (within its width)."""
    lines: list[Line] = []
    for i in range(max(len(c) for c in columns)):
        line: list[Piece] = []
        for j, (column, width) in enumerate(zip(columns, widths, strict=True)):
            gap = lead if j else 0
            if gap:
                line.append((" " * gap, ""))
            line.extend(_padded(column[i] if i < len(column) else (), width - gap))
        lines.append(tuple(line))
    return tuple(lines)


def _padded(line: Sequence[Piece], width: int) -> tuple[Piece, ...]:
    """A wrapped line of a column, filled with spaces to the column's width."""
    used = sum(text_width(text) for text, _ in line)
    return (*line, (" " * max(width - used, 0), ""))


def stance_pieces(stance: str | None) -> tuple[Piece, ...]:
    if stance is None:
        return ((NO_POSITION, "none"),)
    return ((f"{STANCE_SYMBOL[stance]} {stance}", stance),)


@dataclass(frozen=True, slots=True)
class StepView:
    """What changes with the step: computed once per step and shared by the views."""

    step: int
    new: frozenset[str]
    flagged: dict[tuple[str, str], frozenset[str]]
    """(column, topic) -> the column's claims on the topic in a contradiction at this step."""
    positions: dict[tuple[str, str], Position]
    changes: dict[tuple[str, str], StanceChange]
    columns: dict[str, dict[str, tuple[str, ...]]]
    """Column (side id, or APART) -> topic -> claims said by now, in timeline order."""
    labels: Mapping[str, str] = field(default_factory=dict)
    """Claim -> its label at this step ("in", "out", "undec"), or "off" when a what-if removes it."""


def step_view(debate: Debate, step: int, labels: Mapping[str, str] | None = None) -> StepView:
    flagged_sets: dict[tuple[str, str], set[str]] = {}
    for c in debate.contradictions(step):
        for cid in (c.first, c.second):
            topic = debate.claims[cid].topic or NO_TOPIC
            flagged_sets.setdefault((c.side, topic), set()).add(cid)
    flagged = {key: frozenset(claims) for key, claims in flagged_sets.items()}
    changes = {(c.side, c.topic): c for c in debate.stance_changes(step)}
    return StepView(
        step,
        frozenset(debate.introduced_at(step)),
        flagged,
        debate.positions(step),
        changes,
        debate.grouped(step),
        labels or {},
    )


class RowMaker:
    """Builds rows, reusing those whose content did not change since the last step."""

    def __init__(self, debate: Debate) -> None:
        self.debate = debate
        self._cache: dict[Hashable, Row] = {}
        self._groups: dict[Hashable, tuple[Row, ...]] = {}
        self._topics: list[str] | None = None

    def _cached(self, key: Hashable) -> Row | None:
        return self._cache.get(key)

    def _keep(self, row: Row) -> Row:
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[row.key] = row
        return row

    # --- side columns ---------------------------------------------------------------------

    def claim_row(self, column: str, cid: str, *, new: bool, flagged: bool, label: str | None = None) -> Row:
        key = ("claim", column, cid, new, flagged, label)
        row = self._cached(key)
        if row is not None:
            return row
        d = self.debate
        claim = d.claims[cid]
        pieces: list[Piece] = [
            (f"{NEW} " if new else "  ", "new" if new else ""),
            (STANCE_SYMBOL.get(claim.stance or "", "•") + " ", claim.stance or "dim"),
        ]
        if label is not None:
            pieces.append((LABEL_MARK[label] + " ", f"label-{label}"))
        pieces += [
            (claim.text, "label-off" if label == "off" else ""),
            ("  — ", "dim"),
            (d.speaker_names(cid) + ",", "speaker"),
            (" " + date_text(d, cid), "date"),
        ]
        if flagged:
            pieces.append((f"  {CONTRADICTION} contradiction", "flag"))
        return self._keep(Row(key, tuple(pieces), target=cid, indent=CLAIM_INDENT, role="new" if new else ""))

    def heading_row(self, column: str, topic: str, position: Position | None, change: StanceChange | None) -> Row:
        stance = position.stance if position is not None else None
        changed = change is not None and not change.first
        key = ("heading", column, topic, stance, changed)
        row = self._cached(key)
        if row is not None:
            return row
        pieces: list[Piece] = [(topic_title(self.debate, topic), "heading")]
        if column != APART and topic != NO_TOPIC:
            pieces += [("  ", ""), *stance_pieces(stance)]
            if changed:
                pieces.append((f" {CHANGED} changed", "changed"))
        return self._keep(Row(key, tuple(pieces), target=None, indent=2))

    def folded_row(self, column: str, topic: str, speaker: str, count: int) -> Row:
        key = ("folded", column, topic, speaker, count)
        row = self._cached(key)
        if row is not None:
            return row
        noun = "claim" if count == 1 else "claims"
        pieces = (
            (f"  {FOLDED} ", "dim"),
            (self.debate.actor_name(speaker), "speaker"),
            (f": {count} {noun} folded", "dim"),
        )
        return self._keep(Row(key, pieces, target=("speaker", speaker), indent=CLAIM_INDENT))

    def column_rows(self, column: str, view: StepView, state: DebateState) -> list[Row]:
        rows: list[Row] = []
        by_topic = view.columns.get(column, {})
        n_new = len(view.new)
        for topic in self._topic_order():
            claims = by_topic.get(topic)
            if not claims:
                continue
            heading = self.heading_row(
                column, topic, view.positions.get((column, topic)), view.changes.get((column, topic))
            )
            # Claims new at this step are the last ones said.
            new = tuple(c for c in claims[-n_new:] if c in view.new) if n_new else ()
            flagged = view.flagged.get((column, topic), frozenset())
            labels = tuple(view.labels.get(c) for c in claims) if view.labels else ()
            key = ("group", column, topic, len(claims), heading.key, new, flagged, state.folded, labels)
            group = self._groups.get(key)
            if group is None:
                group = self._group(column, topic, claims, heading, set(new), flagged, state.folded, view.labels)
                if len(self._groups) > 5_000:
                    self._groups.clear()
                self._groups[key] = group
            rows.extend(group)
        return rows

    def _group(
        self,
        column: str,
        topic: str,
        claims: tuple[str, ...],
        heading: Row,
        new: set[str],
        flagged: frozenset[str],
        folded: frozenset[str],
        labels: Mapping[str, str],
    ) -> tuple[Row, ...]:
        rows = [heading]
        folded_counts: dict[str, int] = {}
        for cid in claims:
            speaker = self.speaker_in(column, cid)
            if speaker in folded:
                folded_counts[speaker] = folded_counts.get(speaker, 0) + 1
                continue
            rows.append(self.claim_row(column, cid, new=cid in new, flagged=cid in flagged, label=labels.get(cid)))
        for speaker, count in folded_counts.items():
            rows.append(self.folded_row(column, topic, speaker, count))
        return tuple(rows)

    def _topic_order(self) -> list[str]:
        if self._topics is None:
            self._topics = [t.id for t in self.debate.scenario.topics] + [NO_TOPIC]
        return self._topics

    def speaker_in(self, column: str, cid: str) -> str:
        """The party a claim is shown under in a column (the other party of a joint statement
        when it speaks for this side)."""
        for side, party in self.debate.speakers.get(cid, ()):
            if side == column:
                return party
        return self.debate.claims[cid].actor

    # --- matrix ---------------------------------------------------------------------------

    def matrix_widths(self, width: int) -> tuple[int, int]:
        n = max(len(self.debate.sides), 1)
        topic_w = max(14, min(44, int(width * 0.34)))
        cell_w = max(8, (width - topic_w) // n)
        return topic_w, cell_w

    def matrix_header(self, width: int) -> tuple[Line, ...]:
        """The header's lines: "Topic", then each side's name, wrapped in its column."""
        topic_w, cell_w = self.matrix_widths(width)
        columns = [[(("Topic", "label"),)]] + [
            wrap_pieces(((self.debate.actor_name(side), "side"),), cell_w - 1) for side in self.debate.sides
        ]
        return _side_by_side(columns, [topic_w] + [cell_w] * len(self.debate.sides), lead=1)

    def matrix_rows(self, view: StepView, width: int) -> list[Row]:
        d = self.debate
        topic_w, cell_w = self.matrix_widths(width)
        rows = []
        for topic in d.topics:
            cells = []
            for side in d.sides:
                position = view.positions.get((side, topic))
                change = view.changes.get((side, topic))
                cells.append(self._cell(position, change, cell_w))
            title = topic_title(d, topic, short=True)
            pieces: list[Piece] = [(title + " ", "")]
            for cell in cells:
                pieces.extend(cell)
            # Each column wraps in its own width: nothing is cut, the row grows instead.
            columns = [wrap_pieces(((title, ""),), topic_w - 1)] + [wrap_pieces(c, cell_w - 1, 1) for c in cells]
            block = _side_by_side(columns, [topic_w] + [cell_w] * len(cells))
            key = ("matrix", topic, width, tuple(cells))
            rows.append(Row(key, tuple(pieces), target=topic, wrap=False, block=block))
        return rows

    def _cell(self, position: Position | None, change: StanceChange | None, width: int) -> tuple[Piece, ...]:
        if position is None:
            return ((f" {NO_POSITION}", "none"),)
        mark = CHANGED if change is not None else " "
        stance = position.stance
        word = f"{STANCE_SYMBOL[stance]} {stance}"
        speakers = []
        for cid in position.claims:
            name = self.short_name(self.debate.claims[cid].actor)
            if name not in speakers:
                speakers.append(name)
        who = speakers[-1] + (f" +{len(speakers) - 1}" if len(speakers) > 1 else "") if speakers else ""
        pieces: list[Piece] = [(mark, "changed"), (word, stance)]
        # The speaker where a cell has room for its words (it wraps; a word is never split).
        if stance != "conflicting" and who and width >= 18:
            pieces.append((" · " + who, "dim"))
        return tuple(pieces)

    def short_name(self, actor: str) -> str:
        """A person's surname, or a body's name."""
        found = self.debate.actors.get(actor)
        if found is None:
            return actor
        words = found.name.split()
        # "Vladimir Putin" -> "Putin"; "Mayor of North Town" stays whole.
        if found.kind == "person" and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return words[-1]
        return found.name


# --- claim detail ---------------------------------------------------------------------------

LABEL_WIDTH = 10

_OUT_WORDS = {"supports": "supports", "attacks": "attacks", "contradicts": "contradicts", "undercuts": "undercuts"}
_IN_WORDS = {
    "supports": "supported by",
    "attacks": "attacked by",
    "contradicts": "contradicted by",
    "undercuts": "undercut by",
}


def _field(label: str, *pieces: Piece, key: Hashable) -> Row:
    return Row(("field", key, label), ((pad(label, LABEL_WIDTH), "label"), *pieces), indent=LABEL_WIDTH)


def _blank(key: Hashable) -> Row:
    return Row(("blank", key), ((" ", ""),))


def _heading(text: str) -> Row:
    return Row(("section", text), ((text, "heading"),))


def claim_brief(debate: Debate, cid: str, step: int) -> tuple[Piece, ...]:
    """A claim in one breath: stance, paraphrase, speaker and date; dimmed if not yet said."""
    claim = debate.claims[cid]
    later = not debate.is_said(cid, step)
    return (
        (STANCE_SYMBOL.get(claim.stance or "", "•") + " ", claim.stance or "dim"),
        (claim.text, "later" if later else ""),
        ("  — ", "dim"),
        (debate.speaker_names(cid) + ",", "speaker"),
        (" " + date_text(debate, cid), "date"),
        *(((" (not yet said at this date)", "later"),) if later else ()),
    )


def label_rows(debate: Debate, cid: str, explanation: Explanation | None, whatif_lines: list[str]) -> list[Row]:
    """Where the claim stands under the semantics in force, and why, as a chain to follow."""
    rows: list[Row] = [_blank("label"), _heading("Stands or falls")]
    if whatif_lines:
        rows.append(
            Row(("whatif", cid, tuple(whatif_lines)), (("WHAT-IF ", "whatif"), ("; ".join(whatif_lines), "")), indent=2)
        )
    if explanation is None or explanation.label is None:
        rows.append(
            Row(
                ("label-none", cid),
                (("Not in the debate at this step (not yet said, a commentator's, or switched off).", "dim"),),
                indent=2,
            )
        )
        return rows
    label = explanation.label
    rows.append(
        Row(
            ("label", cid, label, explanation.semantics),
            (
                (f"{LABEL_MARK[label]} {LABEL_WORD[label]}", f"label-{label}"),
                (f"  under {explanation.semantics} semantics", "dim"),
            ),
            indent=2,
        )
    )
    for i, line in enumerate(explanation.lines):
        target = ("claim", line.node) if line.node in debate.claims else None
        rows.append(
            Row(
                ("why", cid, i, line.text),
                (("  " * line.depth + f"{LABEL_MARK.get(line.label, '·')} ", f"label-{line.label}"), (line.text, "")),
                target=target,
                indent=4 + 2 * line.depth,
            )
        )
    return rows


def claim_rows(debate: Debate, cid: str, step: int, labels: list[Row] | None = None) -> list[Row]:
    """Everything about a claim: its facts, where it stands, its evidence, the claims it bears
    on and those that bear on it, and the glossary terms it uses."""
    d = debate
    c = d.claims[cid]
    rows: list[Row] = [Row(("title", cid), ((c.text, "title"),)), _blank(1)]
    speaker = d.actors.get(c.actor)
    who: list[Piece] = [(d.speaker_names(cid), "")]
    if speaker is not None and speaker.role:
        who.append((f" ({speaker.role})", "dim"))
    rows.append(_field("Speaker", *who, key=cid))
    if speaker is not None and speaker.kind == "commentator":
        rows.append(_field("Side", ("commentator, not a side", "dim"), key=cid))
    else:
        sides = d.sides_of_claim(cid)
        rows.append(_field("Side", (", ".join(d.actor_name(s) for s in sides) or "none", ""), key=cid))
    date = d.date_of_claim(cid)
    if date is not None:
        when: list[Piece] = [(date.describe(), "")]
        if date.precision != "standing":
            when.append((f"  (known to the {date.precision})", "dim"))
        claim_step = d.step(d.step_of_claim(cid))
        when.append((f"  step {claim_step.index}: {claim_step.label}", "dim"))
        rows.append(_field("Date", *when, key=cid))
    if c.topic is not None:
        rows.append(_field("Topic", (topic_title(d, c.topic), ""), key=cid))
    if c.stance is not None:
        rows.append(_field("Stance", *stance_pieces(c.stance), key=cid))
    rows.append(_field("Kind", (c.kind, ""), key=cid))
    if c.tags:
        rows.append(_field("Tags", (", ".join(c.tags), ""), key=cid))
    if c.note:
        rows.append(_field("Note", (c.note, "quote"), key=cid))

    flagged = [x for x in d.contradictions(step) if cid in (x.first, x.second)]
    if flagged:
        rows.append(_blank(2))
        for x in flagged:
            other = x.second if x.first == cid else x.first
            word = "contradicts" if x.type == "contradicts" else "attacks (same side)"
            rows.append(
                Row(
                    ("flag", x.relation, cid),
                    (
                        (f"{CONTRADICTION} {d.actor_name(x.side)} contradicts itself: ", "flag"),
                        (word + " ", "dim"),
                        *claim_brief(d, other, step),
                    ),
                    target=("claim", other),
                    indent=2,
                )
            )

    rows += labels or []
    rows += [_blank(3), _heading(f"Evidence ({len(c.evidence)})")]
    for i, ev in enumerate(c.evidence):
        source = d.sources.get(ev.source)
        title = source.facts.title if source is not None and source.facts.title else ev.source
        rows.append(
            Row(
                ("quote", cid, i),
                (("“", "dim"), (quoted(ev.quote)[1:-1], "quote"), ("”  — ", "dim"), (title, "speaker")),
                target=("quote", i),
                indent=2,
            )
        )

    out_rel = d.relations_out.get(cid, [])
    in_rel = d.relations_in.get(cid, [])
    under = [u for rel in out_rel + in_rel for u in d.undercuts.get(rel.id, [])]
    rows += [_blank(4), _heading(f"Relations ({len(out_rel) + len(in_rel) + len(under)})")]
    if not (out_rel or in_rel or under):
        rows.append(Row(("none", cid), (("No relation to other claims.", "dim"),)))

    def relation(rel_id: str, way: str, words: str, other: str, *lead: Piece) -> Row:
        return Row(
            ("rel", rel_id, way, step),
            ((pad(words, 18), "key"), *lead, *claim_brief(d, other, step)),
            target=("claim", other),
            indent=18,
        )

    for rel in out_rel:
        if rel.type != "undercuts":
            rows.append(relation(rel.id, "out", _OUT_WORDS[rel.type], rel.to))
        elif (undercut := d.relations.get(rel.to)) is not None:
            lead: Piece = (f"the link “{undercut.type}” from ", "dim")
            rows.append(relation(rel.id, "out", "undercuts", undercut.from_, lead))
    rows += [relation(rel.id, "in", _IN_WORDS[rel.type], rel.from_) for rel in in_rel]
    rows += [relation(u.id, "under", "link undercut by", u.from_) for u in under]

    terms = d.terms_in([c.text, *(ev.quote for ev in c.evidence)])
    if terms:
        rows += [_blank(5), _heading("Terms")]
        entries = {g.term: g for g in d.scenario.glossary}
        for term in terms:
            entry = entries[term]
            basis = "from the sources" if entry.basis == "sources" and entry.evidence else "background"
            pieces: tuple[Piece, ...] = ((term, "term"), ("  " + entry.meaning, "dim"), (f"  ({basis})", "label"))
            rows.append(Row(("term", term), pieces, target=("term", term), indent=2))
    return rows
