"""The sums behind every measure of :func:`core.compare`, computed two ways.

A recompute runs on every edit in the GUI. For big tables numpy's vectorised kernels win;
for a few classes numpy's fixed cost per call (~0.5 µs, some 60 calls) dominates and plain
Python floats are three times faster. Both paths follow the same conventions (0·log 0 = 0,
p > 0 = q → +inf) and a test holds them to the same results.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from core.measures import (
    _chi_square_terms,
    _entropy_terms,
    _hellinger_squared_terms,
    _js_terms,
    _kl_terms,
    _total_variation_terms,
    _wasserstein_terms,
)

#: Order of the rows of :attr:`TermTotals.totals`.
TOTAL_ROWS = (
    "kl",
    "reverse_kl",
    "js_divergence",
    "hellinger_squared",
    "total_variation",
    "chi_square",
    "wasserstein",
)

#: Up to this many values (classes × distributions) the pure-Python path is used.
SMALL_TABLE_VALUES = 64


class TermTotals(NamedTuple):
    """Raw sums in nats, one column per model, before clamping rounding noise."""

    totals: np.ndarray  # (7, M), rows as in TOTAL_ROWS
    forward_terms: np.ndarray  # (M, K): p·ln(p/q)
    reverse_terms: np.ndarray  # (M, K): q·ln(q/p)
    reference_entropy: float


def term_totals(p: np.ndarray, q: np.ndarray) -> TermTotals:
    """Checked reference ``p`` (K,) and models ``q`` (M, K) → every sum, in nats."""
    if p.size + q.size <= SMALL_TABLE_VALUES:
        return scalar_term_totals(p, q)
    return block_term_totals(p, q)


def block_term_totals(p: np.ndarray, q: np.ndarray) -> TermTotals:
    """Vectorised: every measure's terms in one (7, M, K) block, reduced once."""
    has_zeros = not (p.all() and q.all())
    with np.errstate(all="ignore"):
        block = np.empty((7, *q.shape))
        _kl_terms(p, q, has_zeros, out=block[0])
        _kl_terms(q, p, has_zeros, out=block[1])
        _js_terms(p, q, has_zeros, out=block[2])
        _hellinger_squared_terms(p, q, out=block[3])
        difference = p - q
        _total_variation_terms(difference, out=block[4])
        _chi_square_terms(difference, q, has_zeros, out=block[5])
        _wasserstein_terms(difference, out=block[6])
        entropy = float(_entropy_terms(p, has_zeros).sum())
    return TermTotals(block.sum(axis=-1), block[0], block[1], entropy)


def _relative_entropy(x: float, y: float) -> float:
    """x·ln(x/y) with scipy's ``rel_entr`` conventions."""
    if x == 0.0:
        return 0.0
    if y == 0.0:
        return math.inf
    ratio = x / y
    if ratio == math.inf:  # y is subnormal
        return x * (math.log(x) - math.log(y))
    return x * math.log(ratio)


def _chi_square_term(x: float, y: float) -> float:
    if y == 0.0:
        return math.inf if x > 0.0 else 0.0
    return (x - y) * (x - y) / y


def scalar_term_totals(p: np.ndarray, q: np.ndarray) -> TermTotals:
    """Pure Python floats, for small tables."""
    reference = p.tolist()
    forward_rows, reverse_rows, columns = [], [], []
    for model in q.tolist():
        forward, reverse = [], []
        js = hellinger_squared = total_variation = chi_square = wasserstein = cdf_gap = 0.0
        for a, b in zip(reference, model, strict=True):
            forward.append(_relative_entropy(a, b))
            reverse.append(_relative_entropy(b, a))
            m = 0.5 * (a + b)
            js += _relative_entropy(a, m) + _relative_entropy(b, m)
            root_difference = math.sqrt(a) - math.sqrt(b)
            hellinger_squared += root_difference * root_difference
            difference = a - b
            total_variation += abs(difference)
            chi_square += _chi_square_term(a, b)
            wasserstein += abs(cdf_gap)  # the gap before this class; the last one is 0
            cdf_gap += difference
        forward_rows.append(forward)
        reverse_rows.append(reverse)
        columns.append(
            (
                sum(forward),
                sum(reverse),
                0.5 * js,
                0.5 * hellinger_squared,
                0.5 * total_variation,
                chi_square,
                wasserstein,
            )
        )
    entropy = -sum(a * math.log(a) for a in reference if a > 0.0)
    shape = (len(forward_rows), len(reference))
    return TermTotals(
        np.array(columns, dtype=np.float64).reshape(shape[0], 7).T,
        np.array(forward_rows, dtype=np.float64).reshape(shape),
        np.array(reverse_rows, dtype=np.float64).reshape(shape),
        entropy,
    )
