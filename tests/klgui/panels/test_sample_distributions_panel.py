"""Per-sample distributions in the window (File ▸ Open reference and candidates…): the
background load with progress and Cancel, the statistics table, the histogram of per-sample
KL on a log axis, the worst samples and one sample in the comparison's charts, the classes
that carry KL over all samples, and bad files refused with one message, nothing changed."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from core import example_workspace
from core.sample_distributions.kld_writer import write_kld
from klgui.panels.sample_charts import TOP_CLASSES

CLASSES = np.array(["dog", "cat", "rabbit", "fox"])


def softmax(logits: np.ndarray) -> np.ndarray:
    exps = np.exp(logits - logits.max(axis=1, keepdims=True))
    return exps / exps.sum(axis=1, keepdims=True)


def kl_per_sample(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """KL(P‖Q) of each row, in float64, straight from the definition."""
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, p * (np.log(p) - np.log(q)), 0.0)
    return terms.sum(axis=1)


@pytest.fixture
def three_files(tmp_path):
    """A reference and two candidates over 200 samples (the worse one noisier); the good
    one equals the reference on sample 3 (KL 0), the noisy one has q = 0 where p > 0 on
    sample 7 (KL ∞)."""
    rng = np.random.default_rng(4)
    logits = rng.standard_normal((200, 4))
    p = softmax(logits)
    good = softmax(logits + 0.2 * rng.standard_normal((200, 4)))
    good[3] = p[3]
    noisy = softmax(logits + 1.5 * rng.standard_normal((200, 4)))
    noisy[7] = [0.0, 0.5, 0.25, 0.25]
    arrays = {"teacher": p, "good": good, "noisy": noisy}
    for name, values in arrays.items():
        np.savez(tmp_path / f"{name}.npz", probs=values, classes=CLASSES)
    paths = {name: str(tmp_path / f"{name}.npz") for name in arrays}
    return paths, arrays


def open_through_the_menu(qtbot, window, monkeypatch, reference, candidates):
    """File ▸ Open reference and candidates…: the reference, then the candidates."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (reference, ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: (candidates, ""))
    with qtbot.waitSignal(window.file_actions.loader.loaded, timeout=30_000):
        window.file_actions.open_samples_action.trigger()
    return window.sample_distributions_panel


def test_opening_a_reference_and_candidates_ranks_them_and_leaves_the_table_alone(
    qtbot, window, monkeypatch, three_files
):
    paths, arrays = three_files
    panel = open_through_the_menu(
        qtbot, window, monkeypatch, paths["teacher"], [paths["noisy"], paths["good"]]
    )
    assert window.right_tabs.currentWidget() is window._samples_page
    rows = panel.statistics.rows()
    assert [row[:2] for row in rows] == [["1", "good"], ["2", "noisy"]]
    expected = kl_per_sample(arrays["teacher"], arrays["good"]).mean()
    assert float(rows[0][2]) == pytest.approx(expected, rel=1e-5)
    assert rows[1][2] == "∞" and rows[1][-1] == "1"  # one infinite sample, never clipped
    assert window.document.workspace == example_workspace()
    assert window.document.undo_stack.count() == 0


def test_the_histogram_counts_samples_at_zero_and_infinity_instead_of_drawing_them(
    qtbot, window, monkeypatch, three_files
):
    paths, arrays = three_files
    panel = open_through_the_menu(
        qtbot, window, monkeypatch, paths["teacher"], [paths["good"], paths["noisy"]]
    )
    histogram = panel.histogram
    assert histogram.legend_texts == ["good (+1 at 0)", "noisy (+1 at ∞)"]
    for curve in histogram._curves:
        x, counts = curve.getOriginalDataset()
        assert np.all(np.isfinite(x)) and counts.sum() == 199  # every other sample is drawn
    low = np.log10(kl_per_sample(arrays["teacher"], arrays["good"])[np.arange(200) != 3].min())
    assert histogram._curves[0].getOriginalDataset()[0][0] == pytest.approx(low, abs=0.5)


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())


