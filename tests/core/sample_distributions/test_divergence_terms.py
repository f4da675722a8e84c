"""Each sample's divergences agree with an independent float64 computation (scipy's
rel_entr and entropy, straightforward numpy), zeros included, and keep the properties that
hold for every pair of distributions."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import rel_entr
from scipy.stats import entropy

from core.sample_distributions.divergence_terms import row_terms

PROPERTIES = settings(max_examples=200, deadline=None)


def terms_of(p: np.ndarray, q: np.ndarray, skip_below: float | None = None):
    with np.errstate(divide="ignore"):
        return row_terms(p, np.log(p), q, np.log(q), skip_below)


def test_every_divergence_matches_scipy_on_random_rows():
    rng = np.random.default_rng(5)
    p = rng.dirichlet(np.full(9, 0.5), size=40)
    q = rng.dirichlet(np.full(9, 0.5), size=40)
    found = terms_of(p, q)
    m = (p + q) / 2
    np.testing.assert_allclose(found.kl, rel_entr(p, q).sum(axis=1), rtol=1e-12)
    np.testing.assert_allclose(found.reverse_kl, rel_entr(q, p).sum(axis=1), rtol=1e-12)
    js = 0.5 * rel_entr(p, m).sum(axis=1) + 0.5 * rel_entr(q, m).sum(axis=1)
    np.testing.assert_allclose(found.js, js, rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(found.entropy, entropy(p, axis=1), rtol=1e-12)
    np.testing.assert_allclose(found.class_kl, rel_entr(p, q).sum(axis=0), rtol=1e-12)


def test_zeros_follow_zero_log_zero_and_an_uncovered_class_is_infinite():
    p = np.array([[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [1.0, 0.0, 0.0]])
    q = np.array([[0.5, 0.25, 0.25], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    found = terms_of(p, q)
    np.testing.assert_allclose(found.kl, rel_entr(p, q).sum(axis=1))
    np.testing.assert_allclose(found.reverse_kl, rel_entr(q, p).sum(axis=1))
    assert found.kl[1] == math.inf  # p = 0.5 where q = 0: never clipped
    assert (found.kl[2], found.reverse_kl[2], found.js[2], found.entropy[2]) == (0, 0, 0, 0)
    assert np.isfinite(found.js).all() and (found.js <= math.log(2)).all()
    assert found.class_kl[1] == math.inf and found.class_kl[2] == 0.0


def test_the_llama_rule_leaves_out_classes_whose_reference_log_probability_is_at_most_minus_16():
    log_p = np.array([[math.log(0.9), -16.0, -15.5, -20.0]])
    p = np.exp(log_p)
    log_q = np.log(np.array([[0.5, 0.2, 0.2, 0.1]]))
    found = row_terms(p, log_p, np.exp(log_q), log_q, -16.0)
    kept = np.array([True, False, True, False])
    expected = (p * (log_p - log_q))[:, kept].sum()
    assert found.kl[0] == pytest.approx(expected, rel=1e-14)
    assert found.entropy[0] == pytest.approx(-(p * log_p)[:, kept].sum(), rel=1e-14)
    assert found.class_kl[1] == 0.0 and found.class_kl[3] == 0.0


distributions = st.integers(2, 8).flatmap(
    lambda k: st.tuples(
        *[
            st.lists(st.floats(0, 1), min_size=k, max_size=k).filter(lambda v: sum(v) > 0.01)
            for _ in range(2)
        ]
    )
)


def normalised(values: list[float]) -> np.ndarray:
    array = np.array(values)
    return array / array.sum()


@PROPERTIES
@given(distributions)
def test_kl_is_at_least_0_js_is_symmetric_and_at_most_ln_2(pair):
    p, q = (normalised(values)[None, :] for values in pair)
    forward, backward = terms_of(p, q), terms_of(q, p)
    assert forward.kl[0] >= -1e-12
    assert forward.js[0] == pytest.approx(backward.js[0], abs=1e-12)
    assert 0 <= forward.js[0] <= math.log(2) + 1e-12
    assert forward.reverse_kl[0] == pytest.approx(backward.kl[0], rel=1e-9, abs=1e-12)


@PROPERTIES
@given(distributions)
def test_cross_entropy_is_entropy_plus_kl_sample_by_sample(pair):
    p, q = (normalised(values)[None, :] for values in pair)
    found = terms_of(p, q)
    with np.errstate(divide="ignore", invalid="ignore"):
        cross_entropy = -np.where(p > 0, p * np.log(q), 0.0).sum()
    assert found.entropy[0] + found.kl[0] == pytest.approx(cross_entropy, rel=1e-9, abs=1e-12)


@PROPERTIES
@given(st.lists(st.floats(0, 1), min_size=2, max_size=8).filter(lambda v: sum(v) > 0.01))
def test_kl_and_js_are_exactly_0_for_equal_distributions(values):
    p = normalised(values)[None, :]
    found = terms_of(p, p.copy())
    assert (found.kl[0], found.reverse_kl[0]) == (0.0, 0.0)
    assert found.js[0] == pytest.approx(0.0, abs=1e-15)
