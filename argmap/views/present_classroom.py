"""Rows for the classroom modes: a walkthrough step's focus, an exercise question with its
feedback, a role-play round and its outcome. Pure, like ``present``: no widgets here.

Scenario text goes into pieces as it is, never parsed as markup. It comes in through the app's
gate; the one text from elsewhere, where the results are saved, passes ``visible`` here.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace

from argmap.base.textsafe import visible
from argmap.classroom.questions import Question
from argmap.classroom.roleplay import Outcome, RolePlay, Round, Turn, side_claims
from argmap.classroom.session import Session, Skipped
from argmap.debate.index import NO_TOPIC, Debate
from argmap.engine.state import DebateState
from argmap.scenario.model import Focus
from argmap.views.present import RowMaker, claim_brief, claim_rows, date_text, stance_pieces, step_view, topic_title
from argmap.views.quoting import quoted
from argmap.views.rows import Piece, Row

LETTERS = "abcdefghijklmnopqrstuvwxyz"
RIGHT, WRONG, PICKED = "✓", "✗", "●"
NEXT = "next"
"""The target of the row that moves on (Enter on it)."""
VERDICT = "verdict"
"""The first part of the key of the row that says whether an answer is right."""


def _blank(key: Hashable) -> Row:
    return Row(("blank", key), ((" ", ""),))


def _heading(text: str, key: Hashable = None) -> Row:
    return Row(("section", text, key), ((text, "heading"),))


def _quote_row(debate: Debate, cid: str, key: Hashable) -> Row | None:
    claim = debate.claims[cid]
    if not claim.evidence:
        return None
    ev = claim.evidence[0]
    source = debate.sources.get(ev.source)
    title = source.facts.title if source is not None and source.facts.title else ev.source
    return Row(
        ("quote", cid, key),
        (("    “", "dim"), (quoted(ev.quote)[1:-1], "quote"), ("”  — ", "dim"), (title, "speaker")),
        indent=5,
    )


def _claim_row(debate: Debate, cid: str, step: int, key: Hashable, lead: tuple[Piece, ...] = ()) -> Row:
    pieces = (*lead, *claim_brief(debate, cid, step))
    return Row(("claim", cid, step, key, lead), pieces, target=("claim", cid), indent=4)


# --- walkthrough ------------------------------------------------------------------------------


def focus_claim(debate: Debate, focus: Focus | None) -> str | None:
    """The claim a step points at: its claim, or the answering end of its relation."""
    if focus is None:
        return None
    if focus.claim in debate.claims:
        return focus.claim
    rel = debate.relations.get(focus.relation or "")
    if rel is not None and rel.from_ in debate.claims:
        return rel.from_
    return None


def focus_topic(debate: Debate, focus: Focus | None) -> str | None:
    """The topic to highlight in the matrix: the step's topic, or its claim's."""
    if focus is None:
        return None
    if focus.topic in debate.topics:
        return focus.topic
    claim = focus_claim(debate, focus)
    return debate.claims[claim].topic if claim is not None else None


def focus_rows(debate: Debate, maker: RowMaker, focus: Focus | None, step: int) -> list[Row]:
    """What a walkthrough step points at, as of its step: a claim in full, both ends of a
    relation, a side's claims by topic, every side's position on a topic, or the claims new at
    the step."""
    if focus is not None and focus.claim in debate.claims:
        rows = claim_rows(debate, focus.claim, step)
        # The cursor starts on the claim itself: Enter opens it.
        return [replace(rows[0], target=("claim", focus.claim)), *rows[1:]]
    if focus is not None and focus.relation in debate.relations:
        return _relation_rows(debate, focus.relation, step)
    if focus is not None and focus.side in debate.sides:
        side = focus.side
        view = step_view(debate, step)
        state = DebateState(step=step, first=debate.first_step, last=debate.last_step)
        rows = [_heading(f"What {debate.actor_name(side)} has said by now", side)]
        column = maker.column_rows(side, view, state)
        return rows + (column or [Row(("none", side), (("Nothing said yet.", "dim"),))])
    if focus is not None and focus.topic in debate.topics:
        return _topic_rows(debate, focus.topic, step)
    new = debate.introduced_at(step)
    rows = [_heading("Said at this step" if new else "Nothing new is said at this step", step)]
    for cid in new:
        rows.append(_claim_row(debate, cid, step, "new"))
    return rows


def _relation_rows(debate: Debate, relation: str, step: int) -> list[Row]:
    rel = debate.relations[relation]
    rows = [_heading("Relation", relation)]
    if rel.type == "undercuts" and rel.to in debate.relations:
        inner = debate.relations[rel.to]
        ends = [(rel.from_, "undercuts the link"), (inner.from_, f"{inner.type}"), (inner.to, "")]
    else:
        ends = [(rel.from_, rel.type), (rel.to, "")]
    for i, (cid, word) in enumerate(ends):
        if cid not in debate.claims:
            continue
        rows.append(_claim_row(debate, cid, step, ("end", relation, i), (("  ", ""),)))
        quote = _quote_row(debate, cid, ("end", relation, i))
        if quote is not None:
            rows.append(quote)
        if word:
            rows.append(Row(("word", relation, i), ((f"      {word} ↓", "key"),)))
    if rel.note:
        rows += [
            _blank(("note", relation)),
            Row(("note", relation), (("Note: ", "label"), (rel.note, "quote")), indent=6),
        ]
    return rows


def _topic_rows(debate: Debate, topic: str, step: int) -> list[Row]:
    rows = [Row(("topic", topic), ((topic_title(debate, topic), "title"),), indent=2)]
    for side in debate.sides:
        position = debate.position(side, topic, step)
        rows.append(_blank(("side", side)))
        rows.append(
            Row(
                ("side", side, topic, step),
                ((debate.actor_name(side), "side"), ("  ", ""), *stance_pieces(position.stance if position else None)),
            )
        )
        for cid in position.claims if position else ():
            rows.append(_claim_row(debate, cid, step, ("topic", topic), (("  ", ""),)))
    return rows


# --- exercises --------------------------------------------------------------------------------


def _how_to_answer(question: Question) -> str:
    letters = f"{LETTERS[0]}–{LETTERS[len(question.choices) - 1]}"
    if question.ordered:
        return f"Pick them in order, earliest first ({letters}); Backspace takes the last one back."
    if question.picks > 1:
        return f"Pick {question.picks} ({letters}); pick one again to take it back."
    return f"Press {letters}, or ↑ ↓ and Enter."


def _mark(session: Session, question: Question, value: str) -> Piece:
    graded = session.graded
    picks = session.picks
    if graded is None:
        if value not in picks:
            return ("   ", "")
        return (f"{picks.index(value) + 1}. " if question.ordered else f"{PICKED}  ", "key")
    if question.ordered:
        at = picks.index(value)
        ok = question.answer[at] == value
        return (f"{at + 1}. ", "for" if ok else "against")
    if value in question.answer:
        return (f"{RIGHT}  ", "for")
    if value in picks:
        return (f"{WRONG}  ", "against")
    return ("   ", "")


def question_rows(session: Session) -> list[Row]:
    """The current question, its choices marked with the picks, and the feedback once graded."""
    question = session.current
    if question is None:
        return []
    ex = question.exercise
    graded = session.graded
    rows = [
        Row(("prompt", ex), ((question.prompt, "title"),)),
        Row(("how", ex, graded is None), ((_how_to_answer(question) if graded is None else " ", "dim"),)),
        _blank(("choices", ex)),
    ]
    letter = {c.value: LETTERS[i] for i, c in enumerate(question.choices)}
    for choice in question.choices:
        pieces = (
            _mark(session, question, choice.value),
            (f"{letter[choice.value]}) ", "key"),
            (choice.label, "dim" if graded is not None and choice.value not in question.answer else ""),
        )
        target = ("choice", choice.value) if graded is None else None
        rows.append(Row(("choice", ex, choice.value, session.picks, graded), pieces, target=target, indent=6))
    if graded is None:
        return rows
    rows.append(_blank(("verdict", ex)))
    if graded.correct:
        rows.append(Row((VERDICT, ex, True), ((f"{RIGHT} Right.", "for"),)))
    else:
        answer = ", ".join(f"{letter[v]})" for v in question.answer)
        word = (
            "The order is" if question.ordered else ("The answers are" if len(question.answer) > 1 else "The answer is")
        )
        rows.append(Row((VERDICT, ex, False), ((f"{WRONG} Not right. ", "against"), (f"{word} {answer}", "title"))))
    rows.append(_blank(("feedback", ex)))
    rows.append(_heading("From the sources", ex))
    for i, line in enumerate(question.feedback):
        rows.append(Row(("feedback", ex, i), (("  ", ""), (line, "quote")), indent=2))
    if question.explanation:
        rows.append(_blank(("explanation", ex)))
        rows.append(Row(("explanation", ex), ((question.explanation, ""),)))
    rows.append(_blank(("next", ex)))
    more = session.next().current is not None
    rows.append(
        Row(
            ("next", ex, more),
            (("▶ " + ("Next question" if more else "See the score") + "  (Enter)", "key"),),
            target=NEXT,
        )
    )
    return rows


def score_rows(session: Session, saved_to: str, unsaved: int = 0) -> list[Row]:
    """The end of a set: the score, each question right or wrong, what was skipped, and where
    the answers are saved (or how many could not be)."""
    total = len(session.questions)
    answered = session.answered
    rows = [
        Row(("score", session.right, total), ((f"Score: {session.right} of {total} right", "title"),)),
        _blank("score"),
    ]
    for i, question in enumerate(session.questions, 1):
        ok = answered.get(question.exercise)
        mark = (f"{RIGHT} ", "for") if ok else (f"{WRONG} ", "against") if ok is not None else ("· ", "dim")
        rows.append(
            Row(
                ("scored", question.exercise, ok, i),
                (mark, (f"{i:>2}. ", "dim"), (f"{question.kind:<23}", "dim"), (" ".join(question.prompt.split()), "")),
                wrap=False,
            )
        )
    rows += skipped_rows(session.skipped)
    rows += [
        _blank("saved"),
        Row(("saved", saved_to, unsaved), _saved(saved_to, unsaved), indent=2),
        Row(("keys", 1), (("Esc returns to the map; q quits.", "dim"),)),
    ]
    return rows


def _saved(saved_to: str, unsaved: int) -> tuple[Piece, ...]:
    saved_to = visible(saved_to)
    if not unsaved:
        return (("Answers saved to ", "dim"), (saved_to, ""))
    answers = "answer" if unsaved == 1 else "answers"
    return (
        (f"{unsaved} {answers} could not be saved to ", "against"),
        (saved_to, ""),
        (": they are kept while this screen is open; Esc tries again.", "dim"),
    )


def skipped_rows(skipped: tuple[Skipped, ...]) -> list[Row]:
    if not skipped:
        return []
    rows = [_blank("skipped"), _heading(f"Skipped ({len(skipped)})", "skipped")]
    for s in skipped:
        rows.append(
            Row(("skip", s.exercise), (("  · ", "dim"), (s.exercise, ""), (f"  {s.kind}: {s.reason}", "dim")), indent=4)
        )
    return rows


# --- role-play --------------------------------------------------------------------------------


def _said(debate: Debate, cid: str) -> str:
    return f"{debate.speaker_names(cid)}, {date_text(debate, cid)}"


def round_rows(debate: Debate, side_id: str, current: Round) -> list[Row]:
    """The opposing claim of a round: who said it and when, its quote, and which of the
    student's claims it attacks."""
    cid = current.opposing
    claim = debate.claims[cid]
    sides = ", ".join(debate.actor_name(s) for s in debate.sides_of_claim(cid))
    rows = [
        Row(("they", cid), ((f"{sides or 'The other side'} says:", "heading"),)),
        Row(("they-text", cid), ((claim.text, "title"),), indent=2),
        Row(("they-who", cid), ((_said(debate, cid), "speaker"),)),
    ]
    quote = _quote_row(debate, cid, "they")
    if quote is not None:
        rows.append(quote)
    rows.append(_blank(("targets", cid)))
    side = debate.actor_name(side_id)
    if current.targets:
        rows.append(Row(("attacks", cid), ((f"It attacks what {side} said:", "label"),)))
        for target in current.targets:
            rows.append(_claim_row(debate, target, debate.last_step, ("target", cid)))
    else:
        rows.append(Row(("answered", cid), ((f"{side} answered it in the sources.", "label"),)))
    return rows


