"""Checking, normalising, counting and smoothing distributions.

Nothing here renormalises silently: a vector that does not sum to 1 is an error, and turning
counts into probabilities, normalising and smoothing are explicit calls the caller chooses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from core.errors import InvalidDistributionError

#: How far from 1 the sum of a probability vector may be (absolute). Loose enough for values
#: typed with six decimals or stored as float32, tight enough to catch a forgotten class.
SUM_TOLERANCE = 1e-6

SmoothingMethod = Literal["none", "epsilon", "add_k"]


@dataclass(frozen=True)
class Counts:
    """Marks a vector as counts (or weights) rather than probabilities."""

    values: Sequence[float] | np.ndarray


@dataclass(frozen=True)
class Smoothing:
    """How zeros are kept from making divergences infinite.

    ``epsilon``: additive ε on probabilities, (p + ε) / (1 + Kε).
    ``add_k``: add-k (Laplace when k = 1) on counts, (c + k) / (N + Kk); it applies to count
    vectors only, probability vectors are left as they are.
    """

    method: SmoothingMethod = "none"
    amount: float = 0.0

    def __post_init__(self) -> None:
        if self.method not in ("none", "epsilon", "add_k"):
            raise ValueError(
                f"unknown smoothing method {self.method!r}; use 'none', 'epsilon' or 'add_k'"
            )
        amount = float(self.amount)
        if not math.isfinite(amount) or amount < 0:
            raise ValueError(f"smoothing amount must be a finite number ≥ 0, not {self.amount!r}")
        if self.method == "none" and amount != 0:
            raise ValueError("smoothing method 'none' takes no amount")
        object.__setattr__(self, "amount", amount)

    @property
    def is_active(self) -> bool:
        return self.method != "none" and self.amount > 0

    def describe(self) -> str:
        """A short English description, e.g. for the command-line report."""
        if not self.is_active:
            return "none"
        if self.method == "epsilon":
            return f"additive ε = {self.amount:g} on probabilities"
        return f"add-k, k = {self.amount:g}, on counts"


NO_SMOOTHING = Smoothing()


def _where(name: str, labels: Sequence[str] | None, row: int | None, index: int) -> str:
    entry = f"class {labels[index]!r}" if labels is not None else f"entry {index}"
    if row is not None:
        return f"{name}, row {row}, {entry}"
    return f"{name}, {entry}"


def _as_float_array(values: object, name: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise InvalidDistributionError(f"{name}: entries must be numbers ({error})") from None
    if array.ndim not in (1, 2):
        raise InvalidDistributionError(
            f"{name}: expected a vector or a 2-D array of rows, got {array.ndim} dimensions"
        )
    if array.shape[-1] == 0 or array.size == 0:
        raise InvalidDistributionError(f"{name} is empty")
    return array


def _check_entries(
    array: np.ndarray, name: str, labels: Sequence[str] | None, row_names: Sequence[str] | None
) -> None:
    """Raise on the first NaN, infinite or negative entry."""
    if np.isfinite(array).all() and array.min() >= 0:
        return
    bad = ~np.isfinite(array) | (array < 0)
    position = np.argwhere(bad)[0]
    value = float(array[tuple(position)])
    row = int(position[0]) if array.ndim == 2 else None
    index = int(position[-1])
    label = name if row_names is None or row is None else row_names[row]
    where = _where(label, labels, None if row_names is not None else row, index)
    why = "is negative" if math.isfinite(value) else "is not a finite number"
    raise InvalidDistributionError(f"{where}: {value!r} {why}")


def check_probabilities(
    values: object,
    *,
    name: str = "p",
    labels: Sequence[str] | None = None,
    row_names: Sequence[str] | None = None,
    tolerance: float = SUM_TOLERANCE,
) -> np.ndarray:
    """Return ``values`` as a float64 array after checking it is a probability distribution.

    Accepts a vector or a 2-D array of rows (one distribution per row). Raises
    :class:`InvalidDistributionError` naming the entry (by ``labels`` if given) and the reason.
    """
    array = _as_float_array(values, name)
    if labels is not None and len(labels) != array.shape[-1]:
        raise InvalidDistributionError(
            f"{name} has {array.shape[-1]} entries but there are {len(labels)} classes"
        )
    sums = array.sum(axis=-1)
    # One cheap test for the usual case; NaN fails both comparisons, inf fails the second.
    if array.min() >= 0 and (np.abs(sums - 1.0) <= tolerance).all():
        return array + 0.0  # a copy, with any −0.0 as +0.0 (1/−0.0 would be −inf)
    _check_entries(array, name, labels, row_names)
    off = np.abs(sums - 1.0) > tolerance
    if off.any():
        row = int(np.argmax(off)) if array.ndim == 2 else None
        total = float(sums[row]) if row is not None else float(sums)
        label = name
        if row is not None:
            label = row_names[row] if row_names is not None else f"{name}, row {row}"
        raise InvalidDistributionError(
            f"{label} sums to {total:.9g}, not 1 (tolerance {tolerance:g}); "
            "normalize it, or mark it as counts"
        )
    return array + 0.0


def check_counts(
    values: object,
    *,
    name: str = "counts",
    labels: Sequence[str] | None = None,
    row_names: Sequence[str] | None = None,
) -> np.ndarray:
    """Return ``values`` as float64 counts after checking they are finite and non-negative."""
    array = _as_float_array(values, name)
    if labels is not None and len(labels) != array.shape[-1]:
        raise InvalidDistributionError(
            f"{name} has {array.shape[-1]} entries but there are {len(labels)} classes"
        )
    _check_entries(array, name, labels, row_names)
    return array + 0.0  # a copy, with any −0.0 as +0.0


def normalize(values: object, *, name: str = "p") -> np.ndarray:
    """Divide non-negative values by their sum (over the last axis).

    The explicit fix for a vector that does not sum to 1. Raises when a row sums to 0.
    """
    array = check_counts(values, name=name)
    totals = array.sum(axis=-1, keepdims=True)
    if (totals <= 0).any():
        raise InvalidDistributionError(f"{name} sums to 0 and cannot be normalized")
    return array / totals


def from_counts(
    values: object,
    *,
    add_k: float = 0.0,
    name: str = "counts",
    labels: Sequence[str] | None = None,
) -> np.ndarray:
    """Turn counts into probabilities, optionally with add-k (Laplace) smoothing."""
    if not math.isfinite(add_k) or add_k < 0:
        raise ValueError(f"add_k must be a finite number ≥ 0, not {add_k!r}")
    array = check_counts(values, name=name, labels=labels)
    array = array + add_k
    totals = array.sum(axis=-1, keepdims=True)
    if (totals <= 0).any():
        raise InvalidDistributionError(
            f"{name}: all counts are 0, so there is no distribution to compare"
        )
    return array / totals


def smooth(p: object, epsilon: float, *, name: str = "p") -> np.ndarray:
    """Additive ε smoothing of probabilities: (p + ε) / (1 + Kε). Checks ``p`` first."""
    if not math.isfinite(epsilon) or epsilon < 0:
        raise ValueError(f"epsilon must be a finite number ≥ 0, not {epsilon!r}")
    array = check_probabilities(p, name=name)
    return _smooth_unchecked(array, epsilon)


def _smooth_unchecked(array: np.ndarray, epsilon: float) -> np.ndarray:
    return (array + epsilon) / (array.sum(axis=-1, keepdims=True) + array.shape[-1] * epsilon)


def apply_smoothing(
    values: object,
    *,
    is_counts: bool,
    smoothing: Smoothing = NO_SMOOTHING,
    name: str = "p",
    labels: Sequence[str] | None = None,
) -> np.ndarray:
    """Checked probabilities for one vector of counts or probabilities, smoothed as chosen."""
    if is_counts:
        add_k = smoothing.amount if smoothing.method == "add_k" else 0.0
        array = from_counts(values, add_k=add_k, name=name, labels=labels)
    else:
        array = check_probabilities(values, name=name, labels=labels)
    if smoothing.method == "epsilon" and smoothing.amount > 0:
        array = _smooth_unchecked(array, smoothing.amount)
    return array
