"""The JSON distribution table: ``{"classes": [...], "distributions": {"P": [...], ...}}``.

Optional keys: ``"reference"`` (a distribution name; default the first) and ``"kinds"``
(``{"A": "counts"}``; default inferred from the values).
"""

from __future__ import annotations

import json
from typing import Any

from core.errors import FormatError
from core.formats.table import workspace_from_columns
from core.workspace import KINDS, Workspace


def parse_json_text(text: str, path: str) -> Any:
    """json.loads with errors as FormatError at the line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"not valid JSON: {error.msg}", path=path, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise FormatError("not valid JSON: nested too deeply", path=path) from None


def workspace_from_json_table(data: Any, path: str) -> Workspace:
    if not isinstance(data, dict):
        raise FormatError("expected a JSON object with 'classes' and 'distributions'", path=path)
    classes = data.get("classes")
    distributions = data.get("distributions")
    if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
        raise FormatError("'classes' must be a list of class names (text)", path=path)
    if not isinstance(distributions, dict) or not distributions:
        raise FormatError(
            "'distributions' must be an object mapping names to lists of numbers", path=path
        )
    columns: dict[str, list[float]] = {}
    for name, values in distributions.items():
        if not isinstance(values, list):
            raise FormatError(f"distribution {name!r} must be a list of numbers", path=path)
        for index, value in enumerate(values):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                where = f"class {classes[index]!r}" if index < len(classes) else f"entry {index}"
                raise FormatError(
                    f"distribution {name!r}, {where}: {value!r} is not a number", path=path
                )
        columns[name] = [float(v) for v in values]
    reference = data.get("reference")
    if reference is not None and reference not in columns:
        raise FormatError(f"the reference {reference!r} is not one of the distributions", path=path)
    kinds = data.get("kinds") or {}
    if not isinstance(kinds, dict) or any(kind not in KINDS for kind in kinds.values()):
        raise FormatError("'kinds' must map names to 'probabilities' or 'counts'", path=path)
    return workspace_from_columns(
        path, [c.strip() for c in classes], columns, reference=reference, kinds=kinds
    )
