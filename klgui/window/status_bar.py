"""A status bar whose messages never run into the summary on its right."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

#: Room between a message and the permanent widgets on its right, in pixels.
MESSAGE_GAP = 16


class ElidedLabel(QLabel):
    """One line of plain text, cut in the middle with "…" when it is wider than the label
    (the start names the action, the end the reason); the whole text is its tooltip then."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        # It takes the room it is given, never the summary's: no minimum width of its own.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(0)

    @property
    def full_text(self) -> str:
        return self._full_text

    def set_full_text(self, text: str) -> None:
        self._full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full_text, Qt.TextElideMode.ElideMiddle, width)
        self.setText(shown)
        self.setToolTip(self._full_text if shown != self._full_text else "")


class StatusBar(QStatusBar):
    """Messages are shown in an :class:`ElidedLabel` left of the permanent widgets, with a
    gap, instead of Qt's temporary message, which is drawn up to the summary and cut there
    without a sign. ``showMessage``, ``currentMessage`` and ``clearMessage`` are replaced for
    Python callers; menu status tips still use Qt's own, briefly covering the message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message_label = ElidedLabel(self)
        self.message_label.setContentsMargins(0, 0, MESSAGE_GAP, 0)
        self.addWidget(self.message_label, 1)
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.clearMessage)
        # Set while the message was shown in this turn of the event loop: it may be the
        # message of the very change that would otherwise make it out of date.
        self._shown_this_turn = False

    def showMessage(self, text: str, timeout: int = 0) -> None:
        self.message_label.set_full_text(text)
        if timeout > 0:
            self._expiry.start(timeout)
        else:
            self._expiry.stop()
        self._shown_this_turn = True
        QTimer.singleShot(0, self._end_turn)

    def clear_outdated_message(self) -> None:
        """What the message spoke of has changed ("Not changed: …", "A already sums to 1"
        may no longer be true): clear it, unless it was shown in this turn of the event loop,
        by the change itself ("Imported b.csv")."""
        if not self._shown_this_turn:
            self.clearMessage()

    def _end_turn(self) -> None:
        self._shown_this_turn = False

    def currentMessage(self) -> str:
        return self.message_label.full_text

    def clearMessage(self) -> None:
        self._expiry.stop()
        self.message_label.set_full_text("")