def test_clicking_a_worst_sample_draws_its_distributions_and_terms(
    qtbot, window, monkeypatch, three_files
):
    paths, arrays = three_files
    panel = open_through_the_menu(
        qtbot, window, monkeypatch, paths["teacher"], [paths["good"], paths["noisy"]]
    )
    p, q = arrays["teacher"], arrays["good"]
    kl = kl_per_sample(p, q)
    worst = [int(row[0]) for row in panel.worst.rows()]
    assert worst[:3] == list(np.argsort(-kl)[:3])
    click_row(qtbot, panel.worst_view, 1)
    qtbot.waitUntil(lambda: panel.sample_document is not None)
    sample = worst[1]
    workspace = panel.sample_document.workspace
    assert [d.name for d in workspace.distributions] == ["teacher", "good"]
    np.testing.assert_allclose(workspace.distributions[0].values, p[sample], rtol=1e-15)
    np.testing.assert_allclose(workspace.distributions[1].values, q[sample], rtol=1e-15)
    qtbot.waitUntil(lambda: panel.sample_document.comparison is not None)
    terms = panel.sample_terms.plot
    drawn = np.asarray(terms._positive[0].opts["height"]) + np.asarray(
        terms._negative[0].opts["height"]
    )
    expected = p[sample] * np.log(p[sample] / q[sample])
    np.testing.assert_allclose(np.sort(drawn), np.sort(expected), rtol=1e-9, atol=1e-15)
    assert f"Sample {sample}:" in panel.sample_title.text()


def test_another_candidate_lists_its_own_worst_samples(qtbot, window, monkeypatch, three_files):
    paths, _arrays = three_files
    panel = open_through_the_menu(
        qtbot, window, monkeypatch, paths["teacher"], [paths["good"], paths["noisy"]]
    )
    panel.candidate.setCurrentIndex(1)
    assert panel.worst.rows()[0][:2] == ["7", "∞"]
    assert "noisy: KL is infinite in" in panel.class_share._notice.toPlainText()


