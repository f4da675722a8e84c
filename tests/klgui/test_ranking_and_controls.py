"""Ranking table, analysis controls and the invalid-input banner, both directions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QLineEdit, QWidget

from klgui.panels.analysis_controls import AnalysisControls
from klgui.panels.input_banner import InputBanner
from klgui.style.palette import BEST_ROW_COLOUR
from klgui.tables.ranking_table import RankingTable


@pytest.fixture
def ranking(qtbot, document):
    widget = RankingTable(document)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def controls(qtbot, document):
    widget = AnalysisControls(document)
    qtbot.addWidget(widget)
    return widget


def row_names(ranking):
    model = ranking.model
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def test_ranking_reorders_when_an_edit_makes_b_best(qtbot, document, ranking):
    assert row_names(ranking) == ["A", "B"]
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_values("B", [0.6, 0.3, 0.1])
    assert row_names(ranking) == ["B", "A"]
    best = ranking.model.data(ranking.model.index(0, 1), Qt.BackgroundRole)
    assert best.color() == BEST_ROW_COLOUR
    assert ranking.model.data(ranking.model.index(0, 2)) == "0.0000"


def test_the_note_explains_why_cross_entropy_ranks_like_kl(ranking):
    assert "same order" in ranking.note.text()
    assert "0.8979 nats" in ranking.note.text()


def test_unit_control_changes_the_document_and_every_number(qtbot, document, controls, ranking):
    with qtbot.waitSignal(document.comparisonChanged):
        controls.base.setCurrentIndex(0)  # bits
    assert document.workspace.base == 2.0
    assert "bits" in ranking.note.text()
    assert ranking.model.data(ranking.model.index(0, 2)) == "0.0326"


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


def test_banner_shows_the_problem_and_normalize_fixes_it(qtbot, document):
    window = QWidget()
    qtbot.addWidget(window)
    banner = InputBanner(document, window)
    window.show()
    assert not banner.isVisible()
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_value("A", 0, 0.9)
    assert banner.isVisible()
    assert "sums to 1.4" in banner.label.text()
    assert "last valid" in banner.label.text()
    assert banner.normalize_button.isVisible()
    with qtbot.waitSignal(document.comparisonChanged):
        qtbot.mouseClick(banner.normalize_button, Qt.LeftButton)
    assert not banner.isVisible()
    assert document.workspace.distribution("A").values.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("broken", "words"),
    [
        (("A",), None),
        (("A", "B"), "(and 1 more problem,"),
        (("P", "A", "B"), "(and 2 more problems,"),
    ],
)
def test_the_banner_counts_the_other_problems(qtbot, document, broken, words):
    banner = InputBanner(document)
    qtbot.addWidget(banner)
    for name in broken:
        document.set_value(name, 0, 0.95)
    document.recompute_now()
    text = banner.label.text()
    assert "more problem" not in text if words is None else words in text


def test_a_long_model_name_is_cut_short_in_the_ranking_and_the_legends(qtbot, window):
    long_name = "a model with a very long and descriptive name, version 2025-03-14"
    window.document.replace_workspace(
        window.document.workspace.with_distribution_renamed("B", long_name)
    )
    ranking = window.ranking
    row = [ranking.model.index(r, 1).data() for r in range(2)].index(long_name)
    assert ranking.model.index(row, 1).data(Qt.ToolTipRole) == long_name
    characters = ranking.view.fontMetrics().averageCharWidth()
    assert ranking.view.columnWidth(1) <= characters * 22
    labels = [label.text for _, label in window.distribution_chart.legend.items]
    assert labels[-1].startswith("a model with") and len(labels[-1]) <= 24
    window.dark_action.trigger()  # a new theme fits the tables to its font: still cut short
    try:
        QApplication.processEvents()
        assert ranking.view.columnWidth(1) <= characters * 22
    finally:
        window.dark_action.trigger()


def type_into_editor(qtbot, window, distribution, class_index, text):
    """Type ``text`` into a cell of the editor, as a user does, and commit it."""
    editor = window.editor
    editor.select(class_index=class_index, distribution=distribution)
    editor.view.edit(editor.view.currentIndex())
    qtbot.waitUntil(lambda: bool(editor.view.findChildren(QLineEdit)))
    line_edit = editor.view.findChildren(QLineEdit)[-1]
    line_edit.selectAll()
    QTest.keyClicks(line_edit, text)
    editor.view.commitData(line_edit)
    editor.view.closeEditor(line_edit, QAbstractItemDelegate.SubmitModelCache)


def test_the_ranking_is_marked_and_dimmed_while_it_shows_the_last_valid_input(qtbot, window):
    ranking = window.ranking
    assert ranking.title.text() == "Ranking against P"
    type_into_editor(qtbot, window, "A", 0, "-1")
    qtbot.waitUntil(lambda: window.document.input_error is not None)
    qtbot.waitUntil(lambda: ranking.is_stale())
    assert ranking.title.text().startswith("Ranking against P")
    assert ranking.title.text().endswith(("(last valid input)", " ⚠"))
    # The cells and the note on them (H(P) of the last valid input) are dimmed alike.
    for dimmed in (ranking.view.viewport(), ranking.note):
        effect = dimmed.graphicsEffect()
        assert effect.isEnabled() and effect.opacity() < 1
    assert ranking.model.rowCount() == 2  # the last valid figures, still there to read
    type_into_editor(qtbot, window, "A", 0, "0.5")
    qtbot.waitUntil(lambda: window.document.input_error is None)
    qtbot.waitUntil(lambda: not ranking.is_stale())
    assert ranking.title.text() == "Ranking against P"
    assert not ranking.view.viewport().graphicsEffect().isEnabled()
    assert not ranking.note.graphicsEffect().isEnabled()


def test_the_ranking_title_names_the_reference_and_follows_it(qtbot, window):
    ranking = window.ranking
    window.document.set_reference("A")
    qtbot.waitUntil(lambda: ranking.title.text() == "Ranking against A")
    long_name = "labels of a file with a long name\nand a line break.csv"
    window.document.rename_distribution("A", long_name)
    qtbot.waitUntil(lambda: ranking.title.text() != "Ranking against A")
    assert ranking.title.toolTip() == "Ranking against " + long_name.replace("\n", "\\n")
    assert "\n" not in ranking.title.text() and "…" in ranking.title.text()
    assert ranking.title.minimumWidth() < ranking.title.fontMetrics().horizontalAdvance(long_name)


def test_a_narrow_ranking_marks_the_last_valid_input_briefly(qtbot, document, ranking):
    ranking.show()
    qtbot.waitExposed(ranking)
    ranking.resize(ranking.title.minimumWidth(), 300)
    document.set_value("A", 0, -1.0)
    document.recompute_now()
    assert ranking.title.text() == "Ranking against P ⚠"
    ranking.resize(900, 300)
    assert ranking.title.text() == "Ranking against P (last valid input)"


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
