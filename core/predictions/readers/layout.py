"""The columns of a table of predictions (text or Parquet): which holds the true label, which
each model's probability of each class.

The true-label column is named ``label``, ``y_true`` or ``target``, in any case, or
``label_column``; there is one probability column per class::

    id,label,dog,cat,rabbit
    0,cat,0.1,0.8,0.1

Columns named ``id``, ``index``, ``sample`` or ``sample_id`` (and an unnamed first column,
the index pandas writes) are ignored; every other column holds probabilities. Several
models share a file as prefixed column groups (``A:dog,A:cat,B:dog,B:cat``), each prefix
a model; otherwise the file is one model named after the file's stem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.errors import FormatError
from core.predictions.model_predictions import (
    IGNORED_COLUMNS,
    LABEL_COLUMNS,
)
from core.predictions.readers.messages import listing
from core.workspace import spelled_apart


@dataclass(frozen=True)
class Layout:
    """Which columns of a table hold the label and which each model's probabilities."""

    names: tuple[str, ...]  # every column's header, stripped
    label: int  # the true-label column (0-based)
    models: tuple[str, ...]
    classes: tuple[str, ...]
    columns: tuple[tuple[int, ...], ...]  # per model, the column of each class

    @property
    def probability_columns(self) -> list[int]:
        """Model by model, each in class order: the order of the values in a batch."""
        return [column for columns in self.columns for column in columns]


def table_layout(
    raw_names: Sequence[str], label_column: str | None, stem: str, path: str, line: int | None
) -> Layout:
    names = tuple(str(name).strip() for name in raw_names)
    folded = [name.casefold() for name in names]

    def error(message: str, column: int | None = None) -> FormatError:
        return FormatError(
            message, path=path, line=line, column=None if column is None else column + 1
        )

    label_names = {name.casefold() for name in LABEL_COLUMNS}
    wanted = [label_column.strip().casefold()] if label_column is not None else LABEL_COLUMNS
    label = None
    for candidate in wanted:
        matches = [column for column, name in enumerate(folded) if name == candidate]
        if len(matches) > 1:
            first, second = (raw_names[match] for match in matches[:2])
            both = f"columns {matches[0] + 1} and {matches[1] + 1}"
            if first == second:
                raise error(f"{both} are both named {first!r}", matches[1])
            raise error(
                f"{both} ({first!r} and {second!r}) are both the true-label column", matches[1]
            )
        if matches:
            label = matches[0]
            break
    if label is None:
        if label_column is not None:
            raise error(f"no column named {label_column!r}; the columns are {listing(names)}")
        raise error(
            "no true-label column: name it 'label', 'y_true' or 'target' (or choose one); "
            f"the columns are {listing(names)}"
        )
    ignored = set(IGNORED_COLUMNS)
    if label_column is None:
        others = [c for c, name in enumerate(folded) if name in label_names and c != label]
        if others:
            raise error(
                f"two true-label columns, {names[label]!r} and {names[others[0]]!r}: choose one",
                others[0],
            )
    else:  # the user chose one: other label-like columns are not probabilities
        ignored |= label_names

    probability = []
    for column, name in enumerate(names):
        if column == label or folded[column] in ignored or (column == 0 and not name):
            continue  # an unnamed first column is the index pandas writes
        if not name:
            raise error(f"column {column + 1} has no name", column)
        probability.append(column)

    prefixed = [column for column in probability if ":" in names[column]]
    if prefixed and len(prefixed) < len(probability):
        plain = next(column for column in probability if ":" not in names[column])
        raise error(
            f"column {names[plain]!r} has no model prefix but {names[prefixed[0]]!r} has one: "
            "prefix every probability column ('A:dog') or none",
            plain,
        )
    groups: dict[str, dict[str, int]] = {}
    for column in probability:
        if prefixed:
            model, _, klass = (part.strip() for part in names[column].partition(":"))
        else:
            model, klass = stem, names[column]
        if not model:
            raise error(f"column {names[column]!r} has no model name before ':'", column)
        if not klass:
            raise error(f"column {names[column]!r} has no class name", column)
        group = groups.setdefault(model, {})
        if klass in group:
            first = group[klass]
            where = f"columns {first + 1} and {column + 1}"
            if raw_names[first] != raw_names[column]:  # 'a' and ' a': both as written
                names_apart = spelled_apart(
                    "the class columns", raw_names[first], raw_names[column]
                )
                raise error(f"{names_apart} ({where})", column)
            owner = f" of model {model!r}" if prefixed else ""
            raise error(
                f"class {klass!r}{owner} has two columns, {first + 1} and {column + 1}", column
            )
        group[klass] = column

    classes = tuple(dict.fromkeys(klass for group in groups.values() for klass in group))
    for model, group in groups.items():
        missing = [klass for klass in classes if klass not in group]
        if missing:
            raise error(f"model {model!r} has no column for class {missing[0]!r}")
    if len(classes) < 2:
        found = f"only the class column {classes[0]!r}" if classes else "no class columns"
        raise error(
            f"{found}: a prediction file needs a probability column for each of at least "
            f"2 classes (the columns are {listing(names)})"
        )
    return Layout(
        names=names,
        label=label,
        models=tuple(groups),
        classes=classes,
        columns=tuple(tuple(group[klass] for klass in classes) for group in groups.values()),
    )
