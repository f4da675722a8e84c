"""The status bar: long messages stay clear of the summary; a failed load's progress is
gone before its error dialog."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QMessageBox

LONG_ERROR = (
    "Could not open /home/someone/data/a_very_long_directory_name/predictions_of_model.csv: "
    "line 12, column 4: 'abc' is not a number"
)


def test_a_long_message_is_cut_before_the_summary_with_the_whole_text_in_its_tooltip(
    qtbot, make_window
):
    window = make_window()
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.show_message(LONG_ERROR)
    bar = window.statusBar()
    label = bar.message_label
    qtbot.waitUntil(lambda: label.isVisible() and label.width() > 0)
    assert bar.currentMessage() == LONG_ERROR
    assert label.text() != LONG_ERROR and "…" in label.text()
    assert label.text().startswith("Could not open") and label.text().endswith("not a number")
    assert label.toolTip() == LONG_ERROR
    drawn = label.fontMetrics().horizontalAdvance(label.text())
    text_right = label.mapTo(bar, label.contentsRect().topLeft()).x() + drawn
    assert text_right + 8 <= window.summary.geometry().left()  # a gap, never over it


def test_a_short_message_is_whole_and_has_no_tooltip(qtbot, window):
    window.show_message("Exported chart.png")
    label = window.statusBar().message_label
    assert label.text() == "Exported chart.png" and label.toolTip() == ""


def test_a_message_goes_after_its_time(qtbot, window):
    window.statusBar().showMessage("brief", 10)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")
    assert window.statusBar().message_label.text() == ""


def test_loading_progress_is_gone_before_a_failed_load_s_error_dialog(
    qtbot, window, tmp_path, monkeypatch
):
    bad = tmp_path / "bad.npz"
    np.savez(bad, probs=np.array([[0.5, 0.6], [0.5, 0.5]]), labels=np.array([0, 1]))
    seen_behind_the_dialog = []

    def warning(*_arguments):
        seen_behind_the_dialog.append(
            (window.load_progress.isVisible(), window.cancel_load_button.isVisible())
        )

    monkeypatch.setattr(QMessageBox, "warning", warning)
    with qtbot.waitSignal(window.file_actions.loader.failed, timeout=30_000):
        window.file_actions.open_paths([str(bad)])
    assert seen_behind_the_dialog == [(False, False)]


def test_a_message_about_the_table_goes_once_the_table_changes(qtbot, window):
    from tests.klgui.tables.test_rejected_entries import type_text

    bar = window.statusBar()
    type_text(qtbot, window, 0, 1, "1e-400")  # P, dog: refused
    assert bar.currentMessage().startswith("Not changed: '1e-400' is too small")
    type_text(qtbot, window, 0, 1, "25%")  # accepted: the refusal is no longer true
    assert bar.currentMessage() == ""
    window.document.set_values("A", [0.5, 0.35, 0.15])
    window.editor.view.setCurrentIndex(window.editor.model.index(0, 2))
    window.editor.normalize_action.trigger()
    assert bar.currentMessage() == "A already sums to 1: nothing to change."
    type_text(qtbot, window, 0, 2, "0.7")  # A sums to 1.2 now
    assert bar.currentMessage() == ""
