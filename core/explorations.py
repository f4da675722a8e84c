"""Explorations of KL(P‖Q) as a model's prediction moves: toward P, or through temperature.

Two one-parameter families of distributions, and KL(P‖·) along them, in nats:

- **Interpolation** Q_λ = (1 − λ)Q + λP, λ ∈ [0, 1]. KL(P‖Q_λ) is convex in λ (KL is convex
  in its second argument), falls to exactly 0 at λ = 1, and is finite for every λ > 0 (there
  Q_λ ≥ λP). At λ = 0 it is KL(P‖Q), infinite where q = 0 < p.
- **Temperature** q_T ∝ q^(1/T), the softmax of log q / T over the support of q (zeros stay
  zero). T = 1 gives Q itself; T → ∞ tends to the uniform distribution on the support of q;
  T → 0 to one-hot on the argmax (shared equally by tied maxima). KL(P‖q_T) is convex in
  β = 1/T, which :func:`best_temperature` uses to find the best T.

Inputs are checked like every other core function (no silent renormalisation); the results
are plain float64 arrays. Convert nats to another unit with :func:`core.measures.log_scale`.
"""

from __future__ import annotations

import math

import numpy as np

from core.distributions import check_probabilities
from core.errors import InvalidDistributionError
from core.measures import _kl_terms, _total

#: Bisection on log β stops when the bracket is this narrow (relative width of β).
_BRACKET_WIDTH = 1e-13
_MAX_BISECTIONS = 200


def _check_vectors(p: object, q: object) -> tuple[np.ndarray, np.ndarray]:
    p_array = check_probabilities(p, name="p")
    q_array = check_probabilities(q, name="q")
    if p_array.ndim != 1 or q_array.ndim != 1:
        raise InvalidDistributionError("p and q must be vectors (one distribution each)")
    if p_array.shape != q_array.shape:
        raise InvalidDistributionError(
            f"p has {p_array.shape[0]} entries but q has {q_array.shape[0]}"
        )
    return p_array, q_array


def _check_q(q: object) -> np.ndarray:
    q_array = check_probabilities(q, name="q")
    if q_array.ndim != 1:
        raise InvalidDistributionError("q must be a vector (one distribution)")
    return q_array


