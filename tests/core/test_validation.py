"""Input checking: typed errors naming the entry and the reason, and no silent renormalisation."""

from __future__ import annotations

import math

import numpy as np
import pytest

import core

NAN, INF = math.nan, math.inf

#: Every public function taking a pair of distributions.
PAIR_FUNCTIONS = [
    core.kl_divergence,
    core.kl_terms,
    core.cross_entropy,
    core.js_divergence,
    core.js_distance,
    core.total_variation,
    core.hellinger,
    core.bhattacharyya_distance,
    core.chi_square,
    core.wasserstein_ordinal,
]
PAIR_IDS = [function.__name__ for function in PAIR_FUNCTIONS]
BASE_FUNCTIONS = [
    core.kl_divergence,
    core.kl_terms,
    core.cross_entropy,
    core.js_divergence,
    core.js_distance,
]
GOOD = [0.2, 0.3, 0.5]

#: (bad vector, words the message must contain)
BAD_VECTORS = {
    "negative": ([0.5, 0.6, -0.1], ["entry 2", "-0.1", "negative"]),
    "nan": ([0.5, NAN, 0.5], ["entry 1", "nan", "not a finite number"]),
    "inf": ([INF, 0.0, 0.0], ["entry 0", "inf", "not a finite number"]),
    "minus_inf": ([0.5, 0.5, -INF], ["entry 2", "-inf", "not a finite number"]),
    "sum_low": ([0.2, 0.3, 0.49], ["sums to 0.99", "not 1", "normalize"]),
    "sum_high": ([0.2, 0.3, 0.51], ["sums to 1.01", "not 1"]),
    "sum_off_by_twice_the_tolerance": (
        [0.2, 0.3, 0.5 + 2 * core.SUM_TOLERANCE],
        ["sums to 1.000002", "not 1"],
    ),
    "non_numeric": (["a", "b", "c"], ["must be numbers"]),
    "three_dimensions": (np.full((2, 2, 3), 1 / 3), ["3 dimensions"]),
    "scalar": (1.0, ["0 dimensions"]),
    "ragged": ([[0.5, 0.5, 0.0], [1.0]], ["must be numbers"]),
}


def test_errors_are_value_errors():
    assert issubclass(core.InvalidDistributionError, ValueError)
    assert issubclass(core.WorkspaceError, ValueError)
    assert issubclass(core.FormatError, ValueError)


@pytest.mark.parametrize("case", BAD_VECTORS, ids=list(BAD_VECTORS))
def test_check_probabilities_names_the_entry_and_the_reason(case):
    values, words = BAD_VECTORS[case]
    with pytest.raises(core.InvalidDistributionError) as caught:
        core.check_probabilities(values)
    for word in words:
        assert word in str(caught.value)


@pytest.mark.parametrize("case", BAD_VECTORS, ids=list(BAD_VECTORS))
@pytest.mark.parametrize("function", PAIR_FUNCTIONS, ids=PAIR_IDS)
def test_every_function_rejects_a_bad_p_or_q(function, case):
    values, words = BAD_VECTORS[case]
    with pytest.raises(core.InvalidDistributionError, match=r"^p\b") as caught:
        function(values, GOOD)
    assert all(word in str(caught.value) for word in words), str(caught.value)
    with pytest.raises(core.InvalidDistributionError, match=r"^q\b"):
        function(GOOD, values)


@pytest.mark.parametrize("case", BAD_VECTORS, ids=list(BAD_VECTORS))
def test_entropy_rejects_bad_input(case):
    values, words = BAD_VECTORS[case]
    with pytest.raises(core.InvalidDistributionError) as caught:
        core.entropy(values)
    assert all(word in str(caught.value) for word in words), str(caught.value)


@pytest.mark.parametrize("function", PAIR_FUNCTIONS, ids=PAIR_IDS)
def test_mismatched_lengths(function):
    with pytest.raises(core.InvalidDistributionError, match="p has 2 classes but q has 3"):
        function([0.5, 0.5], GOOD)
    with pytest.raises(core.InvalidDistributionError, match="p has 2 rows but q has 3"):
        function(np.full((2, 3), 1 / 3), np.full((3, 3), 1 / 3))


