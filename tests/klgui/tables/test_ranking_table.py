"""The ranking: models in rank order, its title, its marks, and the note under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QLineEdit

from klgui.style.palette import BEST_ROW_COLOUR


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
    assert ranking.model.data(ranking.model.index(0, 2)) == "0"


def test_the_note_explains_why_cross_entropy_ranks_like_kl(ranking):
    assert "same order" in ranking.note.text()
    assert "0.897946 nats" in ranking.note.text()














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
    # The legend cuts it to the room it has, and its tooltip holds it whole.
    _, label = window.distribution_chart.legend.items[-1]
    assert label.text.startswith("a model with") and "…" in label.text
    assert label.toolTip() == long_name
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
    type_into_editor(qtbot, window, "P", 0, "-1")
    qtbot.waitUntil(lambda: window.document.input_error is not None)
    qtbot.waitUntil(lambda: ranking.is_stale())
    assert ranking.title.text().startswith("Ranking against P")
    assert ranking.title.text().endswith(("(last valid input)", " ⚠"))
    # The cells and the note on them (H(P) of the last valid input) are dimmed alike.
    for dimmed in (ranking.view.viewport(), ranking.note):
        effect = dimmed.graphicsEffect()
        assert effect.isEnabled() and effect.opacity() < 1
    assert ranking.model.rowCount() == 2  # the last valid figures, still there to read
    type_into_editor(qtbot, window, "P", 0, "0.6")
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
    document.set_value("P", 0, -1.0)
    document.recompute_now()
    assert ranking.title.text() == "Ranking against P ⚠"
    ranking.resize(900, 300)
    assert ranking.title.text() == "Ranking against P (last valid input)"


def test_clicking_a_ranking_header_ranks_by_that_measure(window):
    header = window.ranking.view.horizontalHeader()
    column = 2 + list(window.ranking.model.measure_at(c) for c in range(2, 12)).index("hellinger")
    header.sectionClicked.emit(column)
    assert window.document.workspace.rank_by == "hellinger"


def test_the_editor_and_the_ranking_write_numbers_by_one_rule(qtbot, window):
    """Six significant digits whatever the size: 8.76543e-05 beside 0.00301071, never a
    value cut to three digits beside one with six."""
    type_into_editor(qtbot, window, "B", 0, "0.5999")
    type_into_editor(qtbot, window, "B", 1, "0.3001")
    type_into_editor(qtbot, window, "B", 2, "0.1")
    qtbot.waitUntil(lambda: row_names(window.ranking)[0] == "B")
    kl = float(window.document.comparison.kl[1])
    assert 1e-8 < kl < 1e-4
    assert window.ranking.model.index(0, 2).data() == f"{kl:.6g}".replace("-", "−")
    type_into_editor(qtbot, window, "A", 0, "0.000087654321")
    type_into_editor(qtbot, window, "A", 1, "0.00301071234")
    editor = window.editor.model
    assert editor.index(0, 2).data() == "8.76543e−05"
    assert editor.index(1, 2).data() == "0.00301071"


def test_the_ranking_ranks_the_valid_models_while_one_is_invalid(qtbot, window):
    type_into_editor(qtbot, window, "A", 0, "-1")
    qtbot.waitUntil(lambda: row_names(window.ranking) == ["B"])
    assert not window.ranking.is_stale()
    assert window.ranking.title.text() == "Ranking against P"


def test_columns_are_fitted_when_a_text_grows_not_when_numbers_wobble(
    document, ranking, monkeypatch
):
    """Fitting measures every cell: a drag whose numbers change length back and forth (six
    significant digits) refits a column when its text first grows, never at every frame."""
    fits = []
    for method in ("resizeColumnsToContents", "resizeColumnToContents"):
        real = getattr(ranking.view, method)
        monkeypatch.setattr(
            ranking.view, method, lambda *args, real=real: (fits.append(args), real(*args))
        )
    values = document.workspace.distribution("A").values.copy()
    lengths = set()
    fits_after_one_round_trip = None
    for step in range(12):
        values[0] = 0.5 if step % 2 else 0.4  # figures of other lengths, back and forth
        document.set_values("A", values / values.sum(), merge_key="drag")
        document.recompute_now()
        lengths.add(tuple(ranking.model.longest_texts()))
        if step == 1:
            fits_after_one_round_trip = len(fits)
    assert len(lengths) > 1  # the texts did change length
    assert len(fits) == fits_after_one_round_trip
    for column in range(ranking.model.columnCount()):
        if column != 1:  # (the model names' column is capped)
            assert ranking.view.columnWidth(column) >= ranking.view.sizeHintForColumn(column)
