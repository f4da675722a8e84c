"""The analysis controls (unit, ranking measure, smoothing), both directions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core import Smoothing
from klgui.panels.analysis_controls import AmountSpinBox


def test_unit_control_changes_the_document_and_every_number(qtbot, document, controls, ranking):
    with qtbot.waitSignal(document.comparisonChanged):
        controls.base.setCurrentIndex(0)  # bits
    assert document.workspace.base == 2.0
    assert "bits" in ranking.note.text()
    assert ranking.model.data(ranking.model.index(0, 2)) == "0.0326067"


def test_document_changes_show_in_the_controls(document, controls):
    document.set_rank_by("hellinger")
    assert controls.rank_by.currentData() == "hellinger"
    document.undo_stack.undo()
    assert controls.rank_by.currentData() == "kl"


def test_rank_by_control_changes_the_ranking_header(qtbot, document, controls, ranking):
    with qtbot.waitSignal(document.comparisonChanged):
        controls.rank_by.setCurrentIndex(controls.rank_by.findData("total_variation"))
    assert document.comparison.rank_by == "total_variation"
    header = [
        ranking.model.headerData(column, Qt.Horizontal)
        for column in range(ranking.model.columnCount())
    ]
    assert any(text.endswith("▲") and text.startswith("TV") for text in header)


def test_smoothing_control_is_undoable_and_announced(qtbot, document, controls, ranking):
    with qtbot.waitSignal(document.comparisonChanged):
        controls.smoothing.setCurrentIndex(controls.smoothing.findData("epsilon"))
    assert document.workspace.smoothing.method == "epsilon"
    assert controls.amount.isEnabled()
    assert "Smoothing is on" in ranking.note.text()
    document.undo_stack.undo()
    assert not controls.amount.isEnabled()


def type_amount(qtbot, controls, text: str) -> None:
    """Select the ε box's text, type ``text`` and press Enter, as a user does."""
    editor = controls.amount.lineEdit()
    controls.amount.setFocus()
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key_Return)


@pytest.mark.parametrize("typed", ["1e-20", "3e-300"])
def test_a_tiny_epsilon_typed_is_the_epsilon_used(qtbot, document, controls, typed):
    controls.smoothing.setCurrentIndex(controls.smoothing.findData("epsilon"))
    type_amount(qtbot, controls, typed)
    assert document.workspace.smoothing.amount == float(typed)  # not rounded to 0


def test_an_epsilon_too_small_for_a_double_is_not_taken_as_0(qtbot, document, controls):
    controls.smoothing.setCurrentIndex(controls.smoothing.findData("epsilon"))
    before = document.workspace.smoothing.amount
    type_amount(qtbot, controls, "1e-400")
    assert document.workspace.smoothing.amount == before


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


def _text_fits(box: AmountSpinBox) -> bool:
    editor = box.lineEdit()
    margins = editor.textMargins()
    room = editor.contentsRect().width() - margins.left() - margins.right()
    return editor.fontMetrics().horizontalAdvance(editor.text()) <= room - 4  # QLineEdit's margin


@pytest.mark.parametrize("amount", [1e-6, 1e-300, 0.5])
@pytest.mark.parametrize("points", [None, 16])  # the usual font and presentation's
def test_the_epsilon_box_shows_its_whole_value(qtbot, document, controls, amount, points):
    if points is not None:
        font = controls.font()
        font.setPointSize(points)
        controls.setFont(font)
    controls.resize(controls.minimumSizeHint())
    controls.show()
    qtbot.waitExposed(controls)
    document.set_smoothing(Smoothing("epsilon", amount))
    assert controls.amount.text() == f"{amount:g}"
    assert _text_fits(controls.amount)  # "1e-06", not "1e-0" cut by the box's edge


def test_an_epsilon_with_many_digits_shows_them_all_and_enter_keeps_it(qtbot, document, controls):
    controls.smoothing.setCurrentIndex(controls.smoothing.findData("epsilon"))
    type_amount(qtbot, controls, "1.23456789e-05")
    assert controls.amount.text() == "1.23456789e-05"  # not %g's 1.23457e-05
    type_amount(qtbot, controls, controls.amount.text())  # Enter again on what is shown
    assert document.workspace.smoothing.amount == 1.23456789e-05
