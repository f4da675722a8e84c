"""The class column stays in sight when models added scroll the table sideways."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit


def test_the_class_names_stay_in_sight_when_the_table_scrolls_sideways(qtbot, window):
    editor = window.editor
    view = editor.view
    for _ in range(10):
        editor.add_model_action.trigger()  # each new model is selected, scrolled into view
    qtbot.waitUntil(lambda: view.horizontalScrollBar().value() > 0)
    assert view.visualRect(editor.model.index(0, 0)).right() < 0  # the host's column is gone
    frozen = view.frozen_column
    assert frozen.isVisible()
    left = view.viewport().mapTo(view, QPoint(0, 0)).x()
    assert frozen.geometry().left() == left
    dog = frozen.visualRect(editor.model.index(0, 0))
    assert dog.isValid() and frozen.indexAt(dog.center()).data() == "dog"
    # The names are beside their rows: the same height as the host's.
    cat_in_host = view.visualRect(editor.model.index(1, 5))
    cat = frozen.visualRect(editor.model.index(1, 0))
    assert frozen.viewport().mapTo(view, cat.center()).y() == (
        view.viewport().mapTo(view, cat_in_host.center()).y()
    )
    # A class name can be edited there.
    # A double click as the window system delivers it: press, release, double click.
    QTest.mouseClick(frozen.viewport(), Qt.LeftButton, pos=cat.center())
    QTest.mouseDClick(frozen.viewport(), Qt.LeftButton, pos=cat.center())
    assert view.horizontalScrollBar().value() > 0  # going to a name scrolled nothing back
    qtbot.waitUntil(lambda: bool(frozen.findChildren(QLineEdit)))
    line_edit = frozen.findChildren(QLineEdit)[-1]
    line_edit.selectAll()
    QTest.keyClicks(line_edit, "kitten")
    QTest.keyClick(line_edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: frozen.state() != QAbstractItemView.EditingState)
    assert window.document.workspace.classes[1] == "kitten"
    view.horizontalScrollBar().setValue(0)  # scrolled back: the table's own column shows
    assert not frozen.isVisible()


def test_rows_the_class_filter_hides_are_hidden_beside_the_frozen_column_too(qtbot, window):
    editor = window.editor
    editor.class_filter.setText("ca")
    assert editor.view.isRowHidden(0) and editor.view.frozen_column.isRowHidden(0)
    assert not editor.view.frozen_column.isRowHidden(1)


def test_the_arrow_keys_bring_every_cell_out_beside_the_frozen_column(qtbot, window):
    editor = window.editor
    view = editor.view
    for _ in range(10):
        editor.add_model_action.trigger()
    qtbot.waitUntil(lambda: view.frozen_column.isVisible())
    view.setFocus()
    while view.currentIndex().column() > 1:
        QTest.keyClick(view, Qt.Key_Left)
        frozen = view.frozen_column
        left = view.visualRect(view.currentIndex()).left()
        assert not frozen.isVisible() or left >= frozen.width(), view.currentIndex().column()
