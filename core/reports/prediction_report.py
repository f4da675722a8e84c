"""The report of prediction files (``--report``): per-sample metrics, the distribution
comparison of labels with mean predictions, and the paired bootstrap, as text or JSON.

Imports no Qt. Information values (cross-entropy, KL, ...) are in the report's unit.
"""

from __future__ import annotations

import json
from typing import Any

from core.errors import file_name
from core.predictions.evaluation import PredictionReport
from core.reports.comparison_report import report_dict
from core.reports.text_table import aligned_table, format_value, joined_lines, json_number

#: The JSON report's ``reference`` when the files label different samples.
OWN_LABELS = "own labels"
RANK_TITLES = {
    "mean_cross_entropy": "mean cross-entropy (lower is better)",
    "accuracy": "accuracy (higher is better)",
    "brier": "Brier score (lower is better)",
}


def prediction_report_dict(report: PredictionReport) -> dict[str, Any]:
    """The distribution report's keys, with every model adding its per-sample metrics, the
    models in rank order by ``rank_by``, and a top-level ``pairwise`` list.

    Each model's distribution measures (``kl``, ``terms``, ...) compare its mean prediction
    with the labels of its own file, ``labels_source``, whose entropy is ``labels_entropy``.
    ``reference`` is ``"labels"`` (and ``reference_entropy`` theirs) when every file holds
    the same labels (``same_labels``); otherwise it is ``"own labels"`` and
    ``reference_entropy`` is null."""
    result = report_dict(report.comparisons[0])
    if not report.same_labels:
        result.update(reference=OWN_LABELS, reference_entropy=None)
    scale = report.unit_scale
    models = []
    for index in report.order:
        metrics = report.models[index]
        comparison = report.comparisons[index]
        (entry,) = report_dict(comparison)["models"]
        entry["rank"] = int(report.rank[index])
        entry.update(
            samples=metrics.samples,
            labels_source=metrics.labels_source,
            labels_entropy=json_number(comparison.reference_entropy),
            accuracy=metrics.accuracy,
            mean_cross_entropy=json_number(metrics.mean_cross_entropy * scale),
            ce_standard_error=_number_or_null(metrics.ce_standard_error * scale),
            ce_percentiles={
                name: json_number(value * scale) for name, value in metrics.ce_percentiles.items()
            },
            mean_true_class_probability=metrics.mean_true_class_probability,
            true_class_probability_bound=metrics.true_class_probability_bound,
            brier=metrics.brier,
            infinite_samples=int(metrics.infinite_samples.size),
        )
        models.append(entry)
    result["models"] = models
    result["rank_by"] = report.rank_by
    result["same_labels"] = report.same_labels
    result["pairwise"] = [
        {
            "a": pair.a,
            "b": pair.b,
            "mean_difference": _number_or_null(pair.mean_difference * scale),
            "ci_low": _number_or_null(pair.ci_low * scale),
            "ci_high": _number_or_null(pair.ci_high * scale),
            "confidence": pair.confidence,
            "a_better_fraction": pair.a_better_fraction,
            "resamples": pair.resamples,
            "seed": pair.seed,
        }
        for pair in report.pairwise
    ]
    return result


def _samples(count: int) -> str:
    return f"{count} sample{'s' if count != 1 else ''}"


def _number_or_null(value: float) -> float | str | None:
    return None if value != value else json_number(value)  # NaN: undefined → null


def prediction_report_json(report: PredictionReport) -> str:
    return json.dumps(prediction_report_dict(report), indent=2, ensure_ascii=False)


def prediction_report_text(report: PredictionReport, source: str) -> str:
    unit, scale = report.unit, report.unit_scale
    first = report.models[0]
    samples = f"{_samples(first.samples)} over " if report.same_labels else ""
    lines = [
        f"KL Explorer report: {source}",
        f"{samples}{len(first.classes)} classes; cross-entropy in {unit}; Jensen bound = "
        "e^(−mean CE in nats), which mean q_true is at least.",
    ]
    if not report.same_labels:
        files = ", ".join(
            f"{file_name(path)}: {_samples(count)}"
            for path, count in report.samples_by_labels().items()
        )
        lines.append(
            "The files label different samples, so each model is scored against the labels "
            f"of its own file: {files}."
        )
    lines += [f"Ranked by {RANK_TITLES.get(report.rank_by, report.rank_by)}.", ""]
    headings = [
        "rank",
        "model",
        "accuracy",
        "mean CE",
        "± SE",
        "mean q_true",
        "Jensen bound",
        "Brier",
        "∞ samples",
        "KL(labels‖mean)" if report.same_labels else "KL(own labels‖mean)",
    ]
    rows = []
    for index in report.order:
        m = report.models[index]
        rows.append(
            [
                str(int(report.rank[index])),
                m.name,
                f"{m.accuracy:.4f}",
                format_value(m.mean_cross_entropy * scale),
                format_value(m.ce_standard_error * scale),
                f"{m.mean_true_class_probability:.4f}",
                f"{m.true_class_probability_bound:.4f}",
                f"{m.brier:.4f}",
                str(m.infinite_samples.size),
                format_value(float(report.comparisons[index].kl[0])),
            ]
        )
    lines.extend(aligned_table([headings, *rows]))
    lines.append("")
    for m in report.models:
        if m.infinite_samples.size:
            shown = ", ".join(str(i) for i in m.infinite_samples[:10])
            more = " …" if m.infinite_samples.size > 10 else ""
            lines.append(
                f"{m.name}: "
                + (
                    "1 sample gives its true class probability 0, so its cross-entropy is "
                    if m.infinite_samples.size == 1
                    else f"{m.infinite_samples.size} samples give their true class probability "
                    "0, so their cross-entropy is "
                )
                + f"infinite (samples numbered from 0: {shown}{more})."
            )
    if report.pairwise:
        lines.append(
            f"Paired bootstrap of mean CE differences ({report.pairwise[0].resamples} "
            f"resamples, seed {report.pairwise[0].seed}, {report.pairwise[0].confidence:.0%} "
            "interval):"
        )
        for pair in report.pairwise:
            lines.append(
                f"  {pair.a} − {pair.b}: {format_value(pair.mean_difference * scale)} "
                f"[{format_value(pair.ci_low * scale)}, {format_value(pair.ci_high * scale)}]; "
                f"{pair.a} better in {pair.a_better_fraction:.1%} of resamples"
            )
    elif len(report.models) > 1:
        lines.append("The files label different samples, so no paired comparison is made.")
    lines.append(
        "With one-hot targets H(y) = 0, so each sample's cross-entropy is its KL divergence, "
        "and mean q_true ≥ exp(−mean CE in nats) (Jensen's inequality)."
    )
    return joined_lines(lines)