@pytest.mark.parametrize(
    "empty",
    [[], np.zeros((0,)), np.zeros((2, 0)), np.zeros((0, 3))],
    ids=["list", "vector", "rows_of_nothing", "no_rows"],
)
def test_empty_input(empty):
    with pytest.raises(core.InvalidDistributionError, match="empty"):
        core.entropy(empty)
    with pytest.raises(core.InvalidDistributionError, match="empty"):
        core.kl_divergence(empty, empty)


def test_a_bad_row_is_named():
    rows = [[0.5, 0.5], [-0.2, 1.2]]
    message = r"p, row 1, entry 0: -0\.2 is negative"
    with pytest.raises(core.InvalidDistributionError, match=message):
        core.entropy(rows)
    with pytest.raises(core.InvalidDistributionError, match=r"q, row 1 sums to 1\.1"):
        core.kl_divergence([[0.5, 0.5], [0.5, 0.5]], [[0.5, 0.5], [0.2, 0.9]])


def test_labels_name_the_class():
    with pytest.raises(core.InvalidDistributionError, match=r"p, class 'cat': -0\.1 is negative"):
        core.check_probabilities([1.1, -0.1], labels=["dog", "cat"])
    with pytest.raises(core.InvalidDistributionError, match="3 entries but there are 2 classes"):
        core.check_probabilities(GOOD, labels=["dog", "cat"])


# --- no silent renormalisation -------------------------------------------------------------


def test_a_vector_summing_to_0_99_raises():
    with pytest.raises(core.InvalidDistributionError, match=r"sums to 0\.99"):
        core.kl_divergence([0.5, 0.49], [0.5, 0.5])
    with pytest.raises(core.InvalidDistributionError, match=r"sums to 0\.99"):
        core.compare([0.5, 0.5], {"A": [0.5, 0.49]})


def test_sum_tolerance_is_the_documented_one():
    assert core.SUM_TOLERANCE == 1e-6
    inside = [0.5, 0.5 + 0.5 * core.SUM_TOLERANCE]
    outside = [0.5, 0.5 + 2 * core.SUM_TOLERANCE]
    core.check_probabilities(inside)
    with pytest.raises(core.InvalidDistributionError):
        core.check_probabilities(outside)


def test_a_vector_within_tolerance_is_used_as_given_not_renormalised():
    p = [0.5, 0.5 + 5e-7]
    expected = -(0.5 * math.log(0.5) + (0.5 + 5e-7) * math.log(0.5 + 5e-7))
    assert core.entropy(p) == pytest.approx(expected, rel=1e-15, abs=0)
    renormalised = np.array(p) / sum(p)
    assert core.entropy(p) != pytest.approx(core.entropy(renormalised), rel=1e-9, abs=0)


def test_check_probabilities_returns_float64_without_changing_values():
    checked = core.check_probabilities([1, 0])
    assert checked.dtype == np.float64
    np.testing.assert_array_equal(checked, [1.0, 0.0])


# --- explicit normalisation, counts and smoothing ------------------------------------------


def test_normalize():
    np.testing.assert_allclose(core.normalize([1, 3]), [0.25, 0.75], rtol=1e-15)
    np.testing.assert_allclose(core.normalize([[1, 1], [0, 2]]), [[0.5, 0.5], [0, 1]], rtol=1e-15)
    np.testing.assert_allclose(core.normalize([0.5, 0.49]), [0.5 / 0.99, 0.49 / 0.99], rtol=1e-15)
    with pytest.raises(core.InvalidDistributionError, match="sums to 0"):
        core.normalize([0, 0])
    with pytest.raises(core.InvalidDistributionError, match="negative"):
        core.normalize([1, -1])
    with pytest.raises(core.InvalidDistributionError, match="not a finite number"):
        core.normalize([1, NAN])


def test_from_counts():
    np.testing.assert_allclose(core.from_counts([6, 3, 1]), [0.6, 0.3, 0.1], rtol=1e-15)
    # Laplace (add-one): (0 + 1, 2 + 1) / (2 + 2)
    np.testing.assert_allclose(core.from_counts([0, 2], add_k=1), [0.25, 0.75], rtol=1e-15)
    np.testing.assert_allclose(core.from_counts([0, 2], add_k=0.5), [0.5 / 3, 2.5 / 3])
    np.testing.assert_allclose(core.from_counts([[1, 1], [0, 4]]), [[0.5, 0.5], [0, 1]])
    # All zero: only smoothing gives a distribution (uniform).
    with pytest.raises(core.InvalidDistributionError, match="all counts are 0"):
        core.from_counts([0, 0])
    np.testing.assert_allclose(core.from_counts([0, 0], add_k=1), [0.5, 0.5])


