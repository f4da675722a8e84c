"""Per-sample metrics of a model, the distributions they imply, and a paired bootstrap.

With a one-hot target y the entropy H(y) is 0, so each sample's cross-entropy equals its KL
divergence: CE_i = KL_i = −ln q_i[y_i]. Averaged over samples, Jensen's inequality gives
mean q_true ≥ exp(−mean CE). A sample whose true class got probability 0 has CE = +inf:
counted and listed, never clipped to a finite number (clipping is what hides broken models).

The work goes through the probabilities in row blocks, so a 50,000 × 1,000 matrix is read a
few times at memory speed with no large temporaries, and progress and cancellation are
checked between blocks. The probabilities are float32 or float64, as the file held them;
every figure is computed and every sum accumulated in float64, so the figures are those of
a float64 computation on the file's numbers, whatever its format.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.comparison import Comparison, compare, rank_values
from core.distributions import Counts
from core.measures import MEASURES, check_measure, log_scale
from core.predictions.model_predictions import (
    Cancelled,
    IsCancelled,
    ModelPredictions,
    Progress,
    never_cancelled,
    no_progress,
)

#: Bytes of probabilities per block (4096 float32 rows of 1000 classes), whatever the width:
#: a few passes stay cache-warm, and 32,000 classes make no 524 MB block.
BLOCK_BYTES = 16 * 1024**2
_SQUARE_VALUES = 256 * 1024  # float64 values squared at a time: 2 MB, stays in cache
#: Percentiles of the per-sample cross-entropy in the report: name → percent.
PERCENTILES = {
    "max": 100.0,
    "99": 99.0,
    "95": 95.0,
    "90": 90.0,
    "median": 50.0,
    "10": 10.0,
    "5": 5.0,
    "1": 1.0,
    "min": 0.0,
}
#: Measures of per-sample predictions a ranking may use, with True where higher is better.
SAMPLE_MEASURES = {"mean_cross_entropy": False, "accuracy": True, "brier": False}
DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 0
CONFIDENCE = 0.95
LABELS_NAME = "labels"


@dataclass(frozen=True, eq=False)
class ModelMetrics:
    """One model's per-sample metrics, in nats; infinite values are honest."""

    name: str
    classes: tuple[str, ...]
    samples: int
    labels_source: str  # the file the true labels came from
    label_counts: np.ndarray  # (K,) the true labels: the empirical distribution P, as counts
    mean_predicted: np.ndarray  # (K,) the model's mean predicted distribution (sums to 1)
    argmax_counts: np.ndarray  # (K,) how often each class is the predicted label
    cross_entropy: np.ndarray  # (N,) −ln q_i[y_i] per sample, +inf where q_i[y_i] = 0
    accuracy: float
    mean_cross_entropy: float
    ce_standard_error: float  # NaN for fewer than two samples
    ce_percentiles: dict[str, float]
    mean_true_class_probability: float
    brier: float
    brier_scores: np.ndarray  # (N,) Σ_k (q_ik − y_ik)² per sample
    infinite_samples: np.ndarray  # indices of the samples with infinite cross-entropy

    @property
    def true_class_probability_bound(self) -> float:
        """exp(−mean CE): by Jensen's inequality, mean q_true is at least this."""
        return math.exp(-self.mean_cross_entropy)

    def value(self, measure: str) -> float:
        return float(getattr(self, measure))


@dataclass(frozen=True)
class PairwiseResult:
    """Paired bootstrap of mean CE(a) − mean CE(b) over the same samples."""

    a: str
    b: str
    mean_difference: float
    ci_low: float
    ci_high: float
    a_better_fraction: float  # share of resamples where a's mean CE is lower
    resamples: int
    seed: int
    confidence: float = CONFIDENCE


