"""Behaviour a new user's review asked for: each test pins one fix."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QLineEdit

from core import Smoothing, example_workspace
from klgui.panels.analysis_controls import AmountSpinBox
from klgui.style.palette import MODEL_COLOURS
from klgui.text.value_parsing import ValueParseError, parse_value


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


def test_a_thousands_comma_is_refused_not_misread():
    with pytest.raises(ValueParseError, match="ambiguous"):
        parse_value("1,000")
    assert parse_value("0,125") == 0.125 and parse_value("2,5") == 2.5


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


def test_clicking_a_ranking_header_ranks_by_that_measure(window):
    header = window.ranking.view.horizontalHeader()
    column = 2 + list(window.ranking.model.measure_at(c) for c in range(2, 12)).index("hellinger")
    header.sectionClicked.emit(column)
    assert window.document.workspace.rank_by == "hellinger"


def test_epsilon_can_be_tiny_and_its_arrows_step_by_tens(window):
    window.document.set_smoothing(Smoothing("epsilon", 1e-7))
    amount = window.controls.amount
    assert isinstance(amount, AmountSpinBox) and amount.text() == "1e-07"
    amount.stepBy(1)
    assert window.document.workspace.smoothing.amount == pytest.approx(1e-6)


def test_add_k_without_count_columns_says_it_does_nothing(window):
    window.document.set_smoothing(Smoothing("add_k", 1.0))
    window.document.recompute_now()
    assert "no effect" in window.ranking.note.text()


def test_charts_say_when_they_show_the_last_valid_input(window):
    chart = window.distribution_chart
    window.document.set_value("A", 0, 0.9)
    window.document.recompute_now()
    assert "last valid input" in chart.getPlotItem().titleLabel.text
    assert chart.getPlotItem().getViewBox().opacity() < 1
    window.document.undo_stack.undo()
    window.document.recompute_now()
    assert "last valid input" not in chart.getPlotItem().titleLabel.text
    assert chart.getPlotItem().getViewBox().opacity() == 1


def test_a_narrow_chart_marks_the_last_valid_input_briefly_and_keeps_its_width(window):
    chart = window.decomposition_chart
    window.resize(900, 700)
    QApplication.processEvents()
    width = chart.width()
    window.document.set_value("A", 0, 0.9)
    window.document.recompute_now()
    QApplication.processEvents()
    title = chart.getPlotItem().titleLabel.text
    assert title.endswith(" ⚠") and "last valid" not in title
    assert chart.width() == width  # the title did not push the layout
    plot_right = chart.getPlotItem().getViewBox().sceneBoundingRect().right()
    assert plot_right <= chart.viewport().width()  # nothing cut off at the right
    window.document.undo_stack.undo()
    window.document.recompute_now()
    assert not chart.getPlotItem().titleLabel.text.endswith(" ⚠")


def test_without_models_the_charts_say_what_to_do(window):
    window.document.remove_distribution("A")
    window.document.remove_distribution("B")
    window.document.recompute_now()
    notice = window.contribution_chart.plot._notice
    assert notice.isVisible() and "Add a model" in notice.toPlainText()


def test_sixteen_models_get_sixteen_different_colours():
    assert len({QColor(c).name() for c in MODEL_COLOURS}) == len(MODEL_COLOURS) == 16


def test_many_classes_get_thinned_names_under_the_axis(window):
    workspace = example_workspace()
    for index in range(200):
        workspace = workspace.with_class_added(f"class {index}")
    window.document.replace_workspace(workspace)
    axis = window.distribution_chart.getPlotItem().getAxis("bottom")
    names = axis.names_drawn()
    assert 2 <= len(names) <= window.distribution_chart.width() // 60
    assert names[0] == "dog" and int(names[-1].split()[-1]) >= 190  # near both ends


def test_many_models_drop_the_value_labels_of_the_decomposition(window):
    assert all(label.isVisible() for label in window.decomposition_chart._entropy_labels[:2])
    for _ in range(6):
        window.document.add_distribution()
    window.document.recompute_now()
    labels = window.decomposition_chart._labels
    assert not any(label.isVisible() for label in labels)
    for _ in range(12):  # bars narrower than "H(P)": it is no longer written in them
        window.document.add_distribution()
    window.document.recompute_now()
    assert not any(label.isVisible() for label in window.decomposition_chart._entropy_labels)
