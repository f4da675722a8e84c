"""The main window: opens on the example, marks unsaved changes, remembers its layout."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from core import example_workspace
from klgui.window.main_window import MainWindow


def test_window_opens_on_the_example_and_ranks_a_first(window):
    model = window.ranking.model
    assert model.rowCount() == 2
    assert model.data(model.index(0, 1)) == "A"
    assert model.data(model.index(0, 0)) == "1"
    assert "3 classes · 2 models · nats" in window.summary.text()


def test_title_marks_unsaved_changes_and_undo_clears_the_mark(window):
    assert not window.isWindowModified()
    window.document.set_value("A", 0, 0.55)
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()
    assert "[*]" in window.windowTitle()


def test_closing_with_unsaved_changes_asks_first(window, answer_questions):
    window.document.set_value("A", 0, 0.55)
    asked = answer_questions(QMessageBox.Cancel)
    assert not window.close()
    assert asked and window.isVisible()
    answer_questions(QMessageBox.Discard)
    assert window.close()


def test_splitter_layout_is_remembered(qtbot, window):
    window.resize(800, 600)  # the offscreen screen's size, so the geometry restores as is
    qtbot.waitUntil(lambda: window.width() == 800)
    window.main_splitter.setSizes([440, 354])  # far from the first-run 36 %
    remembered = window.main_splitter.sizes()
    window.save_layout()
    window.close()
    reopened = MainWindow(example_workspace())
    qtbot.addWidget(reopened)
    reopened.show()
    qtbot.waitExposed(reopened)
    # The offscreen platform may take a pixel or two off the frame.
    assert abs(reopened.main_splitter.sizes()[0] - remembered[0]) <= 3


def test_undo_redo_and_editor_actions_have_standard_shortcuts(window):
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() in ("Ctrl+Shift+Z", "Ctrl+Y")
    assert window.editor.add_class_action.shortcut().toString() == "Ctrl+Shift+K"
    assert window.editor.add_model_action.shortcut().toString() == "Ctrl+Shift+M"


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_screenshot_at_normal_and_small_size_clips_nothing(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    QApplication.processEvents()
    image = window.grab().toImage()
    assert (image.width(), image.height()) == size
    for chart in (
        window.distribution_chart,
        window.contribution_chart.plot,
        window.decomposition_chart,
    ):
        plot_width = chart.getPlotItem().geometry().width()
        assert plot_width <= chart.width() + 1, type(chart).__name__
        right_edge = chart.mapTo(window, QPoint(chart.width(), chart.height()))
        assert right_edge.x() <= window.width() and right_edge.y() <= window.height()


def test_the_view_menu_toggles_the_reverse_terms(window):
    window.reverse_terms_action.trigger()
    assert window.contribution_chart.plot.reverse
    window.contribution_chart.direction.setCurrentIndex(0)
    assert not window.reverse_terms_action.isChecked()


def test_closed_windows_do_not_leak_top_level_widgets(qtbot):
    def top_level_count() -> int:
        gc.collect()  # Python reference cycles between wrappers are freed here,
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # then Qt's deleteLater,
        gc.collect()  # then the wrappers only the deleted widgets still held
        return len(QApplication.topLevelWidgets())

    before = top_level_count()
    for _ in range(3):
        main = MainWindow(example_workspace())
        main.show()
        main.close()
        main.deleteLater()
        del main
    assert top_level_count() <= before


def test_redo_answers_both_usual_shortcuts_once_each(window):
    keys = [shortcut.toString() for shortcut in window.redo_action.shortcuts()]
    assert keys == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.Undo)


def test_undo_keeps_its_text_and_tells_the_step_in_its_tooltip(window):
    window.document.set_value("A", 0, 0.45)
    assert window.undo_action.text() == "&Undo"
    assert "Edit A, dog" in window.undo_action.toolTip()


def test_status_summary_counts_models_in_good_english(window):
    assert "2 models" in window.summary.text()
    window.document.remove_distribution("B")
    window.document.recompute_now()
    assert "1 model ·" in window.summary.text()
