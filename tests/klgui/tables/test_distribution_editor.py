"""The editor: the table shows the Document; typing, pasting and actions change it."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QLineEdit,
    QProxyStyle,
    QStyle,
)

from core import example_workspace
from klgui.style.palette import INVALID_CELL_COLOUR
from klgui.tables.distribution_editor import DistributionEditor


@pytest.fixture
def editor(qtbot, document):
    widget = DistributionEditor(document)
    qtbot.addWidget(widget)
    return widget


def cell(editor, row, column, role=Qt.DisplayRole):
    return editor.model.data(editor.model.index(row, column), role)


def test_table_shows_classes_values_sums_and_the_reference(editor):
    assert editor.model.rowCount() == 4  # three classes and the Σ row
    assert [cell(editor, row, 0) for row in range(3)] == ["dog", "cat", "rabbit"]
    assert cell(editor, 0, 1) == "0.6" and cell(editor, 2, 3) == "0.5"
    assert cell(editor, 3, 2) == "1"
    assert editor.model.headerData(1, Qt.Horizontal).startswith("★ P")


def test_typing_a_value_edits_the_document(editor, document):
    assert editor.model.setData(editor.model.index(0, 2), "45%")
    assert document.workspace.distribution("A").values[0] == pytest.approx(0.45)
    assert editor.model.setData(editor.model.index(1, 2), "2/5")
    assert document.workspace.distribution("A").values[1] == pytest.approx(0.4)


def test_text_that_is_not_a_number_is_refused_with_a_message(qtbot, editor, document):
    start = document.workspace
    with qtbot.waitSignal(editor.message) as signal:
        assert not editor.model.setData(editor.model.index(0, 2), "lots")
    assert "'lots' is not a number" in signal.args[0]
    assert document.workspace == start


def test_renaming_a_class_to_an_existing_name_is_refused(qtbot, editor, document):
    with qtbot.waitSignal(editor.message) as signal:
        assert not editor.model.setData(editor.model.index(0, 0), "cat")
    assert "already a class named 'cat'" in signal.args[0]
    assert document.workspace.classes == ("dog", "cat", "rabbit")


def test_an_invalid_cell_is_highlighted_with_the_reason(editor, document):
    document.set_value("B", 1, -0.3)
    background = cell(editor, 1, 3, Qt.BackgroundRole)
    assert background.color() == INVALID_CELL_COLOUR
    assert "negative" in cell(editor, 1, 3, Qt.ToolTipRole)
    assert cell(editor, 0, 3, Qt.BackgroundRole) is None


def test_a_column_that_does_not_sum_to_one_is_marked_in_the_sum_row(editor, document):
    document.set_value("A", 0, 0.9)
    assert cell(editor, 3, 2, Qt.BackgroundRole).color() == INVALID_CELL_COLOUR
    assert "sums to 1.4" in cell(editor, 3, 2, Qt.ToolTipRole)


def test_add_and_remove_class_actions_follow_the_current_cell(editor, document):
    editor.select(class_index=0, distribution="A")
    editor.add_class_action.trigger()
    assert document.workspace.classes == ("dog", "class 1", "cat", "rabbit")
    assert editor.current_class() == 1
    editor.remove_class_action.trigger()
    assert document.workspace.classes == ("dog", "cat", "rabbit")


def test_add_model_set_reference_and_counts_actions(editor, document):
    editor.add_model_action.trigger()
    assert document.workspace.model_names == ("A", "B", "C")
    assert editor.current_distribution() == "C"
    editor.set_reference_action.trigger()
    assert document.workspace.reference == "C"
    editor.toggle_counts_action.trigger()
    assert document.workspace.distribution("C").is_counts
    assert editor.toggle_counts_action.isChecked()


def test_removing_the_reference_is_disabled_and_refused(qtbot, editor, document):
    editor.select(distribution="P")
    assert not editor.remove_distribution_action.isEnabled()
    with qtbot.waitSignal(editor.message):
        editor.remove_distribution()
    assert "P" in document.workspace.names


def test_paste_a_block_is_one_undo_step(editor, document):
    editor.select(class_index=0, distribution="A")
    editor.paste_text("0.2\t0.3\n0.3\t0.3\n0.5\t0.4\n")
    assert document.workspace.distribution("A").values.tolist() == [0.2, 0.3, 0.5]
    assert document.workspace.distribution("B").values.tolist() == [0.3, 0.3, 0.4]
    assert document.undo_stack.count() == 1


def test_empty_pasted_cells_and_lines_leave_their_cells_as_they_are(editor, document):
    editor.select(class_index=0, distribution="A")
    editor.paste_text("0.2\t\n\n0.6\t0.1\n")  # an empty cell, then an empty line
    assert document.workspace.distribution("A").values.tolist() == [0.2, 0.35, 0.6]
    assert document.workspace.distribution("B").values.tolist() == [0.2, 0.3, 0.1]
    editor.view.setCurrentIndex(editor.model.index(0, 0))  # the class names
    editor.paste_text("\nkitten\n")  # a leading empty line: the name lands on row 2
    assert document.workspace.classes == ("dog", "kitten", "rabbit")


def test_a_paste_with_a_bad_cell_changes_nothing(qtbot, editor, document):
    start = document.workspace
    editor.select(class_index=0, distribution="A")
    with qtbot.waitSignal(editor.message) as signal:
        editor.paste_text("0.2\nabc\n")
    assert "row 2, column 1" in signal.args[0]
    assert document.workspace == start


def test_copy_puts_tab_separated_values_on_the_clipboard(editor):
    selection = editor.view.selectionModel()
    editor.view.selectAll()
    assert selection.hasSelection()
    editor.copy_selection()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["dog", "0.6", "0.5", "0.2"]
    assert len(lines) == 3


def test_delete_sets_the_selected_values_to_zero(editor, document):
    editor.view.setCurrentIndex(editor.model.index(2, 3))
    editor.view.selectionModel().select(
        editor.model.index(2, 3), editor.view.selectionModel().SelectionFlag.ClearAndSelect
    )
    editor.clear_action.trigger()
    assert document.workspace.distribution("B").values[2] == 0.0


@pytest.fixture
def with_an_empty_cell(qapp, document):
    """The example with 'A', class 'cat' empty, as a table that lacks the class leaves it."""
    document.replace_workspace(document.workspace.with_value("A", 1, math.nan))
    return document


def test_an_empty_cell_shows_empty_marked_and_says_how_to_fill_it(editor, with_an_empty_cell):
    assert cell(editor, 1, 2) == "" and cell(editor, 3, 2) == ""  # the cell and its Σ
    assert cell(editor, 1, 2, Qt.BackgroundRole).color() == INVALID_CELL_COLOUR
    tooltip = cell(editor, 1, 2, Qt.ToolTipRole)
    assert tooltip.startswith("A, cat: empty.") and "Type a value to fill it" in tooltip
    assert "empty" in cell(editor, 3, 2, Qt.ToolTipRole)
    assert editor.model.setData(editor.model.index(1, 2), "0.35")  # typing fills it
    assert with_an_empty_cell.workspace.empty_cells() == ()
    assert cell(editor, 1, 2) == "0.35" and cell(editor, 1, 2, Qt.BackgroundRole) is None


def test_an_empty_cell_copies_as_nothing_and_pastes_back_as_nothing(editor, with_an_empty_cell):
    document = with_an_empty_cell
    editor.view.selectAll()
    editor.copy_selection()
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines()[1].split("\t") == ["cat", "0.3", "", "0.3"]
    editor.select(class_index=0, distribution="P")
    editor.view.setCurrentIndex(editor.model.index(0, 0))
    editor.paste_text(copied)  # the empty cell lands on itself: it stays empty
    assert document.workspace.empty_cells() == (("A", "cat"),)
    assert document.undo_stack.count() == 0  # nothing changed, no step


def test_delete_fills_an_empty_cell_with_zero(editor, with_an_empty_cell):
    index = editor.model.index(1, 2)
    editor.view.setCurrentIndex(index)
    editor.view.selectionModel().select(
        index, editor.view.selectionModel().SelectionFlag.ClearAndSelect
    )
    editor.clear_action.trigger()
    assert with_an_empty_cell.workspace.distribution("A").values[1] == 0.0


def test_undo_shows_in_the_table(editor, document):
    document.set_value("A", 2, 0.25)
    assert cell(editor, 2, 2) == "0.25"
    document.undo_stack.undo()
    assert cell(editor, 2, 2) == "0.15"


def test_value_columns_show_their_longest_values_whole_in_any_font(editor, document):
    document.set_values("A", [0.000123457, 0.00048998, 1 - 0.000123457 - 0.00048998])
    document.set_value("B", 0, -0.000123457)  # invalid, but shown as typed
    view = editor.view
    texts = [view.model().index(row, column).data() for row in range(3) for column in (2, 3)]
    assert "0.000123457" in texts and "−0.000123457" in texts
    widest = max(view.fontMetrics().horizontalAdvance(text) for text in texts)
    assert min(view.columnWidth(2), view.columnWidth(3)) >= widest + 6  # text and margins
    font = view.font()
    font.setPointSize(font.pointSize() * 2)  # as presentation mode does
    view.setFont(font)
    widest = max(view.fontMetrics().horizontalAdvance(text) for text in texts)
    assert min(view.columnWidth(2), view.columnWidth(3)) >= widest + 6


@pytest.fixture
def with_empty_cells(make_window):
    """The example with a class 'x' whose cells in P and A are empty (a merge left them so),
    and B no longer summing to 1; in a window."""
    workspace = (
        example_workspace()
        .with_class_added("x", values={"P": math.nan, "A": math.nan})
        .with_value("B", 0, 0.4)
    )
    window = make_window(workspace)
    window.show()
    return window


def test_normalize_column_with_an_empty_cell_says_it_is_empty(with_empty_cells):
    window = with_empty_cells
    editor = window.editor
    editor.view.setCurrentIndex(editor.model.index(0, 1))  # column P
    editor.normalize_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Not changed: 'P' has an empty cell (class 'x'): fill it first"
    )
    assert window.document.undo_stack.count() == 0


def test_normalize_all_normalizes_what_it_can_and_says_what_it_left_out(qtbot, with_empty_cells):
    window = with_empty_cells
    window.editor.normalize_all_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Not normalized: 'P' has an empty cell (class 'x'): fill it first; "
        "'A' has an empty cell (class 'x'): fill it first"
    )
    assert window.document.workspace.distribution("B").values.sum() == pytest.approx(1.0)
    assert math.isnan(window.document.workspace.distribution("P").values[3])
    # The banner's button does the same, and says it too.
    window.statusBar().clearMessage()
    window.document.set_value("B", 0, 0.9)
    qtbot.waitUntil(window.banner.normalize_button.isVisible)
    qtbot.mouseClick(window.banner.normalize_button, Qt.LeftButton)
    assert window.statusBar().currentMessage().startswith(
        "Not normalized: 'P' has an empty cell (class 'x'): fill it first; "
    )
    assert window.document.workspace.distribution("B").values.sum() == pytest.approx(1.0)


def test_enter_commits_a_cell_and_moves_down(qtbot, window):
    editor = window.editor
    editor.select(class_index=0, distribution="A")
    editor.view.edit(editor.view.currentIndex())
    qtbot.waitUntil(lambda: bool(editor.view.findChildren(QLineEdit)))
    QApplication.processEvents()
    line_edit = editor.view.findChildren(QLineEdit)[-1]
    line_edit.selectAll()
    QTest.keyClicks(line_edit, "0.4")
    # What the item delegate does on Return (offscreen, the key itself may not reach it).
    editor.view.commitData(line_edit)
    editor.view.closeEditor(line_edit, QAbstractItemDelegate.SubmitModelCache)
    assert window.document.workspace.distribution("A").values[0] == 0.4
    assert editor.current_class() == 1 and editor.current_distribution() == "A"


def test_the_cursor_stays_put_when_a_class_is_renamed_or_added(window):
    editor = window.editor
    editor.select(class_index=1, distribution="B")
    window.document.rename_class(1, "kitten")
    assert (editor.current_class(), editor.current_distribution()) == (1, "B")
    window.document.add_class("mouse")
    assert (editor.current_class(), editor.current_distribution()) == (1, "B")
    assert editor.remove_class_action.isEnabled()


def test_pasting_names_that_swap_places_works(window):
    editor = window.editor
    editor.view.setCurrentIndex(editor.model.index(0, 0))
    editor.paste_text("cat\ndog\n")
    assert window.document.workspace.classes == ("cat", "dog", "rabbit")


def test_paste_accepts_space_and_semicolon_separated_values(window):
    editor = window.editor
    editor.select(class_index=0, distribution="A")
    editor.paste_text("0.2 0.3\n0.3;0.3\n0.5   0.4")
    assert window.document.workspace.distribution("A").values.tolist() == [0.2, 0.3, 0.5]
    assert window.document.workspace.distribution("B").values.tolist() == [0.3, 0.3, 0.4]


def test_normalizing_a_column_that_sums_to_one_makes_no_step_and_no_noise(qtbot, editor, document):
    said = []
    editor.message.connect(said.append)
    qtbot.mouseClick(
        editor.view.viewport(),
        Qt.LeftButton,
        pos=editor.view.visualRect(editor.model.index(0, 1)).center(),
    )
    editor.normalize_action.trigger()  # P: 0.6, 0.3, 0.1
    assert document.undo_stack.count() == 0
    assert document.workspace.distribution("P").values.tolist() == [0.6, 0.3, 0.1]
    assert said == ["P already sums to 1: nothing to change."]


def test_headers_show_whole_names_and_a_long_one_says_it_in_its_tooltip(qtbot, editor, document):
    document.rename_distribution("P", "labels")
    document.set_kind("labels", "counts")
    document.rename_distribution("A", "sharp model (argmax)")
    long_name = "a model with a very long and descriptive name, version 2025-03-14"
    document.rename_distribution("B", long_name)
    editor.show()
    qtbot.waitExposed(editor)
    header = editor.view.horizontalHeader()
    for column in (1, 2):  # "★ labels\n(counts)", "sharp model (argmax)": whole
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
    assert header.sectionSize(3) < header.sectionSizeHint(3)  # cut short, not 400 px wide
    assert long_name in editor.model.headerData(3, Qt.Horizontal, Qt.ToolTipRole)


class _DrawnHeaderLabels(QProxyStyle):
    """Records the labels a header draws, as the style draws them (cut with "…" when the
    header asks the style to elide)."""

    def __init__(self, header) -> None:
        super().__init__()
        self.header = header
        self.drawn: list[str] = []

    def drawControl(self, element, option, painter, widget=None) -> None:
        if element == QStyle.CE_HeaderLabel:
            text, mode = option.text, self.header.textElideMode()
            if mode != Qt.ElideNone:
                text = option.fontMetrics.elidedText(text, mode, option.rect.width())
            self.drawn.append(text)
        super().drawControl(element, option, painter, widget)


def test_a_header_of_two_lines_shows_both_whole_and_cuts_each_only_when_too_narrow(
    qtbot, editor, document
):
    document.rename_distribution("P", "labels")
    document.set_kind("labels", "counts")
    editor.show()
    qtbot.waitExposed(editor)
    header = editor.view.horizontalHeader()
    style = _DrawnHeaderLabels(header)
    header.setStyle(style)
    header.grab()
    assert "★ labels\n(counts)" in style.drawn  # not "★ labels (cou…"
    header.resizeSection(1, header.minimumSectionSize())
    style.drawn.clear()
    header.grab()
    first, second = style.drawn[1].split("\n")
    assert first.endswith("…") and second.endswith("…") and second.startswith("(c")
    assert "labels" in editor.model.headerData(1, Qt.Horizontal, Qt.ToolTipRole)
