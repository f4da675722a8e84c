"""While one model is invalid the charts show P and the valid models, and say which is left
out and why; while P is invalid they show the last valid input, marked."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit


def type_value(qtbot, window, distribution: str, class_index: int, text: str) -> None:
    """Type ``text`` into a cell of the editor and press Enter, as a user does."""
    editor = window.editor
    view = editor.view
    view.setCurrentIndex(editor.model.index(class_index, editor.model.column_of(distribution)))
    view.setFocus()
    QTest.keyClick(view, Qt.Key_F2)
    qtbot.waitUntil(lambda: bool(view.findChildren(QLineEdit)))
    line_edit = view.findChildren(QLineEdit)[-1]
    line_edit.selectAll()
    QTest.keyClicks(line_edit, text)
    QTest.keyClick(line_edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.EditingState)  # (queued)


def test_the_charts_keep_showing_p_and_the_valid_models_while_one_is_invalid(qtbot, window):
    document = window.document
    type_value(qtbot, window, "B", 0, "0.9")
    qtbot.waitUntil(lambda: "B" in document.left_out)
    chart = window.distribution_chart
    assert [label.text for _, label in chart.legend.items] == ["★ P", "A"]
    shown = [np.asarray(bar.opts["height"]).tolist() for bar in chart._bars]
    workspace = document.workspace
    assert shown == [workspace.distribution(name).values.tolist() for name in ("P", "A")]
    for plot in (chart, window.contribution_chart.plot, window.decomposition_chart):
        assert "last valid" not in plot.getPlotItem().titleLabel.text
        assert plot.getPlotItem().getViewBox().opacity() == 1
    assert window.decomposition_chart.getPlotItem().getAxis("bottom").names_drawn() == ["A"]
    banner = window.banner.label.text()
    assert "'B' sums to 1.7, not 1" in banner
    assert "Left out of the charts and the ranking until it is fixed: B" in banner


def test_the_charts_show_the_last_valid_input_while_p_is_invalid(qtbot, window):
    document = window.document
    type_value(qtbot, window, "P", 0, "0.9")
    qtbot.waitUntil(lambda: document.input_error is not None)
    chart = window.distribution_chart
    assert "last valid input" in chart.getPlotItem().titleLabel.text
    assert [label.text for _, label in chart.legend.items] == ["★ P", "A", "B"]
    assert "The reference P is not valid" in window.banner.label.text()


def test_a_model_left_out_leaves_the_others_their_colours(qtbot, window):
    document = window.document
    chart = window.distribution_chart

    def colours() -> dict[str, str]:
        return {
            label.text: bar.opts["brush"].color().name()
            for (_, label), bar in zip(chart.legend.items, chart._bars, strict=True)
        }

    before = colours()
    type_value(qtbot, window, "A", 0, "0.9")
    qtbot.waitUntil(lambda: "A" in document.left_out)
    assert colours() == {"★ P": before["★ P"], "B": before["B"]}
    bars = window.decomposition_chart._divergence.opts["brushes"]
    assert [brush.color().name() for brush in bars] == [before["B"]]
