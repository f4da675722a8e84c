"""Argmax histograms of prediction files are listed apart from the models in the ranking,
marked as what they are and not ranked with them, unless asked for."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from core import Distribution, Workspace

CLASSES = np.array(["dog", "cat", "rabbit"])


def write_npz(path, sharp: float, seed: int = 0, samples: int = 300) -> str:
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, samples)
    logits = rng.standard_normal((samples, 3))
    logits[np.arange(samples), labels] += sharp
    probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.savez(path, probs=probabilities.astype(np.float32), labels=labels, classes=CLASSES)
    return str(path)


def rows(ranking) -> list[tuple[str, str]]:
    model = ranking.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def test_argmax_histograms_are_listed_after_the_models_unranked(qtbot, window, tmp_path):
    paths = [write_npz(tmp_path / "good.npz", 3.0), write_npz(tmp_path / "weak.npz", 0.5)]
    with qtbot.waitSignal(window.file_actions.loader.loaded, timeout=30_000):
        assert window.file_actions.open_paths(paths)
    ranking = window.ranking
    qtbot.waitUntil(lambda: ranking.model.rowCount() == 4)
    comparison = window.document.comparison
    assert set(comparison.models) == {"good", "weak", "good (argmax)", "weak (argmax)"}
    assert rows(ranking)[:2] == [("1", "good"), ("2", "weak")]
    assert {name for _, name in rows(ranking)[2:]} == {"good (argmax)", "weak (argmax)"}
    assert [rank for rank, _ in rows(ranking)[2:]] == ["—", "—"]
    tooltip = ranking.model.index(2, 3).data(Qt.ToolTipRole)
    assert "predicted label (argmax)" in tooltip and "not ranked" in tooltip
    assert ranking.model.index(2, 1).data(Qt.FontRole).italic()
    window.right_tabs.setCurrentWidget(window.chart_splitter)  # the Comparison tab
    assert ranking.rank_histograms.isVisible()
    box = ranking.rank_histograms
    qtbot.mouseClick(box, Qt.LeftButton, pos=box.rect().center())  # ranked with the models
    by_rank = sorted(range(4), key=lambda i: comparison.rank[i])
    assert [name for _, name in rows(ranking)] == [comparison.models[i] for i in by_rank]
    assert "—" not in [rank for rank, _ in rows(ranking)]


def test_a_table_of_distributions_has_no_histograms_to_set_apart(window):
    assert window.document.histograms == frozenset()
    assert window.ranking.isVisible() and not window.ranking.rank_histograms.isVisible()
    assert rows(window.ranking) == [("1", "A"), ("2", "B")]


def test_the_editor_says_what_an_argmax_column_holds(qtbot, window, tmp_path):
    paths = [write_npz(tmp_path / "good.npz", 3.0)]
    with qtbot.waitSignal(window.file_actions.loader.loaded, timeout=30_000):
        assert window.file_actions.open_paths(paths)
    model = window.editor.model
    column = model.column_of("good (argmax)")
    assert "predicted label (argmax)" in model.headerData(column, Qt.Horizontal, Qt.ToolTipRole)
    assert "predicted distribution Q" in model.headerData(
        model.column_of("good"), Qt.Horizontal, Qt.ToolTipRole
    )


def test_the_status_summary_counts_argmax_histograms_apart_from_models(qtbot, window, tmp_path):
    paths = [write_npz(tmp_path / "good.npz", 3.0), write_npz(tmp_path / "weak.npz", 0.5)]
    with qtbot.waitSignal(window.file_actions.loader.loaded, timeout=30_000):
        assert window.file_actions.open_paths(paths)
    qtbot.waitUntil(lambda: window.document.histograms != frozenset())
    # The labels' distribution is P; good and weak are models; their argmax histograms apart.
    assert "3 classes · 2 models · 2 argmax histograms" in window.summary.text()


def test_the_status_summary_writes_a_large_class_count_with_separators(window):
    classes = tuple(f"c{index}" for index in range(12_000))
    values = np.full(len(classes), 1 / len(classes))
    columns = (Distribution("P", values), Distribution("A", values))
    window.document.replace_workspace(Workspace(classes, columns, reference="P"))
    assert "12,000 classes · 1 model" in window.summary.text()
