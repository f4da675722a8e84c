"""The frame drawn around the pane that has the keyboard focus (F6, Ctrl+1 … Ctrl+7 and Tab
move it), so that one sees where keys go."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from klgui.style.contrast import legible_on


class FocusFrame(QWidget):
    """A see-through widget laid over the focused pane, as its child (so it moves, hides and
    shows with it), drawing only a border; clicks go through it."""

    def __init__(self, panes: Callable[[], list[QWidget]], parent: QWidget) -> None:
        super().__init__(parent)
        self._panes = panes
        self.pane: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        QApplication.instance().focusChanged.connect(self._on_application_focus_changed)

    def colour(self) -> QColor:
        """The highlight colour, made to stand out from the window by 3:1."""
        palette = self.palette()
        return legible_on(
            palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.Window)
        )

    def line_width(self) -> int:
        """Heavier with larger type (presentation mode): the application's, which reaches
        the widgets only through events."""
        return max(2, round(QFontMetrics(QApplication.font()).height() / 8))

    def _on_application_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        pane = next(
            (p for p in self._panes() if new is not None and (new is p or p.isAncestorOf(new))),
            None,
        )
        if pane is self.pane:
            return
        if self.pane is not None:
            self.pane.removeEventFilter(self)
        self.pane = pane
        if pane is None:
            self.hide()
            return
        self.setParent(pane)
        pane.installEventFilter(self)
        self._cover_pane()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pane and event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self._cover_pane()
        return False

    def _cover_pane(self) -> None:
        self.setGeometry(self.pane.rect())
        self.raise_()  # above the pane's viewport and scroll bars

    def paintEvent(self, _event: QPaintEvent) -> None:
        width = self.line_width()
        painter = QPainter(self)
        painter.setPen(QPen(self.colour(), width))
        painter.drawRect(QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2))
        painter.end()
