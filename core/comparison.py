"""Compare models' distributions with a reference: every measure, the per-class terms, a ranking."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from core.distributions import (
    NO_SMOOTHING,
    Counts,
    Smoothing,
    apply_smoothing,
    check_probabilities,
)
from core.errors import InvalidDistributionError
from core.measures import MEASURES, check_measure, log_scale, unit_name
from core.pair_measures import pair_measures


def _frozen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


@dataclass(frozen=True, eq=False)
class Comparison:
    """The result of :func:`compare`. Arrays are read-only and indexed by model in input order.

    Information measures (KL, reverse KL, cross-entropy, JS, the terms, H(P)) are in ``unit``;
    the others are unitless. ``rank`` is 1 for the best model under ``rank_by``; ties share a
    rank (1, 1, 3) and infinite values rank last.
    """

    classes: tuple[str, ...]
    reference: str
    models: tuple[str, ...]
    base: float | None
    unit: str
    rank_by: str
    smoothing: Smoothing
    reference_distribution: np.ndarray
    model_distributions: np.ndarray
    reference_entropy: float
    kl: np.ndarray
    reverse_kl: np.ndarray
    cross_entropy: np.ndarray
    js_divergence: np.ndarray
    js_distance: np.ndarray
    total_variation: np.ndarray
    hellinger: np.ndarray
    bhattacharyya: np.ndarray
    chi_square: np.ndarray
    wasserstein: np.ndarray
    kl_terms: np.ndarray
    reverse_kl_terms: np.ndarray
    rank: np.ndarray

    @cached_property
    def infinite_classes(self) -> tuple[tuple[str, ...], ...]:
        """Per model, the classes with p > 0 = q: they make KL(P‖Q), H(P,Q) and χ² infinite."""
        return _infinite_classes(self.kl, self.kl_terms, self.classes)

    @cached_property
    def reverse_infinite_classes(self) -> tuple[tuple[str, ...], ...]:
        """Per model, the classes with q > 0 = p: they make KL(Q‖P) infinite."""
        return _infinite_classes(self.reverse_kl, self.reverse_kl_terms, self.classes)

    def measure(self, name: str) -> np.ndarray:
        """The values of one measure (a name from :data:`core.MEASURES`) per model."""
        return getattr(self, check_measure(name))

    @property
    def order(self) -> tuple[int, ...]:
        """Model indices from best to worst (ties keep input order)."""
        return tuple(int(i) for i in np.argsort(self.rank, kind="stable"))

    def index_of(self, model: str) -> int:
        try:
            return self.models.index(model)
        except ValueError:
            raise KeyError(f"no model named {model!r}") from None

    def values_of(self, index: int) -> dict[str, float]:
        """Every measure of one model as plain floats."""
        return {name: float(getattr(self, name)[index]) for name in MEASURES}


def rank_values(values: np.ndarray) -> np.ndarray:
    """Competition ranks, lower is better: ties share a rank (1, 1, 3); +inf ranks last."""
    ordered = values.copy()
    ordered.sort()
    return ordered.searchsorted(values, side="left") + 1


def _display_names(reference: str, models: Sequence[str]) -> list[str]:
    return [f"reference {reference!r}", *(f"model {name!r}" for name in models)]


def _distribution_matrix(
    reference: object,
    models: Mapping[str, object],
    reference_name: str,
    classes: Sequence[str] | None,
    smoothing: Smoothing,
) -> np.ndarray:
    """Checked, smoothed probabilities: row 0 the reference, then one row per model."""
    raw = [reference, *models.values()]
    names = _display_names(reference_name, list(models))
    if not smoothing.is_active and Counts not in map(type, raw):
        # Fast path: one check for the whole matrix.
        try:
            matrix = np.array(raw, dtype=np.float64)
        except (TypeError, ValueError):
            matrix = None
        if (
            matrix is not None
            and matrix.ndim == 2
            and (classes is None or len(classes) == matrix.shape[1])
        ):
            return check_probabilities(matrix, labels=classes, row_names=names)
    rows = []
    for name, values in zip(names, raw, strict=True):
        is_counts = isinstance(values, Counts)
        vector = apply_smoothing(
            values.values if is_counts else values,
            is_counts=is_counts,
            smoothing=smoothing,
            name=name,
            labels=classes,
        )
        if vector.ndim != 1:
            raise InvalidDistributionError(f"{name} must be a vector, not a {vector.ndim}-D array")
        if rows and vector.shape[0] != rows[0].shape[0]:
            raise InvalidDistributionError(
                f"{name} has {vector.shape[0]} entries but {names[0]} has {rows[0].shape[0]}"
            )
        rows.append(vector)
    return np.stack(rows)


def _infinite_classes(
    totals: np.ndarray, terms: np.ndarray, classes: Sequence[str]
) -> tuple[tuple[str, ...], ...]:
    """Per model, the classes whose term is infinite."""
    if np.isfinite(totals).all():
        return ((),) * terms.shape[0]
    return tuple(tuple(classes[i] for i in np.flatnonzero(np.isinf(row))) for row in terms)


#: Rows of the information measures that scale with the log base (JS distance by its root).
_SCALED_ROWS = [
    MEASURES.index(name) for name in ("kl", "reverse_kl", "cross_entropy", "js_divergence")
]
_JS_DISTANCE_ROW = MEASURES.index("js_distance")


def compare(
    reference: object,
    models: Mapping[str, object],
    *,
    base: float | None = None,
    smoothing: Smoothing | None = None,
    rank_by: str = "kl",
    classes: Sequence[str] | None = None,
    reference_name: str = "P",
) -> Comparison:
    """Compare each model's distribution Q with the reference P.

    ``reference`` and the values of ``models`` are probability vectors, or :class:`Counts`.
    ``smoothing`` (none by default) applies to every distribution, the reference included.
    Raises :class:`InvalidDistributionError` naming the distribution, the class and the reason.
    """
    scale = log_scale(base)
    check_measure(rank_by)
    smoothing = smoothing or NO_SMOOTHING
    matrix = _distribution_matrix(reference, models, reference_name, classes, smoothing)
    class_count = matrix.shape[1]
    if classes is None:
        classes = tuple(str(i) for i in range(class_count))
    classes = tuple(classes)
    p = matrix[0]
    q = matrix[1:]

    computed = pair_measures(p, q)
    # Ranked in nats: a base below 1 makes information values negative, not better.
    rank = rank_values(computed.values[MEASURES.index(rank_by)])
    values = computed.values
    forward_terms, reverse_terms = computed.forward_terms, computed.reverse_terms
    reference_entropy = computed.reference_entropy
    if scale != 1.0:
        values[_SCALED_ROWS] *= scale
        values[_JS_DISTANCE_ROW] *= math.sqrt(abs(scale))  # as js_distance() does
        forward_terms, reverse_terms = forward_terms * scale, reverse_terms * scale
        reference_entropy *= scale
    measures = dict(zip(MEASURES, _frozen(values), strict=True))
    return Comparison(
        classes=classes,
        reference=reference_name,
        models=tuple(models),
        base=base,
        unit=unit_name(base),
        rank_by=rank_by,
        smoothing=smoothing,
        reference_distribution=_frozen(p),
        model_distributions=_frozen(q),
        reference_entropy=reference_entropy,
        kl_terms=_frozen(forward_terms),
        reverse_kl_terms=_frozen(reverse_terms),
        rank=_frozen(rank),
        **measures,
    )
