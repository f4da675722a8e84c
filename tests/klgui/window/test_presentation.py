"""Presentation mode, the dark theme and moving between the views with the keyboard."""

from __future__ import annotations

from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from klgui.style.palette import BEST_ROW_COLOUR, is_dark


def test_presentation_mode_is_full_screen_with_large_type_and_heavy_lines(window):
    window.presentation_action.trigger()
    try:
        assert window.isFullScreen()
        style = window.distribution_chart.style
        assert style.font_point_size >= 18 and style.outline_width >= 1.5
        assert (
            window.distribution_chart.getPlotItem().getAxis("left").style["tickFont"].pointSize()
            == style.font_point_size
        )
        assert QApplication.font().pointSize() >= 16
    finally:
        window.presentation_action.trigger()
    assert not window.isFullScreen()
    assert window.distribution_chart.style.font_point_size == 11


def test_presenting_gives_the_table_panel_s_room_to_the_charts(qtbot, window):
    QApplication.processEvents()
    layout_before = [child.geometry() for child in window.controls.findChildren(QWidget)]
    assert window.side_panel.isVisible()
    window.presentation_action.trigger()
    try:
        assert not window.side_panel.isVisible()
        window.side_panel_action.trigger()  # Ctrl+Shift+T brings it back while presenting
        assert window.side_panel.isVisible()
        window.side_panel_action.trigger()
    finally:
        window.presentation_action.trigger()
    assert window.side_panel.isVisible()  # as it was before presenting
    QApplication.processEvents()
    layout_after = [child.geometry() for child in window.controls.findChildren(QWidget)]
    assert layout_after == layout_before  # the settings are laid out as before
    window.side_panel_action.trigger()
    window.presentation_action.trigger()
    window.presentation_action.trigger()
    assert not window.side_panel.isVisible()  # hidden before presenting: stays hidden


def test_dark_theme_changes_charts_tables_and_is_remembered(window, make_window):
    window.dark_action.setChecked(True)
    try:
        assert is_dark(QApplication.palette())
        chart = window.distribution_chart
        assert QColor(chart.style.background).lightness() < 50
        reference = chart._bars[0].opts["brush"].color()
        assert reference.lightness() > 200  # P stays visible on black
        best = window.ranking.model.data(window.ranking.model.index(0, 1), 8)  # background
        assert best.color() != BEST_ROW_COLOUR and best.color().lightness() < 128
        reopened = make_window()
        assert reopened.dark_action.isChecked()
    finally:
        window.dark_action.setChecked(False)
    assert QApplication.palette().color(QPalette.Window).lightness() > 128


def test_f6_and_ctrl_numbers_move_the_focus_between_views(qtbot, window):
    window.activateWindow()
    window.focus_view(0)
    assert window.editor.view.hasFocus()
    window.next_view_action.trigger()
    assert window.distribution_chart.hasFocus()
    window.next_view_action.trigger()
    assert window.contribution_chart.plot.hasFocus()
    window.previous_view_action.trigger()
    assert window.distribution_chart.hasFocus()
    window.view_actions[3].trigger()
    assert window.ranking.view.hasFocus()
    assert window.view_actions[4].shortcut().toString() == "Ctrl+5"


def test_a_language_change_rebuilds_the_window_on_the_same_document(qtbot, make_window):
    first = make_window()
    first.show()
    first.document.set_value("A", 0, 0.45)
    document = first.document
    successor = first.hand_over()
    try:
        assert successor.document is document
        assert document.undo_stack.count() == 1 and successor.isWindowModified()
        assert not first.isVisible()
        successor.undo_action.trigger()
        assert successor.document.workspace.distribution("A").values[0] == 0.5
    finally:
        successor.document.undo_stack.setClean()
        successor.close()


def test_ctrl_f_with_the_table_hidden_puts_the_keyboard_in_the_charts_find_field(qtbot, window):
    window.activateWindow()
    window.presentation_action.trigger()
    try:
        assert not window.editor.isVisible()
        window.distribution_chart.setFocus()
        QTest.keySequence(window.distribution_chart, QKeySequence.Find)
        find = window.contribution_chart.class_view_bar.find
        assert find.isVisible() and find.hasFocus()
        QTest.keyClicks(find, "rab")
        assert window.document.class_view.find == "rab"
    finally:
        window.presentation_action.trigger()
    window.distribution_chart.setFocus()
    QTest.keySequence(window.distribution_chart, QKeySequence.Find)
    assert window.editor.class_filter.hasFocus()  # the table's, when it is in view
