"""True labels → class indices, by one rule in every format.

Labels follow one rule in every format, text or numbers alike: they name classes, and a
number names the class written as that number (3, 3.0 and "3.0" all name a class "3").
Only if some label names no class are the labels read as 0-based class indices, and then
every label must be an integer in range and none may name another class than the one it
indexes; such an ambiguous file is refused, naming a label, both classes and the place.
Labels are mapped to classes once per distinct label, and never held as text or as
objects: batches of labels (text and Parquet) are coded as they come, each label as its
position among the distinct labels in one int64 array (LabelCoder), which then becomes the
class indices in place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from core.errors import FormatError
from core.predictions import polars_import
from core.predictions.readers.messages import listing
from core.predictions.readers.row_checks import (
    Where,
)

if TYPE_CHECKING:
    import polars

MAX_NAME_BYTES = 1024**2  # a class name or a label (in an array, the room for each)
_REMAP_ROWS = 1 << 20  # labels turned into class indices at a time, in place (8 MB)


def label_indices(
    labels: np.ndarray | polars.Series | Labels,
    classes: Sequence[str],
    where: Where,
    column: int | None = None,
) -> np.ndarray:
    """The index in ``classes`` of each label, by one rule for every format.

    Labels name classes; a number names the class written as that number (3, 3.0 and "3.0"
    all name a class "3"). Only if some label names no class are the labels read as 0-based
    class indices, and then every one must be an integer in range and none may name another
    class than the one it indexes. The rule is applied to the distinct labels only. The
    positions of a Labels become the class indices in place (it is handed over).
    """
    distinct, inverse = _distinct_labels(labels, where, column)
    owned = isinstance(labels, Labels)
    texts = [_label_text(value) for value in distinct]
    named = _named_classes(texts, classes)
    if all(position is not None for position in named):
        return _mapped(np.asarray(named, dtype=np.int64), inverse, owned)
    count = len(classes)
    integers = [_label_integer(value) for value in distinct]
    indexable = all(integer is not None for integer in integers)

    def first(labels: list[int]) -> tuple[int, int]:
        """The first of these labels in the file: (its row, its position in distinct)."""
        row = int(np.argmax(np.isin(inverse, labels)))
        return row, int(inverse[row])

    if indexable and all(0 <= integer < count for integer in integers):
        clashes = [d for d, position in enumerate(named) if position not in (None, integers[d])]
        if clashes:
            row, label = first(clashes)
            _, other = first([d for d, position in enumerate(named) if position is None])
            raise where.error(
                row,
                f"label {texts[label]!r} is ambiguous: it names class "
                f"{classes[named[label]]!r}, but as a 0-based class index (labels such as "
                f"{texts[other]!r} name no class, so they would be indices) it is class "
                f"{classes[integers[label]]!r}; write every label as a class name",
                column,
            )
        return _mapped(np.asarray(integers, dtype=np.int64), inverse, owned)
    neither = [
        d
        for d, position in enumerate(named)
        if position is None and not (indexable and 0 <= integers[d] < count)
    ]
    row, label = first(neither or [d for d, position in enumerate(named) if position is None])
    listed = f"the classes are {listing(classes)}"
    if not neither:  # class names and class indices mixed
        message = f"label {texts[label]!r} is not a class ({listed}); labels are read as class "
        message += "indices only when none is a class name"
    elif integers[label] is not None:
        message = (
            f"label {texts[label]!r} is neither a class index (0 to {count - 1}) nor a class "
            f"name ({listed})"
        )
    else:
        message = f"label {texts[label]!r} is not a class ({listed})"
    raise where.error(row, message, column)


def _mapped(table: np.ndarray, inverse: np.ndarray, in_place: bool) -> np.ndarray:
    """``table[inverse]``: in place, a block at a time, where ``inverse`` may be overwritten
    (no second array of N labels); as it is where ``table`` maps each position to itself."""
    if inverse.dtype == np.int64 and np.array_equal(table, np.arange(len(table))):
        return inverse
    if not (in_place and inverse.dtype == np.int64 and inverse.flags.writeable):
        return table[inverse]
    for start in range(0, len(inverse), _REMAP_ROWS):
        block = inverse[start : start + _REMAP_ROWS]
        block[...] = table[block]
    return inverse


@dataclass(frozen=True)
class Labels:
    """Labels as their distinct values and, per sample, the position of its own among them
    (a file of labels is read so, and batches of labels are coded so: LabelCoder); ``count``
    labels were found, ``len(inverse)`` kept, and where there was one more than the rows,
    ``beyond`` is its line (none was read after)."""

    distinct: list[Any]
    inverse: np.ndarray
    count: int
    beyond: int | None = None

    def __len__(self) -> int:
        return self.count


def _distinct_labels(
    labels: np.ndarray | polars.Series | Labels, where: Where, column: int | None
) -> tuple[list[Any], np.ndarray]:
    """The distinct labels and, per sample, the position of its label among them; a missing
    label (null, NaN, empty text) is an error at its sample."""
    if isinstance(labels, Labels):
        return labels.distinct, labels.inverse
    if not isinstance(labels, np.ndarray):  # a polars Series (text or Parquet)
        if labels.dtype.is_numeric():
            labels = labels.to_numpy()  # nulls become NaN
        else:  # text, already stripped: polars finds the distinct values by hashing
            missing = labels.is_null() | (labels == "")
            if missing.any():
                raise where.error(int(missing.arg_max()), "no true label", column)
            distinct = labels.unique(maintain_order=True)
            # an Enum's codes are the positions of its categories (twice as fast as
            # replace_strict)
            enum = polars_import.import_polars().Enum(distinct)
            inverse = labels.cast(enum).to_physical().to_numpy()
            return distinct.to_list(), inverse
    kind = labels.dtype.kind
    if kind in "SU":  # sorted as they are, so that only the distinct ones become str
        distinct, inverse = np.unique(labels, return_inverse=True)
        texts = [_stripped_text(value) for value in distinct.tolist()]
        bad = [position for position, text in enumerate(texts) if not text]
        if bad:  # the first sample with no text, or bytes that are not UTF-8
            row = int(np.argmax(np.isin(inverse, bad)))
            missing = texts[inverse[row]] == ""
            raise where.error(row, "no true label" if missing else "the label is not UTF-8 text")
        return texts, inverse.astype(np.int64, copy=False)
    low, high = (int(labels.min()), int(labels.max())) if kind in "iu" and len(labels) else (0, 0)
    if kind in "iu" and len(labels) and high - low < 2 * len(labels):
        shifted = _above_lowest(labels, low)
        present = np.flatnonzero(np.bincount(shifted))  # O(N), no sort
        distinct = [low + offset for offset in present.tolist()]
        if len(present) == present[-1] + 1:  # every value from the lowest on: as they are
            return distinct, shifted
        renumber = np.zeros(int(present[-1]) + 1, dtype=np.int64)
        renumber[present] = np.arange(len(present))
        return distinct, renumber[shifted]
    if kind in "iuf":
        missing = np.isnan(labels) if kind == "f" else None
        if missing is not None and missing.any():
            raise where.error(int(np.argmax(missing)), "no true label", column)
        distinct, inverse = np.unique(labels, return_inverse=True)
        return distinct.tolist(), inverse.astype(np.int64)
    if kind != "O":
        raise FormatError(
            f"the labels are of type {labels.dtype}; expected class names or class indices",
            path=where.path,
        )
    found: dict[str, int] = {}
    inverse = np.empty(len(labels), dtype=np.int64)
    for row, value in enumerate(labels.tolist()):
        text = "" if value is None else str(value).strip()
        if not text:
            raise where.error(row, "no true label", column)
        inverse[row] = found.setdefault(text, len(found))
    return list(found), inverse


def _stripped_text(value: str | bytes) -> str | None:
    """A label of a text array, stripped (bytes as UTF-8: None if they are not)."""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return value.strip()


def _above_lowest(labels: np.ndarray, low: int) -> np.ndarray:
    """How far each integer label is above the lowest, ``low``, as int64 (less than 2N
    here), worked out where it cannot wrap around: int8 labels −128 and 127 are 255 apart,
    more than an int8 holds, and uint64 labels may not fit in an int64 before the lowest is
    taken off. int64 labels from 0 up are returned as they are."""
    if labels.dtype.kind == "u":  # never below 0 nor above the largest
        return (labels - labels.dtype.type(low)).astype(np.int64, copy=False)
    if labels.dtype == np.int64:
        return labels - low if low else labels
    shifted = labels.astype(np.int64)
    shifted -= low
    return shifted


def _label_text(value: Any) -> str:
    """A label as a class name would write it: 3 and 3.0 as "3"."""
    if isinstance(value, str):
        return value
    integer = _label_integer(value)
    return str(integer) if integer is not None else repr(float(value))


def _label_integer(value: Any) -> int | None:
    """The integer a label is (3, 3.0, "3", "3.0", "-1"), or None."""
    if isinstance(value, str):
        if not is_number(value) or not value.isascii():
            return None
        try:
            return int(value)
        except ValueError:
            value = float(value)
    if isinstance(value, float) and not (math.isfinite(value) and value == int(value)):
        return None
    return int(value)


def _named_classes(texts: Sequence[str], classes: Sequence[str]) -> list[int | None]:
    """The class each label names, by its text or, for a number, by its value."""
    by_name = {name: position for position, name in enumerate(classes)}
    by_value: dict[float, int | None] = {}
    for position, name in enumerate(classes):
        if is_number(name) and math.isfinite(value := float(name)):
            # Two classes of the same value ("1" and "1.0") are told apart by text only.
            by_value[value] = None if value in by_value else position
    named = []
    for text in texts:
        position = by_name.get(text)
        if position is None and is_number(text):
            position = by_value.get(float(text))
        named.append(position)
    return named


def is_number(cell: str) -> bool:
    if not cell or "_" in cell:  # float() takes "1_000"; a table should not
        return False
    try:
        float(cell)
    except ValueError:
        return False
    return True


class LabelCoder:
    """Batches of labels → the position of each label among the distinct labels of every
    batch so far, written into the rows' part of an int64 array the reader allocated with
    its other arrays: no label is held as text or as an object, whatever the file's size.

    A missing label is an error at its row, raised by ``labels`` (so after the errors in the
    probabilities, which are checked as the rows come, as when the labels were mapped at
    the end): the first in the file.
    """

    def __init__(self, column: int | None = None) -> None:
        self._column = column  # the label column (1-based) of a text file, for messages
        self._positions: dict[Any, int] = {}
        self._error: FormatError | None = None

    def add(self, labels: np.ndarray | polars.Series, into: np.ndarray, where: Where) -> None:
        """Code ``labels``, rows ``where.first``… of the file, into ``into``."""
        if self._error is not None:
            return
        try:
            distinct, inverse = _distinct_labels(labels, where, self._column)
        except FormatError as error:
            self._error = error
            return
        positions = self._positions
        table = np.fromiter(
            (positions.setdefault(value, len(positions)) for value in distinct),
            np.int64,
            len(distinct),
        )
        np.take(table, inverse, out=into)

    def labels(self, positions: np.ndarray) -> Labels:
        """The labels of every batch, ``positions`` (the array the batches were coded
        into, as far as they came) handed over to them."""
        if self._error is not None:
            raise self._error
        return Labels(list(self._positions), positions, len(positions))
