"""The distributions that prediction files imply, as a Workspace for every existing view."""

from __future__ import annotations

import os

from core.predictions.evaluation import LABELS_NAME, PredictionReport
from core.workspace import Distribution, Workspace

ARGMAX_SUFFIX = " (argmax)"


def workspace_from_predictions(report: PredictionReport) -> Workspace:
    """The true labels as the reference P (counts), then per model its mean predicted
    distribution (probabilities) and its predicted-label histogram (counts).

    When the files label different samples, each file's labels are a distribution of their
    own, named after the file (``labels (a.csv)``), and the first file's are the reference:
    every view names the labels it compares with."""
    first = report.models[0]
    taken = {m.name for m in report.models} | {m.name + ARGMAX_SUFFIX for m in report.models}
    counts = {m.labels_source: m.label_counts for m in reversed(report.models)}  # first wins
    sources = list(dict.fromkeys(m.labels_source for m in report.models))
    if report.same_labels:
        sources = sources[:1]  # one set of labels, whichever files hold it
    names = _labels_names(sources, report.same_labels, taken)
    distributions = [
        Distribution(name, counts[source].astype(float), "counts")
        for source, name in zip(sources, names, strict=True)
    ]
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
        reference=distributions[0].name,
        base=None if report.unit_scale == 1.0 else report.comparisons[0].base,
    )


def _labels_names(sources: list[str], shared: bool, taken: set[str]) -> list[str]:
    """``labels`` for the labels all files share; else ``labels (a.csv)`` per labels file
    (the whole path where two files have the same name). A model called so keeps its name."""
    if shared:
        shown = [""]
    else:
        files = [os.path.basename(source) or source for source in sources]
        unique = len(set(files)) == len(files)
        shown = [f" ({files[i] if unique else source})" for i, source in enumerate(sources)]
    names = []
    for suffix in shown:
        name = LABELS_NAME + suffix
        while name in taken:
            name += " (true)"
        names.append(name)
    return names
