"""Charts in a small window (800 × 600, 1000 × 650) and in large type: value labels that
never overlap, and a legend beside the plot when the chart is short."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtWidgets import QApplication

from klgui.charts.bar_chart import tick_labels_drawn, value_tick_spacing
from klgui.charts.contribution_chart import ContributionChart
from klgui.charts.decomposition_chart import DecompositionChart
from klgui.charts.distribution_chart import DistributionChart
from klgui.style.chart_style import chart_style


def _shown(qtbot, chart, width: int, height: int, presentation: bool = False):
    qtbot.addWidget(chart)
    if presentation:
        _plot(chart).apply_style(chart_style(dark=False, presentation=True))
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()
    return chart


def _plot(chart):
    return chart.plot if isinstance(chart, ContributionChart) else chart


CHARTS = {
    "distributions": DistributionChart,
    "per-class terms": ContributionChart,
    "cross-entropy": DecompositionChart,
}


@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize(("height", "presentation"), [(130, False), (170, False), (260, True)])
def test_value_labels_never_overlap(qtbot, document, name, height, presentation):
    chart = _shown(qtbot, CHARTS[name](document), 480, height, presentation)
    axis = _plot(chart).getPlotItem().getAxis("left")
    labels = sorted(tick_labels_drawn(axis), key=lambda label: label[0].top())
    assert labels, "the axis names no value at all"
    for (upper, upper_text), (lower, lower_text) in pairwise(labels):
        assert upper.bottom() <= lower.top(), f"{upper_text!r} overlaps {lower_text!r}"


def test_a_short_chart_puts_its_legend_beside_the_plot(qtbot, document):
    chart = _shown(qtbot, DistributionChart(document), 520, 150)
    item = chart.getPlotItem()
    legend, plot = chart.legend.sceneBoundingRect(), item.getViewBox().sceneBoundingRect()
    assert chart.legend_beside
    assert legend.left() >= plot.right() - 1  # beside, not above
    assert plot.height() >= legend.height() / 2  # the plot is not flattened under it
    assert item.geometry().height() <= chart.height()  # nor the class names cut off below


def test_a_tall_chart_keeps_its_legend_above_the_plot(qtbot, document):
    chart = _shown(qtbot, DistributionChart(document), 520, 400)
    legend = chart.legend.sceneBoundingRect()
    plot = chart.getPlotItem().getViewBox().sceneBoundingRect()
    assert not chart.legend_beside and legend.bottom() <= plot.top() + 1


@pytest.mark.parametrize(
    ("span", "length", "line", "at_least", "expected"),
    [
        (0.7, 40, 17, 0.1, 0.5),  # 40 px hold one label: a step of 0.5 (0 and 0.5)
        (0.7, 200, 17, 0.1, 0.1),  # room enough: pyqtgraph's own
        (2.0, 90, 28, 0.5, 1.0),  # presentation type
        (1.4, 60, 17, 0.2, 1.0),
    ],
)
def test_the_value_tick_spacing_fits_the_labels_to_the_axis(span, length, line, at_least, expected):
    assert value_tick_spacing(span, length, line, at_least) == pytest.approx(expected)


@pytest.mark.parametrize("name", ["distributions", "per-class terms"])
def test_a_short_chart_in_presentation_type_keeps_its_class_names(qtbot, document, name):
    """A beside legend takes more columns when its rows would not fit the plot's height."""
    chart = _shown(qtbot, CHARTS[name](document), 1000, 160, presentation=True)
    document.recompute_now()
    QApplication.processEvents()
    plot = _plot(chart)
    item = plot.getPlotItem()
    assert item.geometry().height() <= plot.height()  # nothing cut off below
    names = [text for _, text in tick_labels_drawn(item.getAxis("bottom"))]
    assert names[:3] == ["dog", "cat", "rabbit"]
