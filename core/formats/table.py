"""Turn columns read from a file into a checked :class:`Workspace`.

Every reader ends here, so the rules are the same for every format: at least two classes,
unique names, numbers that are finite and not negative, one value per class. Errors are
:class:`FormatError` naming the file and, where the reader knows them, the line and column.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from core.errors import FormatError, WorkspaceError
from core.workspace import MIN_CLASSES, Distribution, DistributionKind, Workspace

#: Where a value came from in the file: (line, column), 1-based, or None if unknown.
Locator = Callable[[str, int], tuple[int | None, int | None]]


def _no_location(_name: str, _index: int) -> tuple[None, None]:
    return None, None


def infer_kind(values: Sequence[float]) -> DistributionKind:
    """Counts when every value is a non-negative integer, otherwise probabilities.

    A one-hot column (integers summing to 1) is both; it stays probabilities.
    """
    if all(float(v).is_integer() and v >= 0 for v in values) and sum(values) != 1:
        return "counts"
    return "probabilities"


def workspace_from_columns(
    path: str,
    classes: Sequence[str],
    columns: Mapping[str, Sequence[float]],
    *,
    reference: str | None = None,
    kinds: Mapping[str, DistributionKind] | None = None,
    locate: Locator = _no_location,
) -> Workspace:
    """Check the columns of a distribution table and build a Workspace from them.

    ``reference`` defaults to the first column. ``kinds`` defaults to :func:`infer_kind`.
    """
    if len(classes) < MIN_CLASSES:
        raise FormatError(
            f"found {len(classes)} class{'es' if len(classes) != 1 else ''}; "
            f"a comparison needs at least {MIN_CLASSES}",
            path=path,
        )
    seen: dict[str, int] = {}
    for index, name in enumerate(classes):
        if not name.strip():
            line, _ = locate("", index)
            raise FormatError(
                f"class {index + 1} has no name",
                path=path,
                line=line,
                column=1 if line is not None else None,
            )
        if name in seen:
            line, _ = locate("", index)
            raise FormatError(
                f"class {name!r} appears twice (also class {seen[name] + 1}); "
                "class names must be unique",
                path=path,
                line=line,
                column=1 if line is not None else None,
            )
        seen[name] = index
    if not columns:
        raise FormatError("no distribution columns found", path=path)
    distributions = []
    for name, values in columns.items():
        if len(values) != len(classes):
            raise FormatError(
                f"distribution {name!r} has {len(values)} values for {len(classes)} classes",
                path=path,
            )
        for index, value in enumerate(values):
            if not math.isfinite(value) or value < 0:
                line, column = locate(name, index)
                why = "is negative" if math.isfinite(value) else "is not a finite number"
                raise FormatError(
                    f"distribution {name!r}, class {classes[index]!r}: {value!r} {why}",
                    path=path,
                    line=line,
                    column=column,
                )
        kind = (kinds or {}).get(name) or infer_kind(values)
        distributions.append(Distribution(name, np.asarray(values, dtype=np.float64), kind))
    try:
        return Workspace(
            classes=tuple(classes),
            distributions=tuple(distributions),
            reference=reference if reference is not None else distributions[0].name,
        )
    except WorkspaceError as error:
        raise FormatError(str(error), path=path) from None
