"""Checking rows of probabilities, in every format alike.

Probabilities must be finite, ≥ 0 and at most 1, and each row must sum to 1 within
PREDICTION_SUM_TOLERANCE: nothing is renormalised. Each problem is a FormatError naming the
file and the line and column (text) or the sample, numbered from 0 (Parquet and arrays); of
several, the first in the file. Rows are checked in cache-sized blocks, so there is no
whole-file copy and no big temporary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from core.errors import FormatError
from core.predictions.model_predictions import (
    PREDICTION_SUM_TOLERANCE,
)
from core.predictions.readers.blocks import block_rows
from core.predictions.readers.layout import Layout


@dataclass(frozen=True)
class Where:
    """Where row i of the arrays came from, for messages: a text file's line, or sample i."""

    path: str
    lines: np.ndarray | None = None  # the line of each row of a text file
    nan: str = "NaN"  # what a NaN may stand for in this format
    first: int = 0  # the row of the arrays that is row 0 here (of a batch of rows)

    def error(self, row: int, message: str, column: int | None = None) -> FormatError:
        row += self.first
        if self.lines is None:
            return FormatError(f"sample {row} (numbered from 0): {message}", path=self.path)
        return FormatError(message, path=self.path, line=int(self.lines[row]), column=column)


def check_rows(
    probabilities: np.ndarray,
    start: int,
    stop: int,
    explain: Callable[[int], None],
) -> bool:
    """Rows start..stop are finite, ≥ 0 and sum to 1; ``explain(row)`` raises for a bad row.
    Returns whether any of them holds a 0.

    Blocks of BLOCK_VALUES values keep the temporaries small and in cache; the sums are
    taken in float64. NaN fails both comparisons. A block's smallest value is taken over the
    whole block first (a row's minimum over a few columns is ten times slower), and row by
    row only where the block holds a bad row. float32 rows of a few classes are first summed
    in float32 (_float32_sums_hold), which is enough to pass a block whose every sum is far
    enough from the edge of the tolerance; any other block is summed in float64.
    """
    zero = False
    classes = probabilities.shape[1]
    rows = block_rows(classes)
    ones = np.ones(classes)  # a product with float64 ones: sums in float64, fast
    margin = _float32_margin(classes) if probabilities.dtype == np.float32 else None
    for first in range(start, stop, rows):
        block = probabilities[first : min(first + rows, stop)]
        lowest = block.min()  # NaN if the block holds one
        if lowest >= 0 and margin is not None and _float32_sums_hold(block, margin):
            zero = zero or bool(lowest == 0)
            continue
        with np.errstate(all="ignore"):  # inf − inf and overflows: bad rows, said below
            sums = block @ ones
        if lowest >= 0 and (np.abs(sums - 1) <= PREDICTION_SUM_TOLERANCE).all():
            zero = zero or bool(lowest == 0)
            continue
        smallest = block.min(axis=1)
        ok = (smallest >= 0) & (np.abs(sums - 1) <= PREDICTION_SUM_TOLERANCE)
        if not ok.all():
            for offset in np.flatnonzero(~ok):
                explain(first + int(offset))
        zero = zero or bool((smallest == 0).any())
    return zero


def _float32_margin(classes: int) -> float | None:
    """How far inside the tolerance a row's float32 sum must be for its exact sum to be
    inside it too, or None where float32 sums are too coarse to tell (many classes).

    Summed in float32 in any order, K values ≥ 0 of sum s are off by at most
    (K − 1)·u·s/(1 − (K − 1)·u), u = 2⁻²⁴, under 2·K·u for s near 1; the float64 sum is
    off by less than K·2⁻⁵³. So a float32 sum within the tolerance less 4·K·u of 1 is of a
    row whose float64 sum is within the tolerance: such a block passes as it would in
    float64, and every other block is summed in float64.
    """
    margin = 4 * classes * 2.0**-24
    return margin if margin <= PREDICTION_SUM_TOLERANCE / 4 else None


def _float32_sums_hold(block: np.ndarray, margin: float) -> bool:
    """Whether every row of this float32 block of values ≥ 0 surely sums to 1 within the
    tolerance (see _float32_margin)."""
    with np.errstate(all="ignore"):
        sums = block @ np.ones(block.shape[1], np.float32)
    return bool((np.abs(sums - 1) <= PREDICTION_SUM_TOLERANCE - margin).all())


def explain_row(
    values: np.ndarray,
    row: int,
    where: Where,
    subjects: Sequence[str],
    columns: Sequence[int] | None,
    owner: str,
) -> None:
    """Raise the FormatError that says what is wrong with this row of probabilities, if any."""

    def error(message: str, index: int | None = None) -> FormatError:
        column = None if columns is None or index is None else columns[index] + 1
        return where.error(row, message, column)

    finite = np.isfinite(values)
    if not finite.all():
        index = int(np.argmin(finite))
        what = where.nan if np.isnan(values[index]) else "infinite"
        raise error(f"the probability of {subjects[index]} is {what}", index)
    negative = values < 0
    if negative.any():
        index = int(np.argmax(negative))
        raise error(f"the probability of {subjects[index]} is negative: {values[index]:.6g}", index)
    above = values > 1 + PREDICTION_SUM_TOLERANCE
    if above.any():
        index = int(np.argmax(above))
        raise error(f"the probability of {subjects[index]} is {values[index]:.6g}, above 1", index)
    with np.errstate(all="ignore"):
        total = float(values.sum(dtype=np.float64))
    if abs(total - 1) > PREDICTION_SUM_TOLERANCE:
        raise error(
            f"{owner}the probabilities sum to {total:.6g}, not 1 (allowed: ±"
            f"{PREDICTION_SUM_TOLERANCE:g}); predictions are never renormalised"
        )


def explain_model_row(
    layout: Layout,
    model: int,
    values: np.ndarray,
    row: int,
    where: Where,
    columns: Sequence[int] | None,
) -> None:
    several = len(layout.models) > 1
    name = layout.models[model]
    subjects = [
        f"class {klass!r}" + (f" for model {name!r}" if several else "") for klass in layout.classes
    ]
    explain_row(values, row, where, subjects, columns, f"model {name!r}: " if several else "")


def scatter(outs: list[np.ndarray], values: np.ndarray, row: int, first: int) -> None:
    """Put ``values``, columns ``first``… of the probability columns of every model in turn
    (model by model, each in class order), into the models' arrays from ``row`` on."""
    classes = outs[0].shape[1]
    count = values.shape[1]
    for model, out in enumerate(outs):
        low, high = max(first, model * classes), min(first + count, (model + 1) * classes)
        if low >= high:
            continue
        part = values[:, low - first : high - first]
        target = out[:, low - model * classes : high - model * classes]
        # Copy in blocks that fit in cache: a batch is column-major, the result row-major.
        rows = block_rows(count)
        for start in range(0, len(values), rows):
            stop = min(start + rows, len(values))
            target[row + start : row + stop] = part[start:stop]
