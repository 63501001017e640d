"""``argmap report --format json``: the report as one JSON document."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from argmap.views.report import REPORT_VERSION, Report


def to_json(report: Report) -> dict[str, Any]:
    data = dataclasses.asdict(report)
    return {"report_version": REPORT_VERSION, **data}


def dumps(report: Report) -> str:
    return json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n"
