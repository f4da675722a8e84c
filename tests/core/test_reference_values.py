"""Published reference values and values computed by hand.

Sources:
- scipy's documentation examples for ``scipy.stats.entropy`` and
  ``scipy.spatial.distance.jensenshannon``;
- Kullback (1959), *Information Theory and Statistics*, the binomial-versus-uniform example
  as given on Wikipedia's "Kullback–Leibler divergence" page;
- closed forms worked out below for total variation, Hellinger, Bhattacharyya, Pearson χ² and
  the ordinal Wasserstein-1 distance.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import core

# --- scipy documentation examples ------------------------------------------------------------


def test_fair_coin_has_one_bit_of_entropy():
    assert core.entropy([1 / 2, 1 / 2], base=2) == 1.0


def test_biased_coin_entropy_in_bits():
    value = core.entropy([9 / 10, 1 / 10], base=2)
    assert value == pytest.approx(0.4689955935892812, rel=1e-15, abs=0)


def test_kl_fair_coin_against_biased_coin_in_nats():
    value = core.kl_divergence([1 / 2, 1 / 2], [9 / 10, 1 / 10])
    assert value == pytest.approx(0.5108256237659907, rel=1e-15, abs=0)


def test_js_distance_of_disjoint_point_masses_is_one_bit():
    assert core.js_distance([1, 0, 0], [0, 1, 0], base=2) == 1.0


def test_js_distance_point_mass_against_fair_coin():
    value = core.js_distance([1.0, 0.0], [0.5, 0.5])
    assert value == pytest.approx(0.46450140402245893, rel=1e-14, abs=0)


# --- Kullback 1959: Binomial(2, 0.4) against the uniform distribution on {0, 1, 2} --------------

BINOMIAL = (0.36, 0.48, 0.16)
UNIFORM = (1 / 3, 1 / 3, 1 / 3)


def test_kullback_binomial_against_uniform():
    assert core.kl_divergence(BINOMIAL, UNIFORM) == pytest.approx(0.0852996, abs=5e-8)


def test_kullback_uniform_against_binomial():
    assert core.kl_divergence(UNIFORM, BINOMIAL) == pytest.approx(0.097455, abs=5e-7)


def test_kullback_example_in_compare_both_directions():
    comparison = core.compare(BINOMIAL, {"uniform": UNIFORM})
    assert comparison.kl[0] == pytest.approx(0.0852996, abs=5e-8)
    assert comparison.reverse_kl[0] == pytest.approx(0.097455, abs=5e-7)


def test_kullback_example_terms_by_hand():
    # p·ln(3p) for p = 0.36, 0.48, 0.16
    expected = [0.36 * math.log(1.08), 0.48 * math.log(1.44), 0.16 * math.log(0.48)]
    np.testing.assert_allclose(core.kl_terms(BINOMIAL, UNIFORM), expected, rtol=1e-14)
    assert expected[2] < 0  # the terms are signed: the class where p < q contributes less


# --- hand-computed distances ---------------------------------------------------------------
# P = (9, 12, 4)/25, Q = (1, 1, 1)/3; P − Q = (2, 11, −13)/75.
#   total variation = ½(2 + 11 + 13)/75 = 13/75
#   χ²(P‖Q) = Σ(p − q)²/q = 3·(4 + 121 + 169)/75² = 882/5625
#   W1 = |F_P − F_Q| at the two inner boundaries = 2/75 + 13/75 = 1/5
#   Σ√(pq) = (3 + 2√3 + 2)/(5√3) = 1/√3 + 2/5
#   Hellinger = √(1 − 1/√3 − 2/5), Bhattacharyya = −ln(1/√3 + 2/5)

BHATTACHARYYA_COEFFICIENT = 1 / math.sqrt(3) + 2 / 5


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        (core.total_variation, 13 / 75),
        (core.chi_square, 882 / 5625),
        (core.wasserstein_ordinal, 1 / 5),
        (core.hellinger, math.sqrt(1 - BHATTACHARYYA_COEFFICIENT)),
        (core.bhattacharyya_distance, -math.log(BHATTACHARYYA_COEFFICIENT)),
    ],
    ids=["total_variation", "chi_square", "wasserstein", "hellinger", "bhattacharyya"],
)
def test_distances_binomial_against_uniform(function, expected):
    assert function(BINOMIAL, UNIFORM) == pytest.approx(expected, rel=1e-12, abs=0)


# P = (1, 0), Q = (½, ½): |P − Q| = (½, ½), Σ√(pq) = √½, χ² = ¼/½ + ¼/½ = 1, W1 = ½.
@pytest.mark.parametrize(
    ("function", "expected"),
    [
        (core.total_variation, 0.5),
        (core.chi_square, 1.0),
        (core.wasserstein_ordinal, 0.5),
        (core.hellinger, math.sqrt(1 - math.sqrt(0.5))),
        (core.bhattacharyya_distance, math.log(2) / 2),
    ],
    ids=["total_variation", "chi_square", "wasserstein", "hellinger", "bhattacharyya"],
)
def test_distances_point_mass_against_fair_coin(function, expected):
    assert function([1.0, 0.0], [0.5, 0.5]) == pytest.approx(expected, rel=1e-12, abs=0)


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        (core.total_variation, 1.0),
        (core.hellinger, 1.0),
        (core.bhattacharyya_distance, math.inf),
        (core.chi_square, math.inf),
        (core.wasserstein_ordinal, 1.0),
        (core.js_divergence, math.log(2)),
    ],
    ids=["total_variation", "hellinger", "bhattacharyya", "chi_square", "wasserstein", "js"],
)
def test_distances_of_disjoint_supports(function, expected):
    assert function([1.0, 0.0], [0.0, 1.0]) == expected


def test_bhattacharyya_of_disjoint_supports_is_infinite_whatever_the_rounding():
    p, q = [1.0, 0.0, 0.0, 0.0], [0.0, 0.3, 0.4, 0.3]
    assert sum(math.sqrt(a * b) for a, b in zip(p, q, strict=True)) == 0.0
    assert core.bhattacharyya_distance(p, q) == math.inf
    assert core.compare(p, {"A": q}).bhattacharyya[0] == math.inf
    assert core.hellinger(p, q) == 1.0


def test_wasserstein_counts_how_far_mass_moves():
    # All the mass moves two classes to the right: W1 = 2; one class: W1 = 1.
    assert core.wasserstein_ordinal([1, 0, 0], [0, 0, 1]) == 2.0
    assert core.wasserstein_ordinal([1, 0, 0], [0, 1, 0]) == 1.0
    # Half the mass moves three classes: 1.5.
    assert core.wasserstein_ordinal([0.5, 0, 0, 0.5], [0, 0, 0, 1]) == 1.5


def test_chi_square_is_not_symmetric():
    # χ²(P‖Q) divides by q: Q = (½, ½) gives 1; the other way, P = (1, 0) gives +inf.
    assert core.chi_square([1.0, 0.0], [0.5, 0.5]) == 1.0
    assert core.chi_square([0.5, 0.5], [1.0, 0.0]) == math.inf


# --- the built-in example ------------------------------------------------------------------


def test_builtin_example_ranks_a_above_b_by_kl():
    comparison = core.example_workspace().compare()
    assert comparison.rank_by == "kl"
    ranks = dict(zip(comparison.models, comparison.rank.tolist(), strict=True))
    assert ranks == {"A": 1, "B": 2}
    assert [comparison.models[i] for i in comparison.order] == ["A", "B"]


def test_builtin_example_values_by_hand():
    comparison = core.example_workspace().compare()
    assert comparison.classes == ("dog", "cat", "rabbit")
    assert comparison.reference == "P"
    kl_a = 0.6 * math.log(0.6 / 0.5) + 0.3 * math.log(0.3 / 0.35) + 0.1 * math.log(0.1 / 0.15)
    kl_b = 0.6 * math.log(0.6 / 0.2) + 0.3 * math.log(0.3 / 0.3) + 0.1 * math.log(0.1 / 0.5)
    reverse_b = 0.2 * math.log(0.2 / 0.6) + 0.5 * math.log(0.5 / 0.1)
    entropy_p = -(0.6 * math.log(0.6) + 0.3 * math.log(0.3) + 0.1 * math.log(0.1))
    np.testing.assert_allclose(comparison.kl, [kl_a, kl_b], rtol=1e-13)
    assert comparison.reverse_kl[1] == pytest.approx(reverse_b, rel=1e-13, abs=0)
    assert comparison.reverse_kl[1] != pytest.approx(comparison.kl[1], rel=1e-3, abs=0)  # asymmetry
    assert comparison.reference_entropy == pytest.approx(entropy_p, rel=1e-13, abs=0)
    assert comparison.unit == "nats"
