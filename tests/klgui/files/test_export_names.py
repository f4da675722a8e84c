"""The names exports suggest, and the Export menu suggesting them."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QFileDialog

from core.formats.comparison_tables import ranking_rows
from klgui.files.export_names import export_file_name


@pytest.mark.parametrize(
    ("title", "what", "extension", "expected"),
    [
        (
            "model_a.csv, model_b.csv",
            "Distributions",
            ".png",
            "model_a + model_b – distributions.png",
        ),
        ("work.klsession", "Per-class terms", ".svg", "work – per-class terms.svg"),
        ("scores.csv.gz", "report", ".pdf", "scores – report.pdf"),
        ("Untitled", "ranking", ".csv", "Untitled – ranking.csv"),
        ("a/b: c?.csv", "H(P,Q) = H(P) + KL(P‖Q)", ".png", "a b c – h(p q) = h(p) + kl(p‖q).png"),
        ("", "Distributions", ".png", "kl-explorer – distributions.png"),
        ("제목 없음", "분포", ".png", "제목 없음 – 분포.png"),
        ("v1.2 results.csv", "ranking", ".csv", "v1.2 results – ranking.csv"),
    ],
)
def test_an_export_name_reads_as_what_it_holds(title, what, extension, expected):
    assert export_file_name(title, what, extension) == expected


def test_many_sources_are_counted_not_listed():
    title = ", ".join(f"predictions_of_model_{index}.csv" for index in range(8))
    name = export_file_name(title, "Distributions", ".png")
    assert name == "predictions_of_model_0 + 7 more – distributions.png"


def test_every_export_suggests_a_clean_name(window, monkeypatch, tmp_path):
    """The Export menu's chart, table and report exports suggest the same kind of name."""
    suggested: list[str] = []

    def save_as(_parent, _caption, proposal, _filters):
        suggested.append(os.path.basename(proposal))
        return "", ""  # cancelled: only the proposal matters here

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.file_actions.set_file(None, "model_a.csv, model_b.csv")
    exports = window.export_actions
    exports.export_chart("Distributions", window.distribution_chart)
    exports.export_table("ranking", ranking_rows)
    exports.export_report()
    assert suggested == [
        "model_a + model_b – distributions.png",
        "model_a + model_b – ranking.csv",
        "model_a + model_b – report.pdf",
    ]
