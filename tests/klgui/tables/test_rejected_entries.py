"""Text typed into the editor and not accepted stays in its cell, marked, with the reason,
to be corrected; the document is not changed meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QLineEdit

from klgui.style.palette import INVALID_CELL_COLOUR


def type_text(qtbot, window, row: int, column: int, text: str) -> None:
    """Type ``text`` into a cell of the editor and press Enter, as a user does."""
    view = window.editor.view
    view.setCurrentIndex(view.model().index(row, column))
    view.setFocus()
    QTest.keyClick(view, Qt.Key_F2)
    qtbot.waitUntil(lambda: bool(view.findChildren(QLineEdit)))
    line_edit = view.findChildren(QLineEdit)[-1]
    line_edit.selectAll()
    QTest.keyClicks(line_edit, text)
    QTest.keyClick(line_edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.EditingState)  # (queued)


def cell(window, row: int, column: int, role=Qt.DisplayRole):
    model = window.editor.model
    return model.data(model.index(row, column), role)


def test_a_rejected_value_stays_in_its_cell_marked_with_the_reason(qtbot, window):
    document = window.document
    before = document.workspace
    type_text(qtbot, window, 0, 2, "0.4x")  # A, dog
    assert cell(window, 0, 2) == "⚠ 0.4x"
    assert cell(window, 0, 2, Qt.EditRole) == "0.4x"  # the editor opens on it, to correct
    assert cell(window, 0, 2, Qt.BackgroundRole).color() == INVALID_CELL_COLOUR
    tooltip = cell(window, 0, 2, Qt.ToolTipRole)
    assert "0.4x" in tooltip and "the table still holds 0.5" in tooltip
    assert document.workspace == before and document.undo_stack.count() == 0
    qtbot.waitUntil(window.banner.isVisible)
    assert "Not accepted (A, dog)" in window.banner.label.text()
    type_text(qtbot, window, 0, 2, "0.45")  # corrected: applied, the mark is gone
    assert cell(window, 0, 2) == "0.45"
    assert document.rejected_entries == ()
    assert document.workspace.distribution("A").values[0] == 0.45


def test_a_rejected_class_name_stays_with_the_reason(qtbot, window):
    type_text(qtbot, window, 0, 0, "cat")  # dog renamed to a name that is taken
    assert cell(window, 0, 0) == "⚠ cat"
    assert "already a class named 'cat'" in cell(window, 0, 0, Qt.ToolTipRole)
    assert window.document.workspace.classes == ("dog", "cat", "rabbit")
    type_text(qtbot, window, 0, 0, "hound")
    assert window.document.workspace.classes == ("hound", "cat", "rabbit")
    assert cell(window, 0, 0) == "hound"


def test_a_new_value_by_any_route_replaces_the_rejected_text(qtbot, window):
    document = window.document
    type_text(qtbot, window, 1, 3, "0,3,")  # B, cat
    assert document.rejected_entry("B", "cat") is not None
    type_text(qtbot, window, 2, 3, "0.4")  # another cell: the text stays
    assert cell(window, 1, 3) == "⚠ 0,3,"
    window.editor.view.setCurrentIndex(window.editor.model.index(1, 3))
    window.editor.paste_text("0.2")  # a new value for the cell itself: the text goes
    assert document.rejected_entries == () and cell(window, 1, 3) == "0.2"
    type_text(qtbot, window, 0, 1, "abc")  # P, dog
    window.editor.view.setCurrentIndex(window.editor.model.index(0, 1))
    QTest.keyClick(window.editor.view, Qt.Key_Delete)  # Delete clears it (and sets 0)
    assert document.rejected_entries == ()
    assert document.workspace.distribution("P").values[0] == 0.0


def test_a_rejected_model_name_is_asked_again_as_typed_with_the_reason(
    qtbot, window, monkeypatch
):
    asked = []
    answers = iter([("B", True), ("Better B", True)])

    def get_text(_parent, _title, prompt, text=""):
        asked.append((prompt, text))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    window.editor.select(distribution="A")
    window.editor.rename_distribution_action.trigger()
    assert asked[0] == ("New name for A:", "A")
    assert asked[1] == (
        "Not renamed: there is already a distribution named 'B'\nNew name for A:",
        "B",
    )
    assert window.document.workspace.names == ("P", "Better B", "B")


def test_nan_typed_into_a_cell_is_refused_and_kept_not_taken_for_an_empty_cell(qtbot, window):
    document = window.document
    before = document.workspace
    for typed in ("nan", "NaN%", "inf/inf"):
        type_text(qtbot, window, 1, 2, typed)  # A, cat
        assert cell(window, 1, 2) == f"⚠ {typed}"
        assert f"'{typed}' is not a number" in cell(window, 1, 2, Qt.ToolTipRole)
        assert document.workspace == before and document.undo_stack.count() == 0
