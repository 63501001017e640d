"""Argdown text to a scenario draft: statements become claims, arguments with premises and a
conclusion become their statements with supports, and relations keep their type.

The reader follows the line structure Argdown files use (an element starts with a title, a
relation, a numbered statement or a list item, its text may wrap over the lines below it, and
relations are indented under what they start from) rather than the full grammar; a data block it
cannot read is reported (E304) and the rest goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.base.diagnostics import Diagnostic
from argmap.formats.draft import Draft, slug
from argmap.reading.parsing import ParseFailed, fast_parse

KINDS = ("position", "assessment", "proposal", "prediction", "report")
# Under a parent P, a line "op X": (type, X is the relation's source).
OPS = {
    "+>": ("supports", False),
    "->": ("attacks", False),
    "_>": ("undercuts", False),
    "><": ("contradicts", False),
    "<+": ("supports", True),
    "<-": ("attacks", True),
    "<_": ("undercuts", True),
    "+": ("supports", True),
    "-": ("attacks", True),
}
_OP = re.compile(r"(\+>|->|_>|><|<\+|<-|<_|\+|-)\s+")
_PCS = re.compile(r"\((\d+)\)\s*")
_INFERENCE = re.compile(r"^\s*(-{2,}|={2,})")
_NODE = re.compile(r"(\[|<)((?:\\.|[^\]>\\])*)(\]|>)(?!\()(:)?\s*")
_LIST = re.compile(r"(?:\*|\d+\.)\s+")  # a Markdown list item: a statement of its own
_HEADING = re.compile(r"#+(\s|$)")
# A title opening an element: [s] or <a>, not a Markdown link [text](url).
_START = re.compile(r"(\[|<)(?:\\.|[^\]>\\])*(\]|>)(?!\()")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)")
_TAG = re.compile(r"#\(([^)]*)\)|#([\w-]+)")
_ESCAPED = re.compile(r"\\(.)")
# Markdown emphasis, as Argdown reads it: the words stay, the marks go (never escaped ones, nor
# an underscore inside a word).
_STRONG = re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.+?)(?<=\S)(?<!\\)\1")
_EMPHASIS = re.compile(r"(?<![\\\w])([*_])(?=\S)(.+?)(?<=\S)(?<!\\)\1(?!\w)")
_BRACE = re.compile(r"(?<!\\)[{}]")  # a brace not escaped


@dataclass
class _Node:
    kind: str  # "s" statement or "a" argument
    title: str
    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    premises: list[str] = field(default_factory=list)
    conclusion: str | None = None


_BLOCK_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/", re.S)
_LINE_COMMENT = re.compile(r"(?<![:\\])//.*")


def _strip_comments(text: str) -> str:
    # A comment becomes a mark on each line it covered: such a line is skipped rather than read
    # as blank, so a comment inside an element or a relation tree does not end it.
    # Each pass only where its mark is: most files hold few comments, or none.
    if "<!--" in text or "/*" in text:
        text = _BLOCK_COMMENT.sub(lambda m: "\x00" + "\n\x00" * m.group(0).count("\n"), text)
    return _LINE_COMMENT.sub("\x00", text) if "//" in text else text


def _elements(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line number, indent, text) of each element, its continuation lines joined to it.

    A line that starts no new element (a title, a relation, a numbered statement, a list item, a
    heading or an inference line) continues the element above; a blank line ends it. Headings and inference
    lines, with their continuations, are left out.
    """
    out: list[tuple[int, int, str]] = []
    current: int | None = None  # index in out, or -1 for a heading or an inference being skipped
    in_front = bool(lines and lines[0].strip() == "===")
    for number, raw in enumerate(lines, 1):
        if in_front:
            in_front = number == 1 or raw.strip() != "==="
            continue
        if "\x00" in raw:
            raw = raw.replace("\x00", "")
            if not raw.strip():
                continue
        line = raw.rstrip()
        body = line.lstrip()
        indent = len(line) - len(body)
        if not body:
            current = None
            continue
        if (indent == 0 and _HEADING.match(body)) or _INFERENCE.match(line):
            current = -1
            continue
        starts = (
            (_OP.match(body) is not None and not body.startswith("-->"))
            or _PCS.match(body) is not None
            or _START.match(body) is not None
        )
        if (m := _LIST.match(body)) is not None:
            starts, body = True, body[m.end() :]
        if not starts and current is not None:
            if current >= 0:
                n, i, text = out[current]
                out[current] = (n, i, f"{text}\n{body}")
            continue
        current = len(out)
        out.append((number, indent, body))
    return out


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def _plain(text: str) -> str:
    """Text without Markdown's bold and italic marks."""
    if "*" not in text and "_" not in text:
        return text
    return _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", text))


def _split_data(rest: str) -> tuple[str, str | None]:
    """The text before a trailing data block, and the block."""
    if not rest.rstrip().endswith("}"):
        return rest, None  # a block ends the line
    depth, start = 0, None
    for brace in _BRACE.finditer(rest):
        i = brace.start()
        if brace.group() == "{":
            if depth == 0:
                start = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and start is not None and not rest[i + 1 :].strip():
                return rest[:start], rest[start:]
    return rest, None