@pytest.mark.parametrize("add_k", [-1, NAN, INF])
def test_from_counts_rejects_a_bad_add_k(add_k):
    with pytest.raises(ValueError, match="add_k"):
        core.from_counts([1, 1], add_k=add_k)


def test_from_counts_rejects_bad_counts():
    message = r"counts, class 'b': -1\.0 is negative"
    with pytest.raises(core.InvalidDistributionError, match=message):
        core.from_counts([1, -1], labels=["a", "b"])
    with pytest.raises(core.InvalidDistributionError, match="not a finite number"):
        core.check_counts([1, INF])


def test_smooth():
    smoothed = core.smooth([1.0, 0.0], 0.1)
    np.testing.assert_allclose(smoothed, [1.1 / 1.2, 0.1 / 1.2], rtol=1e-15)
    assert smoothed.sum() == pytest.approx(1.0, rel=1e-15, abs=0)
    np.testing.assert_array_equal(core.smooth(GOOD, 0.0), GOOD)
    # Smoothing checks its input; it does not renormalise a broken vector.
    with pytest.raises(core.InvalidDistributionError, match=r"sums to 0\.9"):
        core.smooth([0.5, 0.4], 0.1)


@pytest.mark.parametrize("epsilon", [-0.1, NAN, INF])
def test_smooth_rejects_a_bad_epsilon(epsilon):
    with pytest.raises(ValueError, match="epsilon"):
        core.smooth(GOOD, epsilon)


@pytest.mark.parametrize(
    ("method", "amount", "words"),
    [
        ("laplace", 1.0, "unknown smoothing method 'laplace'"),
        ("epsilon", -1.0, "finite number ≥ 0"),
        ("epsilon", NAN, "finite number ≥ 0"),
        ("add_k", INF, "finite number ≥ 0"),
        ("none", 1.0, "takes no amount"),
    ],
)
def test_smoothing_validation(method, amount, words):
    with pytest.raises(ValueError, match=words):
        core.Smoothing(method, amount)


def test_smoothing_values():
    assert core.NO_SMOOTHING == core.Smoothing() == core.Smoothing("none", 0)
    assert not core.NO_SMOOTHING.is_active
    assert not core.Smoothing("epsilon", 0).is_active
    assert core.Smoothing("epsilon", 1e-3).is_active
    assert core.Smoothing("add_k", 1).amount == 1.0
    assert core.Smoothing("add_k", 1).describe() == "add-k, k = 1, on counts"
    assert core.Smoothing("epsilon", 0.01).describe() == "additive ε = 0.01 on probabilities"
    assert core.NO_SMOOTHING.describe() == "none"


# --- compare: messages, counts, smoothing --------------------------------------------------


def test_compare_names_model_and_class():
    with pytest.raises(core.InvalidDistributionError) as caught:
        core.compare([0.5, 0.5], {"A": [1.1, -0.1]}, classes=["dog", "cat"])
    message = str(caught.value)
    assert "model 'A'" in message and "class 'cat'" in message and "negative" in message


@pytest.mark.parametrize(
    ("reference", "models", "words"),
    [
        ([0.5, NAN], {"A": [0.5, 0.5]}, ["reference 'P'", "class 'cat'", "not a finite"]),
        ([0.5, 0.5], {"A": [0.5, 0.5], "B": [0.5, 0.49]}, ["model 'B'", "sums to 0.99"]),
        ([0.5, 0.5], {"A": core.Counts([1, -1])}, ["model 'A'", "class 'cat'", "negative"]),
        ([0.5, 0.5], {"A": core.Counts([0, 0])}, ["model 'A'", "all counts are 0"]),
        ([0.5, 0.5], {"A": ["x", "y"]}, ["model 'A'", "must be numbers"]),
        ([0.5, 0.5, 0.0], {"A": [0.5, 0.5]}, ["reference 'P'", "3 entries", "2 classes"]),
        ([[0.5, 0.5], [0.5, 0.5]], {"A": [0.5, 0.5]}, ["reference 'P'", "must be a vector"]),
    ],
    ids=["nan", "sum", "negative_count", "zero_counts", "text", "length", "matrix"],
)
def test_compare_messages(reference, models, words):
    with pytest.raises(core.InvalidDistributionError) as caught:
        core.compare(reference, models, classes=["dog", "cat"])
    assert all(word in str(caught.value) for word in words), str(caught.value)