def test_a_big_vocabulary_shows_its_top_classes_and_one_other_bar(
    qtbot, window, monkeypatch, tmp_path
):
    """Two llama.cpp .kld files over an odd vocabulary of 1,001 tokens."""
    rng = np.random.default_rng(2)
    context, vocabulary = 8, 1001
    tokens = rng.integers(0, vocabulary, (2, context))
    logits = rng.standard_normal((2, context - 1 - context // 2, vocabulary)) * 3
    write_kld(tmp_path / "base.kld", tokens, logits)
    write_kld(tmp_path / "q4.kld", tokens, logits + rng.standard_normal(logits.shape))
    panel = open_through_the_menu(
        qtbot, window, monkeypatch, str(tmp_path / "base.kld"), [str(tmp_path / "q4.kld")]
    )
    assert "−16" in panel.summary.text()  # llama.cpp's rule is said
    share = panel.class_share
    assert len(share.names) == TOP_CLASSES + 1 and share.names[-1].startswith("other (981")
    class_kl = window.document.sample_distributions.comparison.models[0].class_kl
    assert share.shares.sum() == pytest.approx(1.0)
    assert share.shares[0] == pytest.approx(class_kl.max() / class_kl.sum())
    click_row(qtbot, panel.worst_view, 0)
    qtbot.waitUntil(lambda: panel.sample_document is not None)
    names = panel.sample_distributions.getPlotItem().getAxis("bottom")._names
    assert 1 < len(names) < 100 and names[-1].startswith("other")
    assert "draw them normalised" in panel.sample_title.text()  # a .kld row sums to 0.99999


def test_npy_files_ask_what_they_hold(qtbot, window, monkeypatch, tmp_path):
    rng = np.random.default_rng(5)
    logits = rng.standard_normal((50, 3))
    np.save(tmp_path / "ref.npy", logits)
    np.save(tmp_path / "cand.npy", logits * 0.5)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **_k: (args[3][2], True))
    panel = open_through_the_menu(
        qtbot, window, monkeypatch, str(tmp_path / "ref.npy"), [str(tmp_path / "cand.npy")]
    )
    expected = kl_per_sample(softmax(logits), softmax(logits * 0.5)).mean()
    assert float(panel.statistics.rows()[0][2]) == pytest.approx(expected, rel=1e-5)


def test_cancel_leaves_everything_as_it_was(qtbot, window, tmp_path):
    rng = np.random.default_rng(6)
    p = rng.dirichlet(np.ones(50), 100_000).astype(np.float32)
    np.save(tmp_path / "ref.npy", p)
    np.save(tmp_path / "cand.npy", p[::-1])
    loader = window.file_actions.loader
    with qtbot.waitSignal(loader.cancelled, timeout=30_000):
        window.file_actions.open_sample_files(
            str(tmp_path / "ref.npy"), [str(tmp_path / "cand.npy")]
        )
        assert window.cancel_load_button.isVisible()
        window.cancel_load_button.click()
    assert window.document.sample_distributions is None
    assert not window.right_tabs.isTabVisible(window.right_tabs.indexOf(window._samples_page))
    assert window.document.workspace == example_workspace()


def test_a_bad_candidate_says_why_once_and_keeps_what_was_open(
    qtbot, window, monkeypatch, three_files, tmp_path, warnings
):
    paths, _arrays = three_files
    open_through_the_menu(qtbot, window, monkeypatch, paths["teacher"], [paths["good"]])
    opened = window.document.sample_distributions
    np.savez(tmp_path / "three.npz", probs=np.full((200, 3), 1 / 3), classes=CLASSES[:3])
    with qtbot.waitSignal(window.file_actions.loader.failed, timeout=30_000):
        window.file_actions.open_sample_files(paths["teacher"], [str(tmp_path / "three.npz")])
    QApplication.processEvents()
    assert len(warnings) == 1
    assert warnings[0].startswith("Could not compare the per-sample distributions: ")
    assert "three.npz" in warnings[0] and "\n" not in warnings[0]
    assert window.document.sample_distributions is opened
    assert window.sample_distributions_panel.statistics.rows()[0][1] == "good"


def test_samples_opened_after_a_theme_change_are_drawn_in_that_theme(
    qtbot, window, monkeypatch, three_files
):
    paths, _arrays = three_files
    window.set_dark_theme(True, remember=False)
    panel = open_through_the_menu(qtbot, window, monkeypatch, paths["teacher"], [paths["good"]])
    assert panel.histogram.style == window.theme.chart_style
    click_row(qtbot, panel.worst_view, 1)
    qtbot.waitUntil(lambda: panel.sample_document is not None)
    assert panel.sample_distributions.style == window.theme.chart_style
    assert panel.sample_terms.plot.style == window.theme.chart_style


def test_a_samples_bars_cannot_be_dragged_or_keyed_away_from_the_files_values(
    qtbot, window, monkeypatch, three_files
):
    from klgui.charts.bar_chart import group_geometry

    paths, _arrays = three_files
    panel = open_through_the_menu(qtbot, window, monkeypatch, paths["teacher"], [paths["good"]])
    click_row(qtbot, panel.worst_view, 0)
    qtbot.waitUntil(lambda: panel.sample_document is not None)
    chart, document = panel.sample_distributions, panel.sample_document
    before = document.workspace
    slot = int(chart._selection.shown[0])
    x = np.searchsorted(chart._selection.shown, slot) + group_geometry(2)[0][1]
    top = float(before.distributions[1].values[slot])

    def pixel(y):
        view = chart.getPlotItem().getViewBox()
        return chart.mapFromScene(view.mapViewToScene(QPointF(x, y)))

    viewport = chart.viewport()
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, pixel(top))
    for step in range(1, 6):
        QTest.mouseMove(viewport, pixel(top + 0.04 * step))
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, pixel(top + 0.2))
    chart.setFocus()
    QTest.keyClick(chart, Qt.Key_Up)
    QApplication.processEvents()
    assert document.workspace == before
    assert document.undo_stack.count() == 0