def read(text: str, name: str) -> Draft:
    draft = Draft(title=name, summary=f"Imported from the Argdown file {name}.")
    nodes: dict[tuple[str, str], _Node] = {}
    order: list[tuple[str, str]] = []
    edges: list[tuple[str, tuple[str, str], tuple[str, str], int]] = []
    stack: list[tuple[int, tuple[str, str]]] = []
    current_argument: tuple[str, str] | None = None
    untitled = 0
    blocks: list[tuple[_Node | None, str, int, int]] = []  # each data block, read once all are found
    for number, indent, body in _elements(_strip_comments(text).replace("\r\n", "\n").split("\n")):
        op = None
        if (m := _OP.match(body)) is not None and not body.startswith("-->"):
            op, body = m.group(1), body[m.end() :]
        pcs = None
        if op is None and (m := _PCS.match(body)) is not None:
            pcs, body = m.group(1), body[m.end() :]
        rest, block = _split_data(body)
        kind, title = "s", ""
        if (m := _NODE.match(rest)) is not None:
            kind = "s" if m.group(1) == "[" else "a"
            title, rest = _unescape(m.group(2)).strip(), rest[m.end() :]
        # Each pattern only where its mark is: most elements hold no link, tag or escape.
        if "](" in rest:
            rest = _LINK.sub(r"\1", rest)
        tags = [a or b for a, b in _TAG.findall(rest)] if "#" in rest else []
        words = " ".join(_unescape(_plain(_TAG.sub("", rest) if tags else rest)).split())
        if not title:
            if not words:
                if block is not None:  # facts of nothing, still read: an unreadable one is said
                    blocks.append((None, block, number, indent))
                continue
            untitled += 1
            title = f"untitled {untitled}"
        key = (kind, title)
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = _Node(kind, title)
            order.append(key)
        if words and not node.text:
            node.text = words
        if block is not None:
            blocks.append((node, block, number, indent))
        node.tags.extend(t for t in tags if t not in node.tags)
        if (
            pcs is not None
            and kind == "s"
            and (current_argument is None or (pcs == "1" and nodes[current_argument].conclusion))
        ):
            # premises and a conclusion under no argument title: an argument of its own
            untitled += 1
            current_argument = ("a", f"untitled argument {untitled}")
            nodes[current_argument] = _Node("a", current_argument[1])
            order.append(current_argument)
        if pcs is not None and current_argument is not None and kind == "s":
            argument = nodes[current_argument]
            if argument.conclusion is not None:
                argument.premises.append(argument.conclusion)
            argument.conclusion = title
        elif pcs is None and indent == 0 and op is None and kind == "s":
            current_argument = None
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if op is not None and stack:
            type_, incoming = OPS[op]
            parent = stack[-1][1]
            edges.append((type_, key, parent, number) if incoming else (type_, parent, key, number))
        stack.append((indent, key))
        if indent == 0 and kind == "a":
            current_argument = key
    for (node, _, number, indent), value in zip(blocks, _data([b for _, b, _, _ in blocks]), strict=True):
        if value is _UNREADABLE:
            draft.problems.append(
                Diagnostic("E304", "cannot read this data block", file=name, line=number, col=indent + 1)
            )
        elif isinstance(value, dict) and node is not None:
            node.data.update({str(k): v for k, v in value.items()})
    return _build(draft, name, nodes, order, edges)


_UNREADABLE = object()
_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")


def _data(blocks: list[str]) -> list[Any]:
    """Each data block read as YAML 1.2 flow (as Argdown reads it), or ``_UNREADABLE``.

    The blocks are read together, as the items of one list, one a line; each is a whole flow
    collection on a line of its own, so it reads there as it reads alone. When that fails,
    each is read alone to find which cannot be read."""
    if not blocks:
        return []
    if not any(_BREAKS.search(b) for b in blocks):
        together = _yaml("".join(f"- {b}\n" for b in blocks))
        if isinstance(together, list) and len(together) == len(blocks):
            return together
    return [_yaml(b) for b in blocks]


def _yaml(text: str) -> Any:
    # The fast parser's own reading of YAML 1.2 (no aliases replayed): a data block is a few facts.
    try:
        return fast_parse(text, "data.yaml", as_json=False)
    except ParseFailed:
        return _UNREADABLE


