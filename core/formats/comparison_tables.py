"""The ranking and the per-class terms as rows, and as CSV or tab-separated text.

Numbers are written with full precision (repr), infinity as "inf", so a spreadsheet or a
script gets exactly what the app computed.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence

from core.comparison import Comparison
from core.measures import INFORMATION_MEASURES, MEASURES


def _cell(value: float) -> str:
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return repr(float(value))


def ranking_rows(comparison: Comparison) -> list[list[str]]:
    """Header, then one row per model, best first."""
    unit = comparison.unit
    header = ["rank", "model"] + [
        f"{name} ({unit})" if name in INFORMATION_MEASURES else name for name in MEASURES
    ]
    rows = [header]
    for index in comparison.order:
        rows.append(
            [str(int(comparison.rank[index])), comparison.models[index]]
            + [_cell(float(comparison.measure(name)[index])) for name in MEASURES]
        )
    return rows


def terms_rows(comparison: Comparison) -> list[list[str]]:
    """Per class: p, then per model q, p·log(p/q) and q·log(q/p); a last row, Σ, of sums
    (Σ, not "sum", which could be the name of a class)."""
    unit = comparison.unit
    header = ["class", f"p ({comparison.reference})"]
    for name in comparison.models:
        header += [f"q ({name})", f"p·log(p/q) {name} ({unit})", f"q·log(q/p) {name} ({unit})"]
    rows = [header]
    for class_index, class_name in enumerate(comparison.classes):
        row = [class_name, _cell(float(comparison.reference_distribution[class_index]))]
        for model in range(len(comparison.models)):
            row += [
                _cell(float(comparison.model_distributions[model, class_index])),
                _cell(float(comparison.kl_terms[model, class_index])),
                _cell(float(comparison.reverse_kl_terms[model, class_index])),
            ]
        rows.append(row)
    totals = ["Σ", _cell(float(comparison.reference_distribution.sum()))]  # as the views say
    for model in range(len(comparison.models)):
        totals += [
            _cell(float(comparison.model_distributions[model].sum())),
            _cell(float(comparison.kl[model])),
            _cell(float(comparison.reverse_kl[model])),
        ]
    rows.append(totals)
    return rows


def delimited_text(rows: Sequence[Sequence[str]], delimiter: str = ",") -> str:
    """CSV (quoted where needed) or, with a tab, text that pastes into spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()
