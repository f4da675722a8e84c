"""A numerically stable log-softmax over the rows of a block of logits, in float64.

log_softmax(x)_i = y_i − log Σ_j exp(y_j) with y = x / T − max_j(x_j / T): subtracting the row's
maximum first keeps every exp in [0, 1], so nothing overflows and the largest class's term
is exactly exp(0) = 1. A temperature T > 1 flattens the distribution, T < 1 sharpens it.
"""

from __future__ import annotations

import math

import numpy as np


def check_temperature(temperature: float) -> float:
    """``temperature`` if it is a finite number > 0; ValueError saying why otherwise."""
    if not (math.isfinite(temperature) and temperature > 0):
        raise ValueError(f"the temperature must be a finite number above 0, not {temperature!r}")
    return float(temperature)


def log_softmax_into(
    logits: np.ndarray, temperature: float, probabilities: np.ndarray, log_probabilities: np.ndarray
) -> np.ndarray:
    """Fill ``log_probabilities`` (float64, the shape of ``logits``) with the log-softmax of
    each row of ``logits / temperature`` and ``probabilities`` with its exp; returns each
    row's maximum logit (NaN or ±inf where a row holds no finite maximum: the caller refuses
    such a row). The exp of each term is taken once: p = exp(y) / Σ exp(y)."""
    np.copyto(log_probabilities, logits)  # float32 logits are widened exactly
    if temperature != 1.0:
        log_probabilities /= temperature
    row_max = log_probabilities.max(axis=1)
    with np.errstate(invalid="ignore"):  # a bad row (NaN, inf) is refused by the caller
        log_probabilities -= row_max[:, None]
        np.exp(log_probabilities, out=probabilities)
        sums = probabilities.sum(axis=1)
        probabilities /= sums[:, None]
        log_probabilities -= np.log(sums)[:, None]
    return row_max


def log_softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """The log-softmax of each row of ``logits`` (N×K) divided by ``temperature``, float64."""
    values = np.asarray(logits)
    probabilities = np.empty(values.shape)
    log_probabilities = np.empty(values.shape)
    log_softmax_into(values, check_temperature(temperature), probabilities, log_probabilities)
    return log_probabilities