@dataclass(frozen=True, eq=False)
class PredictionReport:
    """Every model's metrics, its distribution comparison and the pairwise bootstraps.

    Each model is scored against its own labels: its per-sample metrics, and its mean
    predicted distribution Q against the distribution P of its own file's labels
    (``comparisons[i]``, a comparison of that one model). When the files label different
    samples these references differ from model to model.
    """

    models: tuple[ModelMetrics, ...]
    comparisons: tuple[Comparison, ...]  # per model: its own labels P against its mean Q
    rank_by: str
    rank: np.ndarray  # per model, in input order; 1 is best
    pairwise: tuple[PairwiseResult, ...]
    same_labels: bool  # all files label the same samples the same way (pairing is valid)
    unit_scale: float  # nats → the comparison's unit

    @property
    def order(self) -> tuple[int, ...]:
        return tuple(int(i) for i in np.argsort(self.rank, kind="stable"))

    @property
    def unit(self) -> str:
        return self.comparisons[0].unit

    def distribution_measure(self, name: str) -> np.ndarray:
        """One measure of :data:`core.MEASURES` per model, each against its own labels."""
        return np.array([comparison.measure(name)[0] for comparison in self.comparisons])

    def samples_by_labels(self) -> dict[str, int]:
        """Each labels file, in the order of the models, and how many samples it labels."""
        return {model.labels_source: model.samples for model in self.models}


def _check(is_cancelled: IsCancelled) -> None:
    if is_cancelled():
        raise Cancelled


