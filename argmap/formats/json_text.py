"""JSON for people and for speed: the outer levels one item a line, indented, and each item
below them on one line, written by the json module's C encoder (an indented dump runs in
Python, item by item, and takes seconds on a large map)."""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable
from typing import Any


def _unknown(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON")


def _encoder() -> Callable[[Any], str]:
    encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False).encode
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encode
    # The C encoder made once: JSONEncoder.encode builds it anew on every call, which costs
    # more than encoding one small item.
    chunks = make(None, _unknown, json.encoder.encode_basestring, None, ": ", ", ", False, False, False)
    return lambda value: "".join(chunks(value, 0))


_compact = _encoder()


def dumps(value: Any, depth: int = 2) -> str:
    """``value`` as JSON, containers ``depth`` levels deep spread over lines, a newline at the end."""
    out: list[str] = []
    _write(value, depth, "", out)
    out.append("\n")
    return "".join(out)


def _write(value: Any, depth: int, indent: str, out: list[str]) -> None:
    if depth == 0 or not value or not isinstance(value, dict | list):
        out.append(_compact(value))
        return
    inner = ",\n" + indent + "  "
    if isinstance(value, dict):
        out.append("{\n" + indent + "  ")
        for i, (key, item) in enumerate(value.items()):
            if i:
                out.append(inner)
            if not isinstance(key, str):
                raise TypeError(f"a key must be text, not {type(key).__name__}")
            out.append(_compact(key) + ": ")
            _write(item, depth - 1, indent + "  ", out)
        out.append("\n" + indent + "}")
    else:
        out.append("[\n" + indent + "  ")
        for i, item in enumerate(value):
            if i:
                out.append(inner)
            _write(item, depth - 1, indent + "  ", out)
        out.append("\n" + indent + "]")