def turn_rows(debate: Debate, play: RolePlay, turn: Turn) -> list[Row]:
    """After an answer: whether it attacks the claim, and what the side really said, and when."""
    rnd: Round = turn.round
    cid = rnd.opposing
    side = debate.actor_name(play.side)
    rows = [_blank(("turn", cid))]
    verdict = (VERDICT, cid, turn.answer, turn.scored)
    if turn.answer is None:
        rows.append(Row(verdict, (("You let it pass.", "against" if rnd.targets else "dim"),)))
    elif turn.scored:
        rows.append(Row(verdict, ((f"{RIGHT} That answers it: in the map it attacks the claim.", "for"),)))
        rows.append(_claim_row(debate, turn.answer, debate.last_step, ("played", cid)))
    else:
        rows.append(Row(verdict, ((f"{WRONG} That does not answer it: in the map it does not attack it.", "against"),)))
        rows.append(_claim_row(debate, turn.answer, debate.last_step, ("played", cid)))
    rows.append(_blank(("replies", cid)))
    if rnd.replies:
        rows.append(Row(("actual", cid), ((f"What {side} actually said:", "heading"),)))
        for reply in rnd.replies:
            rows.append(_claim_row(debate, reply, debate.last_step, ("reply", cid)))
            quote = _quote_row(debate, reply, "reply")
            if quote is not None:
                rows.append(quote)
    else:
        rows.append(Row(("actual", cid), ((f"{side} left it unanswered in the sources.", "label"),)))
    rows.append(_blank(("next", cid)))
    more = not play.finished
    rows.append(
        Row(
            ("next", cid, more),
            (("▶ " + ("Next round" if more else "See the outcome") + "  (Enter)", "key"),),
            target=NEXT,
        )
    )
    return rows


