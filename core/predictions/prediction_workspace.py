"""The distributions that prediction files imply, as a Workspace for every existing view."""

from __future__ import annotations

from core.predictions.evaluation import LABELS_NAME, PredictionReport
from core.workspace import Distribution, Workspace

ARGMAX_SUFFIX = " (argmax)"


def workspace_from_predictions(report: PredictionReport) -> Workspace:
    """The true labels as the reference P (counts), then per model its mean predicted
    distribution (probabilities) and its predicted-label histogram (counts)."""
    first = report.models[0]
    taken = {m.name for m in report.models} | {m.name + ARGMAX_SUFFIX for m in report.models}
    labels_name = LABELS_NAME
    while labels_name in taken:  # a model called "labels" keeps its name
        labels_name += " (true)"
    distributions = [Distribution(labels_name, first.label_counts.astype(float), "counts")]
    for metrics in report.models:
        distributions.append(Distribution(metrics.name, metrics.mean_predicted, "probabilities"))
    for metrics in report.models:
        distributions.append(
            Distribution(
                metrics.name + ARGMAX_SUFFIX, metrics.argmax_counts.astype(float), "counts"
            )
        )
    return Workspace(
        classes=first.classes,
        distributions=tuple(distributions),
        reference=labels_name,
        base=None if report.unit_scale == 1.0 else report.comparison.base,
    )
