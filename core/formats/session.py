"""The session file: the whole workspace as versioned JSON (``.klsession``).

Documented in docs/session-format.md. A session keeps exactly what the user had, including
values that are not (yet) a valid distribution, so NaN and ±infinity are written as the
strings "nan", "inf" and "-inf" (JSON has no such numbers).
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np

from core.distributions import Smoothing
from core.errors import FormatError, WorkspaceError
from core.formats import SESSION_EXTENSION, SESSION_FORMAT
from core.formats.json_table import json_number, json_spelling
from core.workspace import KINDS, Distribution, Workspace

__all__ = [
    "SESSION_EXTENSION",
    "SESSION_FORMAT",
    "SESSION_VERSION",
    "session_dict",
    "session_text",
    "workspace_from_session",
]
SESSION_VERSION = 1

_SPECIAL = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}


def _number_out(value: float) -> float | str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return float(value)


def session_dict(workspace: Workspace) -> dict[str, Any]:
    return {
        "format": SESSION_FORMAT,
        "version": SESSION_VERSION,
        "classes": list(workspace.classes),
        "distributions": [
            {
                "name": d.name,
                "kind": d.kind,
                "values": [_number_out(v) for v in d.values.tolist()],
            }
            for d in workspace.distributions
        ],
        "reference": workspace.reference,
        "base": workspace.base,
        "smoothing": {
            "method": workspace.smoothing.method,
            "amount": workspace.smoothing.amount,
        },
        "rank_by": workspace.rank_by,
    }


def session_text(workspace: Workspace) -> str:
    return json.dumps(session_dict(workspace), indent=2, ensure_ascii=False) + "\n"


def _number_in(value: object, where: str, path: str) -> float:
    if isinstance(value, str):
        if value not in _SPECIAL:
            raise FormatError(f"{where}: {value!r} is not a number", path=path)
        return _SPECIAL[value]
    number = json_number(value, where, path)
    if number is None:
        raise FormatError(f"{where}: {json_spelling(value)} is not a number", path=path)
    return number


def _require(data: dict, key: str, kind: type | tuple[type, ...], path: str) -> Any:
    if key not in data:
        raise FormatError(f"the session has no {key!r}", path=path)
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise FormatError(f"{key!r} has the wrong type ({type(value).__name__})", path=path)
    return value


def workspace_from_session(data: Any, path: str) -> Workspace:
    """The Workspace a session holds; FormatError names what is wrong and where."""
    if not isinstance(data, dict) or data.get("format") != SESSION_FORMAT:
        raise FormatError("not a KL Explorer session", path=path)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FormatError(f"the session version {version!r} is not valid", path=path)
    if version > SESSION_VERSION:
        raise FormatError(
            f"written by a newer KL Explorer (session version {version}); "
            f"this one reads up to version {SESSION_VERSION}",
            path=path,
        )
    classes = _require(data, "classes", list, path)
    if not all(isinstance(name, str) for name in classes):
        raise FormatError("'classes' must be a list of names", path=path)
    distributions = []
    for index, entry in enumerate(_require(data, "distributions", list, path)):
        where = f"distributions[{index}]"
        if not isinstance(entry, dict):
            raise FormatError(f"{where} must be an object", path=path)
        name = entry.get("name")
        kind = entry.get("kind", "probabilities")
        values = entry.get("values")
        if not isinstance(name, str):
            raise FormatError(f"{where} has no name", path=path)
        if kind not in KINDS:
            raise FormatError(f"{where} ({name!r}): kind must be one of {KINDS}", path=path)
        if not isinstance(values, list):
            raise FormatError(f"{where} ({name!r}) has no list of values", path=path)
        numbers = [
            _number_in(v, f"{where} ({name!r}), value {i + 1}", path) for i, v in enumerate(values)
        ]
        distributions.append(Distribution(name, np.array(numbers, dtype=np.float64), kind))
    reference = _require(data, "reference", str, path)
    base = data.get("base")
    if base is not None:
        base = _number_in(base, "'base'", path)
    smoothing_data = data.get("smoothing") or {"method": "none", "amount": 0.0}
    rank_by = data.get("rank_by", "kl")
    try:
        if not isinstance(smoothing_data, dict):
            raise ValueError("'smoothing' must be an object with 'method' and 'amount'")
        smoothing = Smoothing(
            smoothing_data.get("method", "none"),
            _number_in(smoothing_data.get("amount", 0.0), "the smoothing amount", path),
        )
        return Workspace(
            classes=tuple(classes),
            distributions=tuple(distributions),
            reference=reference,
            base=base,
            smoothing=smoothing,
            rank_by=rank_by,
        )
    except (WorkspaceError, ValueError, TypeError) as error:
        raise FormatError(str(error), path=path) from None