def test_any_sample_can_be_typed_and_a_statistics_row_chooses_the_candidate(
    qtbot, window, monkeypatch, three_files
):
    paths, arrays = three_files
    panel = open_through_the_menu(
        qtbot, window, monkeypatch, paths["teacher"], [paths["good"], paths["noisy"]]
    )
    panel.sample_number.setFocus()
    panel.sample_number.selectAll()
    QTest.keyClicks(panel.sample_number, "42")
    QTest.keyClick(panel.sample_number, Qt.Key_Return)
    qtbot.waitUntil(lambda: panel.sample_document is not None)
    values = panel.sample_document.workspace.distributions[1].values
    np.testing.assert_allclose(values, arrays["good"][42], rtol=1e-15)
    click_row(qtbot, panel.statistics_view, 1)
    assert panel.candidate.currentText() == "noisy"
    assert panel.worst.rows()[0][0] == "7"
    shown = panel.sample_document.workspace.distributions[1]
    assert shown.name == "noisy"  # the sample on show, now for the candidate chosen
    np.testing.assert_allclose(shown.values, arrays["noisy"][42], rtol=1e-15)


def test_a_top_k_reference_draws_its_k_classes_and_the_tail_of_the_others(
    qtbot, window, monkeypatch, tmp_path
):
    rng = np.random.default_rng(8)
    classes = np.array([f"t{i}" for i in range(30)])
    full = softmax(rng.standard_normal((20, 30)) * 2)
    candidate = softmax(np.log(full) + 0.3 * rng.standard_normal((20, 30)))
    ids = np.argsort(-full, axis=1)[:, :5]
    top = np.take_along_axis(full, ids, axis=1)
    np.savez(tmp_path / "cache.npz", topk_ids=ids, topk_logprobs=np.log(top), classes=classes)
    np.savez(tmp_path / "student.npz", probs=candidate, classes=classes)
    panel = open_through_the_menu(
        qtbot, window, monkeypatch, str(tmp_path / "cache.npz"), [str(tmp_path / "student.npz")]
    )
    assert "lower bound" in panel.summary.text()
    model = window.document.sample_distributions.comparison.models[0]
    total = model.class_kl.sum() + model.tail_kl
    assert model.tail_kl != 0  # the tail buckets carry a (here negative) part of KL
    largest = max(model.class_kl.max(), model.tail_kl)
    assert panel.class_share.shares[0] == pytest.approx(largest / total)
    panel.sample_number.setValue(4)
    qtbot.waitUntil(lambda: panel.sample_document is not None)
    workspace = panel.sample_document.workspace
    assert workspace.classes == (*classes[ids[4]], "tail (25 other classes)")
    p, q = (d.values for d in workspace.distributions)
    np.testing.assert_allclose(p, [*top[4], 1 - top[4].sum()], rtol=1e-12)
    others = np.ones(30, dtype=bool)
    others[ids[4]] = False
    np.testing.assert_allclose(q, [*candidate[4, ids[4]], candidate[4, others].sum()], rtol=1e-12)


def test_close_puts_the_files_and_their_tab_away(qtbot, window, monkeypatch, three_files):
    paths, _arrays = three_files
    panel = open_through_the_menu(qtbot, window, monkeypatch, paths["teacher"], [paths["good"]])
    tab = window.right_tabs.indexOf(window._samples_page)
    QTest.mouseClick(panel.close_button, Qt.LeftButton)
    assert window.document.sample_distributions is None
    assert not window.right_tabs.isTabVisible(tab)
    assert window.right_tabs.currentWidget() is not window._samples_page
    assert panel.statistics.rows() == [] and panel.worst.rows() == []


def test_files_opened_after_others_show_their_own_worst_sample(
    qtbot, window, monkeypatch, three_files
):
    paths, arrays = three_files
    panel = open_through_the_menu(qtbot, window, monkeypatch, paths["teacher"], [paths["good"]])
    click_row(qtbot, panel.worst_view, 2)
    panel = open_through_the_menu(qtbot, window, monkeypatch, paths["teacher"], [paths["noisy"]])
    shown = panel.sample_document.workspace.distributions[1]
    assert shown.name == "noisy"
    np.testing.assert_allclose(shown.values, arrays["noisy"][7], rtol=1e-15)  # its KL is ∞
    assert panel.sample_title.text().startswith("Sample 7: noisy")
