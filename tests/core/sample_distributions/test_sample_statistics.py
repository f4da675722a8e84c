"""compare_samples' figures against an independent float64 computation: scipy's rel_entr,
and llama.cpp's statistics transcribed line by line from tools/perplexity/perplexity.cpp
(mean and uncertainty from sums, linear percentiles on the sorted values, RMS Δp, the
perplexity block, same top)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from scipy.special import rel_entr

from core.predictions.model_predictions import Cancelled
from core.sample_distributions import compare_samples, divergence_pass
from core.sample_distributions.distribution_rows import ArrayRows
from core.sample_distributions.sample_set import SampleSet

SAMPLES, CLASSES = 257, 6


def sample_set(
    name: str, values: np.ndarray, labels: np.ndarray | None = None, kind="probabilities"
):
    classes = tuple(f"c{k}" for k in range(values.shape[1]))
    return SampleSet(
        name, f"{name}.npz", ArrayRows(values, kind, f"{name}.npz", classes), classes, labels
    )


@pytest.fixture
def data():
    rng = np.random.default_rng(11)
    p = rng.dirichlet(np.full(CLASSES, 0.7), size=SAMPLES)
    q = 0.8 * p + 0.2 * rng.dirichlet(np.ones(CLASSES), size=SAMPLES)
    r = rng.dirichlet(np.ones(CLASSES), size=SAMPLES)
    labels = rng.integers(0, CLASSES, SAMPLES)
    return p, q, r, labels


def llama_mean_and_uncertainty(values):
    total = sum(values)
    squares = sum(v * v for v in values)
    count = len(values)
    mean = total / count
    variance = squares / count - mean * mean
    return mean, (math.sqrt(variance / (count - 1)) if variance > 0 and count > 10 else 0.0)


def llama_percentile(values, fraction):
    ordered = sorted(values)
    if fraction <= 0:
        return ordered[0]
    if fraction >= 1:
        return ordered[-1]
    position = fraction * (len(ordered) - 1)
    index = int(position)
    position -= index
    return (1 - position) * ordered[index] + position * ordered[min(index + 1, len(ordered) - 1)]


def llama_median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else 0.5 * (ordered[middle] + ordered[middle - 1])


LADDER = {
    "max": 1,
    "99.9": 0.999,
    "99": 0.99,
    "95": 0.95,
    "90": 0.9,
    "10": 0.1,
    "5": 0.05,
    "1": 0.01,
    "0.1": 0.001,
    "min": 0,
}


def test_kld_figures_follow_llama_cpp(data):
    p, q, _, labels = data
    result = compare_samples(sample_set("ref", p, labels), [sample_set("q", q)])
    model = result.models[0]
    kl = rel_entr(p, q).sum(axis=1).tolist()
    mean, error = llama_mean_and_uncertainty(kl)
    assert model.mean_kld == pytest.approx(mean, rel=1e-12)
    assert model.kld_standard_error == pytest.approx(error, rel=1e-9)
    assert list(model.kld_percentiles) == [
        "max",
        "99.9",
        "99",
        "95",
        "90",
        "median",
        "10",
        "5",
        "1",
        "0.1",
        "min",
    ]
    for name, fraction in LADDER.items():
        assert model.kld_percentiles[name] == pytest.approx(
            llama_percentile(kl, fraction), rel=1e-12
        )
    assert model.kld_percentiles["median"] == pytest.approx(llama_median(kl), rel=1e-12)
    assert model.samples == SAMPLES and model.rank == 1 and model.infinite_samples.size == 0


def test_reverse_kl_js_entropy_cross_entropy_and_class_sums_match_scipy(data):
    p, q, _, _ = data
    model = compare_samples(sample_set("ref", p), [sample_set("q", q)]).models[0]
    m = (p + q) / 2
    assert model.mean_reverse_kld == pytest.approx(rel_entr(q, p).sum(axis=1).mean(), rel=1e-12)
    js = 0.5 * (rel_entr(p, m) + rel_entr(q, m)).sum(axis=1)
    assert model.mean_js_divergence == pytest.approx(js.mean(), rel=1e-10)
    entropy = -(p * np.log(p)).sum(axis=1)
    assert model.reference_mean_entropy == pytest.approx(entropy.mean(), rel=1e-12)
    cross_entropy = -(p * np.log(q)).sum(axis=1)
    assert model.mean_cross_entropy == pytest.approx(cross_entropy.mean(), rel=1e-12)
    np.testing.assert_allclose(model.terms.cross_entropy, cross_entropy, rtol=1e-12)
    np.testing.assert_allclose(model.class_kl, rel_entr(p, q).sum(axis=0), rtol=1e-12)
    assert model.delta_p is None and model.perplexity is None  # no labels


def test_delta_p_perplexity_and_same_top_follow_llama_cpp(data):
    p, q, _, labels = data
    model = compare_samples(sample_set("ref", p, labels), [sample_set("q", q)]).models[0]
    rows = np.arange(SAMPLES)
    delta_p = (q[rows, labels] - p[rows, labels]).tolist()
    mean, error = llama_mean_and_uncertainty(delta_p)
    assert model.delta_p.mean_delta_p == pytest.approx(mean, rel=1e-12)
    assert model.delta_p.delta_p_standard_error == pytest.approx(error, rel=1e-9)
    for name, fraction in {**LADDER, "75": 0.75, "25": 0.25}.items():
        expected = llama_percentile(delta_p, fraction)
        assert model.delta_p.delta_p_percentiles[name] == pytest.approx(expected, rel=1e-12)
    mean_square, square_error = llama_mean_and_uncertainty([d * d for d in delta_p])
    assert model.delta_p.rms_delta_p == pytest.approx(math.sqrt(mean_square), rel=1e-12)
    expected = 0.5 / math.sqrt(mean_square) * square_error
    assert model.delta_p.rms_delta_p_standard_error == pytest.approx(expected, rel=1e-9)

    nll = (-np.log(q[rows, labels])).tolist()
    nll_base = (-np.log(p[rows, labels])).tolist()
    log_ppl, log_ppl_error = llama_mean_and_uncertainty(nll)
    log_base, log_base_error = llama_mean_and_uncertainty(nll_base)
    n = SAMPLES
    products = sum(a * b for a, b in zip(nll, nll_base, strict=True))
    cov = (products / n - (sum(nll) / n) * (sum(nll_base) / n)) / (n - 1)
    figures = model.perplexity
    assert figures.ppl == pytest.approx(math.exp(log_ppl), rel=1e-12)
    assert figures.ppl_standard_error == pytest.approx(math.exp(log_ppl) * log_ppl_error, rel=1e-9)
    assert figures.reference_ppl == pytest.approx(math.exp(log_base), rel=1e-12)
    assert figures.ln_ppl_correlation == pytest.approx(
        cov / (log_ppl_error * log_base_error), rel=1e-8
    )
    ratio_error = math.sqrt(log_ppl_error**2 + log_base_error**2 - 2 * cov)
    assert figures.ln_ppl_ratio == pytest.approx(log_ppl - log_base, rel=1e-10)
    assert figures.ln_ppl_ratio_standard_error == pytest.approx(ratio_error, rel=1e-8)
    assert figures.ppl_ratio == pytest.approx(math.exp(log_ppl - log_base), rel=1e-12)
    ppl, base = math.exp(log_ppl), math.exp(log_base)
    difference_error = math.sqrt(
        (ppl * log_ppl_error) ** 2 + (base * log_base_error) ** 2 - 2 * ppl * base * cov
    )
    assert figures.ppl_difference == pytest.approx(ppl - base, rel=1e-10)
    assert figures.ppl_difference_standard_error == pytest.approx(difference_error, rel=1e-8)

    same = float(np.mean(p.argmax(axis=1) == q.argmax(axis=1)))
    assert model.same_top == same
    assert model.same_top_standard_error == pytest.approx(math.sqrt(same * (1 - same) / (n - 1)))


def test_samples_with_infinite_kl_are_counted_listed_and_never_clipped(data):
    p, q, _, _ = data
    q = q.copy()
    for row in (3, 200):
        q[row] = 0.0
        q[row, 0] = 1.0  # p is > 0 on every class: KL is +inf
    model = compare_samples(sample_set("ref", p), [sample_set("q", q)]).models[0]
    assert model.infinite_samples.tolist() == [3, 200]
    assert model.mean_kld == math.inf and model.kld_standard_error == math.inf
    assert model.kld_percentiles["max"] == math.inf
    assert math.isfinite(model.kld_percentiles["median"])
    assert math.isfinite(model.mean_js_divergence)


def test_a_log_base_scales_information_and_leaves_fractions(data):
    p, q, _, labels = data
    nats = compare_samples(sample_set("ref", p, labels), [sample_set("q", q)]).models[0]
    result = compare_samples(sample_set("ref", p, labels), [sample_set("q", q)], base=2)
    bits = result.models[0]
    assert result.unit == "bits"
    assert bits.mean_kld == pytest.approx(nats.mean_kld / math.log(2), rel=1e-14)
    assert bits.kld_percentiles["90"] == pytest.approx(nats.kld_percentiles["90"] / math.log(2))
    assert bits.mean_js_divergence == pytest.approx(nats.mean_js_divergence / math.log(2))
    assert bits.same_top == nats.same_top
    assert bits.delta_p.mean_delta_p == nats.delta_p.mean_delta_p


def test_candidates_are_ranked_by_mean_kld_with_the_paired_bootstrap_of_their_differences(data):
    p, q, r, _ = data
    result = compare_samples(sample_set("ref", p), [sample_set("far", r), sample_set("near", q)])
    assert [model.name for model in result.models] == ["near", "far"]
    assert [model.rank for model in result.models] == [1, 2]
    (pair,) = result.pairwise
    assert (pair.a, pair.b) == ("near", "far")
    expected = (rel_entr(p, q).sum(axis=1) - rel_entr(p, r).sum(axis=1)).mean()
    assert pair.mean_difference == pytest.approx(expected, rel=1e-12)
    assert pair.ci_low <= pair.mean_difference <= pair.ci_high < 0
    assert pair.a_better_fraction == 1.0


def test_the_figures_do_not_depend_on_block_size_or_threads(data, monkeypatch):
    p, q, _, labels = data
    reference, candidate = sample_set("ref", p, labels), sample_set("q", q)
    whole = divergence_pass.sample_terms(reference, candidate, workers=1)
    monkeypatch.setattr(divergence_pass, "SUB_BLOCK_VALUES", 3 * CLASSES)
    monkeypatch.setattr(divergence_pass, "BLOCK_BYTES", 7 * CLASSES * 8)
    blocked = divergence_pass.sample_terms(reference, candidate, workers=2)
    for name in ("kl", "reverse_kl", "js", "entropy", "same_top", "reference_log_true"):
        np.testing.assert_array_equal(getattr(blocked, name), getattr(whole, name))
    np.testing.assert_allclose(blocked.class_kl, whole.class_kl, rtol=1e-13)
    again = divergence_pass.sample_terms(reference, candidate, workers=2)
    np.testing.assert_array_equal(again.class_kl, blocked.class_kl)  # added in row order


def test_progress_rises_to_1_and_cancelling_stops_the_pass(data, monkeypatch):
    p, q, _, _ = data
    monkeypatch.setattr(divergence_pass, "SUB_BLOCK_VALUES", 4 * CLASSES)
    monkeypatch.setattr(divergence_pass, "BLOCK_BYTES", 16 * CLASSES * 8)
    seen: list[float] = []
    compare_samples(
        sample_set("ref", p),
        [sample_set("a", q), sample_set("b", q)],
        resamples=10,
        progress=seen.append,
    )
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 10
    with pytest.raises(Cancelled):
        compare_samples(sample_set("ref", p), [sample_set("a", q)], is_cancelled=lambda: True)


def test_blocks_computed_apart_combine_into_the_figures_of_one_pass(data):
    p, q, _, labels = data
    reference, candidate = sample_set("ref", p, labels), sample_set("q", q)
    whole = divergence_pass.sample_terms(reference, candidate)
    edges = [0, 100, 101, 190, SAMPLES]
    blocks = [
        divergence_pass.block_terms(reference, candidate, start, stop)
        for start, stop in itertools.pairwise(edges)
    ]
    combined = divergence_pass.SampleTerms.combine(blocks[::-1], SAMPLES, "q.npz")
    for name in ("kl", "reverse_kl", "js", "entropy", "same_top", "candidate_log_true"):
        np.testing.assert_array_equal(getattr(combined, name), getattr(whole, name))
    np.testing.assert_allclose(combined.class_kl, whole.class_kl, rtol=1e-13)


def test_a_perplexity_beyond_what_a_double_holds_is_infinite(data):
    p, q, _, labels = data
    q = q.copy()
    rows = np.arange(SAMPLES)
    q[rows, labels] = 0.0
    q /= q.sum(axis=1, keepdims=True)
    q[rows, labels] = 1e-320  # −ln q(true) ≈ 737: exp of it overflows a double
    model = compare_samples(sample_set("ref", p, labels), [sample_set("q", q)]).models[0]
    assert model.perplexity.ppl == math.inf
    assert math.isfinite(model.perplexity.reference_ppl)
