"""Per-sample metrics, the Jensen bound, infinite samples, ranking and the paired bootstrap."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.predictions import Cancelled, ModelPredictions
from core.predictions.evaluation import (
    PERCENTILES,
    evaluate,
    evaluate_model,
    paired_bootstrap,
)

CLASSES = ("dog", "cat", "rabbit")


def model(name, labels, probabilities, classes=CLASSES):
    return ModelPredictions(
        name, classes, np.asarray(labels), np.asarray(probabilities, dtype=np.float64)
    )


def test_hand_computed_metrics_of_a_small_model():
    probabilities = [[0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.2, 0.5, 0.3], [0.25, 0.25, 0.5]]
    labels = [0, 1, 2, 2]
    metrics = evaluate_model(model("A", labels, probabilities))
    true = np.array([0.7, 0.6, 0.3, 0.5])
    assert metrics.samples == 4
    assert metrics.cross_entropy == pytest.approx(-np.log(true))
    assert metrics.mean_cross_entropy == pytest.approx(-np.log(true).mean())
    assert metrics.ce_standard_error == pytest.approx(np.std(-np.log(true), ddof=1) / 2)
    assert metrics.accuracy == 0.75  # the third sample predicts cat, not rabbit
    assert metrics.mean_true_class_probability == pytest.approx(true.mean())
    onehot = np.eye(3)[labels]
    assert metrics.brier == pytest.approx(np.mean(((np.array(probabilities) - onehot) ** 2).sum(1)))
    assert metrics.label_counts.tolist() == [1, 1, 2]
    assert metrics.argmax_counts.tolist() == [1, 2, 1]
    assert metrics.mean_predicted == pytest.approx(np.mean(probabilities, axis=0))
    assert metrics.ce_percentiles["max"] == pytest.approx(-math.log(0.3))
    assert metrics.ce_percentiles["min"] == pytest.approx(-math.log(0.7))
    assert list(metrics.ce_percentiles) == list(PERCENTILES)
    assert metrics.infinite_samples.size == 0


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 200).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.integers(2, 12),
            st.integers(0, 2**32 - 1),
        )
    )
)
def test_jensen_mean_true_probability_is_at_least_exp_of_minus_mean_ce(shape):
    samples, classes, seed = shape
    rng = np.random.default_rng(seed)
    probabilities = rng.dirichlet(np.ones(classes), size=samples)
    labels = rng.integers(0, classes, samples)
    metrics = evaluate_model(
        model("A", labels, probabilities, tuple(str(i) for i in range(classes)))
    )
    assert metrics.mean_true_class_probability >= metrics.true_class_probability_bound - 1e-12
    # With a one-hot target H(y) = 0, so CE = KL = −ln q_true for every sample.
    assert np.allclose(np.exp(-metrics.cross_entropy), probabilities[np.arange(samples), labels])
    assert 0.0 <= metrics.brier <= 2.0


def test_a_zero_for_the_true_class_is_infinite_and_listed_never_clipped():
    probabilities = [[0.5, 0.5, 0.0], [0.2, 0.3, 0.5], [1.0, 0.0, 0.0]]
    metrics = evaluate_model(model("broken", [2, 2, 1], probabilities))
    assert metrics.infinite_samples.tolist() == [0, 2]
    assert metrics.mean_cross_entropy == math.inf
    assert metrics.ce_standard_error == math.inf
    assert metrics.ce_percentiles["max"] == math.inf
    assert metrics.ce_percentiles["min"] == pytest.approx(-math.log(0.5))
    assert metrics.true_class_probability_bound == 0.0
    assert metrics.mean_true_class_probability == pytest.approx(0.5 / 3)


def test_a_certain_correct_prediction_has_zero_cross_entropy_not_minus_zero():
    metrics = evaluate_model(model("sure", [0], [[1.0, 0.0, 0.0]]))
    assert math.copysign(1.0, metrics.cross_entropy[0]) == 1.0
    assert math.isnan(metrics.ce_standard_error)  # one sample: no spread to speak of


def test_evaluate_compares_labels_with_mean_predictions_and_ranks_by_mean_ce():
    labels = [0, 0, 1, 2]
    good = model("good", labels, [[0.8, 0.1, 0.1]] * 2 + [[0.1, 0.8, 0.1], [0.1, 0.1, 0.8]])
    poor = model("poor", labels, [[1 / 3] * 3] * 4)
    report = evaluate([poor, good])
    assert report.rank_by == "mean_cross_entropy"
    assert [report.models[i].name for i in report.order] == ["good", "poor"]
    poor_comparison, good_comparison = report.comparisons  # one per model, in input order
    assert [c.reference for c in report.comparisons] == ["labels", "labels"]
    assert (poor_comparison.models, good_comparison.models) == (("poor",), ("good",))
    assert good_comparison.reference_distribution.tolist() == [0.5, 0.25, 0.25]
    assert good_comparison.model_distributions[0] == pytest.approx([0.45, 0.275, 0.275])
    (pair,) = report.pairwise
    assert (pair.a, pair.b) == ("poor", "good")
    assert pair.mean_difference > 0 and pair.a_better_fraction == 0.0
    assert pair.ci_low <= pair.mean_difference <= pair.ci_high


def test_ranking_by_accuracy_puts_the_higher_first():
    labels = [0, 1]
    right = model("right", labels, [[0.6, 0.3, 0.1], [0.3, 0.6, 0.1]])
    wrong = model("wrong", labels, [[0.3, 0.6, 0.1], [0.6, 0.3, 0.1]])
    report = evaluate([wrong, right], rank_by="accuracy")
    assert report.rank.tolist() == [2, 1]
    with pytest.raises(ValueError, match="unknown measure"):
        evaluate([wrong], rank_by="vibes")


def test_classes_are_matched_by_name_across_files():
    a = model("A", [0, 2], [[0.7, 0.2, 0.1], [0.1, 0.2, 0.7]])
    shuffled = ("rabbit", "dog", "cat")
    b = model("B", [1, 0], [[0.1, 0.7, 0.2], [0.7, 0.1, 0.2]], classes=shuffled)
    report = evaluate([a, b])
    assert report.same_labels
    assert report.models[1].classes == CLASSES
    assert report.models[1].mean_cross_entropy == pytest.approx(report.models[0].mean_cross_entropy)
    other = model("C", [0, 1], [[0.5, 0.5], [0.5, 0.5]], classes=("dog", "horse"))
    with pytest.raises(ValueError, match="different classes"):
        evaluate([a, other])


def test_files_with_different_labels_are_not_paired():
    a = model("A", [0, 1], [[0.6, 0.3, 0.1], [0.3, 0.6, 0.1]])
    b = model("B", [1, 0], [[0.6, 0.3, 0.1], [0.3, 0.6, 0.1]])
    report = evaluate([a, b])
    assert not report.same_labels and report.pairwise == ()


def test_bootstrap_is_seeded_and_reproducible():
    rng = np.random.default_rng(5)
    a, b = rng.exponential(1.0, 300), rng.exponential(1.1, 300)
    first = paired_bootstrap([a, b], ["A", "B"], resamples=200, seed=7)
    again = paired_bootstrap([a, b], ["A", "B"], resamples=200, seed=7)
    other = paired_bootstrap([a, b], ["A", "B"], resamples=200, seed=8)
    assert first == again and first != other
    (pair,) = first
    assert pair.mean_difference == pytest.approx(np.mean(a - b))
    assert pair.ci_low < pair.mean_difference < pair.ci_high


def test_bootstrap_with_infinities_on_both_sides_is_undecided_not_nan_warnings():
    a = np.array([np.inf, 0.1, 0.2, 0.3])
    b = np.array([0.1, np.inf, 0.2, 0.3])
    (pair,) = paired_bootstrap([a, b], ["A", "B"], resamples=300, seed=1)
    assert math.isnan(pair.mean_difference)  # A infinitely worse on one sample, B on another
    assert 0.0 < pair.a_better_fraction < 1.0


def test_progress_rises_to_one_and_cancel_stops_the_work():
    rng = np.random.default_rng(0)
    probabilities = rng.dirichlet(np.ones(3), size=10_000)
    predictions = model("A", rng.integers(0, 3, 10_000), probabilities)
    seen = []
    evaluate([predictions, model("B", predictions.labels, probabilities)], progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(Cancelled):
        evaluate([predictions], is_cancelled=lambda: True)


def calibrated_on_different_samples() -> tuple[ModelPredictions, ModelPredictions]:
    """Two files that label different samples; each model's mean prediction equals its own
    file's label distribution, so each one's KL(labels‖mean) is 0 against its own labels
    (and B's is infinite against A's, which hold 'dog' where B predicts 0)."""
    a = ModelPredictions(
        "A", CLASSES, np.array([0, 0, 0, 1]), np.array([[0.75, 0.25, 0.0]] * 4), "a.csv"
    )
    b = ModelPredictions("B", CLASSES, np.array([1, 2]), np.array([[0.0, 0.5, 0.5]] * 2), "b.csv")
    return a, b


def test_each_model_is_scored_against_its_own_labels():
    report = evaluate(calibrated_on_different_samples(), rank_by="kl")
    assert not report.same_labels
    assert [m.labels_source for m in report.models] == ["a.csv", "b.csv"]
    assert report.samples_by_labels() == {"a.csv": 4, "b.csv": 2}
    assert report.distribution_measure("kl").tolist() == [0.0, 0.0]
    a, b = report.comparisons
    assert a.reference_distribution.tolist() == [0.75, 0.25, 0.0]
    assert b.reference_distribution.tolist() == [0.0, 0.5, 0.5]
    assert report.rank.tolist() == [1, 1]  # ranked by each one's own KL: a tie


def test_the_labels_of_a_separate_labels_file_are_named_by_that_file():
    probabilities = np.array([[0.75, 0.25, 0.0]])
    predictions = ModelPredictions("A", CLASSES, np.array([0]), probabilities, "p.npy", "y.txt")
    assert evaluate([predictions]).models[0].labels_source == "y.txt"
    assert model("B", [0], probabilities).labels_source == ""  # no files: nothing to name


def test_the_window_shows_each_files_labels_named_and_compares_with_the_first():
    from core.predictions.prediction_workspace import workspace_from_predictions

    workspace = workspace_from_predictions(evaluate(calibrated_on_different_samples()))
    assert workspace.names[:2] == ("labels (a.csv)", "labels (b.csv)")
    assert workspace.reference == "labels (a.csv)"
    assert workspace.distribution("labels (b.csv)").values.tolist() == [0, 1, 1]
    assert workspace.names[2:] == ("A", "B", "A (argmax)", "B (argmax)")
    # Labels all files share are "labels", as before; files of the same name are told apart.
    a, b = calibrated_on_different_samples()
    shared = ModelPredictions("B", CLASSES, a.labels, a.probabilities, "b.csv")
    assert workspace_from_predictions(evaluate([a, shared])).names[0] == "labels"
    elsewhere = ModelPredictions("B", CLASSES, b.labels, b.probabilities, "other/a.csv")
    names = workspace_from_predictions(evaluate([a, elsewhere])).names
    assert names[:2] == ("labels (a.csv)", "labels (other/a.csv)")


@pytest.mark.parametrize("classes", [3, 32_000])
def test_blocks_are_sized_by_bytes_and_the_figures_do_not_depend_on_them(monkeypatch, classes):
    """Blocks hold BLOCK_BYTES of probabilities whatever the number of classes (4096 rows of
    32,000 classes were 524 MB); a block of a row or two gives the same figures."""
    from core.predictions import evaluation

    rng = np.random.default_rng(classes)
    probabilities = rng.dirichlet(np.ones(classes), size=300).astype(np.float32)  # 38 MB
    labels = rng.integers(classes, size=300)
    names = tuple(f"c{index}" for index in range(classes))
    predictions = ModelPredictions("A", names, labels, probabilities)
    sizes = []
    original = evaluation._block_sums
    monkeypatch.setattr(
        evaluation,
        "_block_sums",
        lambda block, *rest: sizes.append(block.nbytes) or original(block, *rest),
    )
    whole = evaluate_model(predictions)
    assert max(sizes) <= evaluation.BLOCK_BYTES
    monkeypatch.setattr(evaluation, "BLOCK_BYTES", classes * 4 * 2)  # two rows a block
    sizes.clear()
    small = evaluate_model(predictions)
    assert max(sizes) == classes * 4 * 2
    np.testing.assert_array_equal(small.cross_entropy, whole.cross_entropy)
    np.testing.assert_array_equal(small.brier_scores, whole.brier_scores)
    np.testing.assert_array_equal(small.argmax_counts, whole.argmax_counts)
    assert small.accuracy == whole.accuracy
    np.testing.assert_allclose(small.mean_predicted, whole.mean_predicted, rtol=1e-14)
