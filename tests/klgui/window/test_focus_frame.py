"""The keyboard focus frame the README promises: drawn round the focused view, moving with
F6 and Ctrl+1 … Ctrl+7, visible in both themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from klgui.style.contrast import CONTROL_CONTRAST, contrast_ratio


def _edge_colour(window, pane: QWidget) -> QColor:
    """The colour drawn on the pane's left edge, halfway down, in the window's image."""
    image = window.grab().toImage()
    point = pane.mapTo(window, QPoint(0, pane.height() // 2))
    return QColor(image.pixel(point.x(), point.y()))


def _press(window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window, key, modifier)


@pytest.mark.parametrize("dark", [False, True])
def test_the_focused_view_is_framed_and_the_frame_follows_the_keys(qtbot, window, dark):
    if dark:
        window.dark_action.trigger()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    background = window.palette().color(window.backgroundRole())
    _press(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the distributions
    chart = window.distribution_chart
    qtbot.waitUntil(chart.hasFocus)
    framed = _edge_colour(window, chart)
    assert contrast_ratio(framed, background) >= CONTROL_CONTRAST
    assert framed == window.focus_frame.colour()
    _press(window, Qt.Key.Key_F6)  # on to the per-class terms
    terms = window.contribution_chart.plot
    qtbot.waitUntil(terms.hasFocus)
    assert _edge_colour(window, terms) == window.focus_frame.colour()
    assert _edge_colour(window, chart) != window.focus_frame.colour()  # the frame moved
    if dark:
        window.dark_action.trigger()


def test_the_frame_covers_a_table_and_leaves_its_clicks_to_it(qtbot, window):
    window.focus_view(0)  # the table
    view = window.editor.view
    qtbot.waitUntil(lambda: window.focus_frame.isVisible())
    assert window.focus_frame.geometry() == view.rect()
    assert window.focus_frame.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert _edge_colour(window, view) == window.focus_frame.colour()


def test_the_frame_is_heavier_with_presentation_type(window):
    window.focus_view(1)
    usual = window.focus_frame.line_width()
    window.presentation_action.trigger()
    try:
        assert window.focus_frame.line_width() > usual
    finally:
        window.presentation_action.trigger()
