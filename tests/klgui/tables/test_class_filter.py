"""The class filter: type part of a class name, the editor shows only the matching rows and
the per-class charts only the matching classes; Ctrl+F puts the keyboard there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.class_selection import ClassView
from klgui.tables.distribution_editor import DistributionEditor


def hidden_rows(editor) -> list[int]:
    return [row for row in range(editor.model.rowCount()) if editor.view.isRowHidden(row)]


def test_typing_a_name_shows_only_the_matching_rows_and_the_sum(qtbot, document):
    editor = DistributionEditor(document)
    qtbot.addWidget(editor)
    QTest.keyClicks(editor.class_filter, "A")  # cat and rabbit, not dog
    assert document.class_view.find == "A"
    assert hidden_rows(editor) == [0]  # dog; the sum row (3) stays
    editor.class_filter.clear()
    assert hidden_rows(editor) == []


def test_the_filter_follows_the_charts_field_and_new_classes(qtbot, document):
    editor = DistributionEditor(document)
    qtbot.addWidget(editor)
    document.set_class_view(ClassView(find="dog"))  # typed in the charts' field
    assert editor.class_filter.text() == "dog"
    assert hidden_rows(editor) == [1, 2]
    document.add_class("hotdog")  # rows reset: the filter holds for the new table
    document.add_class("zebra")
    shown = [
        document.workspace.classes[row]
        for row in range(len(document.workspace.classes))
        if not editor.view.isRowHidden(row)
    ]
    assert shown == ["dog", "hotdog"]


def test_ctrl_f_puts_the_keyboard_in_the_class_filter(window):
    window.ranking.view.setFocus()
    QTest.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    QApplication.processEvents()
    assert QApplication.focusWidget() is window.editor.class_filter
    QTest.keyClicks(window.editor.class_filter, "rab")
    chart = window.distribution_chart
    assert chart.getPlotItem().getAxis("bottom")._names == ("rabbit",)
    assert window.contribution_chart.class_view_bar.find.text() == "rab"


def test_while_rows_are_hidden_the_sum_row_says_it_is_of_all_classes(qtbot, document):
    editor = DistributionEditor(document)
    qtbot.addWidget(editor)
    model = editor.model
    name_cell = model.index(model.sum_row, 0)
    assert model.data(name_cell) == "Σ sum"
    changed = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    QTest.keyClicks(editor.class_filter, "A")
    assert model.data(name_cell) == "Σ all classes"
    assert (model.sum_row, model.sum_row) in changed  # the view repaints the row
    assert "all 3 classes" in model.data(model.index(model.sum_row, 1), Qt.ToolTipRole)
    editor.class_filter.clear()
    assert model.data(name_cell) == "Σ sum"