def own_rows(debate: Debate, side: str, query: str) -> list[Row]:
    """The claims the student may play, matching a search (all of them, in time order, for
    none), after a first row to pass."""
    own = side_claims(debate, side)
    if query.strip():
        mine = set(own)
        found = [h.claim for h in debate.search(query, limit=len(debate.claims)) if h.claim in mine]
    else:
        found = own
    rows = [Row(("pass",), (("— Pass: answer nothing —", "dim"),), target="pass")]
    for cid in found:
        rows.append(Row(("own", cid), claim_brief(debate, cid, debate.last_step), target=("claim", cid), indent=4))
    return rows


def outcome_rows(
    debate: Debate, play: RolePlay, outcome: Outcome, labelled: bool, saved_to: str | None = None
) -> list[Row]:
    """The end of a role-play: the score, which of the side's claims stand, the rounds not
    rebutted, and where the rounds are saved. Every count is of rounds, so the score, the
    answered and the passed add up."""
    side = debate.actor_name(play.side)
    counts = (
        f"{outcome.answered} answered ({outcome.score} with a rebuttal, {len(outcome.not_rebutted)} without),"
        f" {len(outcome.passed)} passed"
    )
    rows = [
        Row(
            ("score", outcome.score, outcome.rounds),
            ((f"Score: {outcome.score} of {outcome.rounds} rounds rebutted", "title"),),
        ),
        Row(("counts",), ((counts, "dim"),)),
        _blank("score"),
        _heading(f"Your claims in play, as {side}", "standing"),
    ]
    if not labelled:
        rows.append(Row(("labels",), (("Whether they stand (labels) needs the argumentation engine.", "dim"),)))
    words = {"in": ("stands", "for"), "out": ("falls", "against"), "undecided": ("undecided", "neutral")}
    for cid, label in outcome.standing:
        word, role = words.get(label, ("", "dim"))
        lead: tuple[Piece, ...] = ((f"{word:<10}", role),) if labelled else (("  ", ""),)
        rows.append(_claim_row(debate, cid, debate.last_step, "standing", lead))
    groups = (
        ("not-rebutted", "Answered, but not with a rebuttal", outcome.not_rebutted),
        ("passed", "Passed", outcome.passed),
    )
    for key, title, rounds in groups:
        rows += [_blank(key), _heading(f"{title} ({len(rounds)})", key)]
        if not rounds:
            rows.append(Row(("none", key), (("None.", "dim"),)))
        for rnd in rounds:
            rows.append(_claim_row(debate, rnd.opposing, debate.last_step, key, (("  ", ""),)))
            for target in rnd.targets:
                rows.append(
                    Row(
                        ("hit", key, rnd.opposing, target),
                        (("      attacks  ", "key"), (debate.claims[target].text, "dim")),
                        indent=15,
                    )
                )
    if saved_to is not None:
        saved: tuple[Piece, ...] = (("Your rounds are saved to ", "dim"), (visible(saved_to), ""))
    else:
        saved = (("Not saved to a file: give your name (argmap roleplay --student NAME) to keep them.", "dim"),)
    rows += [_blank("end"), Row(("saved", saved_to), saved)]
    rows.append(Row(("keys", 2), (("Start it again for a new attempt; Esc returns to the map; q quits.", "dim"),)))
    return rows


def side_topics(debate: Debate, side: str) -> str:
    """The topics a side has spoken on, for a side's entry in a list."""
    topics = {debate.claims[c].topic or NO_TOPIC for c in side_claims(debate, side)}
    return f"{len(side_claims(debate, side))} claims on {len(topics - {NO_TOPIC})} topics"


def attempt_rows(attempt: int, earlier: list[tuple[int, int, int]]) -> list[Row]:
    """Below a set's score: which attempt this is, the earlier ones' scores, and the key to retake."""
    rows = [_blank("attempts")]
    if earlier:
        before = "; ".join(f"attempt {n}: {right} of {answered} right" for n, right, answered in earlier)
        rows.append(Row(("attempts", attempt), ((f"This is attempt {attempt}. Kept from before: {before}.", "dim"),)))
    rows.append(Row(("retake",), (("r takes the set again; your answers so far are kept.", "dim"),)))
    return rows
