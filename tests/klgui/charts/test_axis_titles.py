"""The title of a chart's value axis ("probability", "nats", "확률") is drawn whole inside the
chart, in large type too, never reaching past its left edge."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from klgui.charts.distribution_chart import DistributionChart
from klgui.style.chart_style import chart_style


@pytest.mark.parametrize("text", ["probability", "확률"])
@pytest.mark.parametrize("presentation", [False, True])
def test_the_value_axis_title_lies_inside_the_chart_beside_its_ticks(
    qtbot, document, text, presentation
):
    chart = DistributionChart(document)
    qtbot.addWidget(chart)
    chart.resize(900, 400)
    chart.apply_style(chart_style(dark=False, presentation=presentation))
    chart.set_axis_label(text)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()
    axis = chart.getPlotItem().getAxis("left")
    title = axis.label.mapRectToScene(axis.label.boundingRect())
    room = axis.sceneBoundingRect()
    margin = axis.label.document().documentMargin()  # (no ink there)
    assert title.left() + margin >= room.left() + 2  # pyqtgraph put it 5 pixels past the axis
    assert title.right() - margin <= room.right() - axis.textWidth  # beside the tick labels


@pytest.mark.parametrize("presentation", [False, True])
@pytest.mark.parametrize("height", [200, 400])
def test_a_chart_s_title_is_above_the_plot_never_over_it(qtbot, document, presentation, height):
    chart = DistributionChart(document)
    qtbot.addWidget(chart)
    chart.resize(900, height)
    chart.apply_style(chart_style(dark=False, presentation=presentation))
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()
    item = chart.getPlotItem()
    title = item.titleLabel.item
    text = title.mapRectToScene(title.boundingRect())
    below = item.getViewBox().sceneBoundingRect().top()
    if not chart.legend_beside:
        below = min(below, chart.legend.sceneBoundingRect().top())
    assert text.bottom() <= below + 0.5
