"""The cross-entropy chart's value labels and "H(P)" follow the room the chart is drawn in:
the window's, or an export's own size; the y axis leaves room above the bars only for them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
from PySide6.QtWidgets import QApplication

from klgui.charts.chart_export import ExportSize, chart_svg
from klgui.charts.decomposition_chart import DecompositionChart
from klgui.text.number_format import format_number

SVG = "{http://www.w3.org/2000/svg}"


def shown_chart(qtbot, document, width: int, height: int) -> DecompositionChart:
    chart = DecompositionChart(document)
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()
    return chart


def svg_text(data: bytes) -> str:
    root = ET.fromstring(data)
    return " ".join("".join(e.itertext()) for e in root.iter() if e.tag == f"{SVG}text")


def test_a_slide_export_writes_the_values_a_small_window_has_no_room_for(qtbot, document):
    chart = shown_chart(qtbot, document, 200, 150)
    assert not any(label.isVisible() for label in chart._labels)  # too small in the window
    text = svg_text(chart_svg(chart, size=ExportSize("16:9", 1920, 1.0)))
    kl = document.comparison.kl
    for value in kl:
        assert f"KL {format_number(float(value))}" in text
    assert "H(P)" in text
    QApplication.processEvents()
    assert not any(label.isVisible() for label in chart._labels)  # the window's as it was


def test_without_value_labels_the_axis_ends_just_above_the_tallest_bar(qtbot, document):
    for _ in range(6):  # too many models for value labels
        document.add_distribution()
    document.recompute_now()
    chart = shown_chart(qtbot, document, 900, 500)
    assert not any(label.isVisible() for label in chart._labels)
    tallest = float(np.max(document.comparison.cross_entropy))
    top = chart.getPlotItem().getViewBox().viewRange()[1][1]
    assert tallest < top <= 1.1 * tallest