def _as_parameters(values: object, what: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be numbers, not {values!r}") from None
    if array.ndim > 1:
        raise ValueError(f"{what} must be a number or a vector, not a {array.ndim}-D array")
    return array


def _check_lambdas(lambdas: object) -> np.ndarray:
    array = _as_parameters(lambdas, "λ")
    bad = ~((array >= 0.0) & (array <= 1.0))  # NaN fails both
    if bad.any():
        raise ValueError(f"λ must be in [0, 1], not {float(array[bad].flat[0])!r}")
    return array


def _check_temperatures(temperatures: object) -> np.ndarray:
    array = _as_parameters(temperatures, "temperatures")
    bad = ~(array > 0.0)  # NaN fails too; +inf is allowed (the uniform limit)
    if bad.any():
        raise ValueError(f"a temperature must be > 0, not {float(array[bad].flat[0])!r}")
    return array


# -- interpolation ------------------------------------------------------------------------------


def interpolated(p: object, q: object, lam: float | np.ndarray) -> np.ndarray:
    """Q_λ = (1 − λ)Q + λP: a vector for a number ``lam``, one row per λ for a vector.

    λ = 0 gives Q and λ = 1 gives P, both exactly.
    """
    p_array, q_array = _check_vectors(p, q)
    lambdas = _check_lambdas(lam)
    weights = lambdas[..., np.newaxis]
    return (1.0 - weights) * q_array + weights * p_array


def interpolation_curve(p: object, q: object, lambdas: object) -> np.ndarray:
    """KL(P‖Q_λ) in nats for each λ (same shape as ``lambdas``).

    Convex in λ and exactly 0 at λ = 1; at λ = 0 it is KL(P‖Q), +inf where q = 0 < p, and
    finite for every λ > 0.
    """
    p_array, q_array = _check_vectors(p, q)
    lambdas = _check_lambdas(lambdas)
    weights = np.atleast_1d(lambdas)[:, np.newaxis]
    mixtures = (1.0 - weights) * q_array + weights * p_array
    with np.errstate(all="ignore"):
        curve = _total(_kl_terms(p_array, mixtures))
    return curve.reshape(lambdas.shape)


# -- temperature --------------------------------------------------------------------------------


def _tempered(q: np.ndarray, temperatures: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """q_T and ln q_T, one row per temperature (a 1-D array of T > 0, +inf allowed).

    Through logs: ln q_T = ln q / T − logsumexp(ln q / T) over the support, so neither a small
    T (huge exponents) nor a large one underflows the sum. T = 1 rows are q itself, exactly.
    """
    support = q > 0
    with np.errstate(divide="ignore"):
        log_q = np.log(q)
    log_q_support = np.where(support, log_q, 0.0)
    betas = 1.0 / temperatures  # 1/inf = 0: uniform on the support
    scaled = betas[:, np.newaxis] * log_q_support
    scaled[:, ~support] = -np.inf
    peak = scaled.max(axis=1, keepdims=True)
    with np.errstate(under="ignore"):
        shifted = np.exp(scaled - peak)
    log_tempered = scaled - (peak + np.log(shifted.sum(axis=1, keepdims=True)))
    with np.errstate(under="ignore"):
        tempered = np.exp(log_tempered)
    unchanged = temperatures == 1.0
    if unchanged.any():
        tempered[unchanged] = q
        log_tempered[unchanged] = log_q
    return tempered, log_tempered


def temperature_scaled(q: object, temperature: float | np.ndarray) -> np.ndarray:
    """q_T ∝ q^(1/T), computed through logs; zeros stay zero. A vector for a number
    ``temperature``, one row per temperature for a vector. T = 1 returns q unchanged; T = +inf
    is the uniform distribution on the support of q; T → 0 tends to one-hot on the argmax."""
    q_array = _check_q(q)
    temperatures = _check_temperatures(temperature)
    tempered, _ = _tempered(q_array, np.atleast_1d(temperatures))
    return tempered.reshape(temperatures.shape + q_array.shape)


def _kl_to_tempered(p: np.ndarray, q: np.ndarray, temperatures: np.ndarray) -> np.ndarray:
    tempered, log_tempered = _tempered(q, temperatures)
    with np.errstate(all="ignore"):
        terms = _kl_terms(p, tempered)
        # A tiny T can underflow q_T to 0 where q > 0: the log form stays finite there.
        underflowed = (p > 0) & (q > 0) & (tempered == 0)
        if underflowed.any():
            exact = p * (np.log(p) - log_tempered)
            terms = np.where(underflowed, exact, terms)
    return _total(terms)


def temperature_curve(p: object, q: object, temperatures: object) -> np.ndarray:
    """KL(P‖q_T) in nats for each temperature T (same shape as ``temperatures``).

    +inf for every T where q = 0 < p: tempering never gives a zero mass back.
    """
    p_array, q_array = _check_vectors(p, q)
    temperatures = _check_temperatures(temperatures)
    curve = _kl_to_tempered(p_array, q_array, np.atleast_1d(temperatures))
    return curve.reshape(temperatures.shape)


def best_temperature(
    p: object, q: object, low: float = 1e-2, high: float = 1e2
) -> tuple[float, float]:
    """The temperature T in [low, high] that minimises KL(P‖q_T), and that KL in nats.

    KL(P‖softmax(β ln q)) = Σ p ln p − β Σ p ln q + logsumexp(β ln q) is convex in β = 1/T,
    with derivative E_{q_β}[ln q] − E_P[ln q], which never decreases (its own derivative is
    the variance of ln q under q_β). The minimum is where the derivative crosses 0, found by
    bisection on ln β to a relative width of 1e-13 (far inside the 1e-6 that matters), or at
    an end of [low, high] when the derivative does not change sign there.

    Special cases:

    - q = 0 < p for some class: KL(P‖q_T) is infinite for every T (tempering never gives a
      zero mass back), so there is no best T: returns ``(nan, inf)``.
    - q uniform on its support (one-hot included): every T gives the same q_T, so the same
      KL: returns T = 1.
    - T = 1 is returned whenever it is in the range and no worse than the minimum found, so
      q = P gives exactly (1.0, 0.0).
    """
    if not (0.0 < low < high < math.inf):
        raise ValueError(f"need 0 < low < high < inf, not low={low!r}, high={high!r}")
    p_array, q_array = _check_vectors(p, q)
    if ((p_array > 0) & (q_array == 0)).any():
        return math.nan, math.inf
    support = q_array > 0
    log_q = np.log(q_array[support])
    p_support = p_array[support]
    kl_at_one = float(_kl_to_tempered(p_array, q_array, np.array([1.0]))[0])
    if log_q.max() == log_q.min():
        return 1.0, kl_at_one
    target = float(p_support @ log_q)  # E_P[ln q], finite: P lives on the support of q

    def slope(log_beta: float) -> float:
        scaled = math.exp(log_beta) * log_q
        weights = np.exp(scaled - scaled.max())
        return float(weights @ log_q) / float(weights.sum()) - target

    log_low, log_high = -math.log(high), -math.log(low)  # β = 1/T: the ends swap
    if slope(log_low) >= 0:
        log_beta = log_low
    elif slope(log_high) <= 0:
        log_beta = log_high
    else:
        for _ in range(_MAX_BISECTIONS):
            if log_high - log_low <= _BRACKET_WIDTH:
                break
            middle = 0.5 * (log_low + log_high)
            if slope(middle) < 0:
                log_low = middle
            else:
                log_high = middle
        log_beta = 0.5 * (log_low + log_high)
    temperature = math.exp(-log_beta)
    temperature = min(max(temperature, low), high)
    kl = float(_kl_to_tempered(p_array, q_array, np.array([temperature]))[0])
    if low <= 1.0 <= high and kl_at_one <= kl:
        return 1.0, kl_at_one
    return temperature, kl
