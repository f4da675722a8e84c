"""Prediction files in the window: background loading with progress and Cancel, the
per-sample panel, and the distributions they imply in the existing views."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from core import example_workspace

CLASSES = np.array(["dog", "cat", "rabbit"])


def write_npz(path, samples=300, seed=0, sharp=2.0):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, samples)
    logits = rng.standard_normal((samples, 3))
    logits[np.arange(samples), labels] += sharp
    probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.savez(path, probs=probabilities.astype(np.float32), labels=labels, classes=CLASSES)
    return str(path)


@pytest.fixture
def files(tmp_path):
    return [
        write_npz(tmp_path / "good.npz", sharp=3.0),
        write_npz(tmp_path / "weak.npz", sharp=0.5),
    ]


def open_and_wait(qtbot, window, paths):
    with qtbot.waitSignal(window.file_actions.loader.loaded, timeout=30_000):
        assert window.file_actions.open_paths(paths)


def test_opening_prediction_files_fills_every_view(qtbot, window, files):
    open_and_wait(qtbot, window, files)
    document = window.document
    workspace = document.workspace
    assert workspace.reference == "labels"
    assert workspace.names == ("labels", "good", "weak", "good (argmax)", "weak (argmax)")
    assert workspace.distribution("labels").is_counts
    report = document.predictions
    assert [report.models[i].name for i in report.order] == ["good", "weak"]
    panel = window.predictions_panel
    assert [row[1] for row in panel.metrics.rows()] == ["good", "weak"]
    assert len(panel.pairwise.rows()) == 1 and panel.pairwise.rows()[0][4].endswith("%")
    assert window.right_tabs.currentWidget().content() is panel
    assert window.file_actions.title == "good.npz, weak.npz"
    assert document.comparison.models == ("good", "weak", "good (argmax)", "weak (argmax)")
    assert window.ranking.title.text() == "Ranking against labels"
    assert panel.reference_note.isHidden()  # one set of labels: nothing to explain
    assert not window.isWindowModified()
    assert window.file_actions.suggested_path == str(Path(files[0]).with_suffix(".klsession"))


def test_an_npz_without_labels_asks_for_a_labels_file(qtbot, window, tmp_path, monkeypatch):
    probabilities = tmp_path / "unlabelled.npz"
    np.savez(probabilities, probs=[[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    labels = tmp_path / "labels.npy"
    np.save(labels, np.array([0, 1, 1]))
    asked = []

    def choose(_parent, caption, directory, *_rest):
        asked.append((caption, directory))
        return str(labels), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    open_and_wait(qtbot, window, [str(probabilities)])
    assert asked == [("The true labels for unlabelled.npz", str(tmp_path))]
    assert window.document.predictions.models[0].accuracy == pytest.approx(2 / 3)
    # A file with labels of its own needs none: nothing is asked.
    open_and_wait(qtbot, window, [write_npz(tmp_path / "labelled.npz")])
    assert len(asked) == 1


def test_the_window_keeps_running_while_files_load(qtbot, window, tmp_path):
    paths = [
        write_npz(tmp_path / f"big{i}.npz", samples=120_000, seed=i, sharp=1.0 + i)
        for i in range(3)
    ]
    ticks = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(window.file_actions.loader.busy))
    timer.start()
    open_and_wait(qtbot, window, paths)
    timer.stop()
    assert sum(ticks) > 0  # the event loop ran while the load was busy
    assert window.document.predictions is not None
    assert window.load_progress.isHidden()


def test_cancel_leaves_the_document_as_it_was(qtbot, window, tmp_path):
    paths = [write_npz(tmp_path / f"m{i}.npz", samples=120_000, seed=i) for i in range(2)]
    before = window.document.workspace
    loader = window.file_actions.loader
    with qtbot.waitSignal(loader.cancelled, timeout=30_000):
        window.file_actions.open_paths(paths)
        assert window.cancel_load_button.isVisible()
        window.cancel_load_button.click()
    assert window.document.workspace == before
    assert window.document.predictions is None


def test_a_bad_prediction_file_says_why_and_changes_nothing(qtbot, window, tmp_path, warnings):
    bad = tmp_path / "bad.npz"
    np.savez(bad, probs=np.array([[0.5, 0.6], [0.5, 0.5]]), labels=np.array([0, 1]))
    with qtbot.waitSignal(window.file_actions.loader.failed, timeout=30_000):
        window.file_actions.open_paths([str(bad)])
    assert window.document.workspace == example_workspace()
    assert len(warnings) == 1 and "bad.npz" in warnings[0]


def test_an_unexpected_error_while_loading_says_so_and_ends_the_load(
    qtbot, window, tmp_path, monkeypatch, warnings
):
    import core.predictions.readers

    def broken_reader(*_arguments, **_keywords):
        raise RuntimeError("no probabilities\nhere")  # no FormatError, no ValueError

    monkeypatch.setattr(core.predictions.readers, "read_predictions", broken_reader)
    loader = window.file_actions.loader
    with qtbot.waitSignal(loader.failed, timeout=30_000):
        assert window.file_actions.open_paths([write_npz(tmp_path / "model.npz")])
    assert warnings == [
        "Could not open the prediction files: RuntimeError: no probabilities\\nhere"
    ]
    assert not loader.busy
    assert not window.load_progress.isVisible() and not window.cancel_load_button.isVisible()
    assert window.document.workspace == example_workspace()
    assert window.document.predictions is None


def test_a_newer_load_replaces_an_older_one(qtbot, window, tmp_path):
    first = write_npz(tmp_path / "first.npz", samples=120_000)
    second = write_npz(tmp_path / "second.npz", samples=50)
    loader = window.file_actions.loader
    results = []
    loader.loaded.connect(lambda _result, request: results.append(request.paths))
    window.file_actions.open_paths([first])
    with qtbot.waitSignal(loader.loaded, timeout=30_000):
        window.file_actions.open_paths([second])
    loader.wait()  # the first load's thread is done too...
    QApplication.processEvents()  # ...and its late signals are delivered: they must be dropped
    assert results == [(second,)]
    assert window.document.predictions.models[0].name == "second"


def test_changing_the_unit_rescales_the_per_sample_figures(qtbot, window, files):
    open_and_wait(qtbot, window, files)
    nats = float(window.predictions_panel.metrics.rows()[0][4])
    window.document.set_base(2.0)
    bits = float(window.predictions_panel.metrics.rows()[0][4])
    assert bits == pytest.approx(nats / np.log(2), rel=1e-3)


def test_open_predictions_asks_for_the_label_column_when_it_is_not_standard(
    qtbot, window, tmp_path, monkeypatch
):
    path = tmp_path / "scores.csv"
    path.write_text("truth,dog,cat\ndog,0.8,0.2\ncat,0.3,0.7\ndog,0.6,0.4\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    asked = []

    def choose(_parent, _title, text, columns, *_rest):
        asked.append((text, columns))
        return "truth", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    with qtbot.waitSignal(window.file_actions.loader.loaded, timeout=30_000):
        window.file_actions.open_predictions_action.trigger()
    assert asked and asked[0][1] == ["truth"]  # not the columns of probabilities
    assert window.document.predictions.models[0].accuracy == 1.0


def test_files_that_label_different_samples_are_each_scored_against_their_own(
    qtbot, window, tmp_path
):
    # Each model's mean prediction is its own file's label distribution: KL 0 against its
    # own labels (B's would be infinite against A's: A has dogs, B predicts none).
    a, b = str(tmp_path / "a.npz"), str(tmp_path / "b\nc.npz")
    np.savez(a, probs=[[0.75, 0.25, 0.0]] * 4, labels=[0, 0, 0, 1], classes=CLASSES)
    np.savez(b, probs=[[0.0, 0.5, 0.5]] * 2, labels=[1, 2], classes=CLASSES)
    open_and_wait(qtbot, window, [a, b])
    workspace = window.document.workspace
    assert workspace.names[:2] == ("labels (a.npz)", "labels (b\nc.npz)")
    assert workspace.reference == "labels (a.npz)"  # the window's ranking names its labels
    assert window.document.comparison.reference == "labels (a.npz)"
    panel = window.predictions_panel
    rows = {row[1]: row for row in panel.metrics.rows()}
    assert (rows["a"][2], rows["b\nc"][2]) == ("4", "2")  # samples
    assert float(rows["a"][10]) == 0.0 and float(rows["b\nc"][10]) == 0.0  # KL, own labels
    row = panel.metrics.rows().index(rows["b\nc"])
    # Each file is named as the reports name it: by its name, on one line.
    samples_tip = panel.metrics.data(panel.metrics.index(row, 2), Qt.ToolTipRole)
    assert samples_tip == "Labels from b\\nc.npz"
    kl_tip = panel.metrics.data(panel.metrics.index(row, 10), Qt.ToolTipRole)
    assert kl_tip.endswith("against the labels from b\\nc.npz")
    assert "label different samples" in panel.summary.text()
    # The Comparison tab compares with the first file's labels, and both tabs say so.
    assert window.ranking.title.text() == "Ranking against labels (a.npz)"
    assert not panel.reference_note.isHidden()
    assert "Comparison tab compares every model's mean prediction with one reference, " in (
        panel.reference_note.text()
    )
    assert "labels (a.npz); the figures here score each model against the labels of its own" in (
        panel.reference_note.text()
    )
    window.document.set_reference("labels (b\nc.npz)")  # the user picks the other labels
    qtbot.waitUntil(lambda: "reference, labels (b\\nc.npz);" in panel.reference_note.text())
    assert window.ranking.title.text() == "Ranking against labels (b\\nc.npz)"


def test_tiny_cross_entropies_are_written_as_they_are_on_the_histogram(qtbot, window, tmp_path):
    files = [
        write_npz(tmp_path / "sure.npz", sharp=12.0),
        write_npz(tmp_path / "sure2.npz", sharp=14.0),
    ]
    open_and_wait(qtbot, window, files)
    histogram = window.predictions_panel.histogram
    histogram.show()
    qtbot.waitExposed(histogram)
    axis = histogram.getPlotItem().getAxis("bottom")
    qtbot.waitUntil(lambda: 0 < axis.range[1] < 0.01)  # every sample's cross-entropy is tiny
    assert axis.autoSIPrefixScale == 1.0  # 0.002, never 2 with "(x0.001)" in the label
    assert "x0.001" not in axis.labelString() and "−log q(true class), nats" in axis.labelString()


def test_the_histogram_fits_an_800_pixel_window_whole_with_its_legend_under_the_bars(
    qtbot, window, files
):
    open_and_wait(qtbot, window, files)
    window.resize(800, 600)
    assert window.right_tabs.currentWidget().content() is window.predictions_panel
    histogram = window.predictions_panel.histogram
    qtbot.waitUntil(histogram.isVisible)
    qtbot.waitUntil(lambda: window.width() == 800)  # the window's least width fits
    QApplication.processEvents()
    plot = histogram.getPlotItem()
    assert plot.sceneBoundingRect().right() <= histogram.viewport().width() + 1  # not cut
    bars = plot.getViewBox().sceneBoundingRect()
    assert not histogram.legend.sceneBoundingRect().intersects(bars)


def test_one_prediction_file_says_why_there_is_no_paired_comparison(qtbot, window, files):
    open_and_wait(qtbot, window, files[:1])
    panel = window.predictions_panel
    assert panel.pairwise_title.text() == "No paired comparison: it needs two models or more."
    assert panel.pairwise_view.isHidden()
    open_and_wait(qtbot, window, files)
    assert not panel.pairwise_view.isHidden() and len(panel.pairwise.rows()) == 1
