"""Fusion with outlines that show on a dark palette.

Fusion derives a control's outline from the window colour made darker, which on a dark
window is darker still: unchecked check boxes, radio buttons, spin boxes, combo boxes, line
edits and scroll-bar handles vanish into the background. This style draws Fusion, then
strokes those outlines (and fills the handles) in colours that stand out from the window by
:data:`~klgui.style.contrast.CONTROL_CONTRAST` at least.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from klgui.style.contrast import legible_on

#: Primitives whose outline is stroked again.
_OUTLINED_PRIMITIVES = {
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_FrameLineEdit,
    QStyle.PrimitiveElement.PE_FrameGroupBox,
}
_OUTLINED_CONTROLS = {
    QStyle.ComplexControl.CC_SpinBox,
    QStyle.ComplexControl.CC_ComboBox,
}


class ContrastStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    @staticmethod
    def outline_colour(palette: QPalette) -> QColor:
        """A control's outline: the placeholder text's grey, made to stand out."""
        window = palette.color(QPalette.ColorRole.Window)
        return legible_on(palette.color(QPalette.ColorRole.PlaceholderText), window)

    @staticmethod
    def handle_colour(palette: QPalette, active: bool) -> QColor:
        window = palette.color(QPalette.ColorRole.Window)
        handle = legible_on(palette.color(QPalette.ColorRole.Mid), window)
        return handle.lighter(125) if active else handle

    def drawPrimitive(self, element, option: QStyleOption, painter: QPainter, widget=None):
        super().drawPrimitive(element, option, painter, widget)
        if element not in _OUTLINED_PRIMITIVES:
            return
        if element == QStyle.PrimitiveElement.PE_FrameLineEdit and _is_inside_a_box(widget):
            return  # a spin box's or a combo box's own line edit: its box is outlined
        round_mark = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        self._stroke(painter, option, round_mark)

    def drawComplexControl(self, control, option, painter: QPainter, widget=None):
        super().drawComplexControl(control, option, painter, widget)
        if control in _OUTLINED_CONTROLS and getattr(option, "frame", True):
            self._stroke(painter, option, round_mark=False)
        elif control == QStyle.ComplexControl.CC_ScrollBar:
            self._fill_handle(painter, option, widget)
        elif control == QStyle.ComplexControl.CC_Slider:
            self._outline_slider(painter, option, widget)

    def _outline_slider(self, painter: QPainter, option, widget: QWidget | None) -> None:
        for part in (QStyle.SubControl.SC_SliderGroove, QStyle.SubControl.SC_SliderHandle):
            rect = self.subControlRect(QStyle.ComplexControl.CC_Slider, option, part, widget)
            if part == QStyle.SubControl.SC_SliderGroove:  # Fusion draws a thin groove inside
                middle = rect.center()
                if option.orientation == Qt.Orientation.Horizontal:
                    rect.setTop(middle.y() - 2)
                    rect.setBottom(middle.y() + 2)
                else:
                    rect.setLeft(middle.x() - 2)
                    rect.setRight(middle.x() + 2)
            self._stroke(painter, option, round_mark=False, rect=rect)

    def _stroke(self, painter: QPainter, option: QStyleOption, round_mark: bool, rect=None) -> None:
        palette = option.palette
        colour = self.outline_colour(palette)
        if not option.state & QStyle.StateFlag.State_Enabled:
            colour = QColor(colour)
            colour.setAlphaF(0.5)  # disabled controls may be faint (WCAG exempts them)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect if rect is None else rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if round_mark:
            painter.drawEllipse(box.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.drawRoundedRect(box, 2.0, 2.0)
        painter.restore()

    def _fill_handle(self, painter: QPainter, option, widget: QWidget | None) -> None:
        handle = self.subControlRect(
            QStyle.ComplexControl.CC_ScrollBar,
            option,
            QStyle.SubControl.SC_ScrollBarSlider,
            widget,
        )
        if handle.isEmpty():
            return
        active = bool(option.activeSubControls & QStyle.SubControl.SC_ScrollBarSlider)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.handle_colour(option.palette, active))
        painter.drawRoundedRect(QRectF(handle).adjusted(1.5, 1.5, -1.5, -1.5), 3.0, 3.0)
        painter.restore()


def _is_inside_a_box(widget: QWidget | None) -> bool:
    parent = widget.parent() if widget is not None else None
    return isinstance(parent, QAbstractSpinBox | QComboBox)
