"""The command-line report: the comparison as an aligned table or as JSON.

Imports no Qt, so ``--report`` works on a server without Qt's libraries.
"""

from __future__ import annotations

import json
import math
import unicodedata
from typing import Any

from core import Comparison
from core.errors import one_line

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


def json_number(value: float) -> float | str:
    """A float for JSON; infinity as the string "inf" (JSON has no infinity)."""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return float(value)


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


def format_value(value: float, digits: int = 4) -> str:
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:.{digits}f}"


def _class_list(classes: tuple[str, ...], shown: int = 12) -> str:
    """The first class names, not a 10⁵-name line."""
    if len(classes) <= shown:
        return ", ".join(classes)
    return ", ".join(classes[:shown]) + f", … {len(classes) - shown} more"


def display_width(text: str) -> int:
    """The columns a terminal gives ``text``: wide (Hangul, CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def aligned_table(rows: list[list[str]], name_column: int = 1) -> list[str]:
    """The rows as lines of aligned columns, a rule under the first (the headings): names
    left-aligned, numbers right-aligned, by the width a terminal shows, not by len(). A
    control character in a cell (a newline in a model's name) is escaped: one row, one line."""
    rows = [[one_line(cell) for cell in row] for row in rows]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]

    def pad(cell: str, width: int, column: int) -> str:
        room = " " * (width - display_width(cell))
        return cell + room if column == name_column else room + cell

    return [
        "  ".join(
            pad(cell, width, column)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()
        for cells in [rows[0], ["-" * width for width in widths], *rows[1:]]
    ]


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


def joined_lines(lines: list[str]) -> str:
    """The lines of a text report, each kept on its line: a name from a file holding a newline
    (or another control character) is escaped where it appears."""
    return "".join(one_line(line) + "\n" for line in lines)
