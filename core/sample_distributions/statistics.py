"""llama.cpp's statistics of per-sample figures (tools/perplexity/perplexity.cpp,
``kl_divergence``), with its definitions, so that figures compare with the ones it prints.

- mean ± uncertainty of n values x_i (``mean_and_uncertainty``): f = Σx/n, the uncertainty
  √((Σx²/n − f²)/(n − 1)), and 0 where that variance is not > 0 or n ≤ 10;
- percentiles of the sorted values by linear interpolation at fraction·(n − 1) (numpy's
  default), the median the mean of the two middle values of an even count;
- the covariance of two series (Σab/n − (Σa/n)(Σb/n))/(n − 1), 0 for n < 10.

A sum holding +inf gives a mean of +inf and an uncertainty of +inf (infinite values are
never clipped); llama.cpp's own values are always finite.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

#: The KLD ladder llama.cpp prints: name → fraction.
KLD_PERCENTILES: Mapping[str, float] = {
    "max": 1.0,
    "99.9": 0.999,
    "99": 0.99,
    "95": 0.95,
    "90": 0.90,
    "median": 0.5,
    "10": 0.10,
    "5": 0.05,
    "1": 0.01,
    "0.1": 0.001,
    "min": 0.0,
}
#: The Δp ladder: the KLD ladder with 75 and 25.
DELTA_P_PERCENTILES: Mapping[str, float] = {
    **{name: KLD_PERCENTILES[name] for name in ("max", "99.9", "99", "95", "90")},
    "75": 0.75,
    "median": 0.5,
    "25": 0.25,
    **{name: KLD_PERCENTILES[name] for name in ("10", "5", "1", "0.1", "min")},
}


def mean_and_uncertainty(values: np.ndarray) -> tuple[float, float]:
    """llama.cpp's mean and its uncertainty (see the module), sums in float64."""
    count = values.size
    if count < 1:
        return 0.0, 0.0
    total = float(np.sum(values, dtype=np.float64))
    if math.isinf(total) or math.isnan(total):
        return total, math.inf if math.isinf(total) else math.nan
    return _from_sums(total, float(np.dot(values, values)), count)


def _from_sums(total: float, squares: float, count: int) -> tuple[float, float]:
    mean = total / count
    variance = squares / count - mean * mean
    return mean, math.sqrt(variance / (count - 1)) if variance > 0 and count > 10 else 0.0


def covariance(a: np.ndarray, b: np.ndarray) -> float:
    """llama.cpp's covariance of two series of one length (see the module)."""
    count = a.size
    if count < 10:
        return 0.0
    mean_a, mean_b = float(a.sum()) / count, float(b.sum()) / count
    return (float(np.dot(a, b)) / count - mean_a * mean_b) / (count - 1)


def percentiles(values: np.ndarray, ladder: Mapping[str, float]) -> dict[str, float]:
    """Each named fraction of the values, interpolated linearly; a percentile that takes
    weight from an infinite value is infinite (not NaN from inf · 0)."""
    stand_in = np.finfo(np.float64).max
    finite = np.where(np.isinf(values), np.copysign(stand_in, values), values)
    found = np.percentile(finite, [100 * fraction for fraction in ladder.values()])
    found = np.where(np.abs(found) > stand_in * 1e-8, np.copysign(np.inf, found), found)
    return {name: float(value) for name, value in zip(ladder, found, strict=True)}


def root_mean_square(values: np.ndarray) -> tuple[float, float]:
    """√mean(x²) ± 0.5/rms · uncertainty of mean(x²) (llama.cpp's RMS Δp), 0 ± 0 for all 0."""
    squares = values * values
    mean_square, uncertainty = mean_and_uncertainty(squares)
    rms = math.sqrt(mean_square)
    return rms, (0.5 / rms * uncertainty if rms > 0 else 0.0)


def binomial(successes: int, count: int) -> tuple[float, float]:
    """A share and its standard error √(p(1 − p)/(n − 1)) (NaN for one sample)."""
    share = successes / count
    error = math.sqrt(share * (1 - share) / (count - 1)) if count > 1 else math.nan
    return share, error