def evaluate_model(
    predictions: ModelPredictions,
    *,
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> ModelMetrics:
    """Per-sample metrics of one model (its probabilities are checked by the reader)."""
    probabilities, labels = predictions.probabilities, predictions.labels
    samples, class_count = probabilities.shape
    column_sums = np.zeros(class_count)
    argmax = np.empty(samples, dtype=np.int64)
    other_squares = np.empty(samples)  # Σ_{k ≠ y} q_k² per sample
    block_rows = max(1, BLOCK_BYTES // (class_count * probabilities.itemsize))
    for start in range(0, samples, block_rows):
        _check(is_cancelled)
        stop = min(start + block_rows, samples)
        block = probabilities[start:stop]
        argmax[start:stop] = block.argmax(axis=1)
        sums, other_squares[start:stop] = _block_sums(block, labels[start:stop])
        column_sums += sums
        progress(stop / samples * 0.95)
    true_probability = probabilities[np.arange(samples), labels].astype(np.float64)
    with np.errstate(divide="ignore"):
        cross_entropy = -np.log(true_probability)
    cross_entropy += 0.0  # −0.0 where q_true = 1 becomes 0.0
    infinite = np.flatnonzero(np.isinf(cross_entropy))
    # Σ_k (q_k − y_k)² for a one-hot y; 1 − q_true is exact for q_true ≥ 0.5 (Sterbenz).
    brier_scores = other_squares + (1.0 - true_probability) ** 2
    mean_cross_entropy = math.inf if infinite.size else float(cross_entropy.mean())
    if samples < 2:
        standard_error = math.nan
    elif infinite.size:
        standard_error = math.inf
    else:
        standard_error = float(cross_entropy.std(ddof=1) / math.sqrt(samples))
    result = ModelMetrics(
        name=predictions.name,
        classes=predictions.classes,
        samples=samples,
        labels_source=predictions.labels_source,
        label_counts=np.bincount(labels, minlength=class_count),
        # Rows may each be off from 1 by the reader's tolerance, and so may their mean: the
        # mean predicted distribution is normalised, so it compares with the labels' P.
        mean_predicted=column_sums / column_sums.sum(),
        argmax_counts=np.bincount(argmax, minlength=class_count),
        cross_entropy=cross_entropy,
        accuracy=float(np.mean(argmax == labels)),
        mean_cross_entropy=mean_cross_entropy,
        ce_standard_error=standard_error,
        ce_percentiles=_percentiles(cross_entropy),
        mean_true_class_probability=float(true_probability.mean()),
        brier=float(brier_scores.mean()),
        brier_scores=brier_scores,
        infinite_samples=infinite,
    )
    progress(1.0)
    return result


def _block_sums(block: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The column sums of a block of rows, and Σ_{k ≠ y_i} q_ik² of each row: in float64
    (the squares of float32 values exactly), from one cache-sized float64 copy at a time.

    The true class is left out before squaring rather than subtracted after: for q_true
    next to 1, Σ q_k² − q_true² would cancel away every digit of the small remainder.
    """
    columns = np.zeros(block.shape[1])
    others = np.empty(len(block))
    rows = max(1, _SQUARE_VALUES // block.shape[1])
    buffer = np.empty((min(rows, len(block)), block.shape[1]))
    for start in range(0, len(block), rows):
        part = buffer[: len(block[start : start + rows])]
        part[...] = block[start : start + rows]
        columns += part.sum(axis=0)
        part[np.arange(len(part)), labels[start : start + rows]] = 0.0
        others[start : start + len(part)] = np.einsum("ij,ij->i", part, part)
    return columns, others


def _percentiles(values: np.ndarray) -> dict[str, float]:
    # Interpolating next to +inf gives NaN (inf·0): stand in the largest float for it, and
    # any percentile that took weight from it is infinite.
    stand_in = np.finfo(np.float64).max
    found = np.percentile(np.where(np.isinf(values), stand_in, values), list(PERCENTILES.values()))
    found = np.where(found > stand_in * 1e-8, np.inf, found)
    return {name: float(value) for name, value in zip(PERCENTILES, found, strict=True)}


def _differences(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per-sample CE(a) − CE(b); a sample infinite for both is a tie, not NaN."""
    with np.errstate(invalid="ignore"):
        difference = a - b
    return np.where(np.isnan(difference), 0.0, difference)


def paired_bootstrap(
    cross_entropies: Sequence[np.ndarray],
    names: Sequence[str],
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> tuple[PairwiseResult, ...]:
    """For every pair of models on the same samples: the mean CE difference, its bootstrap
    confidence interval and the share of resamples in which the first is better.

    Every pair is evaluated on the same resamples (seeded): results are reproducible, and
    pairs are comparable with each other. A resample holding samples where a is infinitely
    worse and others where b is, is undecided (NaN): it counts as neither better.
    """
    if resamples < 1:
        raise ValueError(f"resamples must be at least 1, not {resamples}")
    samples = len(cross_entropies[0])
    pairs = [(i, j) for i in range(len(names)) for j in range(i + 1, len(names))]
    differences = [_differences(cross_entropies[i], cross_entropies[j]) for i, j in pairs]
    means = np.empty((len(pairs), resamples))
    rng = np.random.default_rng(seed)
    chunk = max(1, min(resamples, 2_000_000 // max(samples, 1)))  # ~16 MB of indices
    for start in range(0, resamples, chunk):
        _check(is_cancelled)
        count = min(chunk, resamples - start)
        indices = rng.integers(0, samples, size=(count, samples))
        for pair, difference in enumerate(differences):
            means[pair, start : start + count] = _resampled_means(difference, indices)
        progress((start + count) / resamples)
    tail = (1.0 - CONFIDENCE) / 2 * 100
    results = []
    for pair, ((i, j), difference) in enumerate(zip(pairs, differences, strict=True)):
        decided = np.sort(means[pair][~np.isnan(means[pair])])
        low, high = (
            # "lower"/"higher" pick actual resample means: no interpolation between infinities
            (
                np.percentile(decided, tail, method="lower"),
                np.percentile(decided, 100 - tail, method="higher"),
            )
            if decided.size
            else (math.nan, math.nan)
        )
        results.append(
            PairwiseResult(
                a=names[i],
                b=names[j],
                mean_difference=float(_resampled_means(difference, None)[0]),
                ci_low=float(low),
                ci_high=float(high),
                a_better_fraction=float(np.mean(means[pair] < 0)),
                resamples=resamples,
                seed=seed,
            )
        )
    return tuple(results)


def _resampled_means(difference: np.ndarray, indices: np.ndarray | None) -> np.ndarray:
    """Mean of ``difference`` over each row of ``indices`` (over all samples when None), with
    infinities counted apart so +inf and −inf in one resample give NaN, not a warning."""
    if indices is None:
        indices = np.arange(difference.size)[None, :]
    finite = np.isfinite(difference)
    if finite.all():
        return difference[indices].mean(axis=1)
    mean = np.where(finite, difference, 0.0)[indices].mean(axis=1)
    worse = (difference == np.inf)[indices].any(axis=1)
    better = (difference == -np.inf)[indices].any(axis=1)
    mean = np.where(worse, np.inf, mean)
    mean = np.where(better, -np.inf, mean)
    return np.where(worse & better, np.nan, mean)


def _aligned(predictions: Sequence[ModelPredictions]) -> list[ModelPredictions]:
    """Every model over the first file's class order, matching classes by name."""
    first = predictions[0]
    aligned = [first]
    for other in predictions[1:]:
        if set(other.classes) != set(first.classes):
            only_first = sorted(set(first.classes) - set(other.classes))
            only_other = sorted(set(other.classes) - set(first.classes))
            raise ValueError(
                f"{other.name!r} ({other.source}) and {first.name!r} ({first.source}) have "
                f"different classes: only in {first.name!r}: {only_first}, "
                f"only in {other.name!r}: {only_other}"
            )
        if other.classes == first.classes:
            aligned.append(other)
            continue
        position = {name: index for index, name in enumerate(other.classes)}
        order = np.array([position[name] for name in first.classes])
        inverse = np.argsort(order)
        aligned.append(
            ModelPredictions(
                other.name,
                first.classes,
                inverse[other.labels],
                np.ascontiguousarray(other.probabilities[:, order]),
                other.source,
                other.labels_source,
            )
        )
    return aligned


def rank_models(
    metrics: Sequence[ModelMetrics], comparisons: Sequence[Comparison], rank_by: str
) -> np.ndarray:
    """Competition ranks by a per-sample measure or a distribution measure (each model's
    against its own labels); best is 1."""
    if rank_by in SAMPLE_MEASURES:
        values = np.array([m.value(rank_by) for m in metrics])
        return rank_values(-values if SAMPLE_MEASURES[rank_by] else values)
    check_measure(rank_by, (*SAMPLE_MEASURES, *MEASURES))
    return rank_values(np.array([comparison.measure(rank_by)[0] for comparison in comparisons]))


def evaluate(
    predictions: Sequence[ModelPredictions],
    *,
    base: float | None = None,
    rank_by: str = "mean_cross_entropy",
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> PredictionReport:
    """Evaluate several models' predictions, each against its own labels."""
    if not predictions:
        raise ValueError("no predictions to evaluate")
    check_measure(rank_by, (*SAMPLE_MEASURES, *MEASURES))
    names = [p.name for p in predictions]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate is not None:
        raise ValueError(f"two models are named {duplicate!r}; rename a file or a column group")
    aligned = _aligned(predictions)
    count = len(aligned)
    metrics = []
    for index, model in enumerate(aligned):
        metrics.append(
            evaluate_model(
                model,
                progress=lambda f, i=index: progress(0.6 * (i + f) / count),
                is_cancelled=is_cancelled,
            )
        )
    first = aligned[0]
    same_labels = all(
        m.samples == first.samples and np.array_equal(m.labels, first.labels) for m in aligned
    )
    comparisons = tuple(
        compare(
            Counts(m.label_counts.astype(float)),
            {m.name: m.mean_predicted},
            base=base,
            classes=first.classes,
            reference_name=LABELS_NAME,
        )
        for m in metrics
    )
    pairwise: tuple[PairwiseResult, ...] = ()
    if same_labels and count > 1:
        pairwise = paired_bootstrap(
            [m.cross_entropy for m in metrics],
            names,
            resamples=resamples,
            seed=seed,
            progress=lambda f: progress(0.6 + 0.4 * f),
            is_cancelled=is_cancelled,
        )
    progress(1.0)
    return PredictionReport(
        models=tuple(metrics),
        comparisons=comparisons,
        rank_by=rank_by,
        rank=rank_models(metrics, comparisons, rank_by),
        pairwise=pairwise,
        same_labels=same_labels,
        unit_scale=log_scale(base),
    )
