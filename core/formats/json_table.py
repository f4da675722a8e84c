"""The JSON distribution table: ``{"classes": [...], "distributions": {"P": [...], ...}}``.

Optional keys: ``"reference"`` (a distribution name; default the first) and ``"kinds"``
(``{"A": "counts"}``; default inferred from the values).
"""

from __future__ import annotations

import json
from typing import Any

from core.errors import FormatError
from core.formats.number_text import OutOfRange, number_value
from core.formats.table import workspace_from_columns
from core.workspace import KINDS, Workspace, same_name, spelled_apart


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json keeps the last of two equal keys silently; a table must not lose a column so."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


class RefusedNumber:
    """A number in JSON that is not read (json would change it: 1e-400 into 0.0, 1e400 into
    infinity, or fail on an integer of thousands of digits); what reads the value where a
    number belongs refuses it with ``reason``, naming the place (see json_number)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __repr__(self) -> str:  # as a message that quotes a value shows it
        return f"({self.reason})"


#: Digits of the longest integer read (Python's own limit for text to int conversions).
_MAX_INTEGER_DIGITS = 4300


def _json_float(text: str) -> float | RefusedNumber:
    try:
        return number_value(text)
    except OutOfRange as error:
        return RefusedNumber(str(error))


def _json_integer(text: str) -> int | RefusedNumber:
    digits = len(text.lstrip("-"))
    if digits > _MAX_INTEGER_DIGITS:
        return RefusedNumber(f"a number with {digits:,} digits is too long")
    return int(text)


def json_number(value: object, where: str, path: str) -> float | None:
    """The value of a JSON number at ``where`` (say "distribution 'P', class 'a'") as a float:
    FormatError for a number it cannot be (too small or too large for a double, too long);
    None for what is no number at all (text, null, true), for the caller to refuse."""
    if isinstance(value, RefusedNumber):
        raise FormatError(f"{where}: {value.reason}", path=path)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:  # an integer of hundreds of digits
        error = OutOfRange(str(value), too_small=False)
        raise FormatError(f"{where}: {error}", path=path) from None


def parse_json_text(text: str, path: str) -> Any:
    """json.loads with errors as FormatError at the line and column. A number that a double
    cannot hold, or an integer too long to read, is a RefusedNumber, which json_number
    refuses where a number is read."""
    try:
        return json.loads(
            text,
            object_pairs_hook=_refuse_duplicate_keys,
            parse_float=_json_float,
            parse_int=_json_integer,
        )
    except _DuplicateKey as error:
        raise FormatError(f"the key {error.key!r} appears twice in one object", path=path) from None
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
    _refuse_same_names(distributions, "the distributions", path)
    columns: dict[str, list[float]] = {}
    for name, values in distributions.items():
        if not isinstance(values, list):
            raise FormatError(f"distribution {name!r} must be a list of numbers", path=path)
        numbers = []
        for index, value in enumerate(values):
            entry = f"class {classes[index]!r}" if index < len(classes) else f"entry {index + 1}"
            where = f"distribution {name!r}, {entry}"
            number = json_number(value, where, path)
            if number is None:
                raise FormatError(f"{where}: {json_spelling(value)} is not a number", path=path)
            numbers.append(number)
        columns[name.strip()] = numbers
    reference = data.get("reference")
    if isinstance(reference, str):
        reference = reference.strip()
    if reference is not None and (not isinstance(reference, str) or reference not in columns):
        raise FormatError(
            f"the reference {reference!r} is not the name of one of the distributions", path=path
        )
    kinds = data.get("kinds") or {}
    if not isinstance(kinds, dict) or any(kind not in KINDS for kind in kinds.values()):
        raise FormatError("'kinds' must map names to 'probabilities' or 'counts'", path=path)
    _refuse_same_names(kinds, "'kinds' entries", path)
    kinds = {name.strip(): kind for name, kind in kinds.items()}
    unknown = [name for name in kinds if name not in columns]
    if unknown:
        raise FormatError(
            f"'kinds' names {unknown[0]!r}, which is not one of the distributions", path=path
        )
    return workspace_from_columns(
        path, [c.strip() for c in classes], columns, reference=reference, kinds=kinds
    )


def _refuse_same_names(keys: dict[str, Any], what: str, path: str) -> None:
    """Keys that differ only in the spaces around them are one name (the workspace holds
    names without them): refused, naming both spellings, never one overwriting the other."""
    repeated = same_name(list(keys))
    if repeated is not None:
        raise FormatError(spelled_apart(what, *repeated), path=path)


def json_spelling(value: object) -> str:
    """A JSON value as the file spells it: true, null and [1, 2], not Python's True, None;
    text in quotes, as Python shows it (the rest of the messages do)."""
    if isinstance(value, str):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)
