"""Every measure of :func:`core.compare`, per model and in nats, computed two ways.

A recompute runs on every edit in the GUI. For big tables numpy's vectorised kernels win;
for a few classes numpy's fixed cost per call (~0.5 µs, and a comparison needs dozens of
calls) dominates and plain Python floats are several times faster. Both paths follow the same
conventions (0·log 0 = 0, p > 0 = q → +inf, totals ≥ 0 never below 0, exact 0 for p = q) and
a test holds them to the same results.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from core.measures import (
    LN2,
    MEASURES,
    _bhattacharyya,
    _bhattacharyya_coefficient_terms,
    _chi_square_terms,
    _entropy_terms,
    _exact_hellinger_squared,
    _hellinger_squared_terms,
    _js_terms,
    _kl_terms,
    _total_variation_terms,
    _wasserstein_terms,
)

#: Up to this many values (classes × distributions) the pure-Python path is used.
SMALL_TABLE_VALUES = 64


class PairMeasures(NamedTuple):
    """Every measure in nats, one column per model."""

    values: np.ndarray  # (len(MEASURES), M), rows in the order of MEASURES
    forward_terms: np.ndarray  # (M, K): p·ln(p/q)
    reverse_terms: np.ndarray  # (M, K): q·ln(q/p)
    reference_entropy: float


def pair_measures(p: np.ndarray, q: np.ndarray) -> PairMeasures:
    """Checked reference ``p`` (K,) and models ``q`` (M, K) → every measure, in nats."""
    if p.size + q.size <= SMALL_TABLE_VALUES:
        return scalar_pair_measures(p, q)
    return block_pair_measures(p, q)


# -- numpy ---------------------------------------------------------------------------------

_BLOCK_ROWS = 8  # KL, reverse KL, JS, H², TV, χ², W1, Bhattacharyya coefficient
_BLOCK_CAPS = np.array([[np.inf], [np.inf], [LN2], [1.0], [1.0], [np.inf], [np.inf], [np.inf]])


def block_pair_measures(p: np.ndarray, q: np.ndarray) -> PairMeasures:
    """Vectorised: every measure's terms in one (8, M, K) block, reduced once."""
    has_zeros = not (p.all() and q.all())
    with np.errstate(all="ignore"):
        block = np.empty((_BLOCK_ROWS, *q.shape))
        _kl_terms(p, q, has_zeros, out=block[0])
        _kl_terms(q, p, has_zeros, out=block[1])
        _js_terms(p, q, has_zeros, out=block[2])
        _hellinger_squared_terms(p, q, out=block[3])
        difference = p - q
        _total_variation_terms(difference, out=block[4])
        _chi_square_terms(p, q, difference, has_zeros, out=block[5])
        _wasserstein_terms(difference, out=block[6])
        _bhattacharyya_coefficient_terms(p, q, out=block[7])
        totals = np.minimum(np.maximum(block.sum(axis=-1), 0.0), _BLOCK_CAPS)
        kl, reverse_kl, js, squared, total_variation, chi_square, wasserstein, coefficient = totals
        squared = _exact_hellinger_squared(squared, coefficient)
        entropy = max(float(_entropy_terms(p, has_zeros).sum()), 0.0) + 0.0
        by_name = {
            "kl": kl,
            "reverse_kl": reverse_kl,
            "cross_entropy": entropy + kl,
            "js_divergence": js,
            "js_distance": np.sqrt(js),
            "total_variation": total_variation,
            "hellinger": np.sqrt(squared),
            "bhattacharyya": _bhattacharyya(coefficient, squared),
            "chi_square": chi_square,
            "wasserstein": wasserstein,
        }
    values = np.stack([by_name[name] for name in MEASURES])
    return PairMeasures(values, block[0], block[1], entropy)


# -- plain Python ----------------------------------------------------------------------------


def _relative_entropy(x: float, y: float) -> float:
    """x·ln(x/y) with scipy's ``rel_entr`` conventions, ln(x/y) as the numpy kernel takes it
    (log1p where x ≈ y)."""
    if x == 0.0:
        return 0.0
    if y == 0.0:
        return math.inf
    ratio = x / y
    if 0.5 < ratio < 1.5:
        return x * math.log1p((x - y) / y)
    if ratio == math.inf:  # y is subnormal
        return x * (math.log(x) - math.log(y))
    return x * math.log(ratio)


def _js_term(x: float, y: float) -> float:
    """½[x·ln(x/m) + y·ln(y/m)] with m = (x + y)/2, as the numpy kernel computes it."""
    if x == y:
        return 0.0
    total = x + y
    relative_gap = (x - y) / total
    if -0.5 < relative_gap < 0.5:
        log_x, log_y = math.log1p(relative_gap), math.log1p(-relative_gap)
    else:
        log_x = math.log(2.0 * x / total) if x > 0.0 else 0.0
        log_y = math.log(2.0 * y / total) if y > 0.0 else 0.0
    return 0.5 * (x * log_x + y * log_y)


def _chi_square_term(x: float, y: float) -> float:
    if y == 0.0:
        return math.inf if x > 0.0 else 0.0
    return (x - y) * (x - y) / y


def _model_measures(reference: list[float], model: list[float], entropy: float) -> tuple:
    """The measures of one model (in MEASURES order) and its forward and reverse terms."""
    forward, reverse = [], []
    js = squared = total_variation = chi_square = wasserstein = cdf_gap = coefficient = 0.0
    for a, b in zip(reference, model, strict=True):
        forward.append(_relative_entropy(a, b))
        reverse.append(_relative_entropy(b, a))
        js += _js_term(a, b)
        coefficient += math.sqrt(a * b)
        root_difference = math.sqrt(a) - math.sqrt(b)
        squared += root_difference * root_difference
        difference = a - b
        total_variation += abs(difference)
        chi_square += _chi_square_term(a, b)
        wasserstein += abs(cdf_gap)  # the gap before this class; the last one is 0
        cdf_gap += difference
    kl = max(sum(forward), 0.0)
    js = min(max(js, 0.0), LN2)
    squared = 1.0 if coefficient == 0.0 else min(max(0.5 * squared, 0.0), 1.0)
    if squared == 0.0:
        bhattacharyya = 0.0
    elif coefficient == 0.0:
        bhattacharyya = math.inf
    else:
        bhattacharyya = max(-math.log(coefficient), 0.0)
    measures = (
        kl,
        max(sum(reverse), 0.0),
        entropy + kl,
        js,
        math.sqrt(js),
        min(0.5 * total_variation, 1.0),
        math.sqrt(squared),
        bhattacharyya,
        chi_square,
        wasserstein,
    )
    return measures, forward, reverse


def scalar_pair_measures(p: np.ndarray, q: np.ndarray) -> PairMeasures:
    """Pure Python floats, for small tables."""
    reference = p.tolist()
    entropy = max(0.0 - sum(a * math.log(a) for a in reference if a > 0.0), 0.0) + 0.0
    columns, forward_rows, reverse_rows = [], [], []
    for model in q.tolist():
        measures, forward, reverse = _model_measures(reference, model, entropy)
        columns.append(measures)
        forward_rows.append(forward)
        reverse_rows.append(reverse)
    shape = (len(forward_rows), len(reference))
    return PairMeasures(
        np.array(columns, dtype=np.float64).reshape(shape[0], len(MEASURES)).T,
        np.array(forward_rows, dtype=np.float64).reshape(shape),
        np.array(reverse_rows, dtype=np.float64).reshape(shape),
        entropy,
    )