def test_compare_mismatched_lengths_without_class_names():
    with pytest.raises(core.InvalidDistributionError, match="model 'A' has 2 entries"):
        core.compare([0.5, 0.5, 0.0], {"A": [0.5, 0.5]})


def test_compare_names_the_reference_by_its_name():
    with pytest.raises(core.InvalidDistributionError, match=r"reference 'truth' sums to 0\.9"):
        core.compare(
            [0.5, 0.4],
            {"A": [0.5, 0.5]},
            reference_name="truth",
            smoothing=core.Smoothing("epsilon", 0.1),
        )


def test_compare_with_counts_equals_compare_with_probabilities():
    from_counts = core.compare(core.Counts([6, 3, 1]), {"A": core.Counts([50, 35, 15])})
    from_probabilities = core.compare([0.6, 0.3, 0.1], {"A": [0.5, 0.35, 0.15]})
    for name in core.MEASURES:
        np.testing.assert_allclose(
            from_counts.measure(name), from_probabilities.measure(name), rtol=1e-12, err_msg=name
        )
    np.testing.assert_allclose(from_counts.reference_distribution, [0.6, 0.3, 0.1], rtol=1e-15)


def test_epsilon_smoothing_makes_infinite_kl_finite():
    p, q = [0.5, 0.5, 0.0], [1.0, 0.0, 0.0]
    assert core.compare(p, {"A": q}).kl[0] == INF
    smoothing = core.Smoothing("epsilon", 1e-3)
    comparison = core.compare(p, {"A": q}, smoothing=smoothing)
    assert comparison.smoothing == smoothing
    assert math.isfinite(comparison.kl[0]) and comparison.kl[0] > 1
    assert comparison.infinite_classes == ((),)
    expected = core.kl_divergence(core.smooth(p, 1e-3), core.smooth(q, 1e-3))
    assert comparison.kl[0] == pytest.approx(expected, rel=1e-12, abs=0)
    np.testing.assert_allclose(comparison.reference_distribution, core.smooth(p, 1e-3))


def test_add_k_smoothing_makes_infinite_kl_finite_for_counts():
    reference, model = core.Counts([5, 5]), core.Counts([10, 0])
    assert core.compare(reference, {"A": model}).kl[0] == INF
    comparison = core.compare(reference, {"A": model}, smoothing=core.Smoothing("add_k", 1))
    # P = (6, 6)/12, Q = (11, 1)/12
    expected = 0.5 * math.log(0.5 / (11 / 12)) + 0.5 * math.log(0.5 / (1 / 12))
    assert comparison.kl[0] == pytest.approx(expected, rel=1e-12, abs=0)


def test_add_k_smoothing_leaves_probabilities_alone():
    comparison = core.compare([0.5, 0.5], {"A": [1.0, 0.0]}, smoothing=core.Smoothing("add_k", 1))
    assert comparison.kl[0] == INF
    np.testing.assert_array_equal(comparison.model_distributions, [[1.0, 0.0]])


# --- the log base --------------------------------------------------------------------------

BAD_BASES = [0, 1, 1.0, -2, NAN, INF, "x", True]
BAD_BASE_IDS = ["0", "1", "1.0", "-2", "nan", "inf", "text", "bool"]


@pytest.mark.parametrize("base", BAD_BASES, ids=BAD_BASE_IDS)
def test_invalid_base_raises(base):
    with pytest.raises(ValueError, match="base must be"):
        core.entropy([0.5, 0.5], base=base)
    for function in BASE_FUNCTIONS:
        with pytest.raises(ValueError, match="base must be"):
            function([0.5, 0.5], [0.5, 0.5], base=base)
    with pytest.raises(ValueError, match="base must be"):
        core.compare([0.5, 0.5], {"A": [0.5, 0.5]}, base=base)


@pytest.mark.parametrize("base", [None, 2, math.e, 10, 0.5, 3, np.float64(2.0), np.int64(10)])
def test_valid_bases_are_accepted(base):
    assert math.isfinite(core.entropy([0.25, 0.75], base=base))
    assert math.isfinite(core.kl_divergence([0.5, 0.5], [0.25, 0.75], base=base))
    if base is None or base > 1:  # bases in (0, 1): see test_ranking_does_not_depend_on_the_base
        comparison = core.compare([0.5, 0.5], {"A": [0.25, 0.75]}, base=base)
        assert comparison.base == base