def _build(
    draft: Draft,
    name: str,
    nodes: dict[tuple[str, str], _Node],
    order: list[tuple[str, str]],
    edges: list[tuple[str, tuple[str, str], tuple[str, str], int]],
) -> Draft:
    file = slug(name.rsplit("/", 1)[-1], "argdown") + ".txt"
    relation_of: dict[tuple[str, str], str] = {}
    for key in order:  # an argument that stands for a relation, as argmap writes undercuts
        node = nodes[key]
        if key[0] == "a" and {"relation", "from", "to"} <= node.data.keys():
            relation_of[key] = str(node.title)
    claims = [k for k in order if k[0] == "s" or (k not in relation_of and not nodes[k].conclusion)]
    passages: list[str] = []
    for key in claims:
        node = nodes[key]
        passages.append(node.text or node.title)
        quotes = node.data.get("quotes")
        if isinstance(quotes, list):
            passages.extend(str(q) for q in quotes if str(q).strip())
    source = draft.add_source(f"The Argdown file {name}", file, "\n".join(passages) + "\n")
    actors: dict[str, str] = {}
    sides: dict[str, str] = {}
    ids: dict[tuple[str, str], str] = {}
    for key in claims:
        node = nodes[key]
        speaker = str(node.data.get("speaker") or "").strip()
        side = str(node.data.get("side") or "").strip()
        if side and side not in sides:
            sides[side] = _actor(draft, side, side, "side", None)
        if speaker:
            if speaker not in actors:
                actors[speaker] = _actor(draft, speaker, str(node.data.get("actor") or ""), "person", sides.get(side))
            actor = actors[speaker]
        else:
            if "" not in actors:
                actors[""] = draft.add_actor("Unnamed speaker")
                draft.note("the Argdown file names no speaker: rename the actor 'Unnamed speaker' and assign claims")
            actor = actors[""]
        text = node.text or node.title
        facts: dict[str, Any] = {}
        kind = node.data.get("kind")
        facts["kind"] = kind if kind in KINDS else "position"
        if node.data.get("date") is not None:
            facts["date"] = str(node.data["date"])
        tags = [t for t in node.tags if t != side]
        if tags:
            facts["tags"] = tags
        quotes = node.data.get("quotes")
        quote = str(quotes[0]) if isinstance(quotes, list) and quotes and str(quotes[0]).strip() else text
        claim_id = draft.new_id(node.title, "claim")
        ids[key] = draft.add_claim(text, actor, source, quote, id=claim_id, **facts)
        if isinstance(quotes, list) and len(quotes) > 1:
            draft.claims[-1]["evidence"].extend({"source": source, "quote": str(q)} for q in quotes[1:])
    # an argument with premises and a conclusion: its premises support its conclusion
    inference: dict[tuple[str, str], list[str]] = {}
    for key in order:
        node = nodes[key]
        if key[0] == "a" and node.conclusion and ("s", node.conclusion) in ids:
            to = ids[("s", node.conclusion)]
            ids[key] = to
            inference[key] = [
                draft.add_relation("supports", ids[("s", p)], to) for p in node.premises if ("s", p) in ids
            ]
    seen: set[tuple[str, str, str]] = set()
    made: dict[tuple[str, str], list[str]] = {}  # argument -> the relations it stands for
    # The argument standing for each relation argmap wrote, by the relation's ends (the first).
    standing: dict[tuple[str, str, str], tuple[str, str]] = {}
    for r, title in relation_of.items():
        if title:
            standing.setdefault(_ends(nodes[r]), r)
    for type_, a, b, _ in edges:
        if type_ == "undercuts" or a not in ids or b not in ids or ids[a] == ids[b] or (type_, ids[a], ids[b]) in seen:
            continue
        seen.add((type_, ids[a], ids[b]))
        own = standing.get((type_, a[1], b[1]))
        if own is not None:
            draft.relations.append({"id": relation_of[own], "type": type_, "from": ids[a], "to": ids[b]})
            draft._ids.add(relation_of[own])
            relation = relation_of[own]
        else:
            relation = draft.add_relation(type_, ids[a], ids[b])
        if a[0] == "a" and a not in inference and type_ in ("supports", "attacks"):
            made.setdefault(a, []).append(relation)
    for type_, a, b, number in edges:
        if type_ != "undercuts" or a not in ids:
            continue
        # An undercut aims at an inference: the premises-to-conclusion supports of a
        # reconstructed argument, or else the one relation an unreconstructed argument stands for.
        targets = [relation_of[b]] if b in relation_of else inference.get(b) or made.get(b, [])
        if b not in relation_of and b not in inference and len(targets) != 1:
            draft.note(
                f"line {number}: the undercut of <{b[1]}> is left out: it is unclear which inference "
                "it aims at (give the argument premises and a conclusion)"
            )
            continue
        for target in targets:
            if (type_, ids[a], target) not in seen:
                seen.add((type_, ids[a], target))
                draft.add_relation(type_, ids[a], target)
    return draft


def _ends(node: _Node) -> tuple[str, str, str]:
    return (str(node.data["relation"]), str(node.data["from"]), str(node.data["to"]))


def _actor(draft: Draft, name: str, wanted: str, kind: str, parent: str | None) -> str:
    actor_id = draft.new_id(wanted or name, "actor")
    draft.actors.append({"id": actor_id, "name": name, "kind": kind, **({"parent": parent} if parent else {})})
    return actor_id
