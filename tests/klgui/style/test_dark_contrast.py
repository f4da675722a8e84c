"""The dark theme's controls stand out from the window (WCAG's 3:1 for controls): grabbed
pixels of each control's outline, indicator or handle against the window behind it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QScrollBar,
    QSlider,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSlider,
    QWidget,
)

from klgui.style.contrast import CONTROL_CONTRAST, contrast_ratio, legible_on
from klgui.style.theme import Theme, ThemeApplier


@pytest.fixture
def dark(qapp):
    applier = ThemeApplier.of(qapp)
    applier.apply(Theme(dark=True))
    yield
    applier.apply(Theme())


def _indicator(widget, element) -> QRect:
    option = QStyleOptionButton()
    widget.initStyleOption(option)
    return widget.style().subElementRect(element, option, widget)


def _checkbox(widget) -> QRect:
    return _indicator(widget, QStyle.SubElement.SE_CheckBoxIndicator)


def _radio(widget) -> QRect:
    return _indicator(widget, QStyle.SubElement.SE_RadioButtonIndicator)


def _top_edge(widget) -> QRect:
    """The frame's top edge, across the middle (away from text and arrows)."""
    return QRect(widget.width() // 4, 0, widget.width() // 4, 3)


def _slider_part(widget, part) -> QRect:
    option = QStyleOptionSlider()
    widget.initStyleOption(option)
    return widget.style().subControlRect(QStyle.ComplexControl.CC_Slider, option, part, widget)


def _scroll_handle(widget) -> QRect:
    option = QStyleOptionSlider()
    widget.initStyleOption(option)
    handle = widget.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, widget
    )
    return handle.adjusted(3, 3, -3, -3)


def _slider_groove(widget) -> QRect:
    groove = _slider_part(widget, QStyle.SubControl.SC_SliderGroove)
    handle = _slider_part(widget, QStyle.SubControl.SC_SliderHandle)
    return QRect(
        handle.right() + 6, groove.top(), groove.right() - handle.right() - 12, groove.height()
    )


def _scroll_bar() -> QScrollBar:
    bar = QScrollBar(Qt.Orientation.Horizontal)
    bar.setRange(0, 100)
    bar.setPageStep(20)
    return bar


CONTROLS = {
    "unchecked check box": (lambda: QCheckBox("x"), _checkbox),
    "radio button": (lambda: QRadioButton("x"), _radio),
    "spin box": (QDoubleSpinBox, _top_edge),
    "combo box": (QComboBox, _top_edge),
    "line edit": (QLineEdit, _top_edge),
    "scroll-bar handle": (_scroll_bar, _scroll_handle),
    "slider groove": (lambda: QSlider(Qt.Orientation.Horizontal), _slider_groove),
}


@pytest.mark.parametrize("name", CONTROLS)
def test_a_dark_control_stands_out_from_the_window(qtbot, dark, name):
    make, region_of = CONTROLS[name]
    holder = QWidget()
    layout = QHBoxLayout(holder)
    control = make()
    layout.addWidget(control)
    qtbot.addWidget(holder)
    holder.resize(240, 60)
    holder.show()
    qtbot.waitExposed(holder)
    image = control.grab().toImage()
    window = holder.palette().color(holder.backgroundRole())
    region = region_of(control)
    assert not region.isEmpty()
    best = max(
        contrast_ratio(QColor(image.pixel(x, y)), window)
        for x in range(region.left(), region.right() + 1)
        for y in range(region.top(), region.bottom() + 1)
        if image.rect().contains(x, y)
    )
    assert best >= CONTROL_CONTRAST, f"{name}: {best:.2f}:1 against the window"


def test_legible_on_reaches_the_contrast_asked_for():
    for colour, background in [
        ("#202020", "#262626"),
        ("#eeeeee", "#ffffff"),
        ("#0072B2", "#202020"),
    ]:
        made = legible_on(QColor(colour), QColor(background))
        assert contrast_ratio(made, QColor(background)) >= CONTROL_CONTRAST
    assert legible_on(QColor("#000000"), QColor("#ffffff")) == QColor("#000000")


def test_contrast_ratio_is_wcag_s():
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
