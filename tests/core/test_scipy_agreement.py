"""Randomized cross-check against scipy (a test-only dependency) on thousands of random pairs.

Each case draws 3000 pairs of distributions with a seeded generator, with exact zeros in both
P and Q (so some KL values are infinite) and some identical pairs, and compares whole batches
at once: the core's functions take 2-D arrays of rows, scipy's take ``axis=1``.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import numpy as np
import pytest
import scipy.spatial.distance
import scipy.special
import scipy.stats

import core

PAIRS = 3000
CLASS_COUNTS = [2, 3, 5, 10, 30, 100]
BASES = [None, 2, math.e, 10]


def random_pairs(classes: int, seed: int, zero_rate: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """``PAIRS`` pairs of normalised rows, a fifth of the entries exactly 0, 1% identical."""
    rng = np.random.default_rng(seed)
    # Concentrations from spiky (many near-zero entries) to flat.
    alpha = rng.choice([0.2, 1.0, 5.0], size=(PAIRS, 1))
    p = rng.gamma(alpha, size=(PAIRS, classes))
    q = rng.gamma(alpha, size=(PAIRS, classes))
    p[rng.random(p.shape) < zero_rate] = 0.0
    q[rng.random(q.shape) < zero_rate] = 0.0
    rows = np.arange(PAIRS)
    p[rows, rng.integers(classes, size=PAIRS)] += 1.0  # every row carries mass
    q[rows, rng.integers(classes, size=PAIRS)] += 1.0
    p /= p.sum(axis=1, keepdims=True)
    q /= q.sum(axis=1, keepdims=True)
    q[: PAIRS // 100] = p[: PAIRS // 100]
    return p, q


@pytest.fixture(params=CLASS_COUNTS, ids=lambda k: f"{k}_classes")
def pairs(request) -> tuple[np.ndarray, np.ndarray]:
    return random_pairs(request.param, seed=1959 + request.param)


# Tolerances. The core computes p·ln(p/q) and sums in float64, so a total is exact to a few
# ulps of 1 (absolute ~1e-16), and a per-class term to ~1e-16 absolute as well; scipy's
# rel_entr switches to log1p when p/q is near 1 and is more accurate relative to tiny terms.
# Hence relative 1e-12 (1e-13 for terms) with an absolute floor of 1e-15. A JS distance is the
# square root of a divergence, so its absolute error is ~1e-16 / (2·distance), ~1e-7 relative
# for the closest random pairs (distance ~3e-5): it is checked tightly as a square, and
# loosely (1e-6 relative) as it is.
TERMS_RTOL, TOTALS_RTOL, DISTANCE_RTOL, ATOL = 1e-13, 1e-12, 1e-6, 1e-15


def assert_matches(ours: np.ndarray, theirs: np.ndarray, rtol: float, atol: float = ATOL) -> None:
    """Same shape; +inf exactly where scipy has +inf; no NaN; finite values within tolerance."""
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    assert ours.shape == theirs.shape
    assert not np.isnan(ours).any()
    np.testing.assert_array_equal(ours == math.inf, theirs == math.inf)
    np.testing.assert_array_equal(ours == -math.inf, theirs == -math.inf)
    finite = np.isfinite(theirs)
    np.testing.assert_allclose(ours[finite], theirs[finite], rtol=rtol, atol=atol)


def test_random_pairs_include_zeros_infinities_close_and_identical_pairs():
    # Guards the generator: the cross-checks below must see every case.
    p, q = random_pairs(10, seed=0)
    assert p.shape == q.shape == (PAIRS, 10)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=0, atol=1e-15)
    assert (p == 0).any() and (q == 0).any()
    infinite = ((p > 0) & (q == 0)).any(axis=1)
    assert 100 < infinite.sum() < PAIRS - 100
    assert (p == q).all(axis=1).sum() >= PAIRS // 100
    # Close pairs test the tolerances, not only far ones (with 2 classes, down to ~3e-5).
    p, q = random_pairs(2, seed=1961)
    assert scipy.spatial.distance.jensenshannon(p, q, axis=1)[PAIRS // 100 :].min() < 1e-4


def test_kl_terms_match_rel_entr(pairs):
    p, q = pairs
    theirs = scipy.special.rel_entr(p, q)
    assert np.isinf(theirs).any()
    assert_matches(core.kl_terms(p, q), theirs, rtol=TERMS_RTOL)
    assert_matches(core.kl_terms(q, p), scipy.special.rel_entr(q, p), rtol=TERMS_RTOL)
    assert_matches(core.kl_terms(p, q, base=2), theirs / math.log(2), rtol=TERMS_RTOL)


@pytest.mark.parametrize("base", BASES, ids=["nats", "bits", "base_e", "bans"])
def test_entropy_matches_scipy(pairs, base):
    p, _ = pairs
    theirs = scipy.stats.entropy(p, base=base, axis=1)
    assert_matches(core.entropy(p, base=base), theirs, rtol=TOTALS_RTOL)


@pytest.mark.parametrize("base", BASES, ids=["nats", "bits", "base_e", "bans"])
def test_kl_divergence_matches_scipy(pairs, base):
    p, q = pairs
    theirs = scipy.stats.entropy(p, q, base=base, axis=1)
    assert np.isinf(theirs).any() and np.isfinite(theirs).any()
    assert_matches(core.kl_divergence(p, q, base=base), theirs, rtol=TOTALS_RTOL)
    reverse = scipy.stats.entropy(q, p, base=base, axis=1)
    assert_matches(core.kl_divergence(q, p, base=base), reverse, rtol=TOTALS_RTOL)


@pytest.mark.parametrize("base", BASES, ids=["nats", "bits", "base_e", "bans"])
def test_cross_entropy_matches_scipy(pairs, base):
    p, q = pairs
    theirs = scipy.stats.entropy(p, base=base, axis=1) + scipy.stats.entropy(
        p, q, base=base, axis=1
    )
    assert_matches(core.cross_entropy(p, q, base=base), theirs, rtol=TOTALS_RTOL)


def assert_distances_match(ours: np.ndarray, theirs: np.ndarray) -> None:
    """Distances as they are, where scipy's own error allows: its divergence is exact to
    ~1e-16 absolute (a rounded m), so its distance d only to ~1e-16 / (2d) (0.03 % at
    d = 3e-7, where the core matches 60-digit arithmetic; see the close-pair test below)."""
    theirs = np.asarray(theirs)
    allowed = np.maximum(DISTANCE_RTOL * theirs, 2e-16 / np.maximum(theirs, 1e-300))
    assert np.all(np.abs(np.asarray(ours) - theirs) <= allowed)


@pytest.mark.parametrize("base", BASES, ids=["nats", "bits", "base_e", "bans"])
def test_js_distance_matches_scipy(pairs, base):
    p, q = pairs
    theirs = scipy.spatial.distance.jensenshannon(p, q, base=base, axis=1)
    assert np.isfinite(theirs).all()  # JS is never infinite, zeros or not
    ours = core.js_distance(p, q, base=base)
    assert_matches(ours**2, theirs**2, rtol=TOTALS_RTOL)
    assert_distances_match(ours, theirs)
    assert_matches(core.js_divergence(p, q, base=base), theirs**2, rtol=TOTALS_RTOL)


def test_compare_matches_scipy_pair_by_pair(pairs):
    """compare() runs its own kernels (pure Python for small tables, numpy for large)."""
    p, q = pairs
    count = 300
    kl = scipy.stats.entropy(p[:count], q[:count], base=2, axis=1)
    reverse = scipy.stats.entropy(q[:count], p[:count], base=2, axis=1)
    entropy = scipy.stats.entropy(p[:count], base=2, axis=1)
    js = scipy.spatial.distance.jensenshannon(p[:count], q[:count], base=2, axis=1)
    terms = scipy.special.rel_entr(p[:count], q[:count]) / math.log(2)
    ours = [core.compare(p[i], {"Q": q[i]}, base=2) for i in range(count)]
    assert_matches([c.kl[0] for c in ours], kl, rtol=TOTALS_RTOL)
    assert_matches([c.reverse_kl[0] for c in ours], reverse, rtol=TOTALS_RTOL)
    assert_matches([c.reference_entropy for c in ours], entropy, rtol=TOTALS_RTOL)
    assert_matches([c.cross_entropy[0] for c in ours], entropy + kl, rtol=TOTALS_RTOL)
    distances = np.array([c.js_distance[0] for c in ours])
    assert_matches(distances**2, js**2, rtol=TOTALS_RTOL)
    assert_distances_match(distances, js)
    assert_matches(np.array([c.kl_terms[0] for c in ours]), terms, rtol=TERMS_RTOL)


def test_kl_divergence_matches_scipy_with_negative_zeros():
    p, q = random_pairs(5, seed=3)
    q = np.where(q == 0, -0.0, q)  # the same zeros, with the sign bit set
    theirs = scipy.stats.entropy(p, q, axis=1)
    assert np.isinf(theirs).any()
    assert_matches(core.kl_divergence(p, q), theirs, rtol=TOTALS_RTOL)


def exact_js_divergence(p: list[float], q: list[float]) -> float:
    """JS divergence of the given floats in 60-digit decimal arithmetic."""
    with localcontext() as context:
        context.prec = 60
        total = Decimal(0)
        for x, y in zip(map(Decimal, p), map(Decimal, q), strict=True):
            m = (x + y) / 2
            if x > 0:
                total += x * (x / m).ln() / 2
            if y > 0:
                total += y * (y / m).ln() / 2
        return float(total)


@pytest.mark.parametrize(
    ("p", "q"),
    [
        ([0.3, 0.7], [0.3 + 1e-6, 0.7 - 1e-6]),
        # scipy's rounded m costs it 3e-4 relative here; the core has no m to round.
        ([0.9999999999997319, 2.681167932490392e-13], [1.0, 0.0]),
    ],
)
def test_js_distance_of_a_close_pair_matches_60_digit_arithmetic(p, q):
    exact = math.sqrt(exact_js_divergence(p, q))
    assert core.js_distance(p, q) == pytest.approx(exact, rel=1e-9, abs=0)
    assert core.compare(p, {"Q": q}).js_distance[0] == pytest.approx(exact, rel=1e-9, abs=0)
