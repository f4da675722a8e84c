"""The ranking and per-class terms as table rows (CSV export and the clipboard)."""

from __future__ import annotations

import csv
import io

import pytest

from core import example_workspace
from core.formats.comparison_tables import delimited_text, ranking_rows, terms_rows


def test_terms_rows_hold_every_class_and_a_row_of_sums():
    comparison = example_workspace().with_class_renamed(2, "sum").compare()
    rows = terms_rows(comparison)
    assert rows[0][:2] == ["class", "p (P)"] and len(rows[0]) == 2 + 3 * 2
    assert [row[0] for row in rows[1:]] == ["dog", "cat", "sum", "Σ"]  # no clash
    totals = rows[-1]
    assert float(totals[1]) == pytest.approx(1.0)
    assert float(totals[3]) == pytest.approx(comparison.kl[0])  # p·log(p/q) of A sums to KL
    assert float(totals[4]) == pytest.approx(comparison.reverse_kl[0])
    for index, row in enumerate(rows[1:-1]):
        assert float(row[3]) == pytest.approx(comparison.kl_terms[0, index])


def test_ranking_rows_are_in_rank_order_and_round_trip_through_csv():
    comparison = example_workspace().compare()
    rows = ranking_rows(comparison)
    assert [row[1] for row in rows[1:]] == ["A", "B"]
    text = delimited_text(rows)
    assert list(csv.reader(io.StringIO(text))) == rows
    assert "\t" in delimited_text(rows, "\t")
