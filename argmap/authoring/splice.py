"""Setting values in a scenario's text without touching anything else.

Each value is replaced where it is written, in the style it is written in where the new value
allows it (plain, single- or double-quoted; a block scalar becomes one line), so comments,
key order, indentation, flow mappings and blank lines stay as they were. A missing key is added
after the last key of its mapping, at that key's indentation (or before a flow mapping's ``}``).
The result is parsed again, and must hold exactly the old data with the new values.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Sequence
from typing import Any

import yaml

from argmap.base.diagnostics import Path as DataPath
from argmap.reading.parsing import is_json, parse, same_data


class SpliceFailed(Exception):
    """The text could not be edited so that it reads back as intended."""


_PLAIN_SAFE = re.compile(r"[A-Za-z0-9][^\n#:]*[^\s:#]|[A-Za-z0-9]")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")


def _node_at(root: yaml.Node, path: DataPath) -> tuple[yaml.Node | None, yaml.MappingNode | None]:
    """The node at ``path`` (None when its key is missing) and, for a key, its mapping."""
    node: yaml.Node = root
    parent: yaml.MappingNode | None = None
    for step in path:
        if isinstance(step, int):
            if not isinstance(node, yaml.SequenceNode) or step >= len(node.value):
                raise SpliceFailed(f"no item {step} at {'.'.join(map(str, path))}")
            node, parent = node.value[step], None
            continue
        if not isinstance(node, yaml.MappingNode):
            raise SpliceFailed(f"no mapping at {'.'.join(map(str, path))}")
        parent = node
        found = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step), None)
        if found is None:
            return None, parent
        node = found
    return node, parent


def _plain_reads_back(value: str, flow: bool) -> bool:
    if not _PLAIN_SAFE.fullmatch(value) or " #" in value or ": " in value or (flow and _FLOW_UNSAFE.search(value)):
        return False
    try:
        return bool(yaml.safe_load(f"k: {value}") == {"k": value})
    except yaml.YAMLError:
        return False


def scalar(value: str, style: str | None, flow: bool, as_json: bool) -> str:
    """``value`` written as a one-line scalar, in ``style`` when it can be."""
    if as_json:
        return json.dumps(value, ensure_ascii=False)
    if style in (None, "") and _plain_reads_back(value, flow):
        return value
    if style == "'" and "\n" not in value and "\t" not in value:
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def _in_flow(root: yaml.Node, path: DataPath) -> bool:
    node = root
    for step in path[:-1]:
        if getattr(node, "flow_style", False):
            return True
        if isinstance(step, int) and isinstance(node, yaml.SequenceNode):
            node = node.value[step]
        elif isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if k.value == step)
    return bool(getattr(node, "flow_style", False))


def set_values(text: str, filename: str, changes: Sequence[tuple[DataPath, str]]) -> str:
    """The text with each path set to its value; raises ``SpliceFailed`` when it cannot be done."""
    as_json = is_json(filename)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise SpliceFailed(f"cannot read the file's layout: {exc}") from None
    if root is None:
        raise SpliceFailed("the file holds no data")
    edits: list[tuple[int, int, str]] = []
    for path, value in changes:
        node, parent = _node_at(root, path)
        flow = _in_flow(root, path)
        if node is not None:
            if not isinstance(node, yaml.ScalarNode):
                raise SpliceFailed(f"{'.'.join(map(str, path))} is not a single value")
            style = node.style if node.style in ("'", '"') else None
            start, end = node.start_mark.index, node.end_mark.index
            piece = scalar(value, style, flow, as_json)
            if node.style in ("|", ">"):  # a block scalar's span takes in the line breaks after it
                piece += text[start:end][len(text[start:end].rstrip("\n")) :] or "\n"
            edits.append((start, end, piece))
            continue
        if parent is None or not parent.value:
            raise SpliceFailed(f"nowhere to add {'.'.join(map(str, path))}")
        key = str(path[-1])
        written = scalar(value, None, flow or as_json or bool(parent.flow_style), as_json)
        last_value = parent.value[-1][1]
        if parent.flow_style or as_json:
            quoted_key = json.dumps(key) if as_json else key
            edits.append((last_value.end_mark.index, last_value.end_mark.index, f", {quoted_key}: {written}"))
            continue
        first_key = parent.value[0][0]
        indent = first_key.start_mark.column
        end = last_value.end_mark.index
        # A value's end mark may stand after the line break that ends it (block scalars).
        at = end if end > 0 and text[end - 1] == "\n" else text.find("\n", end) + 1 or len(text)
        line = " " * indent + f"{key}: {written}\n"
        if at == len(text) and not text.endswith("\n"):
            line = "\n" + line
        edits.append((at, at, line))
    new = text
    for start, end, piece in sorted(edits, key=lambda e: e[0], reverse=True):
        new = new[:start] + piece + new[end:]
    _check(text, new, filename, changes)
    return new


def _check(old: str, new: str, filename: str, changes: Sequence[tuple[DataPath, str]]) -> None:
    before, _, problems = parse(old, filename)
    after, _, new_problems = parse(new, filename)
    if problems or new_problems:
        raise SpliceFailed("the edited text does not read back")
    expected: Any = copy.deepcopy(before)
    for path, value in changes:
        target = expected
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    if not same_data(_canonical(expected), _canonical(after)):
        raise SpliceFailed("the edited text does not read back as intended")


def _canonical(data: Any) -> Any:
    """Data with mappings' keys sorted: an added key may stand elsewhere than ``dict`` order."""
    if isinstance(data, dict):
        return {k: _canonical(data[k]) for k in sorted(data)}
    if isinstance(data, list):
        return [_canonical(v) for v in data]
    return data
