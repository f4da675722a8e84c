"""Korean chosen where no installed font has Hangul: the window says so, once per start,
rather than leaving the user with empty boxes and no idea why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

from klgui.style.palette import BANNER_COLOUR
from klgui.window import language

#: In English on purpose: with no font for Hangul, a Korean sentence would be boxes too.
#: Broken into lines here: a toolbar gives a label that wraps by itself too much height.
NO_HANGUL_FONT = (
    "No installed font has Hangul, so Korean text shows as empty boxes. "
    "Install one and start KL Explorer again:\n"
    "Debian, Ubuntu: sudo apt install fonts-nanum; elsewhere: Noto Sans CJK. "
    "Or choose View ▸ Language ▸ English."
)


class HangulNotice:
    """Tells the first window that speaks Korean, if no font can draw it; no window after."""

    def __init__(self) -> None:
        self.shown = False

    def follow(self, window: QMainWindow, code: str) -> None:
        """``window`` now speaks the language ``code``."""
        if self.shown or code != "ko" or language.has_hangul_font():
            return
        self.shown = True
        window.addToolBarBreak(Qt.TopToolBarArea)  # a row of its own, over the whole window
        window.addToolBar(Qt.TopToolBarArea, _notice_bar(window))


def _notice_bar(window: QMainWindow) -> QToolBar:
    """The notice, across the window under the toolbar, until the user closes it."""
    bar = QToolBar(window)
    bar.setObjectName("hangulNotice")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)  # not among the toolbars a right-click lists
    bar.setStyleSheet(f"QToolBar#hangulNotice {{ background: {BANNER_COLOUR.name()}; }}")
    label = QLabel("⚠ " + NO_HANGUL_FONT, bar)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)  # the command can be copied
    label.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
    bar.addWidget(label)
    close = bar.addAction("✕", bar.hide)
    close.setToolTip("Close")
    return bar
