"""The report of a comparison of distributions (``--report``): an aligned text table or JSON.

Pure (no Qt), so ``--report`` works on a server without Qt's libraries.
"""

from __future__ import annotations

import json
from typing import Any

from core.comparison import Comparison
from core.reports.text_table import aligned_table, format_value, joined_lines, json_number

#: Columns of the text table: (measure, heading).
TABLE_COLUMNS = (
    ("kl", "KL(P‖Q)"),
    ("reverse_kl", "KL(Q‖P)"),
    ("cross_entropy", "H(P,Q)"),
    ("js_divergence", "JS"),
    ("js_distance", "JS dist"),
    ("total_variation", "TV"),
    ("hellinger", "Hellinger"),
)

MEASURE_TITLES = {
    "kl": "KL(P‖Q)",
    "reverse_kl": "KL(Q‖P)",
    "cross_entropy": "cross-entropy H(P,Q)",
    "js_divergence": "Jensen–Shannon divergence",
    "js_distance": "Jensen–Shannon distance",
    "total_variation": "total variation",
    "hellinger": "Hellinger distance",
    "bhattacharyya": "Bhattacharyya distance",
    "chi_square": "χ²(P‖Q)",
    "wasserstein": "Wasserstein-1 (ordinal)",
}


def report_dict(comparison: Comparison) -> dict[str, Any]:
    """The JSON report: models in rank order, infinite values as "inf"."""
    models = []
    for index in comparison.order:
        entry: dict[str, Any] = {
            "name": comparison.models[index],
            "rank": int(comparison.rank[index]),
        }
        for measure, value in comparison.values_of(index).items():
            entry[measure] = json_number(value)
        entry["terms"] = [json_number(v) for v in comparison.kl_terms[index]]
        entry["reverse_terms"] = [json_number(v) for v in comparison.reverse_kl_terms[index]]
        entry["infinite_classes"] = list(comparison.infinite_classes[index])
        entry["reverse_infinite_classes"] = list(comparison.reverse_infinite_classes[index])
        models.append(entry)
    return {
        "unit": comparison.unit,
        "reference": comparison.reference,
        "classes": list(comparison.classes),
        "reference_entropy": json_number(comparison.reference_entropy),
        "rank_by": comparison.rank_by,
        "smoothing": comparison.smoothing.describe(),
        "models": models,
    }


def report_json(comparison: Comparison) -> str:
    return json.dumps(report_dict(comparison), indent=2, ensure_ascii=False)


def _class_list(classes: tuple[str, ...], shown: int = 12) -> str:
    """The first class names, not a 10⁵-name line."""
    if len(classes) <= shown:
        return ", ".join(classes)
    return ", ".join(classes[:shown]) + f", … {len(classes) - shown} more"


def report_text(comparison: Comparison, source: str) -> str:
    """An aligned, readable ranking table with the facts needed to read it."""
    unit = comparison.unit
    lines = [
        f"KL Explorer report: {source}",
        f"Reference {comparison.reference} over {len(comparison.classes)} classes "
        f"({_class_list(comparison.classes)}); H({comparison.reference}) = "
        f"{format_value(comparison.reference_entropy)} {unit}",
        f"Ranked by {MEASURE_TITLES[comparison.rank_by]}, lower is better. KL, H and JS in {unit}.",
    ]
    if comparison.smoothing.is_active:
        lines.append(f"Smoothing: {comparison.smoothing.describe()} (values are not raw).")
    lines.append("")
    if not comparison.models:
        lines.append("No models to compare: the file holds only the reference.")
        return joined_lines(lines)
    headings = ["rank", "model", *(heading for _, heading in TABLE_COLUMNS)]
    rows = [
        [
            str(int(comparison.rank[index])),
            comparison.models[index],
            *(format_value(float(comparison.measure(m)[index])) for m, _ in TABLE_COLUMNS),
        ]
        for index in comparison.order
    ]
    lines.extend(aligned_table([headings, *rows]))
    lines.append("")
    for index in comparison.order:
        for label, classes in (
            ("KL(P‖Q)", comparison.infinite_classes[index]),
            ("KL(Q‖P)", comparison.reverse_infinite_classes[index]),
        ):
            if classes:
                lines.append(
                    f"{comparison.models[index]}: {label} is infinite: "
                    f"{'P' if label == 'KL(P‖Q)' else 'Q'} > 0 where the other is 0 "
                    f"for {', '.join(repr(c) for c in classes)}."
                )
    lines.append(
        "H(P,Q) = H(P) + KL(P‖Q) and H(P) does not depend on the model, so ranking by "
        "cross-entropy gives the same order as ranking by KL."
    )
    return joined_lines(lines)
