"""The y axes follow the data: they shrink back when values shrink; during a drag they grow
at once and shrink only when the drag ends (no flicker); a chart with no finite value left
keeps no span from before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from klgui.charts.bar_chart import group_geometry
from klgui.charts.distribution_chart import HEADROOM, DistributionChart
from klgui.panels.explorations import Explorations


def y_top(chart) -> float:
    return chart.getPlotItem().getViewBox().viewRange()[1][1]


def test_the_y_axis_shrinks_back_when_the_values_shrink(qtbot, window):
    chart = window.distribution_chart
    assert y_top(chart) == pytest.approx(0.6 * HEADROOM)  # P's dog, 0.6, is the tallest
    window.editor.select(class_index=0, distribution="B")
    QGuiApplication.clipboard().setText("0.65\n0.25\n0.1\n")
    window.editor.paste_action.trigger()
    qtbot.waitUntil(lambda: y_top(chart) == pytest.approx(0.65 * HEADROOM))
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.document.comparison.model_distributions[1][0] == 0.2)
    assert y_top(chart) == pytest.approx(0.6 * HEADROOM)  # not 0.82 for a tallest of 0.6


@pytest.fixture
def chart(qtbot, document):
    widget = DistributionChart(document)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_drag_grows_the_axis_at_once_and_shrinks_it_when_it_ends(qtbot, chart, document):
    offsets, _ = group_geometry(3)
    x = 0 + offsets[1]  # A's dog, 0.5

    def pixel(y: float):
        scene = chart.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
        return chart.mapFromScene(scene)

    def a_dog() -> float:
        return float(document.comparison.model_distributions[0][0])

    viewport = chart.viewport()
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, pixel(0.5))
    for y in (0.55, 0.6, 0.62, 0.64):  # at the axis's top, 0.66: grows as soon as needed
        QTest.mouseMove(viewport, pixel(y))
    qtbot.waitUntil(lambda: a_dog() > 0.62)
    grown = y_top(chart)
    assert grown >= a_dog() * HEADROOM
    for y in (0.5, 0.4, 0.3):
        QTest.mouseMove(viewport, pixel(y))
    qtbot.waitUntil(lambda: a_dog() < 0.4)
    assert y_top(chart) == grown  # held while the drag lasts: no flicker
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, pixel(0.3))
    qtbot.waitUntil(lambda: y_top(chart) == pytest.approx(0.6 * HEADROOM))
    assert document.undo_stack.count() == 1


def test_the_temperature_axis_keeps_no_old_span_when_kl_is_infinite_everywhere(qtbot, document):
    panel = Explorations(document)
    qtbot.addWidget(panel)
    panel.resize(560, 640)
    panel.show()
    plot = panel.temperature_plot
    before = plot.getPlotItem().getViewBox().viewRange()[1]
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_values("A", [1.0, 0.0, 0.0])  # P's cat and rabbit get 0 at every T
    assert "∞ at every temperature" in plot._notice.toPlainText()
    after = plot.getPlotItem().getViewBox().viewRange()[1]
    assert after != before and after[1] == pytest.approx(1.0)
