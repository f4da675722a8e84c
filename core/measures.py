"""Entropy, divergences and distances between discrete distributions.

Every public function checks its inputs (no silent renormalisation), reduces over the last
axis and accepts 1-D vectors or 2-D arrays of rows (a vector broadcasts against rows).
``base=None`` means natural logarithms (nats); 2 gives bits, 10 bans.

Zeros follow information theory and scipy's ``rel_entr``: 0·log(0/q) = 0, and p > 0 with
q = 0 gives +inf. Totals that are ≥ 0 in exact arithmetic are clamped at 0, so rounding never
shows as −1e−17, and identical inputs give exactly 0.0.

The ``_`` kernels take checked float64 arrays and work in nats; :func:`core.compare` uses them
directly so a recompute pays for one check per distribution, not one per measure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from core.distributions import check_probabilities
from core.errors import InvalidDistributionError

LN2 = math.log(2.0)


def log_scale(base: float | None) -> float:
    """The factor turning nats into units of ``base`` (1 for ``None``)."""
    if base is None:
        return 1.0
    if isinstance(base, bool) or not isinstance(base, (int, float, np.floating, np.integer)):
        raise ValueError(f"base must be a number, not {base!r}")
    if not math.isfinite(base) or base <= 0 or base == 1:
        raise ValueError(f"base must be a finite number > 0 and ≠ 1, not {base!r}")
    if base == math.e:
        return 1.0
    return 1.0 / math.log(base)


def unit_name(base: float | None) -> str:
    """'nats', 'bits', 'bans', or 'log-<base> units' for any other base."""
    if base is None or base == math.e:
        return "nats"
    if base == 2:
        return "bits"
    if base == 10:
        return "bans"
    return f"log-{base:g} units"


# Every measure is a sum over classes of per-class terms. The ``_..._terms`` kernels compute
# those terms in nats; they take checked float64 arrays and expect the caller to silence
# numpy's warnings (``np.errstate(all="ignore")``): 0/0 and log 0 are part of the conventions.
# ``out`` lets :func:`core.compare` write every measure into one block and reduce it once;
# ``has_zeros=False`` promises no entry is 0 and skips the masks of the 0·log 0 = 0
# convention. Both matter for the recompute on every edit, where numpy's per-call overhead,
# not arithmetic, is the cost.


def _log_ratio(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """ln(x/y), as log1p((x − y)/y) where x ≈ y: there the terms of a divergence nearly
    cancel, and ln of a rounded ratio would lose their relative accuracy."""
    ratio = x / y
    close = np.abs(ratio - 1.0) < 0.5
    return np.where(close, np.log1p((x - y) / y), np.log(ratio))


def _kl_terms(
    p: np.ndarray, q: np.ndarray, has_zeros: bool = True, out: np.ndarray | None = None
) -> np.ndarray:
    """p·ln(p/q) with 0·ln(0/q) = 0 and p > 0, q = 0 → +inf (scipy's ``rel_entr``)."""
    terms = np.multiply(p, _log_ratio(p, q), out=out)
    if has_zeros:
        np.copyto(terms, 0.0, where=(p == 0))
    if not np.isfinite(terms).all():
        # p/q also overflows when q > 0 is subnormal; ln p − ln q stays finite there.
        p_b, q_b = np.broadcast_arrays(p, q)
        overflowed = np.isinf(terms) & (q_b > 0)
        if overflowed.any():
            p_o, q_o = p_b[overflowed], q_b[overflowed]
            terms[overflowed] = p_o * (np.log(p_o) - np.log(q_o))
    return terms


def _entropy_terms(p: np.ndarray, has_zeros: bool = True) -> np.ndarray:
    """−p·ln p with 0·ln 0 = 0."""
    terms = p * np.log(p)
    if has_zeros:
        np.copyto(terms, 0.0, where=(p == 0))
    return np.negative(terms, out=terms)


def _js_terms(
    p: np.ndarray, q: np.ndarray, has_zeros: bool = True, out: np.ndarray | None = None
) -> np.ndarray:
    """½[p·ln(p/m) + q·ln(q/m)] with m = (p + q)/2; never infinite (m ≥ p/2, m ≥ q/2).

    p/m = 1 + r and q/m = 1 − r with r = (p − q)/(p + q), so a close pair is exact through
    log1p(±r), with no rounded m in between; far apart, ln(2p/(p + q)) keeps a tiny p exact.
    Nothing overflows, even for subnormal entries.
    """
    total = p + q
    relative_gap = (p - q) / total
    close = np.abs(relative_gap) < 0.5
    log_p_over_m = np.where(close, np.log1p(relative_gap), np.log(2.0 * p / total))
    log_q_over_m = np.where(close, np.log1p(-relative_gap), np.log(2.0 * q / total))
    terms = np.multiply(p, log_p_over_m, out=out)
    other = q * log_q_over_m
    if has_zeros:
        np.copyto(terms, 0.0, where=(p == 0))
        np.copyto(other, 0.0, where=(q == 0))
    terms += other
    terms *= 0.5
    return terms


def _hellinger_squared_terms(
    p: np.ndarray, q: np.ndarray, out: np.ndarray | None = None
) -> np.ndarray:
    """½(√p − √q)²: sums to 1 − Σ√(pq) for normalised inputs and is exactly 0 when p = q."""
    root_difference = np.sqrt(p) - np.sqrt(q)
    terms = np.multiply(root_difference, root_difference, out=out)
    terms *= 0.5
    return terms


def _total_variation_terms(difference: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    terms = np.abs(difference, out=out)
    terms *= 0.5
    return terms


def _chi_square_terms(
    p: np.ndarray,
    q: np.ndarray,
    difference: np.ndarray,
    has_zeros: bool = True,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """(p − q)²/q; p > 0 = q gives +inf (even when (p − q)² underflows), p = q = 0 gives 0."""
    terms = np.divide(difference * difference, q, out=out)
    if has_zeros:
        np.copyto(terms, 0.0, where=np.isnan(terms))
        np.copyto(terms, np.inf, where=(q == 0) & (p > 0))
    return terms


def _bhattacharyya_coefficient_terms(
    p: np.ndarray, q: np.ndarray, out: np.ndarray | None = None
) -> np.ndarray:
    """√(p·q): sums to the Bhattacharyya coefficient, exactly 0 for disjoint supports."""
    return np.sqrt(np.multiply(p, q, out=out), out=out)


def _wasserstein_terms(difference: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """|F_p − F_q| at each class boundary (the last one is always 0)."""
    terms = np.cumsum(difference, axis=-1, out=out)
    np.abs(terms, out=terms)
    terms[..., -1] = 0.0
    return terms


def _total(terms: np.ndarray, cap: float = math.inf) -> np.ndarray:
    """Sum the terms; clamp rounding noise below 0 (np.maximum also turns −0.0 into 0.0)."""
    return np.minimum(np.maximum(terms.sum(axis=-1), 0.0), cap)


def _bhattacharyya(coefficient: np.ndarray, hellinger_squared: np.ndarray) -> np.ndarray:
    """−ln Σ√(pq): +inf for disjoint supports, and exactly 0 when p = q (where H² is 0)."""
    distance = np.maximum(np.negative(np.log(coefficient)), 0.0)
    return np.where(hellinger_squared == 0, 0.0, distance)


def _check_pair(p: object, q: object) -> tuple[np.ndarray, np.ndarray]:
    p_array = check_probabilities(p, name="p")
    q_array = check_probabilities(q, name="q")
    if p_array.shape[-1] != q_array.shape[-1]:
        raise _length_mismatch(p_array, q_array)
    if p_array.ndim == 2 and q_array.ndim == 2 and p_array.shape[0] != q_array.shape[0]:
        raise _row_mismatch(p_array, q_array)
    return p_array, q_array


def _length_mismatch(p: np.ndarray, q: np.ndarray) -> InvalidDistributionError:
    return InvalidDistributionError(
        f"p has {p.shape[-1]} classes but q has {q.shape[-1]}; they must match"
    )


def _row_mismatch(p: np.ndarray, q: np.ndarray) -> InvalidDistributionError:
    return InvalidDistributionError(f"p has {p.shape[0]} rows but q has {q.shape[0]}")


def _result(values: np.ndarray) -> float | np.ndarray:
    """A Python float for a single pair, an array for rows."""
    return float(values) if np.ndim(values) == 0 else values


def entropy(p: object, *, base: float | None = None) -> float | np.ndarray:
    """Shannon entropy H(P) = −Σ p·log p."""
    scale = log_scale(base)
    p_array = check_probabilities(p, name="p")
    with np.errstate(all="ignore"):
        return _result(_total(_entropy_terms(p_array)) * scale)


def cross_entropy(p: object, q: object, *, base: float | None = None) -> float | np.ndarray:
    """Cross-entropy H(P, Q) = −Σ p·log q = H(P) + D_KL(P‖Q)."""
    scale = log_scale(base)
    p_array, q_array = _check_pair(p, q)
    with np.errstate(all="ignore"):
        # H + KL keeps the identity H(P,Q) = H(P) + KL exact up to one rounding.
        total = _total(_entropy_terms(p_array)) + _total(_kl_terms(p_array, q_array))
        return _result(total * scale)


def kl_divergence(p: object, q: object, *, base: float | None = None) -> float | np.ndarray:
    """Kullback–Leibler divergence D_KL(P‖Q) = Σ p·log(p/q)."""
    scale = log_scale(base)
    p_array, q_array = _check_pair(p, q)
    with np.errstate(all="ignore"):
        return _result(_total(_kl_terms(p_array, q_array)) * scale)


def kl_terms(p: object, q: object, *, base: float | None = None) -> np.ndarray:
    """The signed per-class terms p_i·log(p_i/q_i) of D_KL(P‖Q), shaped like the inputs."""
    scale = log_scale(base)
    p_array, q_array = _check_pair(p, q)
    with np.errstate(all="ignore"):
        return _kl_terms(p_array, q_array) * scale


def js_divergence(p: object, q: object, *, base: float | None = None) -> float | np.ndarray:
    """Jensen–Shannon divergence ½KL(P‖M) + ½KL(Q‖M), M = (P+Q)/2; symmetric, ≤ log 2."""
    scale = log_scale(base)
    p_array, q_array = _check_pair(p, q)
    with np.errstate(all="ignore"):
        return _result(_total(_js_terms(p_array, q_array), LN2) * scale)


def js_distance(p: object, q: object, *, base: float | None = None) -> float | np.ndarray:
    """Jensen–Shannon distance, the square root of the divergence (a metric).

    For a base below 1, where the divergence is negative, it is sqrt(JS / |log base|).
    """
    scale = abs(log_scale(base))
    p_array, q_array = _check_pair(p, q)
    with np.errstate(all="ignore"):
        return _result(np.sqrt(_total(_js_terms(p_array, q_array), LN2) * scale))


def total_variation(p: object, q: object) -> float | np.ndarray:
    """Total variation distance ½Σ|p − q|, in [0, 1]."""
    p_array, q_array = _check_pair(p, q)
    return _result(_total(_total_variation_terms(p_array - q_array), 1.0))


def _hellinger_squared_and_coefficient(
    p: np.ndarray, q: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    squared = _total(_hellinger_squared_terms(p, q), 1.0)
    coefficient = _bhattacharyya_coefficient_terms(p, q).sum(axis=-1)
    return _exact_hellinger_squared(squared, coefficient), coefficient


def _exact_hellinger_squared(squared: np.ndarray, coefficient: np.ndarray) -> np.ndarray:
    """H² from ½Σ(√p − √q)² (exactly 0 for p = q), but exactly 1 for disjoint supports,
    where that sum would round to 1 − 1e-16."""
    return np.where(coefficient == 0, 1.0, squared)


def hellinger(p: object, q: object) -> float | np.ndarray:
    """Hellinger distance sqrt(1 − Σ√(p·q)), in [0, 1]."""
    p_array, q_array = _check_pair(p, q)
    squared, _ = _hellinger_squared_and_coefficient(p_array, q_array)
    return _result(np.sqrt(squared))


def bhattacharyya_distance(p: object, q: object) -> float | np.ndarray:
    """Bhattacharyya distance −ln Σ√(p·q) (natural log); +inf when supports do not overlap."""
    p_array, q_array = _check_pair(p, q)
    with np.errstate(all="ignore"):
        squared, coefficient = _hellinger_squared_and_coefficient(p_array, q_array)
        return _result(_bhattacharyya(coefficient, squared))


def chi_square(p: object, q: object) -> float | np.ndarray:
    """Pearson χ²(P‖Q) = Σ (p − q)²/q; +inf where q = 0 < p."""
    p_array, q_array = _check_pair(p, q)
    with np.errstate(all="ignore"):
        return _result(_total(_chi_square_terms(p_array, q_array, p_array - q_array)))


def wasserstein_ordinal(p: object, q: object) -> float | np.ndarray:
    """Wasserstein-1 (earth mover's) distance for ordered classes one unit apart."""
    p_array, q_array = _check_pair(p, q)
    return _result(_total(_wasserstein_terms(p_array - q_array)))


#: Every measure :func:`core.compare` computes, in display order. "information" measures carry
#: the unit of the log base; the others are unitless.
MEASURES: tuple[str, ...] = (
    "kl",
    "reverse_kl",
    "cross_entropy",
    "js_divergence",
    "js_distance",
    "total_variation",
    "hellinger",
    "bhattacharyya",
    "chi_square",
    "wasserstein",
)
INFORMATION_MEASURES: frozenset[str] = frozenset(
    {"kl", "reverse_kl", "cross_entropy", "js_divergence", "js_distance"}
)


def check_measure(name: str, allowed: Sequence[str] = MEASURES) -> str:
    if name not in allowed:
        raise ValueError(f"unknown measure {name!r}; choose one of {', '.join(allowed)}")
    return name
